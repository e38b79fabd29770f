import { LocalDate } from '@js-joda/core'
import type { ActivityType as CaseworkActivityType } from '../activities.ts'
import type { Sex } from '../approach.ts'
import type { RiskAtAssessment } from '../assessment.ts'
import type {
  AccommodationSecured,
  BENEFIT_CLAIMS,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  Nationality,
  RecordedAccommodation,
  SupportNeed,
} from '../code-lists.ts'
import { ageOn } from '../hclic/mapping.ts'
import { MAIN_DUTY_ENDING_GROUNDS, NO_DUTY_REASONS, PREVENTION_ENDING_GROUNDS, RELIEF_ENDING_GROUNDS } from '../legal-status.ts'
import type { MonitoringActivity, MonitoringCase } from './record.ts'
import type {
  AccommodationOutcome,
  ActivityType,
  CompletedOutcome,
  Employment,
  Ethnicity,
  HousingStatus,
  MonitoringSex,
  ReferralRoute,
  Risk,
  Vulnerability,
} from './vocabulary.ts'

/**
 * A case recorded through casework, in the programmes' monitoring vocabulary, so that the export and
 * the evaluation report treat it exactly as an imported one.
 *
 * Every field with a code list is mapped by a table typed over the platform's own list, so a code
 * added to a list and not mapped here does not compile, and no stored value reaches the monitoring
 * data unmapped: a value on none of the lists (which nothing writes) is "not recorded". Where a
 * platform code has no counterpart the table says so (`other`, or null for "not recorded").
 */
export interface CaseworkCase {
  reference: string
  householdId: string
  district: string | null
  provider: string | null
  worker: string | null
  approachedOn: string
  recordedOn: string
  referralRoute: string | null
  stage: string
  /** When the relief duty and the main duty began: which duty a closing ground ended. */
  reliefStartedOn: string | null
  mainDutyStartedOn: string | null
  housingStatus: string | null
  riskAtAssessment: string | null
  supportNeeds: string[]
  outcome: string | null
  closedOn: string | null
  accommodationOutcome: string | null
  accommodationSecured: string | null
  reliefActivities: number
  applicant: { sex: string | null; dateOfBirth: string | null; nationality: string | null; ethnicGroup: string | null } | null
  /** Everyone else in the household, for the numbers of adults and children. */
  otherMembersBirthDates: (string | null)[]
  employment: { applicantEmployment?: string; housingCostBenefits?: string; livingCostBenefits?: string } | null
}

/** The value's entry in a table typed over a code list, or undefined for a value on no list. */
function lookUp<K extends string, V>(table: Record<K, V>, value: string | null | undefined): V | undefined {
  return value !== null && value !== undefined && Object.hasOwn(table, value) ? table[value as K] : undefined
}

/**
 * The referral routes casework and the demonstration record (until an approach records its route
 * from a list of its own).
 */
export const CASEWORK_REFERRAL_ROUTES = [
  'proactive',
  'identified_by_council_or_partner',
  'partner_referral',
  'referred_by_other_service',
  'self_referral',
] as const
type CaseworkReferralRoute = (typeof CASEWORK_REFERRAL_ROUTES)[number]

export const REFERRAL_ROUTES: Record<CaseworkReferralRoute, ReferralRoute> = {
  proactive: 'proactive',
  identified_by_council_or_partner: 'proactive',
  partner_referral: 'partner_referral',
  referred_by_other_service: 'partner_referral',
  self_referral: 'self_referral',
}

/**
 * The assessment's accommodation at application (H-CLIC 1.13, supported housing asked apart from
 * hostels) as a monitoring housing status. Social rented supported housing is settled (fixed)
 * accommodation; a hostel is not. An answer saved before the two were asked apart may be either, so
 * it is `other`: neither claimed settled nor called a hostel.
 */
export const HOUSING_STATUSES: Record<RecordedAccommodation, HousingStatus> = {
  private_rented_self_contained: 'private_rented',
  private_rented_hmo: 'private_rented',
  private_rented_lodging: 'private_rented',
  council_tenant: 'social_rented',
  registered_provider_tenant: 'registered_provider',
  social_rented_supported_housing: 'social_rented',
  hostel: 'hostel',
  supported_housing_or_hostel: 'other',
  owner_occupier: 'owner_occupier',
  living_with_family: 'nfa_family',
  living_with_friends: 'nfa_friends',
  temporary_accommodation: 'other_temporary',
  departure_from_institution: 'emergency',
  no_fixed_abode: 'other',
  rough_sleeping: 'other',
  refuge: 'emergency',
  other_or_not_known: 'other',
}

