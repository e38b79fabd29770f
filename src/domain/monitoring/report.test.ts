import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import type { MonitoringActivity, MonitoringCase } from './record.ts'
import { durationBand, DURATION_BANDS, createEvaluationTally, evaluationReport, withPreventionActivities } from './report.ts'
import {
  districtKey,
  districtLabel,
  mean1dp,
  meanWhole,
  percentage,
  TABLE_IDS,
  type EvaluationFilters,
  type ReportRow,
} from './report-model.ts'

const HARLOW = 'Harlow Council'
const EPPING = 'Epping Forest District Council'
const SOUTHEND = 'Southend-on-Sea City Council'
const DISTRICTS = [{ name: EPPING }, { name: HARLOW }, { name: SOUTHEND }]
const NO_FILTERS: EvaluationFilters = { programme: [], from: null, to: null, districts: [] }
const AS_OF = '2024-12-31'

function kase(
  caseRef: string,
  householdRef: string | null,
  district: string | null,
  referralDate: string | null,
  fields: Partial<MonitoringCase> = {},
): MonitoringCase {
  return {
    caseRef,
    householdRef,
    district,
    provider: null,
    worker: null,
    referralDate,
    recordedDate: null,
    referralRoute: null,
    referralAgency: null,
    applicantSex: null,
    applicantAge: null,
    applicantUkNational: null,
    applicantEthnicity: null,
    applicantReceivesBenefits: null,
    applicantEmployment: null,
    adults: null,
    dependentChildren: null,
    housingStatus: null,
    riskAtAssessment: null,
    previouslyHomeless: null,
    previouslySleptRough: null,
    previouslyInTemporaryAccommodation: null,
    vulnerabilities: null,
    primaryVulnerability: null,
    outcome: null,
    caseEndDate: null,
    accommodationOutcome: null,
    reliefActivity: null,
    comments: null,
    ...fields,
  }
}

/** The end of support a stated number of days after referral: the durations below are the hand values. */
const after = (date: string, days: number) => LocalDate.parse(date).plusDays(days).toString()

/**
 * Sixteen cases in three districts over 2024, every figure below worked out by hand from this list.
 * Household A has three cases (C01 first, C02 later, C15 undated: two repeats); household L has two
 * cases referred the same day (a tie: no repeat).
 */
