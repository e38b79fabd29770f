import { z } from 'zod'
import { APPROACH_CHANNELS, EMERGENCIES, SEXES } from '../../domain/approach.ts'
import { ACCOMMODATION_SECURED } from '../../domain/code-lists.ts'
import { STAGES } from '../../domain/legal-status.ts'
import { REQUESTERS, REVIEW_OUTCOMES, REVIEWERS } from '../../domain/reviews.ts'
import { ACCOMMODATION_TYPES, PLACEMENT_ENDINGS } from '../../domain/temporary-accommodation.ts'
import { CHOICE_LABELS } from '../casework/decisions.ts'

/**
 * The JSON shapes of the case commands. They check types only: what the law allows (a lawful move, a
 * date in range) is decided by the same services as the caseworker pages, in the same words.
 */

const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD (Europe/London)' })
const keys = <T extends Record<string, unknown>>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

export const ApproachRequest = z
  .object({
    applicant: z.object({
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: isoDate,
      sex: z.enum(keys(SEXES)).optional(),
    }),
    approachedOn: isoDate,
    channel: z.enum(keys(APPROACH_CHANNELS)),
    emergencies: z.array(z.enum(keys(EMERGENCIES))).optional(),
  })
  .meta({ id: 'ApproachRequest' })

export const DecisionRequest = z
  .object({
    decision: z.enum(keys(CHOICE_LABELS)),
    date: isoDate,
    ground: z.string().optional().meta({ description: 'Ending a duty: the lawful ground' }),
    reason: z.string().optional().meta({ description: 'No duty owed: why' }),
    accommodationOutcome: z.string().optional().meta({ description: 'Ending a duty with accommodation secured: stayed or moved' }),
    accommodationSecured: z
      .enum(keys(ACCOMMODATION_SECURED))
      .optional()
      .meta({ description: 'Ending a duty with accommodation secured: the type of accommodation (H-CLIC 4.8 / 5.8)' }),
    version: z.int().meta({ description: 'The case version you last read; a later change by someone else answers 409' }),
  })
  .meta({ id: 'DecisionRequest' })

export const OfficerRequest = z.object({ officerId: z.uuid(), version: z.int() }).meta({ id: 'OfficerRequest' })

export const WarningRequest = z
  .object({ stepRefused: z.string(), date: isoDate, reasonablePeriodDays: z.int() })
  .meta({ id: 'NonCooperationWarningRequest' })

export const NoticeRequest = z.object({ reasons: z.string(), date: isoDate }).meta({ id: 'NonCooperationNoticeRequest' })

export const PlacementRequest = z
  .object({
    accommodationType: z.enum(keys(ACCOMMODATION_TYPES)),
    bedrooms: z.int().min(0).max(10).optional(),
    inAnotherDistrict: z.boolean().optional(),
    date: isoDate,
  })
  .meta({ id: 'PlacementRequest' })

export const PlacementEndingRequest = z
  .object({ ending: z.enum(keys(PLACEMENT_ENDINGS)), date: isoDate })
  .meta({ id: 'PlacementEndingRequest' })

export const ReviewRequest = z
  .object({
    decision: z.string().meta({
      description:
        'The decision to be reviewed: "event:ID" for a decision in the case’s timeline (its id), or a kind of reviewable decision (s202(1))',
    }),
    originalDecisionBy: z
      .uuid()
      .optional()
      .meta({ description: 'The officer who made it; by default whoever recorded it in the timeline' }),
    notifiedOn: isoDate,
    receivedOn: isoDate,
    extendedInWritingTo: isoDate.optional().meta({ description: 'The end of a longer period for the request agreed in writing' }),
    requestedBy: z.enum(REQUESTERS),
    grounds: z.string().optional(),
    reviewer: z.enum(REVIEWERS),
  })
  .meta({ id: 'ReviewRequest' })

export const ReviewDecisionRequest = z
  .object({ outcome: z.enum(REVIEW_OUTCOMES), date: isoDate, reasons: z.string().optional() })
  .meta({ id: 'ReviewDecisionRequest' })

export const EmptyRequest = z.object({}).meta({ id: 'EmptyRequest' })

const Deadline = z.object({ what: z.string(), due: isoDate, daysLeft: z.int() })

export const CaseSummaryView = z
  .object({
    reference: z.string(),
    stage: z.enum(STAGES),
    approachedOn: isoDate,
    applicant: z.string(),
    nextDeadline: Deadline.nullable(),
  })
  .meta({ id: 'CaseSummary' })

export const CaseloadView = z.object({ cases: z.array(CaseSummaryView) }).meta({ id: 'Caseload' })

export const CaseView = z
  .object({
    reference: z.string(),
    version: z.int(),
    stage: z.enum(STAGES),
    authority: z.string(),
    provider: z.string().nullable(),
    namedOfficer: z.string(),
    approachedOn: isoDate,
    preventionStartedOn: isoDate.nullable(),
    reliefStartedOn: isoDate.nullable(),
    mainDutyStartedOn: isoDate.nullable(),
    closedOn: isoDate.nullable(),
    outcome: z.string().nullable(),
    emergencies: z.array(z.string()),
    household: z.array(
      z.object({
        givenName: z.string(),
        familyName: z.string(),
        relationship: z.string(),
        dateOfBirth: isoDate.nullable(),
      }),
    ),
    deadlines: z.array(Deadline),
    decisionsAvailable: z.array(z.string()),
    timeline: z.array(
      z.object({ id: z.uuid(), kind: z.string(), label: z.string(), occurredOn: isoDate, details: z.record(z.string(), z.unknown()) }),
    ),
  })
  .meta({ id: 'Case' })

export const Recorded = z
  .object({
    reference: z.string(),
    stage: z.enum(STAGES).optional(),
    id: z.uuid().optional().meta({ description: 'The new record’s id, where it has one' }),
  })
  .meta({ id: 'Recorded', description: 'The command was recorded; read the case again for its new state' })