/** The case's risk (assessment.ts) is already in the monitoring codes; the table keeps it that way. */
export const RISKS: Record<RiskAtAssessment, Risk> = {
  homeless: 'homeless',
  threatened_within_28_days: 'threatened_within_28_days',
  threatened_29_56_days: 'threatened_29_56_days',
  future_risk: 'future_risk',
  not_at_risk: 'not_at_risk',
}

/** H-CLIC support needs (3.2) as the programmes' vulnerabilities. */
export const VULNERABILITIES: Record<SupportNeed, Vulnerability> = {
  young_person_16_17: 'young_person',
  young_person_18_25: 'young_person',
  young_parent: 'young_person',
  care_leaver_18_20: 'care_leaver',
  care_leaver_21_24: 'care_leaver',
  care_leaver_25_plus: 'care_leaver',
  physical_ill_health_or_disability: 'physical_health',
  mental_health: 'mental_health',
  learning_disability: 'learning_disability',
  sexual_abuse_or_exploitation: 'other',
  domestic_abuse: 'domestic_abuse',
  abuse_non_domestic: 'other',
  drug_dependency: 'drug_alcohol',
  alcohol_dependency: 'drug_alcohol',
  offending_history: 'offending_history',
  repeat_homelessness: 'other',
  rough_sleeping: 'other',
  former_asylum_seeker: 'other',
  old_age: 'older_person',
  served_in_hm_forces: 'armed_forces',
  education_employment_or_training: 'other',
  modern_slavery: 'other',
  difficulties_budgeting: 'other',
}

/** Everything casework closes a case with: a duty's ending ground, why no duty was owed, or no main duty. */
export const CLOSING_CODES = [
  ...new Set([...PREVENTION_ENDING_GROUNDS, ...RELIEF_ENDING_GROUNDS, ...MAIN_DUTY_ENDING_GROUNDS, ...NO_DUTY_REASONS]),
  'main_duty_not_owed',
] as const
export type ClosingCode = (typeof CLOSING_CODES)[number]

/**
 * How a closed case ended, as the programmes count it. `success` (the household kept or found a home)
 * is `prevented` when the prevention duty ended so, and `relieved` once the household had become
 * homeless (the relief duty, or the main duty ended by an offer accepted). A case closed because no
 * duty was owed is neither a success nor a failure (`no_duty_owed`); one the household left or lost
 * touch with is `withdrawn`; the rest ended without the household kept or housed.
 */
export const CLOSING_OUTCOMES: Record<ClosingCode, Exclude<CompletedOutcome, 'prevented' | 'relieved'> | 'success'> = {
  // The duties' ending grounds (s195(8), s189B, s193(5)-(7AA)).
  suitable_accommodation_secured: 'success',
  fifty_six_days_elapsed: 'unsuccessful',
  refused_suitable_accommodation: 'unsuccessful',
  intentionally_homeless_from_suitable_accommodation: 'unsuccessful',
  no_longer_eligible: 'unsuccessful',
  application_withdrawn: 'withdrawn',
  contact_lost: 'withdrawn',
  non_cooperation: 'unsuccessful',
  refused_final_accommodation_offer: 'unsuccessful',
  local_connection_referral_accepted: 'unsuccessful',
  accepted_part_6_offer: 'success',
  refused_final_part_6_offer: 'unsuccessful',
  accepted_private_rented_sector_offer: 'success',
  refused_private_rented_sector_offer: 'unsuccessful',
  refused_suitable_temporary_accommodation: 'unsuccessful',
  intentionally_homeless_from_temporary_accommodation: 'unsuccessful',
  voluntarily_ceased_to_occupy: 'unsuccessful',
  // No duty owed after the s184 inquiries.
  not_homeless_or_threatened: 'no_duty_owed',
  not_eligible: 'no_duty_owed',
  // Relief ended with no home and no main duty: the household was not housed.
  main_duty_not_owed: 'unsuccessful',
}

