import { describe, expect, it } from 'vitest'
import type { MonitoringActivity, MonitoringCase } from './record.ts'
import {
  BACK_FILL_DAYS,
  missingByField,
  missingByWorker,
  MONITORED_FIELDS,
  OTHER_MIN_ANSWERS,
  percent,
  qualityFindings,
  type QualityFinding,
} from './quality.ts'

const AS_OF = '2026-03-02'

/** A complete, consistent, live case: no check finds anything in it. */
function kase(changes: Partial<MonitoringCase> = {}): MonitoringCase {
  return {
    caseRef: 'C1',
    householdRef: 'H1',
    district: 'Harlow',
    provider: 'Phoenix Futures',
    worker: 'W1',
    referralDate: '2026-01-10',
    recordedDate: '2026-01-12',
    referralRoute: 'partner_referral',
    referralAgency: 'Jobcentre Plus',
    applicantSex: 'female',
    applicantAge: 34,
    applicantUkNational: 'yes',
    applicantEthnicity: 'white',
    applicantReceivesBenefits: 'yes',
    applicantEmployment: 'part_time',
    adults: 1,
    dependentChildren: 2,
    housingStatus: 'private_rented',
    riskAtAssessment: 'future_risk',
    previouslyHomeless: 'no',
    previouslySleptRough: 'no',
    previouslyInTemporaryAccommodation: 'no',
    vulnerabilities: ['dependent_children'],
    primaryVulnerability: 'dependent_children',
    outcome: 'ongoing',
    caseEndDate: null,
    accommodationOutcome: null,
    reliefActivity: null,
    comments: null,
    ...changes,
  }
}

const PREVENTED = { outcome: 'prevented', caseEndDate: '2026-02-20', accommodationOutcome: 'remained_in_own_home', reliefActivity: 'no' }

function activity(changes: Partial<MonitoringActivity> = {}): MonitoringActivity {
  return {
    caseRef: 'C1',
    householdRef: 'H1',
    activityDate: '2026-01-15',
    activityType: 'mediation',
    stage: 'prevention',
    comment: null,
    ...changes,
  }
}

function findingsOf(cases: MonitoringCase[], activities: MonitoringActivity[] = []): Omit<QualityFinding, 'message'>[] {
  return qualityFindings({ cases, activities, asOf: AS_OF }).map(({ message: _message, ...rest }) => rest)
}

const onCase = (kind: string, field: string | null, caseRef = 'C1') => ({ kind, caseRef, activityIndex: null, field })

