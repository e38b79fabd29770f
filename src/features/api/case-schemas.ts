import { z } from 'zod'
import { SECTIONS } from '../../domain/assessment.ts'
import { STEP_OWNERS, STEP_STATUSES } from '../../domain/housing-plan.ts'
import { STAGES } from '../../domain/legal-status.ts'
import { REPRESENTATION_MEANS, REVIEW_OUTCOMES, REVIEWABLE_DECISION_KINDS, type ReviewableDecision } from '../../domain/reviews.ts'

/**
 * The JSON shapes of what the case API answers. What it is sent are the commands themselves, each
 * feature's own schemas (casework/commands.ts and the like), read by the pages too.
 */

const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD (Europe/London)' })
const keys = <T extends Record<string, unknown>>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

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

export const OfficersView = z
  .object({
    officers: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        email: z.string(),
        role: z.enum(['caseworker', 'team_manager']),
      }),
    ),
  })
  .meta({
    id: 'Officers',
    description:
      'The officers of your organisation a command may name, by id or email address: to name on a case, or as the maker of a decision under review',
  })

export const ReviewsView = z
  .object({
    reference: z.string(),
    reviews: z.array(
      z.object({
        id: z.uuid(),
        decision: z.enum(REVIEWABLE_DECISION_KINDS as [ReviewableDecision, ...ReviewableDecision[]]),
        decisionLabel: z.string(),
        caseEventId: z.uuid().nullable().meta({ description: 'The decision in the case’s timeline, where it is one' }),
        notifiedOn: isoDate,
        receivedOn: isoDate,
        reviewPeriodWeeks: z.int(),
        decisionDueOn: isoDate.meta({
          description: 'After any representations (reg 9(1)(a)) and longer period agreed in writing (reg 9(1))',
        }),
        mindedToNotifiedOn: isoDate.nullable(),
        representationsReceivedOn: isoDate.nullable(),
        representationsMeans: z.enum(REPRESENTATION_MEANS).nullable(),
        longerPeriodAgreedOn: isoDate.nullable(),
        longerPeriodTo: isoDate.nullable(),
        outcome: z.enum(REVIEW_OUTCOMES).nullable(),
        decidedOn: isoDate.nullable(),
      }),
    ),
  })
  .meta({ id: 'Reviews' })

/* The household (H-CLIC 2): its members, and each member's personal details, read and changed apart. */

export const HouseholdView = z
  .object({
    reference: z.string(),
    members: z.array(
      z.object({
        id: z.uuid(),
        version: z.int(),
        applicant: z.boolean(),
        relationship: z.string().nullable().meta({ description: 'To the applicant; null for the applicant' }),
        givenName: z.string(),
        familyName: z.string(),
        dateOfBirth: isoDate.nullable(),
        sex: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Household', description: 'The members only: each one’s personal details are read on their own, and each read is audited' })

export const PersonalDetailsView = z
  .object({
    personId: z.uuid(),
    version: z.int().meta({ description: '0 when none are recorded yet' }),
    ethnicGroup: z.string().nullable(),
    nationality: z.string().nullable(),
    sexualOrientation: z.string().nullable(),
    genderSameAsAtBirth: z.string().nullable(),
    religion: z.string().nullable(),
    disability: z.string().nullable(),
  })
  .meta({ id: 'PersonalDetails' })

/* The assessment (s189A), section by section. */

export const AssessmentView = z
  .object({
    reference: z.string(),
    version: z.int().meta({ description: '0 before anything is saved' }),
    assessedOn: isoDate.nullable().meta({ description: 'The date the assessment was completed, once it is' }),
    sections: z.array(
      z.object({
        section: z.enum(keys(SECTIONS)),
        title: z.string(),
        status: z.enum(['not_started', 'in_progress', 'completed']),
        answers: z
          .record(z.string(), z.unknown())
          .nullable()
          .meta({ description: 'As saved: codes, dates (YYYY-MM-DD) and text; support needs by person id' }),
      }),
    ),
    incomplete: z.array(z.enum(keys(SECTIONS))),
  })
  .meta({ id: 'Assessment' })

/* The personalised housing plan (s189A), and the work on the case: activities and contacts. */

export const PlanView = z
  .object({
    reference: z.string(),
    plan: z
      .object({
        id: z.uuid(),
        version: z.int(),
        madeOn: isoDate,
        agreement: z.string().nullable(),
        agreementRecordedOn: isoDate.nullable(),
        disagreementReasons: z.string().nullable(),
        lastReviewedOn: isoDate.nullable(),
        nextReviewOn: isoDate,
      })
      .nullable()
      .meta({ description: 'null until the plan is made' }),
    steps: z.array(
      z.object({
        id: z.uuid(),
        owner: z.enum(keys(STEP_OWNERS)),
        ownerName: z.string().nullable(),
        libraryCode: z.string().nullable(),
        text: z.string(),
        dueOn: isoDate,
        status: z.enum(keys(STEP_STATUSES)),
      }),
    ),
    mayMakePlan: z.boolean(),
    mayChangePlan: z.boolean(),
  })
  .meta({ id: 'HousingPlan' })

export const ActivitiesView = z
  .object({
    reference: z.string(),
    activities: z.array(
      z.object({
        id: z.uuid(),
        activity: z.string(),
        duty: z.string(),
        doneOn: isoDate,
        doneBy: z.string(),
        note: z.string().nullable(),
        recordedBy: z.string().nullable(),
        recordedAt: z.iso.datetime(),
      }),
    ),
    contacts: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        direction: z.string().nullable(),
        contactOn: isoDate,
        note: z.string().nullable(),
        recordedBy: z.string().nullable(),
        recordedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'ActivitiesAndContacts', description: 'Activities under a duty and contacts with the household, kept apart' })

/* Letters and notices, kept on the case exactly as issued. */

const LetterSummary = {
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  issuedOn: isoDate,
  issuedAt: z.iso.datetime(),
  issuedBy: z.string().nullable(),
  reviewRequestBy: isoDate.nullable().meta({ description: 'The last day to ask for a review, where the letter gives that right' }),
  eventId: z.uuid().nullable(),
  replacesLetterId: z.uuid().nullable(),
}

export const LettersView = z
  .object({
    reference: z.string(),
    letters: z.array(z.object(LetterSummary)),
    withoutLetter: z
      .array(z.object({ eventId: z.uuid(), kind: z.string(), occurredOn: isoDate, letterKind: z.string(), title: z.string() }))
      .meta({ description: 'Timeline events that call for a letter but have none' }),
  })
  .meta({ id: 'Letters' })

export const LetterView = z
  .object({
    ...LetterSummary,
    reference: z.string(),
    templateVersion: z.int(),
    decidedOn: isoDate.nullable(),
    text: z.string(),
    html: z.string(),
  })
  .meta({ id: 'Letter', description: 'One letter as issued; each read is audited' })
