/**
 * The programmes' own words for their monitoring data (docs/monitoring-data.md): the codes a
 * cases.csv or activities.csv may hold, in the order the evaluation report lists them. The platform's
 * richer vocabularies map onto these (casework.ts).
 *
 * The interchange format has versions. 1.1 only adds codes to 1.0 (ADDED_IN_1_1), so every 1.0 data
 * set is also a 1.1 one and reads unchanged; the platform reads both and writes 1.1. A reader that
 * knows only 1.0 refuses a 1.1 code as unknown, as the spec requires, so no figure is miscounted.
 */
export const FORMAT_VERSIONS = ['1.0', '1.1'] as const
export type FormatVersion = (typeof FORMAT_VERSIONS)[number]
/** What the export writes. */
export const CURRENT_FORMAT_VERSION: FormatVersion = '1.1'

export const REFERRAL_ROUTES = ['proactive', 'partner_referral', 'self_referral'] as const
export const SEXES = ['female', 'male', 'other'] as const
export const YES_NO = ['yes', 'no'] as const
export const YES_NO_DONT_KNOW = ['yes', 'no', 'dont_know'] as const
export const ETHNICITIES = ['white', 'mixed', 'asian', 'black', 'other'] as const
export const EMPLOYMENT = ['full_time', 'part_time', 'self_employed', 'unemployed', 'not_working_other'] as const
export const FIXED_ACCOMMODATION = ['social_rented', 'private_rented', 'registered_provider', 'owner_occupier'] as const
export const TEMPORARY_OR_OTHER = [
  'nfa_family',
  'nfa_friends',
  'bed_and_breakfast',
  'emergency',
  'hostel',
  'other_temporary',
  'other',
] as const
export const HOUSING_STATUSES = [...FIXED_ACCOMMODATION, ...TEMPORARY_OR_OTHER] as const
/**
 * From no risk to homeless. `future_risk` is a risk with an expected date more than 56 days away;
 * `not_at_risk` (1.1) is a household assessed as neither homeless nor at risk, kept apart so that it
 * is not counted as found early.
 */
export const RISKS = ['not_at_risk', 'future_risk', 'threatened_29_56_days', 'threatened_within_28_days', 'homeless'] as const
export const VULNERABILITIES = [
  'dependent_children',
  'mental_health',
  'physical_health',
  'drug_alcohol',
  'learning_disability',
  'domestic_abuse',
  'offending_history',
  'young_person',
  'care_leaver',
  'older_person',
  'armed_forces',
  'other',
] as const
/**
 * `prevented`: homelessness prevented (before the household became homeless); `relieved` (1.1):
 * homelessness relieved, the household helped into accommodation once homeless; `no_duty_owed` (1.1):
 * closed because no prevention or relief duty was owed (not homeless nor threatened, or not
 * eligible), which is neither a success nor a failure.
 */
export const OUTCOMES = ['prevented', 'relieved', 'unsuccessful', 'withdrawn', 'no_duty_owed', 'ongoing'] as const
/** The outcomes that end a case: the rest are live. */
export const COMPLETED_OUTCOMES = ['prevented', 'relieved', 'unsuccessful', 'withdrawn', 'no_duty_owed'] as const
/** The household kept or found a home: prevention's success and relief's. */
export const SUCCESSFUL_OUTCOMES = ['prevented', 'relieved'] as const
export const ACCOMMODATION_OUTCOMES = [
  'remained_in_own_home',
  'private_tenancy',
  'social_tenancy',
  'local_authority_tenancy',
  'voluntary_organisation_tenancy',
  'friends_family',
  'supported_housing',
  'hostel',
  'shared_property',
  'own_arrangements',
  'other',
  'unknown',
] as const
export const ACTIVITY_TYPES = [
  'information_advice',
  'mediation',
  'financial_payment',
  'problem_resolution',
  'partner_working',
  'referral',
  'other',
] as const
export const ACTIVITY_STAGES = ['prevention', 'relief'] as const

/** The codes version 1.1 added to 1.0, by column: a data set holding any of them is a 1.1 data set. */
export const ADDED_IN_1_1 = {
  risk_at_assessment: ['not_at_risk'],
  outcome: ['relieved', 'no_duty_owed'],
} as const satisfies Record<string, readonly string[]>
const ADDED_CODES: ReadonlySet<string> = new Set(Object.values(ADDED_IN_1_1).flat())

/** Whether a code is one version 1.1 added (every column's additions are distinct words). */
export function addedIn11(code: string | null): boolean {
  return code !== null && ADDED_CODES.has(code)
}

export type Risk = (typeof RISKS)[number]
export type Vulnerability = (typeof VULNERABILITIES)[number]
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number]
export type MonitoringSex = (typeof SEXES)[number]
export type Ethnicity = (typeof ETHNICITIES)[number]
export type Employment = (typeof EMPLOYMENT)[number]
export type HousingStatus = (typeof HOUSING_STATUSES)[number]
export type Outcome = (typeof OUTCOMES)[number]
export type CompletedOutcome = (typeof COMPLETED_OUTCOMES)[number]
export type AccommodationOutcome = (typeof ACCOMMODATION_OUTCOMES)[number]
export type ActivityType = (typeof ACTIVITY_TYPES)[number]