describe('qualityFindings', () => {
  it('finds nothing in complete, consistent data', () => {
    expect(findingsOf([kase(), kase({ caseRef: 'C2', householdRef: 'H2', ...PREVENTED })], [activity()])).toEqual([])
  })

  it.each([
    ['district', { district: null }],
    ['worker', { worker: null }],
    ['referral_date', { referralDate: null, recordedDate: null }],
    ['referral_route', { referralRoute: null, referralAgency: null }],
    ['risk_at_assessment', { riskAtAssessment: null }],
    ['housing_status', { housingStatus: null }],
    ['adults', { adults: null }],
    ['dependent_children', { dependentChildren: null }],
    ['accommodation_outcome', { ...PREVENTED, accommodationOutcome: null }],
  ])('flags a key field not recorded: %s', (field, changes) => {
    expect(findingsOf([kase(changes)])).toEqual([onCase('missing_field', field)])
  })

  it.each([
    ['a field outside the key ones', { applicantEthnicity: null, previouslyHomeless: null }],
    ['where it went, on a case not prevented', { outcome: 'withdrawn', caseEndDate: '2026-02-01', reliefActivity: 'no' }],
  ])('does not flag %s on the case', (_label, changes) => {
    expect(findingsOf([kase(changes)])).toEqual([])
  })

  it.each([
    ['recorded on the day of referral', '2026-01-10', '2026-01-10', []],
    [`recorded ${BACK_FILL_DAYS} days after referral`, '2026-01-10', '2026-02-07', []],
    [`recorded ${BACK_FILL_DAYS + 1} days after referral`, '2026-01-10', '2026-02-08', [onCase('back_filled', 'recorded_date')]],
    ['recorded before referral', '2026-01-10', '2026-01-09', [onCase('impossible_date', 'recorded_date')]],
  ])('judges the recording date: %s', (_label, referralDate, recordedDate, expected) => {
    expect(findingsOf([kase({ referralDate, recordedDate })])).toEqual(expected)
  })

  it.each([
    ['referred on the day judged', { referralDate: AS_OF, recordedDate: AS_OF }, []],
    ['referred the day after', { referralDate: '2026-03-03', recordedDate: null }, [onCase('impossible_date', 'referral_date')]],
    [
      'recorded the day after',
      { recordedDate: '2026-03-03' },
      [onCase('impossible_date', 'recorded_date'), onCase('back_filled', 'recorded_date')],
    ],
    ['ended on the day judged', { ...PREVENTED, caseEndDate: AS_OF }, []],
    ['ends the day after', { ...PREVENTED, caseEndDate: '2026-03-03' }, [onCase('end_after_import', 'case_end_date')]],
    ['ended on the day referred', { ...PREVENTED, caseEndDate: '2026-01-10' }, []],
    ['ended the day before referral', { ...PREVENTED, caseEndDate: '2026-01-09' }, [onCase('end_before_referral', 'case_end_date')]],
  ])('judges dates against the day judged and each other: %s', (_label, changes, expected) => {
    expect(findingsOf([kase(changes)])).toEqual(expected)
  })

  it.each([
    ['exactly three years', { ...PREVENTED, referralDate: '2022-02-01', recordedDate: '2022-02-01', caseEndDate: '2025-02-01' }, []],
    [
      'three years and a day',
      { ...PREVENTED, referralDate: '2022-02-01', recordedDate: '2022-02-01', caseEndDate: '2025-02-02' },
      [onCase('impossible_duration', 'case_end_date')],
    ],
    ['live for exactly three years', { referralDate: '2023-03-02', recordedDate: '2023-03-02' }, []],
    [
      'live for three years and a day',
      { referralDate: '2023-03-01', recordedDate: '2023-03-01' },
      [onCase('impossible_duration', 'outcome')],
    ],
  ])('judges how long support lasted: %s', (_label, changes, expected) => {
    expect(findingsOf([kase(changes)])).toEqual(expected)
  })

  // The Essex evaluators found referrals dated before the programme began, and support longer than it had run.
  describe('against the programme’s start (here 1 October 2025: 152 days before the day judged)', () => {
    const STARTS_ON = '2025-10-01'
    const withStart = (cases: MonitoringCase[]) =>
      qualityFindings({ cases, activities: [], asOf: AS_OF, programmeStartsOn: STARTS_ON }).map(({ message: _m, ...rest }) => rest)
    it.each([
      ['referred on the day it began', { referralDate: STARTS_ON, recordedDate: STARTS_ON, ...PREVENTED }, []],
      [
        'referred the day before it began, support 142 days',
        { referralDate: '2025-09-30', recordedDate: '2025-09-30', ...PREVENTED },
        [onCase('impossible_date', 'referral_date')],
      ],
      [
        'referred a year before it began: longer than the programme has run too',
        { referralDate: '2024-10-01', recordedDate: '2024-10-01', ...PREVENTED },
        [onCase('impossible_date', 'referral_date'), onCase('impossible_duration', 'case_end_date')],
      ],
      [
        'live since before it began: open longer than the programme has run',
        { referralDate: '2025-06-01', recordedDate: '2025-06-01' },
        [onCase('impossible_date', 'referral_date'), onCase('impossible_duration', 'outcome')],
      ],
      [
        'referred when it began, support to a day after the day judged: 153 days',
        { referralDate: STARTS_ON, recordedDate: STARTS_ON, ...PREVENTED, caseEndDate: '2026-03-03' },
        [onCase('end_after_import', 'case_end_date'), onCase('impossible_duration', 'case_end_date')],
      ],
      [
        'referred when it began, support to the day judged: 152 days, as long as it has run',
        { referralDate: STARTS_ON, recordedDate: STARTS_ON, ...PREVENTED, caseEndDate: AS_OF },
        [],
      ],
      [
        'referred after the day judged: that finding only',
        { referralDate: '2026-03-03', recordedDate: null },
        [onCase('impossible_date', 'referral_date')],
      ],
      [
        'no referral date: nothing to judge',
        { referralDate: null, recordedDate: null, ...PREVENTED },
        [onCase('missing_field', 'referral_date')],
      ],
    ] as [string, Partial<MonitoringCase>, ReturnType<typeof onCase>[]][])('%s', (_label, changes, expected) => {
      expect(withStart([kase(changes)])).toEqual(expected)
    })

    it('says when the programme began in the message', () => {
      const findings = qualityFindings({
        cases: [kase({ referralDate: '2024-10-01', recordedDate: '2024-10-01', ...PREVENTED })],
        activities: [],
        asOf: AS_OF,
        programmeStartsOn: STARTS_ON,
      })
      expect(findings.map((f) => f.message)).toEqual([
        'Referred on 2024-10-01, before the programme began on 2025-10-01',
        'Support lasted 507 days, longer than the programme has run (152 days since it began on 2025-10-01)',
      ])
    })

    it('judges only the three-year limit when the start is not recorded', () => {
      expect(findingsOf([kase({ referralDate: '2024-10-01', recordedDate: '2024-10-01', ...PREVENTED })])).toEqual([])
    })
  })

  it('wants where a relieved household went (version 1.1), as for a prevented one', () => {
    const relieved = { ...PREVENTED, outcome: 'relieved', accommodationOutcome: null }
    expect(findingsOf([kase(relieved)])).toEqual([onCase('missing_field', 'accommodation_outcome')])
    expect(findingsOf([kase({ ...relieved, outcome: 'no_duty_owed' })])).toEqual([])
  })

  it.each([
    ['prevented', true],
    ['relieved', true],
    ['no_duty_owed', true],
    ['unsuccessful', true],
    ['withdrawn', true],
    ['ongoing', false],
    [null, false],
  ])('wants an end date once the outcome is final: %s', (outcome, flagged) => {
    const changes = {
      outcome,
      caseEndDate: null,
      reliefActivity: 'no',
      accommodationOutcome: outcome === 'prevented' || outcome === 'relieved' ? 'hostel' : null,
    }
    expect(findingsOf([kase(changes)])).toEqual(flagged ? [onCase('final_outcome_without_end_date', 'case_end_date')] : [])
  })

  it.each([
    [15, true],
    [16, false],
    [110, false],
    [111, true],
  ])('flags an applicant aged %i: %s', (applicantAge, flagged) => {
    expect(findingsOf([kase({ applicantAge })])).toEqual(flagged ? [onCase('age_out_of_range', 'applicant_age')] : [])
  })

  it.each([
    [['mental_health'], 'mental_health', false],
    [['mental_health'], 'domestic_abuse', true],
  ])('checks the primary vulnerability is among the vulnerabilities: %j, %s', (vulnerabilities, primaryVulnerability, flagged) => {
    expect(findingsOf([kase({ vulnerabilities, primaryVulnerability })])).toEqual(
      flagged ? [onCase('primary_not_among_vulnerabilities', 'primary_vulnerability')] : [],
    )
  })

  it.each([
    ['an activity linked to a case', activity(), false],
    ['an activity with no case', activity({ caseRef: null }), true],
    ['an activity naming a case not in the data', activity({ caseRef: 'C9' }), true],
  ])('flags unmatched activities: %s', (_label, a, flagged) => {
    expect(findingsOf([kase()], [activity(), a])).toEqual(
      flagged ? [{ kind: 'unmatched_activity', caseRef: null, activityIndex: 1, field: null }] : [],
    )
  })

  describe('the same household open twice', () => {
    const first = { caseRef: 'C1', householdRef: 'H1' }
    const second = { caseRef: 'C2', householdRef: 'H1', referralDate: '2026-02-20', recordedDate: '2026-02-20' }
    const ended = (caseEndDate: string) => ({ ...PREVENTED, caseEndDate })
    it.each([
      ['both live', kase(first), kase(second), true],
      ['both live, different households', kase(first), kase({ ...second, householdRef: 'H2' }), false],
      ['no household recorded', kase({ ...first, householdRef: null }), kase({ ...second, householdRef: null }), false],
      ['the first ended the day the second began', kase({ ...first, ...ended('2026-02-20') }), kase(second), false],
      ['the first ended the day after the second began', kase({ ...first, ...ended('2026-02-21') }), kase(second), true],
      ['both ended, periods apart', kase({ ...first, ...ended('2026-02-01') }), kase({ ...second, ...ended('2026-02-25') }), false],
      ['both ended, periods overlapping', kase({ ...first, ...ended('2026-02-22') }), kase({ ...second, ...ended('2026-02-25') }), true],
    ])('%s', (_label, a, b, flagged) => {
      expect(findingsOf([a, b])).toEqual(
        flagged ? [onCase('household_open_twice', 'household_ref', 'C1'), onCase('household_open_twice', 'household_ref', 'C2')] : [],
      )
    })

    it('names the other case in the message', () => {
      const [finding] = qualityFindings({ cases: [kase(first), kase(second)], activities: [], asOf: AS_OF })
      expect(finding?.message).toBe('Household H1 is also open as case C2')
    })
  })

  describe('notes that contradict the outcome', () => {
    const withdrawn = { outcome: 'withdrawn', caseEndDate: '2026-02-20', reliefActivity: 'no' }
    const unsuccessful = { outcome: 'unsuccessful', caseEndDate: '2026-02-20', reliefActivity: 'yes' }
    it.each([
      ['Family evicted on 3 Feb, moved in with relatives', true],
      ['Bailiffs attended and changed the locks', true],
      ['Possession order executed last week', true],
      ['The eviction went ahead before we could help', true],
      ['She lost the tenancy in February.', true],
      ['Not evicted, stayed with mum', false],
      ['Was not evicted', false],
      ['Wasn’t evicted in the end', false],
      ['Eviction avoided after mediation', false],
      ['Eviction prevented; client withdrew once safe', false],
      ['Bailiffs booked for 12 May, then client stopped answering', false],
      ['Bailiff appointment cancelled after DHP', false],
      ['Could be evicted if arrears not paid', false],
      ['Client withdrew, no further contact', false],
      [null, false],
      ['Arrears cleared, not evicted. However the locks were changed later', true],
    ])('a withdrawn case noting “%s”', (comments, flagged) => {
      expect(findingsOf([kase({ ...withdrawn, comments })])).toEqual(flagged ? [onCase('withdrawn_but_evicted', 'outcome')] : [])
    })

    it('does not read eviction notes on a case closed as unsuccessful as a contradiction', () => {
      expect(findingsOf([kase({ ...unsuccessful, comments: 'Evicted by bailiffs' })])).toEqual([])
    })

    it.each([
      ['Client disengaged after the first visit', true],
      ['Stopped engaging in March', true],
      ['Did not engage with the plan', true],
      ['No longer wanted help from the service', true],
      ['Household moved away to Leeds', true],
      ['Lost contact after bailiffs came', true],
      ['Declined further support', true],
      ['Client withdrew from the service', true],
      ['Has not disengaged, evicted anyway', false],
      ['Never lost contact; evicted by bailiffs', false],
      ['Landlord withdrew the notice but then sold', false],
      ['Evicted despite mediation', false],
    ])('an unsuccessful case noting “%s”', (comments, flagged) => {
      expect(findingsOf([kase({ ...unsuccessful, comments })])).toEqual(flagged ? [onCase('evicted_but_withdrawn', 'outcome')] : [])
    })
  })

  describe('“other” used too often', () => {
    /** `n` cases, the first `others` of them with `other` as the housing status. */
    const cases = (n: number, others: number) =>
      Array.from({ length: n }, (_, i) => kase({ caseRef: `C${i}`, householdRef: `H${i}`, housingStatus: i < others ? 'other' : 'hostel' }))
    const programmeWide = { kind: 'other_overused', caseRef: null, activityIndex: null, field: 'housing_status' }

    it.each([
      ['a fifth exactly', 20, 4, false],
      ['just over a fifth', 20, 5, true],
      ['over a fifth of too few answers', OTHER_MIN_ANSWERS - 1, 19, false],
      ['a fifth of many', 100, 20, false],
      ['21 of 100', 100, 21, true],
    ])('%s', (_label, n, others, flagged) => {
      expect(findingsOf(cases(n, others))).toEqual(flagged ? [programmeWide] : [])
    })

    it('counts each vulnerability listed, and activity types, and leaves out an unknown destination', () => {
      const many = Array.from({ length: 10 }, (_, i) =>
        kase({
          caseRef: `C${i}`,
          householdRef: `H${i}`,
          vulnerabilities: ['other', 'mental_health'],
          primaryVulnerability: 'mental_health',
        }),
      )
      const activities = Array.from({ length: 20 }, (_, i) => activity({ caseRef: 'C0', activityType: i < 5 ? 'other' : 'mediation' }))
      const found = qualityFindings({ cases: many, activities, asOf: AS_OF }).filter((f) => f.kind === 'other_overused')
      expect(found.map((f) => [f.field, f.message])).toEqual([
        ['vulnerabilities', 'Vulnerabilities is “other” in 10 of 20 answers (50%)'],
        ['activity_type', 'Activity type is “other” in 5 of 20 answers (25%)'],
      ])
      const unknowns = Array.from({ length: 30 }, (_, i) =>
        kase({ caseRef: `C${i}`, householdRef: `H${i}`, ...PREVENTED, accommodationOutcome: i < 10 ? 'other' : 'unknown' }),
      )
      expect(findingsOf(unknowns)).toEqual([])
    })
  })
})