const CASES: MonitoringCase[] = [
  kase('C01', 'A', HARLOW, '2024-01-05', {
    referralRoute: 'proactive',
    applicantSex: 'female',
    applicantAge: 17,
    applicantUkNational: 'yes',
    applicantReceivesBenefits: 'yes',
    applicantEmployment: 'full_time',
    adults: 1,
    dependentChildren: 0,
    housingStatus: 'private_rented',
    riskAtAssessment: 'future_risk',
    previouslyHomeless: 'yes',
    previouslySleptRough: 'no',
    previouslyInTemporaryAccommodation: 'dont_know',
    vulnerabilities: ['mental_health', 'drug_alcohol'],
    primaryVulnerability: 'mental_health',
    outcome: 'prevented',
    caseEndDate: after('2024-01-05', 7),
    accommodationOutcome: 'remained_in_own_home',
    reliefActivity: 'no',
  }),
  kase('C02', 'A', HARLOW, '2024-03-10', {
    referralRoute: 'partner_referral',
    applicantSex: 'female',
    applicantAge: 25,
    applicantUkNational: 'yes',
    applicantReceivesBenefits: 'no',
    applicantEmployment: 'part_time',
    adults: 2,
    dependentChildren: 1,
    housingStatus: 'social_rented',
    riskAtAssessment: 'threatened_29_56_days',
    previouslyHomeless: 'no',
    previouslySleptRough: 'no',
    previouslyInTemporaryAccommodation: 'no',
    vulnerabilities: ['dependent_children'],
    primaryVulnerability: 'dependent_children',
    outcome: 'prevented',
    caseEndDate: after('2024-03-10', 8),
    accommodationOutcome: 'private_tenancy',
    reliefActivity: 'yes',
  }),
  kase('C03', 'B', EPPING, '2024-01-20', {
    referralRoute: 'self_referral',
    applicantSex: 'male',
    applicantAge: 44,
    applicantUkNational: 'no',
    applicantReceivesBenefits: 'yes',
    applicantEmployment: 'unemployed',
    adults: 1,
    dependentChildren: 0,
    housingStatus: 'nfa_family',
    riskAtAssessment: 'homeless',
    previouslyHomeless: 'dont_know',
    previouslySleptRough: 'yes',
    previouslyInTemporaryAccommodation: 'yes',
    vulnerabilities: [],
    outcome: 'unsuccessful',
    caseEndDate: after('2024-01-20', 84),
    accommodationOutcome: 'hostel',
    reliefActivity: 'yes',
  }),
  kase('C04', 'C', EPPING, '2024-01-31', {
    referralRoute: 'proactive',
    applicantSex: 'male',
    applicantAge: 45,
    applicantUkNational: 'yes',
    applicantReceivesBenefits: 'yes',
    applicantEmployment: 'self_employed',
    adults: 3,
    dependentChildren: 2,
    housingStatus: 'hostel',
    riskAtAssessment: 'threatened_within_28_days',
    previouslyHomeless: 'yes',
    previouslySleptRough: 'dont_know',
    previouslyInTemporaryAccommodation: 'no',
    vulnerabilities: ['mental_health', 'physical_health', 'domestic_abuse'],
    primaryVulnerability: 'domestic_abuse',
    outcome: 'prevented',
    caseEndDate: after('2024-01-31', 85),
    accommodationOutcome: 'social_tenancy',
    reliefActivity: 'no',
  }),
  kase('C05', 'D', SOUTHEND, '2024-04-01', {
    referralRoute: 'partner_referral',
    applicantSex: 'female',
    applicantAge: 70,
    applicantUkNational: 'yes',
    applicantReceivesBenefits: 'no',
    applicantEmployment: 'not_working_other',
    adults: 1,
    dependentChildren: 0,
    housingStatus: 'owner_occupier',
    riskAtAssessment: 'future_risk',
    previouslyHomeless: 'no',
    previouslySleptRough: 'no',
    previouslyInTemporaryAccommodation: 'no',
    vulnerabilities: ['older_person'],
    primaryVulnerability: 'older_person',
    outcome: 'prevented',
    caseEndDate: after('2024-04-01', 112),
    accommodationOutcome: 'unknown',
    reliefActivity: 'no',
  }),
  kase('C06', 'E', SOUTHEND, '2024-04-01', {
    referralRoute: 'partner_referral',
    applicantSex: 'other',
    applicantAge: 18,
    applicantUkNational: 'yes',
    applicantEmployment: 'full_time',
    adults: 4,
    dependentChildren: 4,
    housingStatus: 'bed_and_breakfast',
    riskAtAssessment: 'homeless',
    previouslyHomeless: 'yes',
    previouslyInTemporaryAccommodation: 'dont_know',
    vulnerabilities: ['mental_health', 'mental_health'],
    outcome: 'unsuccessful',
    caseEndDate: after('2024-04-01', 113),
    reliefActivity: 'yes',
  }),
  kase('C07', 'F', HARLOW, '2024-04-15', {
    referralRoute: 'self_referral',
    applicantSex: 'female',
    applicantAge: 24,
    applicantUkNational: 'no',
    adults: 5,
    dependentChildren: 0,
    housingStatus: 'other',
    vulnerabilities: ['young_person'],
    outcome: 'prevented',
    caseEndDate: after('2024-04-15', 168),
    accommodationOutcome: 'friends_family',
  }),
  kase('C08', 'G', null, '2024-04-20', {
    referralRoute: 'proactive',
    applicantAge: 64,
    adults: 1,
    housingStatus: 'registered_provider',
    outcome: 'prevented',
    caseEndDate: after('2024-04-20', 169),
  }),
  kase('C09', 'H', HARLOW, '2024-06-02', {
    referralRoute: 'partner_referral',
    applicantSex: 'female',
    applicantAge: 15,
    dependentChildren: 0,
    outcome: 'withdrawn',
    caseEndDate: after('2024-06-02', 10),
    reliefActivity: 'no',
  }),
  kase('C10', 'I', EPPING, '2024-06-03', {
    applicantAge: 34,
    outcome: 'prevented',
    caseEndDate: '2024-06-01',
    accommodationOutcome: 'remained_in_own_home',
  }),
  kase('C11', 'J', SOUTHEND, '2024-06-05', { outcome: 'unsuccessful', caseEndDate: '2024-06-31' }),
  kase('C12', 'K', HARLOW, '2024-06-10', { outcome: 'prevented', caseEndDate: '2025-01-05', accommodationOutcome: 'other' }),
  kase('C13', 'L', EPPING, '2024-07-01'),
  kase('C14', 'L', EPPING, '2024-07-01', { outcome: 'ongoing' }),
  kase('C15', 'A', null, null),
  kase('C16', 'N', SOUTHEND, '2024-09-15', { reliefActivity: 'yes' }),
]

