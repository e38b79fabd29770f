import { ChronoUnit, LocalDate } from '@js-joda/core'
import { SUPPORT_NEEDS, type PossessionNoticeType, type SupportNeed } from './code-lists.ts'
import type { BENEFIT_CLAIMS, EMPLOYMENT_STATUSES, REASONS_FOR_LOSS_OF_HOME, RecordedAccommodation } from './code-lists.ts'
import { isStatutoryNotice, type NoticeValidity, type OnlyAccommodation, type PossessionNotice } from './possession-notices.ts'

/**
 * The household and its assessment (Housing Act 1996 s189A): the members, and what the authority must
 * assess for every eligible applicant who is homeless or threatened with homelessness: the circumstances
 * that caused it, the housing needs, the support needs of the applicant and the household, and what
 * the household can do for itself (strengths). Pure rules only: no I/O, the day passed in.
 */

/** Who a household member is to the applicant (H-CLIC 2.5). */
export const RELATIONSHIPS = {
  partner: 'Partner, husband, wife or civil partner',
  child: 'Son or daughter (including step and foster)',
  parent: 'Parent',
  sibling: 'Brother or sister',
  grandchild: 'Grandchild',
  grandparent: 'Grandparent',
  other_relative: 'Other relative',
  not_related: 'Not related',
} as const
export type Relationship = keyof typeof RELATIONSHIPS

/** The oldest a person can be: a date of birth before this many years ago is a mistake in the date. */
export const OLDEST_AGE_YEARS = 120

/** What is wrong with a date of birth, if anything: it cannot be in the future nor make someone older than 120. */
export function dateOfBirthProblem(dateOfBirth: LocalDate, today: LocalDate): string | undefined {
  if (dateOfBirth.isAfter(today)) return 'Date of birth must be today or in the past'
  if (dateOfBirth.isBefore(today.minusYears(OLDEST_AGE_YEARS)))
    return `Date of birth must be a real date of birth: no one can be older than ${String(OLDEST_AGE_YEARS)}`
  return undefined
}

/* The assessment's sections, in the order the task list shows them. */

export const SECTIONS = {
  eligibility: 'Eligibility for assistance',
  homelessness: 'Homeless or threatened with homelessness',
  circumstances: 'Circumstances and reason for loss of the last settled home',
  accommodation: 'Accommodation at application',
  housing_needs: 'Housing needs',
  support_needs: 'Support needs of the household',
  employment: 'Employment and benefits',
  strengths: 'Strengths: what the household can do',
} as const
export type Section = keyof typeof SECTIONS
export const SECTION_ORDER = Object.keys(SECTIONS) as Section[]

export const ELIGIBILITY = {
  eligible: 'Eligible for assistance',
  not_eligible: 'Not eligible for assistance',
  not_yet_known: 'Not yet known',
} as const
export type Eligibility = keyof typeof ELIGIBILITY

export const HOMELESSNESS_STATUSES = {
  homeless: 'Homeless now',
  threatened_within_56_days: 'Threatened with homelessness within 56 days',
  not_threatened: 'Not homeless nor threatened with homelessness within 56 days',
} as const
export type HomelessnessStatus = keyof typeof HOMELESSNESS_STATUSES

