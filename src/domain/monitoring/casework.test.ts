import { describe, expect, it } from 'vitest'
import { ACCOMMODATION_OUTCOMES as CASEWORK_ACCOMMODATION_OUTCOME_LABELS } from '../../features/casework/decisions.ts'
import { ACTIVITY_TYPES as CASEWORK_ACTIVITY_TYPES } from '../activities.ts'
import { SEXES as CASEWORK_SEXES } from '../approach.ts'
import { RISKS_AT_ASSESSMENT } from '../assessment.ts'
import {
  ACCOMMODATION_SECURED as CASEWORK_ACCOMMODATION_SECURED,
  BENEFIT_CLAIMS,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  NATIONALITIES,
  RECORDED_ACCOMMODATION,
  SUPPORT_NEEDS,
} from '../code-lists.ts'
import { MAIN_DUTY_ENDING_GROUNDS, NO_DUTY_REASONS, PREVENTION_ENDING_GROUNDS, RELIEF_ENDING_GROUNDS } from '../legal-status.ts'
import {
  ACCOMMODATION_SECURED,
  ACTIVITY_TYPES,
  BENEFITS,
  CASEWORK_ACCOMMODATION_OUTCOMES,
  CASEWORK_REFERRAL_ROUTES,
  CLOSING_CODES,
  CLOSING_OUTCOMES,
  EMPLOYMENT,
  ETHNICITIES,
  HOUSING_STATUSES,
  monitoringActivityFromCasework,
  monitoringFromCasework,
  REFERRAL_ROUTES,
  RISKS,
  SEXES,
  STAYED_OR_MOVED,
  UK_NATIONAL,
  VULNERABILITIES,
  type CaseworkCase,
} from './casework.ts'
import * as vocabulary from './vocabulary.ts'

const base: CaseworkCase = {
  reference: 'BAS-2026-00001',
  householdId: 'h1',
  district: 'Basildon Borough Council',
  provider: null,
  worker: 'Priya Shah',
  approachedOn: '2026-02-01',
  recordedOn: '2026-02-01',
  referralRoute: null,
  stage: 'prevention',
  reliefStartedOn: null,
  mainDutyStartedOn: null,
  housingStatus: null,
  riskAtAssessment: null,
  supportNeeds: [],
  outcome: null,
  closedOn: null,
  accommodationOutcome: null,
  accommodationSecured: null,
  reliefActivities: 0,
  applicant: { sex: 'female', dateOfBirth: '1988-05-14', nationality: null, ethnicGroup: null },
  otherMembersBirthDates: [],
  employment: null,
}
const mapped = (changes: Partial<CaseworkCase>) => monitoringFromCasework({ ...base, ...changes })
const closed = (outcome: string, changes: Partial<CaseworkCase> = {}) =>
  mapped({ stage: 'closed', outcome, closedOn: '2026-03-01', ...changes })

/**
 * Every code of every casework list, against its table: the table has the code (the types already
 * make a missing one a compile error; this says so where it can be read), and what it gives is a code
 * of the monitoring vocabulary (or null, "not recorded", where the table says so).
 */
const TOTAL: [string, readonly string[], Record<string, string | null>, readonly (string | null)[]][] = [
  ['referral route', CASEWORK_REFERRAL_ROUTES, REFERRAL_ROUTES, vocabulary.REFERRAL_ROUTES],
  ['accommodation at application (H-CLIC 1.13)', Object.keys(RECORDED_ACCOMMODATION), HOUSING_STATUSES, vocabulary.HOUSING_STATUSES],
  ['risk at assessment', Object.keys(RISKS_AT_ASSESSMENT), RISKS, vocabulary.RISKS],
  ['support needs (H-CLIC 3.2)', Object.keys(SUPPORT_NEEDS), VULNERABILITIES, vocabulary.VULNERABILITIES],
  [
    'closing grounds and reasons (s195(8), s189B, s193, s184)',
    [...PREVENTION_ENDING_GROUNDS, ...RELIEF_ENDING_GROUNDS, ...MAIN_DUTY_ENDING_GROUNDS, ...NO_DUTY_REASONS, 'main_duty_not_owed'],
    CLOSING_OUTCOMES,
    [...vocabulary.COMPLETED_OUTCOMES, 'success'],
  ],
  [
    'accommodation secured (H-CLIC 4.8, 5.8)',
    Object.keys(CASEWORK_ACCOMMODATION_SECURED),
    ACCOMMODATION_SECURED,
    vocabulary.ACCOMMODATION_OUTCOMES,
  ],
  [
    'stayed or moved',
    Object.keys(CASEWORK_ACCOMMODATION_OUTCOME_LABELS),
    STAYED_OR_MOVED,
    [...vocabulary.ACCOMMODATION_OUTCOMES, 'by_accommodation_secured'],
  ],
  ['sex', Object.keys(CASEWORK_SEXES), SEXES, vocabulary.SEXES],
  ['nationality (H-CLIC 1.9)', Object.keys(NATIONALITIES), UK_NATIONAL, [...vocabulary.YES_NO, null]],
  ['ethnic group (H-CLIC 1.7)', Object.keys(ETHNIC_GROUPS), ETHNICITIES, [...vocabulary.ETHNICITIES, null]],
  ['employment (H-CLIC 1.10)', Object.keys(EMPLOYMENT_STATUSES), EMPLOYMENT, [...vocabulary.EMPLOYMENT, null]],
  ['benefits (H-CLIC 1.11, 1.12)', Object.keys(BENEFIT_CLAIMS), BENEFITS, [...vocabulary.YES_NO, null]],
  ['prevention and relief activities (H-CLIC 4.3, 5.3)', Object.keys(CASEWORK_ACTIVITY_TYPES), ACTIVITY_TYPES, vocabulary.ACTIVITY_TYPES],
]