const activity = (caseRef: string | null, activityType: string, stage: 'prevention' | 'relief' = 'prevention'): MonitoringActivity => ({
  caseRef,
  householdRef: null,
  activityDate: null,
  activityType,
  stage,
  comment: null,
})

const ACTIVITIES: MonitoringActivity[] = [
  activity('C01', 'mediation'),
  ...Array.from({ length: 5 }, () => activity('C02', 'information_advice')),
  ...Array.from({ length: 4 }, () => activity('C02', 'financial_payment')),
  activity('C04', 'mediation'),
  activity('C04', 'referral'),
  activity('C04', 'partner_working', 'relief'),
  activity('C03', 'mediation'),
  activity('X99', 'mediation'),
  activity(null, 'other'),
  activity(null, 'mediation', 'relief'),
]

const report = (changes: { cases?: MonitoringCase[]; filters?: Partial<EvaluationFilters>; districts?: { name: string }[] } = {}) =>
  evaluationReport({
    cases: changes.cases ?? CASES,
    activities: ACTIVITIES,
    asOf: AS_OF,
    filters: { ...NO_FILTERS, ...changes.filters },
    districts: changes.districts ?? DISTRICTS,
  })

/** Rows as `key n pct`, compact enough to check by eye against the hand working. */
const compact = (rows: ReportRow[]) => rows.map((r) => `${r.key} ${String(r.n)} ${String(r.pct)}`)