describe('missingByField', () => {
  it('counts each field over the cases it applies to', () => {
    const rows = missingByField([
      kase({ caseRef: 'A', worker: null }),
      kase({ caseRef: 'B', worker: null, ...PREVENTED, accommodationOutcome: null }),
      kase({ caseRef: 'C', referralRoute: 'self_referral', referralAgency: null }),
    ])
    const row = (field: string) => rows.find((r) => r.field === field)
    expect(rows.map((r) => r.field)).toEqual(MONITORED_FIELDS)
    expect(row('worker')).toEqual({ field: 'worker', base: 3, missing: 2, pct: 67 })
    expect(row('accommodation_outcome')).toEqual({ field: 'accommodation_outcome', base: 1, missing: 1, pct: 100 })
    expect(row('case_end_date')).toEqual({ field: 'case_end_date', base: 1, missing: 0, pct: 0 })
    expect(row('referral_agency')).toEqual({ field: 'referral_agency', base: 2, missing: 0, pct: 0 })
    expect(missingByField([]).every((r) => r.base === 0 && r.pct === 0)).toBe(true)
  })
})

describe('missingByWorker', () => {
  it('puts the worker with most gaps first, with their worst fields', () => {
    const rows = missingByWorker([
      kase({ caseRef: 'A', worker: 'W1', district: null }),
      kase({ caseRef: 'B', worker: 'W2', district: null, housingStatus: null }),
      kase({ caseRef: 'C', worker: 'W2', housingStatus: null, adults: null, applicantAge: null }),
      kase({ caseRef: 'D', worker: null }),
    ])
    expect(rows.map((r) => [r.worker, r.cases, r.missing])).toEqual([
      ['W2', 2, 5],
      ['W1', 1, 1],
      [null, 1, 1],
    ])
    expect(rows[0]?.worstFields).toEqual([
      { field: 'housing_status', missing: 2 },
      { field: 'district', missing: 1 },
      { field: 'applicant_age', missing: 1 },
    ])
    // 24 fields apply to a live partner referral with vulnerabilities; 5 of 48 is 10.4%.
    expect(rows[0]?.pct).toBe(10)
  })
})

describe('percent', () => {
  it.each([
    [1, 8, 13],
    [1, 200, 1],
    [1, 201, 0],
    [0, 0, 0],
    [2, 3, 67],
  ])('%i of %i is %i%', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected)
  })
})