describe('casework in the programmes’ vocabulary: a total mapping', () => {
  it.each(TOTAL)('maps every code of %s to a monitoring code', (_list, source, table, target) => {
    expect(Object.keys(table).sort()).toEqual([...new Set(source)].sort())
    for (const code of source) expect(target, `${code} → ${String(table[code])}`).toContain(table[code])
  })

  it('knows every closing code and every way a duty ends with accommodation', () => {
    expect([...CLOSING_CODES].sort()).toEqual(Object.keys(CLOSING_OUTCOMES).sort())
    expect([...CASEWORK_ACCOMMODATION_OUTCOMES].sort()).toEqual(Object.keys(CASEWORK_ACCOMMODATION_OUTCOME_LABELS).sort())
  })

  it.each([
    ['identified_by_council_or_partner', 'proactive'],
    ['referred_by_other_service', 'partner_referral'],
    ['partner_referral', 'partner_referral'],
    ['self_referral', 'self_referral'],
    ['something_else', null],
    [null, null],
  ])('referral route %s is %s', (route, expected) => {
    expect(mapped({ referralRoute: route }).referralRoute).toBe(expected)
  })

  it.each([
    ['threatened_29_56_days', 'threatened_29_56_days'],
    ['future_risk', 'future_risk'],
    ['not_at_risk', 'not_at_risk'],
    ['homeless', 'homeless'],
    // The code casework stored before migration 0022: on no list, so never passed through.
    ['threatened_29_to_56_days', null],
    [null, null],
  ])('risk at assessment %s is %s', (risk, expected) => {
    expect(mapped({ riskAtAssessment: risk }).riskAtAssessment).toBe(expected)
  })

  it.each([
    // Prevention's success is prevented (s195); once homeless, success is relief's (s189B) or the main duty's (s193).
    ['prevention ended, accommodation secured', 'suitable_accommodation_secured', {}, 'prevented'],
    ['relief ended, accommodation secured', 'suitable_accommodation_secured', { reliefStartedOn: '2026-02-10' }, 'relieved'],
    [
      'main duty ended, Part 6 offer accepted',
      'accepted_part_6_offer',
      { reliefStartedOn: '2026-02-10', mainDutyStartedOn: '2026-04-07' },
      'relieved',
    ],
    [
      'main duty ended, private rented offer accepted',
      'accepted_private_rented_sector_offer',
      { reliefStartedOn: '2026-02-10', mainDutyStartedOn: '2026-04-07' },
      'relieved',
    ],
    // No duty owed (s184): neither a success nor a failure.
    ['no duty: not homeless nor threatened', 'not_homeless_or_threatened', {}, 'no_duty_owed'],
    ['no duty: not eligible', 'not_eligible', {}, 'no_duty_owed'],
    ['application withdrawn', 'application_withdrawn', {}, 'withdrawn'],
    ['contact lost', 'contact_lost', { reliefStartedOn: '2026-02-10' }, 'withdrawn'],
    ['56 days elapsed', 'fifty_six_days_elapsed', {}, 'unsuccessful'],
    ['refused suitable accommodation', 'refused_suitable_accommodation', {}, 'unsuccessful'],
    ['main duty not owed after relief', 'main_duty_not_owed', { reliefStartedOn: '2026-02-10' }, 'unsuccessful'],
    // A code on no list (the demonstration's old words) is not recorded, never guessed.
    ['an unknown code', 'homelessness_prevented', {}, null],
  ] as [string, string, Partial<CaseworkCase>, string | null][])('a case closed: %s (%s) is %s', (_label, outcome, changes, expected) => {
    expect(closed(outcome, changes)).toMatchObject({ outcome: expected, caseEndDate: '2026-03-01' })
  })

  it('keeps an open case live, with no end date or relief answer', () => {
    expect(mapped({})).toMatchObject({ outcome: 'ongoing', caseEndDate: null, reliefActivity: null, accommodationOutcome: null })
  })

  it.each([
    ['private_rented_self_contained', 'moved_to_alternative_accommodation', 'private_tenancy'],
    ['council_tenant', null, 'local_authority_tenancy'],
    ['registered_provider_tenant', null, 'social_tenancy'],
    [null, 'stayed_in_existing_home', 'remained_in_own_home'],
    // Staying put in a private tenancy is remaining in one's own home, not another tenancy.
    ['private_rented_self_contained', 'stayed_in_existing_home', 'remained_in_own_home'],
    [null, 'moved_to_alternative_accommodation', 'other'],
    [null, null, 'unknown'],
  ])('accommodation secured %s (%s) is %s', (secured, outcome, expected) => {
    expect(
      closed('suitable_accommodation_secured', { accommodationSecured: secured, accommodationOutcome: outcome }).accommodationOutcome,
    ).toBe(expected)
  })

  it('records where a relieved household went, and nothing for an unsuccessful one', () => {
    const relieved = closed('suitable_accommodation_secured', { reliefStartedOn: '2026-02-10', accommodationSecured: 'council_tenant' })
    expect(relieved).toMatchObject({ outcome: 'relieved', accommodationOutcome: 'local_authority_tenancy' })
    expect(closed('fifty_six_days_elapsed', { accommodationSecured: 'council_tenant' }).accommodationOutcome).toBeNull()
  })

  it.each([
    ['private_rented_hmo', 'private_rented'],
    ['council_tenant', 'social_rented'],
    // Social rented supported housing is settled accommodation; a hostel is not.
    ['social_rented_supported_housing', 'social_rented'],
    ['hostel', 'hostel'],
    // Saved before the two were asked apart: either, so neither claimed settled nor called a hostel.
    ['supported_housing_or_hostel', 'other'],
    ['living_with_family', 'nfa_family'],
    ['rough_sleeping', 'other'],
    // A monitoring code is not a casework answer: not passed through.
    ['social_rented', null],
  ])('housing status %s is %s', (status, expected) => {
    expect(mapped({ housingStatus: status }).housingStatus).toBe(expected)
  })

  it('counts the household’s adults and children at the approach, with dependent children as a vulnerability', () => {
    const c = mapped({
      otherMembersBirthDates: ['1986-01-01', '2015-09-03', '2008-02-02'],
      supportNeeds: ['mental_health', 'drug_dependency', 'alcohol_dependency', 'modern_slavery'],
    })
    // 2008-02-02 turns 18 the day after the approach: still a child.
    expect(c).toMatchObject({ applicantAge: 37, adults: 2, dependentChildren: 2 })
    expect(c.vulnerabilities).toEqual(['dependent_children', 'mental_health', 'drug_alcohol', 'other'])
  })

  it('leaves the household’s size unrecorded when a member’s age is unknown, and no needs as not recorded', () => {
    expect(mapped({ otherMembersBirthDates: [null] })).toMatchObject({ adults: null, dependentChildren: null, vulnerabilities: null })
  })

  it.each([
    [{ housingCostBenefits: 'yes', livingCostBenefits: 'no' }, 'yes'],
    [{ housingCostBenefits: 'no', livingCostBenefits: 'no' }, 'no'],
    [{ housingCostBenefits: 'no', livingCostBenefits: 'not_known' }, null],
  ])('benefits %j are %s', (employment, expected) => {
    expect(mapped({ employment }).applicantReceivesBenefits).toBe(expected)
  })

  it.each([
    ['uk', 'asian_indian', 'yes', 'asian'],
    ['irish', 'white_irish', 'no', 'white'],
    ['not_known', 'arab', null, 'other'],
    // "Not known or prefers not to say" is not recorded, not an ethnicity of "other".
    ['eea', 'not_known', 'no', null],
  ])('nationality %s and ethnic group %s are UK national %s and %s', (nationality, ethnicGroup, uk, ethnicity) => {
    expect(mapped({ applicant: { sex: 'male', dateOfBirth: null, nationality, ethnicGroup } })).toMatchObject({
      applicantUkNational: uk,
      applicantEthnicity: ethnicity,
      applicantAge: null,
    })
  })

  it.each([
    ['negotiation_mediation_return_to_family', 'mediation'],
    ['discretionary_housing_payment', 'financial_payment'],
    ['advice_and_information', 'information_advice'],
  ])('activity %s is %s', (activity, expected) => {
    expect(monitoringActivityFromCasework({ reference: 'R', householdId: 'h', activity, duty: 'relief', doneOn: '2026-02-02' })).toEqual({
      caseRef: 'R',
      householdRef: 'h',
      activityDate: '2026-02-02',
      activityType: expected,
      stage: 'relief',
      comment: null,
    })
  })
})