describe('the evaluation report over sixteen hand-counted cases', () => {
  const { tables } = report()

  it('lists every table of the spec in its order, with titles and row labels', () => {
    expect(Object.keys(tables)).toEqual([...TABLE_IDS])
    for (const id of TABLE_IDS) {
      expect(tables[id].title).not.toBe('')
      for (const r of tables[id].rows) expect(r.label).not.toBe('')
    }
    expect(tables.applicant_age.rows[0]?.label).toBe('16 to 17')
    expect(tables.support_duration_bands.rows[0]?.label).toBe('Up to 1 week')
    expect(tables.cases_by_month.rows[0]?.label).toBe('January 2024')
  })

  it('summarises cases: total, live, completed and repeats (ties are not repeats; an undated case beside dated ones is)', () => {
    expect(tables.summary).toMatchObject({ total: 16, live: 4, completed: 12, repeat: 2, base: 16, missing: 0 })
    expect(compact(tables.summary.rows)).toEqual(['live 4 25', 'completed 12 75', 'repeat 2 13'])
  })

  it('counts outcomes of completed cases', () => {
    expect(tables.outcomes).toMatchObject({ base: 12, missing: 0 })
    expect(compact(tables.outcomes.rows)).toEqual(['prevented 8 67', 'withdrawn 1 8', 'unsuccessful 3 25'])
  })

  it('rounds half up: 1 of 8 is 13%, 5 of 8 is 63%', () => {
    expect(tables.applicant_sex).toMatchObject({ base: 8, missing: 8 })
    expect(compact(tables.applicant_sex.rows)).toEqual(['female 5 63', 'male 2 25', 'other 1 13'])
  })

  it('counts benefits, employment (employed = full time, part time or self-employed) and nationality', () => {
    expect(tables.applicant_benefits).toMatchObject({ base: 5, missing: 11 })
    expect(compact(tables.applicant_benefits.rows)).toEqual(['yes 3 60', 'no 2 40'])
    expect(tables.applicant_employment).toMatchObject({ base: 6, missing: 10 })
    expect(compact(tables.applicant_employment.rows)).toEqual([
      'employed 4 67',
      'full_time 2 33',
      'part_time 1 17',
      'self_employed 1 17',
      'unemployed 1 17',
      'not_working_other 1 17',
    ])
    expect(tables.applicant_uk_national).toMatchObject({ base: 7, missing: 9 })
    expect(compact(tables.applicant_uk_national.rows)).toEqual(['yes 5 71', 'no 2 29'])
  })

  it('bands ages, leaving an age of 15 out of the base, with the mean and the share aged 25 to 44', () => {
    expect(tables.applicant_age).toMatchObject({ base: 9, missing: 7, mean: 37.9, aged25To44Pct: 33 })
    expect(compact(tables.applicant_age.rows)).toEqual([
      '16_17 1 11',
      '18_24 2 22',
      '25_34 2 22',
      '35_44 1 11',
      '45_54 1 11',
      '55_64 1 11',
      '65_plus 1 11',
    ])
  })

  it('counts households where adults and children are both recorded', () => {
    for (const id of ['household_adults', 'dependent_children', 'household_type'] as const)
      expect(tables[id]).toMatchObject({ base: 7, missing: 9 })
    expect(compact(tables.household_adults.rows)).toEqual(['one 3 43', 'two 1 14', 'three 1 14', 'four_or_more 2 29'])
    expect(compact(tables.dependent_children.rows)).toEqual(['none 4 57', 'one 1 14', 'two 1 14', 'three 0 0', 'four_or_more 1 14'])
    expect(compact(tables.household_type.rows)).toEqual([
      'single_adult_no_children 3 43',
      'single_male_no_children 1 14',
      'with_dependent_children 3 43',
    ])
  })

  it('groups housing status into fixed and temporary or other', () => {
    expect(tables.housing_status).toMatchObject({ base: 8, missing: 8 })
    expect(compact(tables.housing_status.rows)).toEqual([
      'fixed_accommodation 4 50',
      'social_rented 1 13',
      'private_rented 1 13',
      'registered_provider 1 13',
      'owner_occupier 1 13',
      'temporary_or_other 4 50',
      'nfa_family 1 13',
      'nfa_friends 0 0',
      'bed_and_breakfast 1 13',
      'emergency 0 0',
      'hostel 1 13',
      'other_temporary 0 0',
      'other 1 13',
    ])
  })

  it('counts risk at assessment and the share at risk rather than homeless', () => {
    expect(tables.risk_at_assessment).toMatchObject({ base: 6, missing: 10, atRiskPct: 67 })
    expect(compact(tables.risk_at_assessment.rows)).toEqual([
      'future_risk 2 33',
      'threatened_29_56_days 1 17',
      'threatened_within_28_days 1 17',
      'homeless 2 33',
    ])
  })

  it('rebases the history questions on known answers, reporting don’t know apart', () => {
    expect(tables.previously_homeless).toMatchObject({ base: 5, dontKnow: 1, missing: 10 })
    expect(compact(tables.previously_homeless.rows)).toEqual(['yes 3 60', 'no 2 40'])
    expect(tables.previously_slept_rough).toMatchObject({ base: 4, dontKnow: 1, missing: 11 })
    expect(compact(tables.previously_slept_rough.rows)).toEqual(['yes 1 25', 'no 3 75'])
    expect(tables.previously_in_temporary_accommodation).toMatchObject({ base: 4, dontKnow: 2, missing: 10 })
    expect(compact(tables.previously_in_temporary_accommodation.rows)).toEqual(['yes 1 25', 'no 3 75'])
  })

  it('counts each vulnerability once per household, “none” as recorded, with multiple and the mean count', () => {
    expect(tables.vulnerabilities).toMatchObject({ base: 7, missing: 9, multiple: { n: 2, pct: 29 }, meanCount: 1.3 })
    expect(compact(tables.vulnerabilities.rows)).toEqual([
      'dependent_children 1 14',
      'mental_health 3 43',
      'physical_health 1 14',
      'drug_alcohol 1 14',
      'learning_disability 0 0',
      'domestic_abuse 1 14',
      'offending_history 0 0',
      'young_person 1 14',
      'care_leaver 0 0',
      'older_person 1 14',
      'armed_forces 0 0',
      'other 0 0',
    ])
    expect(tables.primary_vulnerability).toMatchObject({ base: 4, missing: 12 })
    expect(compact(tables.primary_vulnerability.rows).filter((r) => !r.endsWith(' 0 0'))).toEqual([
      'dependent_children 1 25',
      'mental_health 1 25',
      'domestic_abuse 1 25',
      'older_person 1 25',
    ])
  })

  it('counts referral routes overall and by district, each column on its own base', () => {
    expect(tables.referral_route).toMatchObject({ base: 9, missing: 7 })
    expect(compact(tables.referral_route.rows)).toEqual(['proactive 3 33', 'partner_referral 4 44', 'self_referral 2 22'])
    expect(tables.referral_route.columns.map((c) => [c.key, c.label, c.base, compact(c.rows)])).toEqual([
      ['epping_forest', 'Epping Forest', 2, ['proactive 1 50', 'partner_referral 0 0', 'self_referral 1 50']],
      ['harlow', 'Harlow', 4, ['proactive 1 25', 'partner_referral 2 50', 'self_referral 1 25']],
      ['southend_on_sea', 'Southend-on-Sea', 2, ['proactive 0 0', 'partner_referral 2 100', 'self_referral 0 0']],
    ])
  })

  it('counts cases by district in the order of the district list', () => {
    expect(tables.cases_by_district).toMatchObject({ base: 14, missing: 2 })
    expect(compact(tables.cases_by_district.rows)).toEqual(['epping_forest 5 36', 'harlow 5 36', 'southend_on_sea 4 29'])
    expect(tables.cases_by_district.rows.map((r) => r.label)).toEqual(['Epping Forest', 'Harlow', 'Southend-on-Sea'])
  })

  it('counts cases by month, months with none included, with the three-month rolling mean', () => {
    expect(tables.cases_by_month).toMatchObject({ base: 15, missing: 1 })
    expect(tables.cases_by_month.rows.map((r) => `${r.key} ${String(r.n)} ${String(r.pct)} ${String(r.rolling3)}`)).toEqual([
      '2024-01 3 20 null',
      '2024-02 0 0 null',
      '2024-03 1 7 1.3',
      '2024-04 4 27 1.7',
      '2024-05 0 0 1.7',
      '2024-06 4 27 2.7',
      '2024-07 2 13 2',
      '2024-08 0 0 2',
      '2024-09 1 7 1',
    ])
  })

  it('counts prevention activities of prevented cases, and activities matching no case', () => {
    expect(tables.prevention_activities).toMatchObject({ base: 3, missing: 5, activities: 12, mean: 4, min: 1, max: 9, unmatched: 2 })
    expect(compact(tables.prevention_activities.rows)).toEqual(['1 1 33', '2_8 1 33', '9_plus 1 33'])
    expect(compact(tables.prevention_activities.types)).toEqual([
      'information_advice 5 42',
      'mediation 2 17',
      'financial_payment 4 33',
      'problem_resolution 0 0',
      'partner_working 0 0',
      'referral 1 8',
      'other 0 0',
    ])
  })

  it('counts relief activity for completed cases only', () => {
    expect(tables.relief_activity).toMatchObject({ base: 7, missing: 5 })
    expect(compact(tables.relief_activity.rows)).toEqual(['yes 3 43', 'no 4 57'])
  })

  it('measures support only where referral ≤ end ≤ asOf and both are real dates', () => {
    expect(tables.support_duration).toMatchObject({
      base: 9,
      missing: 3,
      meanDays: 84,
      meanDaysByOutcome: { prevented: 92, unsuccessful: 99, withdrawn: 10 },
    })
    expect(compact(tables.support_duration.rows)).toEqual(['prevented 6 67', 'withdrawn 1 11', 'unsuccessful 2 22'])
  })

  it('bands durations at the week edges, cumulative percentages from cumulative counts', () => {
    const bands = tables.support_duration_bands
    expect(bands).toMatchObject({ base: 8, missing: 3 })
    expect(bands.rows.map((r) => r.key)).toEqual(DURATION_BANDS)
    const shown = bands.rows.filter((r) => r.n > 0 || r.key === 'up_to_3_weeks')
    expect(shown.map((r) => `${r.key} ${String(r.n)} ${String(r.pct)} ${String(r.cumulativePct)}`)).toEqual([
      'up_to_1_week 1 13 13',
      // 13 + 13 would be 26: 2 of 8 is 25.
      'up_to_2_weeks 1 13 25',
      'up_to_3_weeks 0 0 25',
      'up_to_12_weeks 1 13 38',
      'up_to_16_weeks 2 25 63',
      'up_to_20_weeks 1 13 75',
      'up_to_24_weeks 1 13 88',
      'more_than_24_weeks 1 13 100',
    ])
  })

  it('counts accommodation outcomes of prevented cases, leaving out unknown', () => {
    expect(tables.accommodation_outcome).toMatchObject({ base: 6, missing: 2 })
    expect(compact(tables.accommodation_outcome.rows)).toEqual([
      'remained_in_own_home 2 33',
      'another_tenancy 2 33',
      'private_tenancy 1 17',
      'social_tenancy 1 17',
      'local_authority_tenancy 0 0',
      'voluntary_organisation_tenancy 0 0',
      'friends_family 1 17',
      'supported_housing 0 0',
      'hostel 0 0',
      'shared_property 0 0',
      'own_arrangements 0 0',
      'other 1 17',
    ])
  })

  it('counts outcomes by district, the totals equal to the outcomes table', () => {
    const t = tables.outcomes_by_district
    expect(t).toMatchObject({ base: 12, missing: 0 })
    expect(compact(t.rows)).toEqual(['prevented 8 67', 'unsuccessful 3 25', 'withdrawn 1 8'])
    expect(t.columns.map((c) => [c.key, c.base, compact(c.rows)])).toEqual([
      ['epping_forest', 3, ['prevented 2 67', 'unsuccessful 1 33', 'withdrawn 0 0']],
      ['harlow', 5, ['prevented 4 80', 'unsuccessful 0 0', 'withdrawn 1 20']],
      ['southend_on_sea', 3, ['prevented 1 33', 'unsuccessful 2 67', 'withdrawn 0 0']],
    ])
  })
})

