import { LocalDate } from '@js-joda/core'
import { ageOn } from '../hclic/mapping.ts'
import type { MonitoringActivity, MonitoringCase } from './record.ts'

/**
 * A case recorded through casework, in the programmes' monitoring vocabulary, so that the export and
 * the evaluation report treat it exactly as an imported one. Each mapping from the platform's richer
 * codes is explicit; a code with no counterpart becomes `other`, or stays unrecorded where the
 * monitoring list has no `other`.
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

/** The routes as casework and the demonstration record them. */
const REFERRAL_ROUTES: Record<string, string> = {
  proactive: 'proactive',
  identified_by_council_or_partner: 'proactive',
  partner_referral: 'partner_referral',
  referred_by_other_service: 'partner_referral',
  self_referral: 'self_referral',
}

/** The assessment's accommodation at application (H-CLIC 1.13) as a monitoring housing status. */
const HOUSING_STATUSES: Record<string, string> = {
  private_rented_self_contained: 'private_rented',
  private_rented_hmo: 'private_rented',
  private_rented_lodging: 'private_rented',
  council_tenant: 'social_rented',
  registered_provider_tenant: 'registered_provider',
  supported_housing_or_hostel: 'hostel',
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

/** H-CLIC support needs (3.2) as the programmes' vulnerabilities. */
const VULNERABILITIES: Record<string, string> = {
  young_person_16_17: 'young_person',
  young_person_18_25: 'young_person',
  young_parent: 'young_person',
  care_leaver_18_20: 'care_leaver',
  care_leaver_21_24: 'care_leaver',
  care_leaver_25_plus: 'care_leaver',
  physical_ill_health_or_disability: 'physical_health',
  mental_health: 'mental_health',
  learning_disability: 'learning_disability',
  domestic_abuse: 'domestic_abuse',
  drug_dependency: 'drug_alcohol',
  alcohol_dependency: 'drug_alcohol',
  offending_history: 'offending_history',
  old_age: 'older_person',
  served_in_hm_forces: 'armed_forces',
}

/** How a duty ended (legal-status grounds), or the demonstration's outcomes, as the programmes' outcome. */
const OUTCOMES: Record<string, string> = {
  suitable_accommodation_secured: 'prevented',
  homelessness_prevented: 'prevented',
  accepted_part_6_offer: 'prevented',
  accepted_private_rented_sector_offer: 'prevented',
  application_withdrawn: 'withdrawn',
  contact_lost: 'withdrawn',
  withdrew_from_service: 'withdrawn',
}

/** Where the household went: the accommodation secured where known, else whether it stayed. */
const ACCOMMODATION: Record<string, string> = {
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
  stayed_in_existing_home: 'remained_in_own_home',
  stayed_in_own_home: 'remained_in_own_home',
  moved_to_another_tenancy: 'private_tenancy',
  moved_to_alternative_accommodation: 'other',
  other: 'other',
}

const EMPLOYMENT: Record<string, string> = {
  full_time: 'full_time',
  part_time: 'part_time',
  registered_unemployed: 'unemployed',
  not_registered_unemployed_seeking_work: 'unemployed',
  not_seeking_work: 'not_working_other',
  student_or_training: 'not_working_other',
  long_term_illness_or_disability: 'not_working_other',
  retired: 'not_working_other',
  other: 'not_working_other',
}

const ETHNICITY_PREFIXES: [string, string][] = [
  ['white', 'white'],
  ['mixed', 'mixed'],
  ['asian', 'asian'],
  ['black', 'black'],
]

export function monitoringFromCasework(c: CaseworkCase): MonitoringCase {
  const approached = LocalDate.parse(c.approachedOn)
  const ages = c.otherMembersBirthDates.map((d) => ageOn(d, approached))
  const known = ages.filter((a): a is number => a !== null)
  const applicantAge = ageOn(c.applicant?.dateOfBirth ?? null, approached)
  const membersKnown = c.applicant !== null && known.length === ages.length
  const children = known.filter((a) => a < 18).length
  const closed = c.stage === 'closed'
  const outcome = closed ? (c.outcome ? (OUTCOMES[c.outcome] ?? 'unsuccessful') : 'unsuccessful') : 'ongoing'
  const needs = c.supportNeeds.map((n) => VULNERABILITIES[n] ?? 'other')
  if (children > 0) needs.unshift('dependent_children')
  const benefits = [c.employment?.housingCostBenefits, c.employment?.livingCostBenefits]
  const ethnic = c.applicant?.ethnicGroup ?? null
  const nationality = c.applicant?.nationality ?? null
  return {
    caseRef: c.reference,
    householdRef: c.householdId,
    district: c.district,
    provider: c.provider,
    worker: c.worker,
    referralDate: c.approachedOn,
    recordedDate: c.recordedOn,
    referralRoute: c.referralRoute === null ? null : (REFERRAL_ROUTES[c.referralRoute] ?? null),
    referralAgency: null,
    applicantSex: c.applicant?.sex ?? null,
    applicantAge,
    applicantUkNational: nationality === null || nationality === 'not_known' ? null : nationality === 'uk' ? 'yes' : 'no',
    applicantEthnicity: ethnic === null ? null : (ETHNICITY_PREFIXES.find(([prefix]) => ethnic.startsWith(prefix))?.[1] ?? 'other'),
    applicantReceivesBenefits: benefits.includes('yes') ? 'yes' : benefits.every((b) => b === 'no') ? 'no' : null,
    applicantEmployment: c.employment?.applicantEmployment ? (EMPLOYMENT[c.employment.applicantEmployment] ?? null) : null,
    adults: membersKnown ? 1 + known.filter((a) => a >= 18).length : null,
    dependentChildren: membersKnown ? children : null,
    housingStatus: c.housingStatus === null ? null : (HOUSING_STATUSES[c.housingStatus] ?? c.housingStatus),
    riskAtAssessment: c.riskAtAssessment,
    previouslyHomeless: null,
    previouslySleptRough: null,
    previouslyInTemporaryAccommodation: null,
    vulnerabilities: needs.length > 0 ? [...new Set(needs)] : null,
    primaryVulnerability: null,
    outcome,
    caseEndDate: closed ? c.closedOn : null,
    accommodationOutcome:
      outcome === 'prevented' ? (ACCOMMODATION[c.accommodationSecured ?? c.accommodationOutcome ?? ''] ?? 'unknown') : null,
    reliefActivity: closed ? (c.reliefActivities > 0 ? 'yes' : 'no') : null,
    comments: null,
  }
}

/** Casework's prevention and relief activities (H-CLIC's list) in the programmes' activity types. */
const ACTIVITY_TYPES: Record<string, string> = {
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
    activityType: ACTIVITY_TYPES[a.activity] ?? 'other',
    stage: a.duty === 'relief' ? 'relief' : 'prevention',
    comment: null,
  }
}
