import { z } from 'zod'
import { REQUESTERS, REVIEW_OUTCOMES, REVIEWABLE_DECISION_KINDS, reviewPeriodFor, REVIEWERS } from '../../domain/reviews.ts'
import { calendarDate } from '../../platform/commands.ts'

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
    originalDecisionBy: z
      .uuid({ error: 'Select an officer of your council' })
      .optional()
      .meta({ description: 'The officer who made it; by default whoever recorded it in the timeline' }),
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