/** The answers of each section as stored: codes, ISO dates (YYYY-MM-DD) and free text. Missing means not answered. */
export interface EligibilityAnswers {
  eligibility?: Eligibility
  immigrationStatus?: string
}
export interface HomelessnessAnswers {
  status?: HomelessnessStatus
  homelessSince?: string
  expectedHomelessOn?: string
  possessionNotice?: PossessionNoticeType
  noticeServedOn?: string
  noticeExpiresOn?: string
  /** For a notice the Act names (s175(5), s195(6)): whether the officer is satisfied it is valid. */
  noticeValidity?: NoticeValidity
  /** For a notice the Act names: whether it is about the only accommodation available to the household. */
  onlyAccommodation?: OnlyAccommodation
}
export interface CircumstancesAnswers {
  lastSettledAccommodation?: RecordedAccommodation
  reasonForLoss?: keyof typeof REASONS_FOR_LOSS_OF_HOME
  circumstances?: string
}
export interface AccommodationAnswers {
  accommodationAtApplication?: RecordedAccommodation
  details?: string
}
export interface HousingNeedsAnswers {
  bedrooms?: number
  accessibility?: string
  location?: string
  other?: string
}
/** Each member's support needs by person id: an empty list is an answer ("no support needs"). */
export type SupportNeedsAnswers = Record<string, SupportNeed[]>
export interface EmploymentAnswers {
  applicantEmployment?: keyof typeof EMPLOYMENT_STATUSES
  partnerEmployment?: keyof typeof EMPLOYMENT_STATUSES
  housingCostBenefits?: keyof typeof BENEFIT_CLAIMS
  livingCostBenefits?: keyof typeof BENEFIT_CLAIMS
  benefitsDetails?: string
}
/** Hart's "engagement and support": what the household brings, not only what it lacks. */
export interface StrengthsAnswers {
  skills?: string
  networks?: string
  whatHasWorked?: string
  goals?: string
}

export interface Answers {
  eligibility?: EligibilityAnswers
  homelessness?: HomelessnessAnswers
  circumstances?: CircumstancesAnswers
  accommodation?: AccommodationAnswers
  housing_needs?: HousingNeedsAnswers
  support_needs?: SupportNeedsAnswers
  employment?: EmploymentAnswers
  strengths?: StrengthsAnswers
}

/** What the completeness rules need to know about the household. */
export interface HouseholdFacts {
  personIds: string[]
  hasPartner: boolean
}

export interface Problem {
  field: string
  message: string
}

/**
 * The possession notice's dates: served on or before today, and expiring on or after the day it was
 * served. A notice that looks invalid (a section 21 with less than two months) is still recorded as it
 * is: whether it is valid is for the officer, and an invalid notice is itself a prevention opportunity.
 */
export function possessionNoticeProblems(
  notice: { type: PossessionNoticeType; servedOn?: LocalDate; expiresOn?: LocalDate },
  today: LocalDate,
): Problem[] {
  const problems: Problem[] = []
  if (notice.type === 'none') {
    if (notice.servedOn || notice.expiresOn)
      problems.push({ field: 'possessionNotice', message: 'Select the type of notice, or remove the notice’s dates' })
    return problems
  }
  if (notice.servedOn?.isAfter(today))
    problems.push({ field: 'noticeServedOn', message: 'The date the notice was served must be today or in the past' })
  if (notice.servedOn && notice.expiresOn?.isBefore(notice.servedOn))
    problems.push({ field: 'noticeExpiresOn', message: 'The date the notice expires must be on or after the date it was served' })
  return problems
}

/** A section 21 notice gives at least two months (Housing Act 1988 s21(4)); one that gives less may not be valid. */
export function section21MayBeInvalid(servedOn: LocalDate, expiresOn: LocalDate): boolean {
  return expiresOn.isBefore(servedOn.plusMonths(2))
}

/**
 * The dates of the homelessness section against each other and today, whatever else is missing. Whether
 * a household is threatened within 56 days (s175(4)-(5)) is judged on the day the authority decide it,
 * `judgedOn`: the prevention duty's decision once there is one, so that a decision recorded late is
 * judged as it stood on its own date, not on the day it is typed in. Until there is a decision, it is
 * judged on today.
 */