describe('the population', () => {
  it('takes referral dates in [from, to] with both ends inclusive, and no undated case', () => {
    const { tables, filters } = report({ filters: { from: '2024-04-01', to: '2024-06-05' } })
    expect(filters).toEqual({ programme: [], from: '2024-04-01', to: '2024-06-05', districts: [] })
    expect(tables.summary).toMatchObject({ total: 7, live: 0, completed: 7, repeat: 0 })
    expect(compact(tables.cases_by_month.rows)).toEqual(['2024-04 4 57', '2024-05 0 0', '2024-06 3 43'])
  })

  it('counts a case as a repeat when its household was referred before the period began', () => {
    const { tables } = report({ filters: { from: '2024-03-01' } })
    expect(tables.summary).toMatchObject({ total: 12, repeat: 1 })
  })

  it('takes only the chosen districts', () => {
    const { tables } = report({ filters: { districts: ['harlow council'] }, districts: [{ name: HARLOW }] })
    expect(tables.summary).toMatchObject({ total: 5, repeat: 1, completed: 5 })
    expect(compact(tables.cases_by_district.rows)).toEqual(['harlow 5 100'])
    expect(tables.outcomes_by_district.columns.map((c) => c.key)).toEqual(['harlow'])
  })

  it('counts as first the lowest case reference of a household with no referral dates, in whatever order they come', () => {
    const cases = [
      kase('X2', 'Z', null, null),
      kase('X1', 'Z', null, null),
      kase('X3', 'Y', null, null),
      kase('X4', 'Y', null, '2024-01-01'),
    ]
    expect(report({ cases }).tables.summary).toMatchObject({ total: 4, repeat: 2 })
    // Only X1 is in Harlow: it is its household's first case whether it comes first or last.
    const harlowOnly = [kase('X2', 'Z', EPPING, null), kase('X1', 'Z', HARLOW, null)]
    const inHarlow = { filters: { districts: [HARLOW] }, districts: [{ name: HARLOW }] }
    expect(report({ cases: harlowOnly, ...inHarlow }).tables.summary).toMatchObject({ total: 1, repeat: 0 })
    expect(report({ cases: harlowOnly.reverse(), ...inHarlow }).tables.summary).toMatchObject({ total: 1, repeat: 0 })
  })

  it('gives null percentages and means for an empty base', () => {
    const { tables } = report({ cases: [] })
    expect(tables.summary).toMatchObject({ total: 0, repeat: 0 })
    expect(compact(tables.outcomes.rows)).toEqual(['prevented 0 null', 'withdrawn 0 null', 'unsuccessful 0 null'])
    expect(tables.cases_by_month.rows).toEqual([])
    expect(tables.applicant_age).toMatchObject({ mean: null, aged25To44Pct: null })
    expect(tables.support_duration).toMatchObject({
      meanDays: null,
      meanDaysByOutcome: { prevented: null, unsuccessful: null, withdrawn: null },
    })
    expect(tables.prevention_activities).toMatchObject({ min: null, max: null, mean: null, unmatched: 2 })
  })

  it('rounds 1 of 40 (2.5%) up to 3 and 39 of 40 (97.5%) up to 98', () => {
    const cases = Array.from({ length: 40 }, (_, i) =>
      kase(`F${String(i)}`, null, null, null, { applicantSex: i === 0 ? 'male' : 'female' }),
    )
    expect(compact(report({ cases }).tables.applicant_sex.rows)).toEqual(['female 39 98', 'male 1 3', 'other 0 0'])
  })

  it('gives the same report fed case by case, in any order, as over arrays', () => {
    const { cases, unmatchedActivities } = withPreventionActivities(CASES, ACTIVITIES)
    const tally = createEvaluationTally({ asOf: AS_OF, filters: NO_FILTERS, districts: DISTRICTS })
    tally.addUnmatchedActivities(unmatchedActivities)
    for (const c of [...cases].reverse()) tally.addCase(c)
    expect(tally.finish()).toEqual(report())
  })

  it('gives each case the types of its prevention activities and counts the activities matching no case', () => {
    const { cases, unmatchedActivities } = withPreventionActivities(CASES, ACTIVITIES)
    const typesOf = (ref: string) => cases.find((c) => c.caseRef === ref)?.preventionActivityTypes
    expect(typesOf('C04')).toEqual(['mediation', 'referral'])
    expect(typesOf('C02')).toHaveLength(9)
    expect(typesOf('C05')).toEqual([])
    expect(unmatchedActivities).toBe(2)
  })

  it('refuses an asOf that is not a date', () => {
    expect(() => createEvaluationTally({ asOf: '2024-02-30', filters: NO_FILTERS, districts: [] })).toThrow(RangeError)
  })
})

