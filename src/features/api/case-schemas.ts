import { z } from 'zod'
import { SEXES } from '../../domain/approach.ts'
import { ELIGIBILITY, HOMELESSNESS_STATUSES, RELATIONSHIPS, SECTIONS } from '../../domain/assessment.ts'
import {
  ACCOMMODATION_AT_APPLICATION,
  BENEFIT_CLAIMS,
  DISABILITY,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  GENDER_SAME_AS_AT_BIRTH,
  NATIONALITIES,
  POSSESSION_NOTICE_TYPES,
  REASONS_FOR_LOSS_OF_HOME,
  RELIGIONS,
  SEXUAL_ORIENTATIONS,
  SUPPORT_NEEDS,
} from '../../domain/code-lists.ts'
import { STEP_OWNERS, STEP_STATUSES } from '../../domain/housing-plan.ts'
import { STAGES } from '../../domain/legal-status.ts'
import { REQUESTERS, REVIEW_OUTCOMES, REVIEWERS } from '../../domain/reviews.ts'
import { ACCOMMODATION_TYPES, PLACEMENT_ENDINGS } from '../../domain/temporary-accommodation.ts'

/**
 * The JSON shapes of the case commands. They check types only: what the law allows (a lawful move, a
 * date in range) is decided by the same services as the caseworker pages, in the same words.
 */

const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD (Europe/London)' })
const keys = <T extends Record<string, unknown>>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

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

/* The household (H-CLIC 2): its members, and each member's personal details, read and changed apart. */

const version = (what: string) =>
  z
    .int()
    .min(0)
    .meta({ description: `The version of ${what} you last read; a later change by someone else answers 409` })

const MemberFields = {
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: isoDate,
  sex: z.enum(keys(SEXES)),
}

export const MemberRequest = z
  .object({ ...MemberFields, relationship: z.enum(keys(RELATIONSHIPS)).meta({ description: 'Their relationship to the applicant' }) })
  .meta({ id: 'HouseholdMemberRequest' })

export const MemberChangeRequest = z
  .object({
    ...MemberFields,
    relationship: z
      .enum(keys(RELATIONSHIPS))
      .optional()
      .meta({ description: 'Their relationship to the applicant; not asked of the applicant' }),
    version: version('the member'),
  })
  .meta({ id: 'HouseholdMemberChangeRequest' })

const answer = <T extends Record<string, string>>(options: T) =>
  z.enum(keys(options)).nullable().optional().meta({ description: 'Left out or null: not known, or they prefer not to say' })

const PersonalDetailsFields = {
  ethnicGroup: answer(ETHNIC_GROUPS),
  nationality: answer(NATIONALITIES),
  sexualOrientation: answer(SEXUAL_ORIENTATIONS),
  genderSameAsAtBirth: answer(GENDER_SAME_AS_AT_BIRTH),
  religion: answer(RELIGIONS),
  disability: answer(DISABILITY),
}

export const PersonalDetailsRequest = z
  .object({ ...PersonalDetailsFields, version: version('the personal details (0 when none are recorded)') })
  .meta({ id: 'PersonalDetailsRequest' })

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

const text = z.string().optional()
const completeness = {
  complete: z.boolean().optional().meta({
    description:
      'true (the default) is the page’s "Save and continue": the section must then answer every question it needs. false is "Save and come back later": what is given must be right, the rest may wait.',
  }),
  version: version('the assessment (0 before anything is saved)'),
}

export const SECTION_REQUESTS = {
  eligibility: z.object({ eligibility: z.enum(keys(ELIGIBILITY)).optional(), immigrationStatus: text }),
  homelessness: z.object({
    status: z.enum(keys(HOMELESSNESS_STATUSES)).optional(),
    homelessSince: isoDate.optional(),
    expectedHomelessOn: isoDate.optional(),
    possessionNotice: z.enum(keys(POSSESSION_NOTICE_TYPES)).optional(),
    noticeServedOn: isoDate.optional(),
    noticeExpiresOn: isoDate.optional(),
  }),
  circumstances: z.object({
    lastSettledAccommodation: z.enum(keys(ACCOMMODATION_AT_APPLICATION)).optional(),
    reasonForLoss: z.enum(keys(REASONS_FOR_LOSS_OF_HOME)).optional(),
    circumstances: text,
  }),
  accommodation: z.object({ accommodationAtApplication: z.enum(keys(ACCOMMODATION_AT_APPLICATION)).optional(), details: text }),
  housing_needs: z.object({ bedrooms: z.int().optional(), accessibility: text, location: text, other: text }),
  support_needs: z.object({
    needs: z
      .record(z.uuid(), z.array(z.enum(keys(SUPPORT_NEEDS))))
      .meta({ description: 'Each household member’s support needs by their id; an empty list records that they have none' }),
  }),
  employment: z.object({
    applicantEmployment: z.enum(keys(EMPLOYMENT_STATUSES)).optional(),
    partnerEmployment: z.enum(keys(EMPLOYMENT_STATUSES)).optional(),
    housingCostBenefits: z.enum(keys(BENEFIT_CLAIMS)).optional(),
    livingCostBenefits: z.enum(keys(BENEFIT_CLAIMS)).optional(),
    benefitsDetails: text,
  }),
  strengths: z.object({ skills: text, networks: text, whatHasWorked: text, goals: text }),
} as const

/** A section's request: its questions, and whether it is to be complete. Named after the section. */
export const sectionRequest = (section: keyof typeof SECTION_REQUESTS) =>
  SECTION_REQUESTS[section].extend(completeness).meta({
    id: `Assessment${section
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}Request`,
  })

export const AssessmentCompletionRequest = z
  .object({ date: isoDate.meta({ description: 'The date of the assessment' }), version: version('the assessment') })
  .meta({ id: 'AssessmentCompletionRequest' })

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

export const LetterRequest = z
  .object({
    eventId: z.uuid().meta({ description: 'The timeline event (a decision, warning or notice) the letter is for' }),
    replacesLetterId: z.uuid().optional().meta({ description: 'To issue a corrected letter: the letter it corrects' }),
    reasons: z.string().optional().meta({ description: 'The officer’s reasons, added to the letter' }),
  })
  .meta({ id: 'LetterRequest' })

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