export function homelessnessProblems(answers: HomelessnessAnswers, today: LocalDate, judgedOn: LocalDate = today): Problem[] {
  const problems: Problem[] = []
  const date = (value: string | undefined) => (value ? LocalDate.parse(value) : undefined)
  const since = date(answers.homelessSince)
  const expected = date(answers.expectedHomelessOn)
  if (since?.isAfter(today))
    problems.push({ field: 'homelessSince', message: 'The date they became homeless must be today or in the past' })
  if (answers.status === 'homeless' && answers.expectedHomelessOn)
    problems.push({ field: 'expectedHomelessOn', message: 'Leave the expected date blank: the household is already homeless' })
  if (answers.status === 'threatened_within_56_days' && answers.homelessSince)
    problems.push({
      field: 'homelessSince',
      message: 'Leave the date they became homeless blank: the household is threatened, not yet homeless',
    })
  const onDecision = judgedOn.isEqual(today) ? '' : ` on the date of the prevention duty decision (${judgedOn.toString()})`
  switch (threatOn(answers, judgedOn)) {
    case 'already_homeless':
      problems.push({
        field: 'expectedHomelessOn',
        message: onDecision
          ? `The expected date of homelessness is before the date of the prevention duty decision (${judgedOn.toString()}): if they had lost their home, they were homeless, not threatened`
          : 'The expected date of homelessness is in the past: if they have lost their home, choose homeless now',
      })
      break
    case 'beyond_56_days':
      problems.push({
        field: 'expectedHomelessOn',
        message: `The expected date is more than 56 days away${onDecision}: choose not threatened within 56 days, unless a valid section 21 notice expires within 56 days`,
      })
      break
    default:
      break
  }
  if (!isStatutoryNotice(answers.possessionNotice)) {
    const leave = 'only for a section 21 or section 8 notice: leave it blank for this notice'
    if (answers.noticeValidity) problems.push({ field: 'noticeValidity', message: `Say whether the notice is valid ${leave}` })
    if (answers.onlyAccommodation)
      problems.push({ field: 'onlyAccommodation', message: `Say whether it is the only accommodation available ${leave}` })
  }
  if (answers.status === 'not_threatened' && expected) {
    // A date of homelessness given for a household "not threatened" is what makes its risk a future
    // one (riskAtAssessment), so it must be further off than the 56 days of s175(4).
    if (expected.isBefore(today))
      problems.push({
        field: 'expectedHomelessOn',
        message: 'The expected date of homelessness is in the past: if they have lost their home, choose homeless now',
      })
    else if (ChronoUnit.DAYS.between(today, expected) <= 56)
      problems.push({
        field: 'expectedHomelessOn',
        message: 'The expected date is within 56 days: choose threatened with homelessness within 56 days',
      })
  }
  if (answers.possessionNotice)
    problems.push(
      ...possessionNoticeProblems(
        { type: answers.possessionNotice, servedOn: date(answers.noticeServedOn), expiresOn: date(answers.noticeExpiresOn) },
        today,
      ),
    )
  return problems
}

/**
 * A household recorded as threatened, judged on the day of a decision: threatened within 56 days
 * (s175(4)), or by a valid section 21 notice that expires within 56 days (s175(5)); already homeless
 * if the day they expected to lose their home had passed; or not yet threatened. Undefined when the
 * record says nothing to judge (another status, or no expected date).
 */
export type ThreatOnDecision = 'within_56_days' | 'already_homeless' | 'beyond_56_days'

export function threatOn(answers: HomelessnessAnswers, on: LocalDate): ThreatOnDecision | undefined {
  if (answers.status !== 'threatened_within_56_days' || !answers.expectedHomelessOn) return undefined
  const expected = LocalDate.parse(answers.expectedHomelessOn)
  if (expected.isBefore(on)) return 'already_homeless'
  if (ChronoUnit.DAYS.between(on, expected) > 56 && !section21ExpiresWithin56Days(answers, on)) return 'beyond_56_days'
  return 'within_56_days'
}

/**
 * A valid section 21 notice expiring within 56 days makes the household threatened with homelessness
 * (s175(5)), even when they expect to stay longer while the landlord goes to court.
 */
export function section21ExpiresWithin56Days(answers: HomelessnessAnswers, on: LocalDate): boolean {
  if (answers.possessionNotice !== 'section_21' || !answers.noticeExpiresOn) return false
  const expires = LocalDate.parse(answers.noticeExpiresOn)
  return !expires.isBefore(on) && ChronoUnit.DAYS.between(on, expires) <= 56
}