/**
 * Version 1.1 data: relieved beside prevented, a case closed with no duty owed, households not at
 * risk. Seven cases in Harlow and Epping Forest, the figures worked out by hand.
 */
describe('the evaluation report over version 1.1 codes', () => {
  const v11 = [
    kase('V1', 'P', HARLOW, '2024-01-01', {
      outcome: 'prevented',
      caseEndDate: after('2024-01-01', 10),
      accommodationOutcome: 'remained_in_own_home',
      riskAtAssessment: 'future_risk',
    }),
    kase('V2', 'Q', HARLOW, '2024-02-01', {
      outcome: 'relieved',
      caseEndDate: after('2024-02-01', 20),
      accommodationOutcome: 'social_tenancy',
      riskAtAssessment: 'homeless',
    }),
    kase('V3', 'R', EPPING, '2024-03-01', {
      outcome: 'relieved',
      caseEndDate: after('2024-03-01', 100),
      accommodationOutcome: 'unknown',
      riskAtAssessment: 'homeless',
    }),
    kase('V4', 'S', EPPING, '2024-04-01', {
      outcome: 'no_duty_owed',
      caseEndDate: after('2024-04-01', 5),
      riskAtAssessment: 'not_at_risk',
    }),
    kase('V5', 'T', HARLOW, '2024-05-01', {
      outcome: 'unsuccessful',
      caseEndDate: after('2024-05-01', 30),
      riskAtAssessment: 'threatened_29_56_days',
    }),
    kase('V6', 'U', HARLOW, '2024-06-01', { outcome: 'withdrawn', caseEndDate: after('2024-06-01', 3), riskAtAssessment: 'not_at_risk' }),
    kase('V7', 'V', EPPING, '2024-07-01', { riskAtAssessment: 'threatened_within_28_days' }),
  ]
  const { tables } = report({ cases: v11 })

  it('counts relieved apart from prevented, and no duty owed as completed but neither', () => {
    expect(tables.summary).toMatchObject({ total: 7, live: 1, completed: 6 })
    expect(compact(tables.outcomes.rows)).toEqual([
      'prevented 1 17',
      'relieved 2 33',
      'withdrawn 1 17',
      'unsuccessful 1 17',
      'no_duty_owed 1 17',
    ])
    expect(tables.outcomes.rows.map((r) => r.label)).toEqual(['Prevented', 'Relieved', 'Withdrawn', 'Unsuccessful', 'No duty owed'])
    const byDistrict = tables.outcomes_by_district
    expect(compact(byDistrict.rows)).toEqual([
      'prevented 1 17',
      'relieved 2 33',
      'unsuccessful 1 17',
      'withdrawn 1 17',
      'no_duty_owed 1 17',
    ])
    expect(byDistrict.columns.map((c) => [c.key, c.base, compact(c.rows)])).toEqual([
      ['epping_forest', 2, ['prevented 0 0', 'relieved 1 50', 'unsuccessful 0 0', 'withdrawn 0 0', 'no_duty_owed 1 50']],
      ['harlow', 4, ['prevented 1 25', 'relieved 1 25', 'unsuccessful 1 25', 'withdrawn 1 25', 'no_duty_owed 0 0']],
      ['southend_on_sea', 0, ['prevented 0 null', 'relieved 0 null', 'unsuccessful 0 null', 'withdrawn 0 null', 'no_duty_owed 0 null']],
    ])
  })

  it('keeps not at risk apart from the households at risk', () => {
    expect(tables.risk_at_assessment).toMatchObject({ base: 7, missing: 0, atRiskPct: 43 })
    expect(compact(tables.risk_at_assessment.rows)).toEqual([
      'not_at_risk 2 29',
      'future_risk 1 14',
      'threatened_29_56_days 1 14',
      'threatened_within_28_days 1 14',
      'homeless 2 29',
    ])
  })

  it('counts where prevented and relieved households went, and bands their support with the unsuccessful', () => {
    expect(tables.accommodation_outcome).toMatchObject({
      title: 'Accommodation outcome of prevented and relieved cases',
      base: 2,
      missing: 1,
    })
    expect(compact(tables.accommodation_outcome.rows).filter((r) => !r.endsWith(' 0 0'))).toEqual([
      'remained_in_own_home 1 50',
      'another_tenancy 1 50',
      'social_tenancy 1 50',
    ])
    const bands = tables.support_duration_bands
    expect(bands).toMatchObject({ title: 'Length of support for prevented, relieved and unsuccessful cases', base: 4, missing: 0 })
    expect(bands.rows.filter((r) => r.n > 0).map((r) => `${r.key} ${String(r.n)}`)).toEqual([
      'up_to_2_weeks 1',
      'up_to_3_weeks 1',
      'up_to_5_weeks 1',
      'up_to_16_weeks 1',
    ])
    expect(tables.support_duration).toMatchObject({
      base: 6,
      meanDays: 28,
      meanDaysByOutcome: { prevented: 10, relieved: 60, unsuccessful: 30, withdrawn: 3, no_duty_owed: 5 },
    })
    expect(compact(tables.support_duration.rows)).toEqual([
      'prevented 1 17',
      'relieved 2 33',
      'withdrawn 1 17',
      'unsuccessful 1 17',
      'no_duty_owed 1 17',
    ])
    // Prevention activities stay those of prevented cases.
    expect(tables.prevention_activities).toMatchObject({ base: 0, missing: 1 })
  })

  it('lists a 1.1 row whenever the data holds the code, even at n = 0 in the period asked for', () => {
    const later = report({ cases: v11, filters: { from: '2024-04-01' } }).tables
    expect(compact(later.outcomes.rows)).toEqual([
      'prevented 0 0',
      'relieved 0 0',
      'withdrawn 1 33',
      'unsuccessful 1 33',
      'no_duty_owed 1 33',
    ])
  })

  it('lists only the 1.1 codes the data holds', () => {
    const onlyRelieved = report({ cases: [v11[1] ?? kase('X', null, null, null)] }).tables
    expect(compact(onlyRelieved.outcomes.rows)).toEqual(['prevented 0 0', 'relieved 1 100', 'withdrawn 0 0', 'unsuccessful 0 0'])
    expect(onlyRelieved.risk_at_assessment.rows.map((r) => r.key)).not.toContain('not_at_risk')
    expect(Object.keys(onlyRelieved.support_duration.meanDaysByOutcome)).toEqual(['prevented', 'unsuccessful', 'withdrawn', 'relieved'])
    // 1.0 data keeps 1.0's rows and titles.
    expect(report().tables.accommodation_outcome.title).toBe('Accommodation outcome of prevented cases')
    expect(Object.keys(report().tables.support_duration.meanDaysByOutcome)).toEqual(['prevented', 'unsuccessful', 'withdrawn'])
  })
})

