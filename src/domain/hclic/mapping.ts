import { LocalDate } from '@js-joda/core'
import {
  applicantOf,
  childrenOf,
  type HclicCase,
  type HclicDutyPeriod,
  type HclicMainDuty,
  type HclicPerson,
  type HclicPlacement,
  type HclicReview,
} from './record.ts'

/**
 * The return, section by section and question by question (research/hclic.md §1.2–1.3): where each
 * answer comes from in the case, which code list it uses, when it is required, and the page where an
 * officer supplies it. This table is the one place to check against the specification; the export,
 * the validation and the official tables all read it.
 */

export type Answer = string | number | boolean | string[] | null

export type AnswerKind = 'code' | 'codes' | 'date' | 'number' | 'yes_no' | 'reference'

export interface Question<Subject> {
  number: string
  wording: string
  kind: AnswerKind
  /** The code list, for coded answers (hclic/code-lists.ts). */
  list?: string
  answer(subject: Subject, record: HclicCase): Answer
  /** Whether the return needs an answer for this subject; a missing one is a validation finding. */
  required(subject: Subject, record: HclicCase): boolean
  /** Where, under /cases/REFERENCE, an officer records the answer. */
  fixAt(subject: Subject, record: HclicCase): string
}

export interface Section<Subject> {
  id: string
  /** The section's number: questions n.x belong to section n. */
  number: number
  title: string
  /** The rows the section has for a case: one, one per person, placement or review, or none. */
  rows(record: HclicCase): Subject[]
  questions: Question<Subject>[]
}

const always = () => true
const assessed = (_: unknown, record: HclicCase) => record.assessedOn !== null
const eligibleAndAssessed = (_: unknown, record: HclicCase) => record.assessedOn !== null && record.eligibility !== 'not_eligible'
const assessment = (section: string) => () => `/assessment/${section}`