/** The notice the homelessness section records, for the rules that turn on it (s195(6)); none when no notice was served. */
export function possessionNoticeOf(answers: HomelessnessAnswers | undefined): PossessionNotice | undefined {
  if (!answers?.possessionNotice || answers.possessionNotice === 'none') return undefined
  return {
    type: answers.possessionNotice,
    expiresOn: answers.noticeExpiresOn ? LocalDate.parse(answers.noticeExpiresOn) : undefined,
    validity: answers.noticeValidity,
    onlyAccommodation: answers.onlyAccommodation,
  }
}

/** Notices with a date by which the household must leave: their expiry date is needed, and is when homelessness is expected. */
const NOTICES_WITH_EXPIRY = new Set<PossessionNoticeType>(['section_21', 'section_8', 'notice_to_quit'])

/** What a section still needs before it is complete: each missing answer with its question. */
export function missingAnswers(section: Section, answers: Answers, household: HouseholdFacts): Problem[] {
  const missing: Problem[] = []
  const need = (given: unknown, field: string, message: string) => {
    if (given === undefined || given === '') missing.push({ field, message })
  }
  switch (section) {
    case 'eligibility': {
      const a = answers.eligibility ?? {}
      need(a.eligibility, 'eligibility', 'Select whether the applicant is eligible for assistance')
      if (a.eligibility === 'not_eligible' || a.eligibility === 'not_yet_known')
        need(a.immigrationStatus, 'immigrationStatus', 'Enter the applicant’s immigration status and what is known of it')
      break
    }
    case 'homelessness': {
      const a = answers.homelessness ?? {}
      need(a.status, 'status', 'Select whether the household is homeless or threatened with homelessness')
      if (a.status === 'homeless') need(a.homelessSince, 'homelessSince-day', 'Enter the date they became homeless')
      if (a.status === 'threatened_within_56_days')
        need(a.expectedHomelessOn, 'expectedHomelessOn-day', 'Enter the date they expect to become homeless')
      need(a.possessionNotice, 'possessionNotice', 'Select the type of notice served, or that no notice has been served')
      if (a.possessionNotice && a.possessionNotice !== 'none') {
        need(a.noticeServedOn, 'noticeServedOn-day', 'Enter the date the notice was served')
        if (NOTICES_WITH_EXPIRY.has(a.possessionNotice)) need(a.noticeExpiresOn, 'noticeExpiresOn-day', 'Enter the date the notice expires')
      }
      // Whether the prevention duty may end after 56 days turns on these (s195(6)).
      if (isStatutoryNotice(a.possessionNotice)) {
        need(a.noticeValidity, 'noticeValidity', 'Select whether the notice is valid, or that it has not been checked yet')
        need(
          a.onlyAccommodation,
          'onlyAccommodation',
          'Select whether the home the notice is about is the only accommodation available to them',
        )
      }
      break
    }
    case 'circumstances': {
      const a = answers.circumstances ?? {}
      need(a.reasonForLoss, 'reasonForLoss', 'Select the main reason for the loss, or threat of loss, of the last settled home')
      need(a.circumstances, 'circumstances', 'Describe the circumstances that caused the household to be homeless or threatened')
      break
    }
    case 'accommodation':
      need(answers.accommodation?.accommodationAtApplication, 'accommodationAtApplication', 'Select where the household is living now')
      break
    case 'housing_needs':
      need(answers.housing_needs?.bedrooms, 'bedrooms', 'Enter the number of bedrooms the household needs')
      break
    case 'support_needs': {
      const recorded = answers.support_needs ?? {}
      for (const id of household.personIds)
        if (!Array.isArray(recorded[id]))
          missing.push({ field: `needs-${id}`, message: 'Select each person’s support needs, or that they have none' })
      break
    }
    case 'employment': {
      const a = answers.employment ?? {}
      need(a.applicantEmployment, 'applicantEmployment', 'Select the applicant’s employment status')
      if (household.hasPartner) need(a.partnerEmployment, 'partnerEmployment', 'Select the partner’s employment status')
      need(a.housingCostBenefits, 'housingCostBenefits', 'Select whether anyone claims benefits towards housing costs')
      need(a.livingCostBenefits, 'livingCostBenefits', 'Select whether anyone claims benefits towards other living costs')
      break
    }
    case 'strengths': {
      const a = answers.strengths ?? {}
      if (!a.skills && !a.networks && !a.whatHasWorked && !a.goals)
        missing.push({ field: 'skills', message: 'Record at least one of the household’s strengths' })
      break
    }
  }
  return missing
}