describe('the arithmetic', () => {
  it('rounds percentages half up in integers', () => {
    expect([percentage(1, 8), percentage(7, 8), percentage(1, 40), percentage(1, 3), percentage(2, 3), percentage(0, 0)]).toEqual([
      13,
      88,
      3,
      33,
      67,
      null,
    ])
    // 29 ÷ 200 × 100 is 14.499999999999998 in floating point: 14.5 must still give 15.
    expect(percentage(29, 200)).toBe(15)
  })

  it('rounds means half up to one decimal place and to whole days', () => {
    expect([mean1dp(1, 4), mean1dp(4, 3), mean1dp(5, 3), mean1dp(0, 0)]).toEqual([0.3, 1.3, 1.7, null])
    expect([meanWhole(183, 2), meanWhole(5, 3), meanWhole(1, 0)]).toEqual([92, 2, null])
  })

  it('bands durations at the week edges', () => {
    const at = (days: number) => DURATION_BANDS[durationBand(days)]
    expect([0, 7, 8, 14, 15, 84, 85, 112, 113, 140, 141, 168, 169, 2000].map(at)).toEqual([
      'up_to_1_week',
      'up_to_1_week',
      'up_to_2_weeks',
      'up_to_2_weeks',
      'up_to_3_weeks',
      'up_to_12_weeks',
      'up_to_16_weeks',
      'up_to_16_weeks',
      'up_to_20_weeks',
      'up_to_20_weeks',
      'up_to_24_weeks',
      'up_to_24_weeks',
      'more_than_24_weeks',
      'more_than_24_weeks',
    ])
  })

  it('names districts by place in lower snake_case', () => {
    expect([EPPING, SOUTHEND, HARLOW, 'Basildon Borough Council'].map(districtKey)).toEqual([
      'epping_forest',
      'southend_on_sea',
      'harlow',
      'basildon',
    ])
    expect(districtLabel(SOUTHEND)).toBe('Southend-on-Sea')
  })
})