const main: Section<HclicCase> = {
  id: 'main',
  number: 1,
  title: 'Main: the application and the main applicant',
  rows: (record) => [record],
  questions: [
    {
      number: '1.1',
      wording: 'Local authority code and case reference',
      kind: 'reference',
      answer: (r) => `${r.authorityCode}:${r.reference}`,
      required: always,
      fixAt: () => '',
    },
    {
      number: '1.3',
      wording: 'Is the applicant eligible for assistance?',
      kind: 'code',
      list: 'eligibility',
      answer: (r) => r.eligibility,
      required: assessed,
      fixAt: assessment('eligibility'),
    },
    {
      number: '1.4',
      wording: 'Number of children',
      kind: 'number',
      answer: (r) => childrenOf(r),
      required: always,
      fixAt: () => '/household',
    },
    {
      number: '1.5',
      wording: 'Date of assessment',
      kind: 'date',
      answer: (r) => r.assessedOn,
      required: (r) => r.initialDuty !== null,
      fixAt: () => '/assessment/check',
    },
    {
      number: '1.6',
      wording: 'What duties are owed to the applicant?',
      kind: 'code',
      list: 'initial_duty',
      answer: (r) => r.initialDuty,
      required: assessed,
      fixAt: () => '/decision',
    },
    {
      number: '1.7',
      wording: 'Ethnic group of the main applicant',
      kind: 'code',
      list: 'ethnic_group',
      answer: (r) => applicantOf(r)?.ethnicGroup ?? null,
      required: eligibleAndAssessed,
      fixAt: applicantDetails,
    },
    {
      number: '1.8',
      wording: 'Sexual identity of the main applicant',
      kind: 'code',
      list: 'sexual_orientation',
      answer: (r) => applicantOf(r)?.sexualOrientation ?? null,
      required: eligibleAndAssessed,
      fixAt: applicantDetails,
    },
    {
      number: '1.9',
      wording: 'Nationality of the main applicant',
      kind: 'code',
      list: 'nationality',
      answer: (r) => applicantOf(r)?.nationality ?? null,
      required: assessed,
      fixAt: applicantDetails,
    },
    {
      number: '1.10',
      wording: 'Current employment status of the applicant',
      kind: 'code',
      list: 'employment',
      answer: (r) => r.applicantEmployment,
      required: eligibleAndAssessed,
      fixAt: assessment('employment'),
    },
    {
      number: '1.11',
      wording: 'Is anyone in the household claiming benefits towards housing costs?',
      kind: 'code',
      list: 'benefits',
      answer: (r) => r.housingCostBenefits,
      required: eligibleAndAssessed,
      fixAt: assessment('employment'),
    },
    {
      number: '1.12',
      wording: 'Is anyone in the household claiming benefits towards other living costs?',
      kind: 'code',
      list: 'benefits',
      answer: (r) => r.livingCostBenefits,
      required: eligibleAndAssessed,
      fixAt: assessment('employment'),
    },
    {
      number: '1.13',
      wording: 'Accommodation at the time of application',
      kind: 'code',
      list: 'accommodation',
      answer: (r) => r.accommodationAtApplication,
      required: eligibleAndAssessed,
      fixAt: assessment('accommodation'),
    },
    {
      number: '1.14',
      wording: 'Last settled accommodation type',
      kind: 'code',
      list: 'accommodation',
      answer: (r) => r.lastSettledAccommodation,
      required: eligibleAndAssessed,
      fixAt: assessment('circumstances'),
    },
    {
      number: '1.15',
      wording: 'Main reason for loss, or threat of loss, of settled home',
      kind: 'code',
      list: 'reason_for_loss',
      answer: (r) => r.reasonForLoss,
      required: (_s, r) => r.initialDuty === 'prevention' || r.initialDuty === 'relief',
      fixAt: assessment('circumstances'),
    },
    {
      number: '1.19',
      wording: 'Was the applicant referred to the authority?',
      kind: 'yes_no',
      answer: (r) => r.referred,
      required: always,
      fixAt: () => '',
    },
    {
      number: '1.20',
      wording: 'Agency type of the referring body',
      kind: 'code',
      list: 'referring_body',
      answer: (r) => r.referringBodyType,
      required: (r) => r.referred,
      fixAt: () => '',
    },
    {
      number: '1.22',
      wording: 'Date homeless application made',
      kind: 'date',
      answer: (r) => r.appliedOn,
      required: always,
      fixAt: () => '',
    },
    {
      number: '1.23',
      wording: 'Current employment status of partner or spouse',
      kind: 'code',
      list: 'employment',
      answer: (r) => r.partnerEmployment,
      required: (r) => r.assessedOn !== null && r.people.some((p) => p.relationship === 'partner'),
      fixAt: assessment('employment'),
    },
    {
      number: '1.24',
      wording: 'Is the applicant’s gender the same as the sex registered at birth?',
      kind: 'code',
      list: 'gender_same_as_at_birth',
      answer: (r) => applicantOf(r)?.genderSameAsAtBirth ?? null,
      required: eligibleAndAssessed,
      fixAt: applicantDetails,
    },
  ],
}

function applicantDetails(record: HclicCase): string {
  const applicant = applicantOf(record)
  return applicant ? `/household/${applicant.personId}/personal-details` : '/household'
}

const people: Section<HclicPerson> = {
  id: 'people',
  number: 2,
  title: 'People: each member of the household',
  rows: (record) => record.people,
  questions: [
    {
      number: '2.3',
      wording: 'Sex',
      kind: 'code',
      list: 'sex',
      answer: (p) => p.sex,
      required: always,
      fixAt: (p) => `/household/${p.personId}`,
    },
    {
      number: '2.4',
      wording: 'Age at application',
      kind: 'number',
      answer: (p) => p.ageAtApplication,
      required: always,
      fixAt: (p) => `/household/${p.personId}`,
    },
    {
      number: '2.5',
      wording: 'Relationship to the main applicant',
      kind: 'code',
      list: 'relationship',
      answer: (p) => (p.isApplicant ? 'main_applicant' : p.relationship),
      required: always,
      fixAt: (p) => `/household/${p.personId}`,
    },
    {
      number: '2.8',
      wording: 'Age at the end of the quarter',
      kind: 'number',
      answer: (p) => p.ageAtQuarterEnd,
      required: always,
      fixAt: (p) => `/household/${p.personId}`,
    },
  ],
}