/** Where the household went when a duty ended with accommodation secured, stayed or moved (features/casework/decisions.ts). */
export const CASEWORK_ACCOMMODATION_OUTCOMES = ['stayed_in_existing_home', 'moved_to_alternative_accommodation'] as const
type CaseworkAccommodationOutcome = (typeof CASEWORK_ACCOMMODATION_OUTCOMES)[number]

/** Staying put is remaining in one's own home, whatever its tenure; a move is told by what was secured. */
export const STAYED_OR_MOVED: Record<CaseworkAccommodationOutcome, AccommodationOutcome | 'by_accommodation_secured'> = {
  stayed_in_existing_home: 'remained_in_own_home',
  moved_to_alternative_accommodation: 'by_accommodation_secured',
}

/** The accommodation secured (H-CLIC 4.8 / 5.8) as the programmes' accommodation outcome. */
export const ACCOMMODATION_SECURED: Record<AccommodationSecured, AccommodationOutcome> = {
  private_rented_self_contained: 'private_tenancy',
  private_rented_hmo: 'shared_property',
  private_rented_lodging: 'shared_property',
  council_tenant: 'local_authority_tenancy',
  registered_provider_tenant: 'social_tenancy',
  supported_housing_or_hostel: 'supported_housing',
  owner_occupier: 'own_arrangements',
  living_with_family: 'friends_family',
  living_with_friends: 'friends_family',
  other_or_not_known: 'other',
}

export const SEXES: Record<Sex, MonitoringSex> = { female: 'female', male: 'male', other: 'other' }

/** UK national or not; "not known" is not recorded. */
export const UK_NATIONAL: Record<Nationality, 'yes' | 'no' | null> = {
  uk: 'yes',
  irish: 'no',
  eea: 'no',
  non_eea: 'no',
  not_known: null,
}

/** The Census 2021 groups as the programmes' five; "not known or prefers not to say" is not recorded, not `other`. */
export const ETHNICITIES: Record<keyof typeof ETHNIC_GROUPS, Ethnicity | null> = {
  white_british: 'white',
  white_irish: 'white',
  white_gypsy_or_irish_traveller: 'white',
  white_roma: 'white',
  white_other: 'white',
  mixed_white_black_caribbean: 'mixed',
  mixed_white_black_african: 'mixed',
  mixed_white_asian: 'mixed',
  mixed_other: 'mixed',
  asian_indian: 'asian',
  asian_pakistani: 'asian',
  asian_bangladeshi: 'asian',
  asian_chinese: 'asian',
  asian_other: 'asian',
  black_african: 'black',
  black_caribbean: 'black',
  black_other: 'black',
  arab: 'other',
  other: 'other',
  not_known: null,
}

export const EMPLOYMENT: Record<keyof typeof EMPLOYMENT_STATUSES, Employment | null> = {
  full_time: 'full_time',
  part_time: 'part_time',
  registered_unemployed: 'unemployed',
  not_registered_unemployed_seeking_work: 'unemployed',
  not_seeking_work: 'not_working_other',
  student_or_training: 'not_working_other',
  long_term_illness_or_disability: 'not_working_other',
  retired: 'not_working_other',
  other: 'not_working_other',
  not_known: null,
}

/** A claim of benefits towards housing or other living costs: whether the household receives any is yes, no or not known. */
export const BENEFITS: Record<keyof typeof BENEFIT_CLAIMS, 'yes' | 'no' | null> = { yes: 'yes', no: 'no', not_known: null }

/** How a case ended in the programmes' words: live, one of the completed outcomes, or null for a closing code on no list. */
export function monitoringOutcome(c: Pick<CaseworkCase, 'stage' | 'outcome' | 'reliefStartedOn' | 'mainDutyStartedOn'>) {
  if (c.stage !== 'closed') return 'ongoing'
  const ended = lookUp(CLOSING_OUTCOMES, c.outcome)
  if (ended === undefined) return null
  if (ended !== 'success') return ended
  return c.reliefStartedOn === null && c.mainDutyStartedOn === null ? 'prevented' : 'relieved'
}

