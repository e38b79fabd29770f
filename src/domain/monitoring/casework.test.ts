import { describe, expect, it } from 'vitest'
import { monitoringActivityFromCasework, monitoringFromCasework, type CaseworkCase } from './casework.ts'

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

describe('a casework case in the programmes’ vocabulary', () => {
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
    ['suitable_accommodation_secured', 'prevented'],
    ['homelessness_prevented', 'prevented'],
    ['application_withdrawn', 'withdrawn'],
    ['contact_lost', 'withdrawn'],
    ['fifty_six_days_elapsed', 'unsuccessful'],
    ['refused_suitable_accommodation', 'unsuccessful'],
    [null, 'unsuccessful'],
  ])('a case closed as %s is %s', (outcome, expected) => {
    expect(mapped({ stage: 'closed', outcome, closedOn: '2026-03-01' })).toMatchObject({ outcome: expected, caseEndDate: '2026-03-01' })
  })

  it('keeps an open case live, with no end date or relief answer', () => {
    expect(mapped({})).toMatchObject({ outcome: 'ongoing', caseEndDate: null, reliefActivity: null, accommodationOutcome: null })
  })

  it.each([
    ['private_rented_self_contained', null, 'private_tenancy'],
    ['council_tenant', null, 'local_authority_tenancy'],
    ['registered_provider_tenant', null, 'social_tenancy'],
    [null, 'stayed_in_existing_home', 'remained_in_own_home'],
    [null, null, 'unknown'],
  ])('accommodation secured %s (outcome %s) is %s', (secured, outcome, expected) => {
    const c = mapped({
      stage: 'closed',
      outcome: 'suitable_accommodation_secured',
      closedOn: '2026-03-01',
      accommodationSecured: secured,
      accommodationOutcome: outcome,
    })
    expect(c.accommodationOutcome).toBe(expected)
  })

  it.each([
    ['private_rented_hmo', 'private_rented'],
    ['council_tenant', 'social_rented'],
    ['living_with_family', 'nfa_family'],
    ['rough_sleeping', 'other'],
    ['social_rented', 'social_rented'],
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
    ['uk', 'yes'],
    ['irish', 'no'],
    ['not_known', null],
  ])('nationality %s is UK national %s', (nationality, expected) => {
    expect(mapped({ applicant: { sex: 'male', dateOfBirth: null, nationality, ethnicGroup: 'asian_indian' } })).toMatchObject({
      applicantUkNational: expected,
      applicantEthnicity: 'asian',
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