const support: Section<HclicPerson> = {
  id: 'support',
  number: 3,
  title: 'Support: the household’s support needs',
  rows: (record) => record.people,
  questions: [
    {
      number: '3.2',
      wording: 'Support needs',
      kind: 'codes',
      list: 'support_need',
      answer: (p) => p.supportNeeds,
      required: (_p, r) => r.initialDuty === 'prevention' || r.initialDuty === 'relief',
      fixAt: assessment('support_needs'),
    },
  ],
}

/** The duty periods' questions are the same for prevention (4.x) and relief (5.x). */
function dutyQuestions(n: 4 | 5, endings: string): Question<HclicDutyPeriod>[] {
  const ended = (d: HclicDutyPeriod) => d.endedOn !== null
  const secured = (d: HclicDutyPeriod) => d.endingGround === 'suitable_accommodation_secured'
  return [
    {
      number: `${String(n)}.2`,
      wording: `Date ${n === 4 ? 'prevention' : 'relief'} duty started`,
      kind: 'date',
      answer: (d) => d.startedOn,
      required: always,
      fixAt: () => '/decision',
    },
    {
      number: `${String(n)}.3`,
      wording: `Main ${n === 4 ? 'prevention' : 'relief'} activity`,
      kind: 'code',
      list: 'activity',
      answer: (d) => d.activities.at(-1) ?? null,
      required: (d) => ended(d) && secured(d),
      fixAt: () => '/activities',
    },
    {
      number: `${String(n)}.5`,
      wording: `Date ${n === 4 ? 'prevention' : 'relief'} duty ended`,
      kind: 'date',
      answer: (d) => d.endedOn,
      required: () => false,
      fixAt: () => '/decision',
    },
    {
      number: `${String(n)}.6`,
      wording: `Reason ${n === 4 ? 'prevention' : 'relief'} duty ended`,
      kind: 'code',
      list: endings,
      answer: (d) => d.endingGround,
      required: ended,
      fixAt: () => '/decision',
    },
    {
      number: `${String(n)}.8`,
      wording: `Accommodation when the ${n === 4 ? 'prevention' : 'relief'} duty ended`,
      kind: 'code',
      list: 'accommodation_secured',
      answer: (d) => d.accommodationSecured,
      required: (d) => ended(d) && secured(d),
      fixAt: () => '/decision',
    },
  ]
}

const prevention: Section<HclicDutyPeriod> = {
  id: 'prevention',
  number: 4,
  title: 'Prevention: the prevention duty (s195)',
  rows: (record) => (record.prevention ? [record.prevention] : []),
  questions: dutyQuestions(4, 'prevention_ending'),
}

const relief: Section<HclicDutyPeriod> = {
  id: 'relief',
  number: 5,
  title: 'Relief: the relief duty (s189B)',
  rows: (record) => (record.relief ? [record.relief] : []),
  questions: dutyQuestions(5, 'relief_ending'),
}

const finalDuties: Section<HclicMainDuty> = {
  id: 'final_duties',
  number: 7,
  title: 'Final duties: the main duty decision (s193) and its end',
  rows: (record) => (record.mainDuty ? [record.mainDuty] : []),
  questions: [
    {
      number: '7.1',
      wording: 'Main duty decision date',
      kind: 'date',
      answer: (m) => m.decidedOn,
      required: always,
      fixAt: () => '/decision',
    },
    {
      number: '7.3',
      wording: 'Decision on what duty is owed when the relief stage ends',
      kind: 'code',
      list: 'main_duty_decision',
      answer: (m) => mainDutyDecisionCode(m),
      required: always,
      fixAt: () => '/decision',
    },
    {
      number: '7.5',
      wording: 'What priority need does the applicant have?',
      kind: 'code',
      list: 'priority_need',
      // Not recorded (a decision made before priority need was) is reported as not known.
      answer: (m) => m.priorityNeed ?? 'not_known',
      required: always,
      fixAt: () => '/decision',
    },
    {
      number: '8.2',
      wording: 'Date the main duty ended',
      kind: 'date',
      answer: (m) => m.endedOn,
      required: () => false,
      fixAt: () => '/decision',
    },
    {
      number: '8.3',
      wording: 'Reason the main duty ended',
      kind: 'code',
      list: 'main_duty_ending',
      answer: (m) => m.endingGround,
      required: (m) => m.endedOn !== null,
      fixAt: () => '/decision',
    },
  ],
}