/** Where a household went once its case succeeded: remained at home, the kind of home secured, or unknown. */
function accommodationOutcome(c: Pick<CaseworkCase, 'accommodationOutcome' | 'accommodationSecured'>): AccommodationOutcome {
  const stayedOrMoved = lookUp(STAYED_OR_MOVED, c.accommodationOutcome)
  if (stayedOrMoved !== undefined && stayedOrMoved !== 'by_accommodation_secured') return stayedOrMoved
  return lookUp(ACCOMMODATION_SECURED, c.accommodationSecured) ?? (stayedOrMoved === undefined ? 'unknown' : 'other')
}

export function monitoringFromCasework(c: CaseworkCase): MonitoringCase {
  const approached = LocalDate.parse(c.approachedOn)
  const ages = c.otherMembersBirthDates.map((d) => ageOn(d, approached))
  const known = ages.filter((a): a is number => a !== null)
  const applicantAge = ageOn(c.applicant?.dateOfBirth ?? null, approached)
  const membersKnown = c.applicant !== null && known.length === ages.length
  const children = known.filter((a) => a < 18).length
  const outcome = monitoringOutcome(c)
  const closed = c.stage === 'closed'
  const needs: string[] = c.supportNeeds.flatMap((n) => lookUp(VULNERABILITIES, n) ?? [])
  if (children > 0) needs.unshift('dependent_children')
  const benefits = [lookUp(BENEFITS, c.employment?.housingCostBenefits) ?? null, lookUp(BENEFITS, c.employment?.livingCostBenefits) ?? null]
  return {
    caseRef: c.reference,
    householdRef: c.householdId,
    district: c.district,
    provider: c.provider,
    worker: c.worker,
    referralDate: c.approachedOn,
    recordedDate: c.recordedOn,
    referralRoute: lookUp(REFERRAL_ROUTES, c.referralRoute) ?? null,
    referralAgency: null,
    applicantSex: lookUp(SEXES, c.applicant?.sex) ?? null,
    applicantAge,
    applicantUkNational: lookUp(UK_NATIONAL, c.applicant?.nationality) ?? null,
    applicantEthnicity: lookUp(ETHNICITIES, c.applicant?.ethnicGroup) ?? null,
    applicantReceivesBenefits: benefits.includes('yes') ? 'yes' : benefits.every((b) => b === 'no') ? 'no' : null,
    applicantEmployment: lookUp(EMPLOYMENT, c.employment?.applicantEmployment) ?? null,
    adults: membersKnown ? 1 + known.filter((a) => a >= 18).length : null,
    dependentChildren: membersKnown ? children : null,
    housingStatus: lookUp(HOUSING_STATUSES, c.housingStatus) ?? null,
    riskAtAssessment: lookUp(RISKS, c.riskAtAssessment) ?? null,
    previouslyHomeless: null,
    previouslySleptRough: null,
    previouslyInTemporaryAccommodation: null,
    vulnerabilities: needs.length > 0 ? [...new Set(needs)] : null,
    primaryVulnerability: null,
    outcome,
    caseEndDate: closed ? c.closedOn : null,
    accommodationOutcome: outcome === 'prevented' || outcome === 'relieved' ? accommodationOutcome(c) : null,
    reliefActivity: closed ? (c.reliefActivities > 0 ? 'yes' : 'no') : null,
    comments: null,
  }
}

/** Casework's prevention and relief activities (H-CLIC's list) in the programmes' activity types. */
export const ACTIVITY_TYPES: Record<CaseworkActivityType, ActivityType> = {
  accommodation_secured_by_authority: 'problem_resolution',
  helped_secure_with_financial_payment: 'financial_payment',
  helped_secure_without_financial_payment: 'problem_resolution',
  supported_housing_provided: 'partner_working',
  negotiation_mediation_return_to_family: 'mediation',
  negotiation_mediation_advocacy_prevent_eviction: 'mediation',
  discretionary_housing_payment: 'financial_payment',
  other_financial_payment: 'financial_payment',
  other: 'other',
  advice_and_information: 'information_advice',
}

export function monitoringActivityFromCasework(a: {
  reference: string
  householdId: string
  activity: string
  duty: string
  doneOn: string
}): MonitoringActivity {
  return {
    caseRef: a.reference,
    householdRef: a.householdId,
    activityDate: a.doneOn,
    // The activity is required and checked against the list where it is recorded; `other` keeps one that is not on it counted.
    activityType: lookUp(ACTIVITY_TYPES, a.activity) ?? 'other',
    stage: a.duty === 'relief' ? 'relief' : 'prevention',
    comment: null,
  }
}