export type SectionStatus = 'not_started' | 'in_progress' | 'completed'

export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
}

/** Not started until anything is saved; completed once nothing is missing; in progress between. */
export function sectionStatus(section: Section, answers: Answers, household: HouseholdFacts): SectionStatus {
  const saved = answers[section]
  if (saved === undefined) return 'not_started'
  return missingAnswers(section, answers, household).length === 0 ? 'completed' : 'in_progress'
}

/** The assessment can be completed once every section is. */
export function incompleteSections(answers: Answers, household: HouseholdFacts): Section[] {
  return SECTION_ORDER.filter((section) => sectionStatus(section, answers, household) !== 'completed')
}

/** The assessment date: not before the approach (H-CLIC 1.5 must not precede the application) nor after today. */
export function assessmentDateProblem(assessedOn: LocalDate, approachedOn: LocalDate, today: LocalDate): string | undefined {
  if (assessedOn.isAfter(today)) return 'The date of the assessment must be today or in the past'
  if (assessedOn.isBefore(approachedOn)) return 'The date of the assessment must be on or after the date of the approach'
  return undefined
}

/**
 * How far the household is from homelessness when assessed, as the case records it for the figures.
 * The codes are the programmes' monitoring codes (docs/monitoring-data.md), so the figures need no
 * translation of them.
 */
export const RISKS_AT_ASSESSMENT = {
  homeless: 'Homeless',
  threatened_within_28_days: 'Threatened with homelessness within 28 days',
  threatened_29_56_days: 'Threatened with homelessness in 29 to 56 days',
  future_risk: 'At risk of homelessness more than 56 days away',
  not_at_risk: 'Not homeless nor at risk of homelessness',
} as const
export type RiskAtAssessment = keyof typeof RISKS_AT_ASSESSMENT

/**
 * The date the household expects to become homeless: the date given, else the day a notice to leave
 * expires (the form's own guidance: "usually the day it expires").
 */
export function expectedHomelessDate(answers: HomelessnessAnswers): LocalDate | undefined {
  if (answers.expectedHomelessOn) return LocalDate.parse(answers.expectedHomelessOn)
  if (answers.possessionNotice && NOTICES_WITH_EXPIRY.has(answers.possessionNotice) && answers.noticeExpiresOn)
    return LocalDate.parse(answers.noticeExpiresOn)
  return undefined
}

/**
 * The risk on the day of the assessment: homeless; threatened within 28 days, or in 29 to 56 days
 * (s175(4)'s 56 days, split as the programmes report it); a risk further off, which is a risk only when
 * there is a date it is expected (more than 56 days away: "found early"); or, for a household neither
 * homeless nor threatened with no date of homelessness in view, not at risk. "Found early" counts
 * only the fourth, so a household that was never at risk cannot pass for one found early.
 */
export function riskAtAssessment(answers: HomelessnessAnswers, assessedOn: LocalDate): RiskAtAssessment {
  if (answers.status === 'homeless') return 'homeless'
  const expected = expectedHomelessDate(answers)
  const daysAway = expected === undefined ? undefined : ChronoUnit.DAYS.between(assessedOn, expected)
  if (answers.status === 'threatened_within_56_days')
    return daysAway !== undefined && daysAway > 28 ? 'threatened_29_56_days' : 'threatened_within_28_days'
  return daysAway !== undefined && daysAway > 56 ? 'future_risk' : 'not_at_risk'
}

/** Every support need anyone in the household has, once each, in the list's order (the case's summary). */
export function householdSupportNeeds(needs: SupportNeedsAnswers): SupportNeed[] {
  const all = new Set(Object.values(needs).flat())
  return (Object.keys(SUPPORT_NEEDS) as SupportNeed[]).filter((need) => all.has(need))
}
