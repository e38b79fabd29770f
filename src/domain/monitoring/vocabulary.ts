/**
 * The programmes' own words for their monitoring data (docs/monitoring-data.md): the codes a
 * cases.csv or activities.csv may hold, in the order the evaluation report lists them. The platform's
 * richer vocabularies map onto these (casework.ts).
 */
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
export const RISKS = ['future_risk', 'threatened_29_56_days', 'threatened_within_28_days', 'homeless'] as const
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
export const OUTCOMES = ['prevented', 'unsuccessful', 'withdrawn', 'ongoing'] as const
/** The outcomes that end a case: the rest are live. */
export const COMPLETED_OUTCOMES = ['prevented', 'unsuccessful', 'withdrawn'] as const
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

export type Risk = (typeof RISKS)[number]
export type Vulnerability = (typeof VULNERABILITIES)[number]
export type Outcome = (typeof OUTCOMES)[number]
export type AccommodationOutcome = (typeof ACCOMMODATION_OUTCOMES)[number]
export type ActivityType = (typeof ACTIVITY_TYPES)[number]
