import { z } from 'zod'
import {
  REPRESENTATION_MEANS,
  REQUESTERS,
  REVIEW_OUTCOMES,
  REVIEWABLE_DECISION_KINDS,
  reviewPeriodFor,
  REVIEWERS,
} from '../../domain/reviews.ts'
import { calendarDate } from '../../platform/commands.ts'
import { officerChoice } from '../case/officers.ts'

/** The reviews' commands (s202): one schema each, read by the review pages, the API and its OpenAPI document alike. */

export const TEXT_LIMIT = 4000

/** Cross-field checks run even when a field is wrong, as long as there is an object to look at. */
const everyTime = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null }

/** A decision in the case's timeline is chosen as `event:ID`; the service finds it. */
const isEventChoice = (decision: unknown) => typeof decision === 'string' && decision.startsWith('event:')
const isDecisionKind = (decision: unknown) => (REVIEWABLE_DECISION_KINDS as readonly unknown[]).includes(decision)

export const RequestReview = z
  .object({
    decision: z
      .string({ error: 'Select the decision the applicant wants reviewed' })
      .refine((d) => isEventChoice(d) || isDecisionKind(d), 'Select the decision the applicant wants reviewed')
      .meta({
        description:
          'The decision to be reviewed: "event:ID" for a decision in the case’s timeline (its id), or a kind of reviewable decision (s202(1))',
      }),
    originalDecisionBy: officerChoice('Select an officer of your council').optional().meta({
      description: 'The officer who made it, by id (GET /officers) or email address; by default whoever recorded it in the timeline',
    }),
    notifiedOn: calendarDate('Date the applicant was notified of the decision'),
    receivedOn: calendarDate('Date the request was received'),
    extendedInWritingTo: calendarDate('End of the longer period agreed in writing')
      .optional()
      .meta({ description: 'The end of a longer period for the request agreed in writing' }),
    requestedBy: z.enum(REQUESTERS, { error: 'Select who asked for the review' }),
    grounds: z
      .string()
      .trim()
      .max(TEXT_LIMIT, `The grounds must be ${String(TEXT_LIMIT)} characters or fewer`)
      .optional(),
    reviewer: z.enum(REVIEWERS, { error: 'Select who carries out the review' }),
  })
  // Runs beside the fields' own checks, so that every problem is told at once.
  .superRefine((r, ctx) => {
    // A decision in the timeline names who recorded it; any other needs its maker named.
    if (!r.originalDecisionBy && !isEventChoice(r.decision))
      ctx.addIssue({ code: 'custom', path: ['originalDecisionBy'], message: 'Select the officer who made the original decision' })
    // For a decision in the timeline the service checks this, once it knows which decision it is.
    if (isDecisionKind(r.decision) && (REVIEWERS as readonly unknown[]).includes(r.reviewer)) {
      const period = reviewPeriodFor(r.decision as (typeof REVIEWABLE_DECISION_KINDS)[number], r.reviewer)
      if ('refused' in period) ctx.addIssue({ code: 'custom', path: ['reviewer'], message: period.refused })
    }
  }, everyTime)
  .meta({ id: 'ReviewRequest' })
export type RequestReview = z.output<typeof RequestReview>

export const DecideReview = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES, { error: 'Select the decision on review' }),
    date: calendarDate('Date of the decision'),
    reasons: z
      .string()
      .trim()
      .max(TEXT_LIMIT, `The reasons must be ${String(TEXT_LIMIT)} characters or fewer`)
      .optional()
      .meta({ description: 'Why the review decided as it did; needed unless the applicant withdrew the request' }),
  })
  .superRefine((d, ctx) => {
    if (!d.reasons && d.outcome !== 'withdrawn')
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'Enter the reasons for the decision on review' })
  }, everyTime)
  .meta({ id: 'ReviewDecisionRequest' })
export type DecideReview = z.output<typeof DecideReview>

/* During the review (reg 7 and reg 9 of the 2018 Regulations). */

const MINDED_TO_REASONS = 'Enter why the reviewer is minded to decide against the applicant, and the deficiency or irregularity found'

/** The reviewer's notice that they are minded to decide against the applicant despite a deficiency or irregularity (reg 7(2)). */
export const GiveMindedToNotice = z
  .object({
    date: calendarDate('Date the applicant was notified').meta({ description: 'The day the applicant was given the notice' }),
    reasons: z
      .string({ error: MINDED_TO_REASONS })
      .trim()
      .min(1, MINDED_TO_REASONS)
      .max(TEXT_LIMIT, `The reasons must be ${String(TEXT_LIMIT)} characters or fewer`)
      .meta({ description: 'What the reviewer is minded to decide and why (reg 7(2)(a)); they go into the notice’s letter' }),
  })
  .meta({ id: 'ReviewMindedToNoticeRequest' })
export type GiveMindedToNotice = z.output<typeof GiveMindedToNotice>

/** The applicant's representations in answer to that notice, orally, in writing or both (reg 7(2)(b)). */
export const RecordRepresentations = z
  .object({
    receivedOn: calendarDate('Date the representations were received').meta({
      description: 'For a three-week review, its period starts again on this day (reg 9(1)(a))',
    }),
    means: z.enum(REPRESENTATION_MEANS, { error: 'Select how the representations were made' }),
    summary: z
      .string()
      .trim()
      .max(TEXT_LIMIT, `The summary must be ${String(TEXT_LIMIT)} characters or fewer`)
      .optional()
      .meta({ description: 'What the applicant, or someone on their behalf, said' }),
  })
  .meta({ id: 'ReviewRepresentationsRequest' })
export type RecordRepresentations = z.output<typeof RecordRepresentations>

/** A longer period for the decision on review, agreed in writing by the applicant and the reviewer (reg 9(1)). */
export const ExtendReviewPeriod = z
  .object({
    agreedOn: calendarDate('Date the longer period was agreed in writing'),
    extendedTo: calendarDate('End of the longer period').meta({ description: 'The day the decision on review is then due' }),
  })
  .meta({ id: 'ReviewPeriodExtensionRequest' })
export type ExtendReviewPeriod = z.output<typeof ExtendReviewPeriod>