const temporaryAccommodation: Section<HclicPlacement> = {
  id: 'temporary_accommodation',
  number: 9,
  title: 'Temporary accommodation: each placement',
  rows: (record) => record.placements,
  questions: [
    {
      number: '9.3',
      wording: 'Placement entry date',
      kind: 'date',
      answer: (p) => p.placedOn,
      required: always,
      fixAt: () => '/temporary-accommodation',
    },
    {
      number: '9.4',
      wording: 'Placement exit date',
      kind: 'date',
      answer: (p) => p.endedOn,
      required: () => false,
      fixAt: () => '/temporary-accommodation',
    },
    {
      number: '9.5',
      wording: 'Type of temporary accommodation',
      kind: 'code',
      list: 'ta_type',
      answer: (p) => p.accommodationType,
      required: always,
      fixAt: () => '/temporary-accommodation',
    },
    {
      number: '9.6',
      wording: 'Number of bedrooms',
      kind: 'number',
      answer: (p) => p.bedrooms,
      required: always,
      fixAt: () => '/temporary-accommodation',
    },
    {
      number: '9.7',
      wording: 'Duty under which it is provided',
      kind: 'code',
      list: 'ta_duty',
      answer: (p) => p.duty,
      required: always,
      fixAt: () => '/temporary-accommodation',
    },
  ],
}

const reviews: Section<HclicReview> = {
  id: 'reviews',
  number: 10,
  title: 'Reviews: each review requested (s202)',
  rows: (record) => record.reviews,
  questions: [
    { number: '10.2', wording: 'Review start date', kind: 'date', answer: (v) => v.receivedOn, required: always, fixAt: () => '/reviews' },
    {
      number: '10.3',
      wording: 'Review end date',
      kind: 'date',
      answer: (v) => v.decidedOn,
      required: () => false,
      fixAt: () => '/reviews',
    },
    {
      number: '10.4',
      wording: 'Decision reviewed',
      kind: 'code',
      list: 'review_decision',
      answer: (v) => v.decision,
      required: always,
      fixAt: () => '/reviews',
    },
    {
      number: '10.6',
      wording: 'Review outcome',
      kind: 'code',
      list: 'review_outcome',
      answer: (v) => v.outcome,
      required: (v) => v.decidedOn !== null,
      fixAt: () => '/reviews',
    },
  ],
}

/** Every section, in the return's order. (Section 6, assistance with support needs, is not yet recorded by casework.) */
export const SECTIONS = [
  main,
  people,
  support,
  prevention,
  relief,
  finalDuties,
  temporaryAccommodation,
  reviews,
] as unknown as readonly Section<unknown>[]

/**
 * 7.3 (MD1): the main duty owed, or why not, from what the decision found (s193(1)): not in priority
 * need; in priority need but intentionally homeless (s190(2)); or not owed for another reason (no longer
 * eligible or homeless). A decision recorded before its findings were is `not_owed`: reason not known.
 */
export function mainDutyDecisionCode(duty: Pick<HclicMainDuty, 'owed' | 'priorityNeed' | 'intentionality'>): string {
  if (duty.owed) return 'owed'
  if (duty.priorityNeed === 'not_in_priority_need') return 'no_priority_need'
  if (duty.priorityNeed !== null && duty.intentionality === 'intentionally_homeless') return 'intentionally_homeless'
  if (duty.priorityNeed !== null && duty.intentionality !== null) return 'not_owed_other'
  return 'not_owed'
}

/** A person's age in whole years on a day. */
export function ageOn(dateOfBirth: string | null, day: LocalDate): number | null {
  if (dateOfBirth === null) return null
  const born = LocalDate.parse(dateOfBirth)
  let age = day.year() - born.year()
  if (day.monthValue() < born.monthValue() || (day.monthValue() === born.monthValue() && day.dayOfMonth() < born.dayOfMonth())) age--
  return age
}
