import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import {
  assessmentDateProblem,
  dateOfBirthProblem,
  homelessnessProblems,
  householdSupportNeeds,
  incompleteSections,
  missingAnswers,
  possessionNoticeProblems,
  riskAtAssessment,
  section21MayBeInvalid,
  sectionStatus,
  type Answers,
  type HomelessnessAnswers,
  type HouseholdFacts,
} from './assessment.ts'
import type { PossessionNoticeType } from './code-lists.ts'

const today = LocalDate.parse('2026-03-02')
const d = (iso: string) => LocalDate.parse(iso)

describe('dates of birth', () => {
  it.each([
    ['2026-03-02', undefined, 'born today'],
    ['2026-03-03', 'Date of birth must be today or in the past', 'born tomorrow'],
    ['2030-01-01', 'Date of birth must be today or in the past', 'years ahead'],
    ['1906-03-02', undefined, 'exactly 120'],
    ['1906-03-01', 'Date of birth must be a real date of birth: no one can be older than 120', '120 and a day'],
    ['1850-01-01', 'Date of birth must be a real date of birth: no one can be older than 120', 'long ago'],
    ['1988-05-14', undefined, 'an adult'],
  ])('%s: %s (%s)', (dob, expected, _why) => {
    expect(dateOfBirthProblem(d(dob), today)).toBe(expected)
  })
})

describe('possession notice dates', () => {
  const cases: [PossessionNoticeType, string | undefined, string | undefined, string[]][] = [
    ['section_21', '2026-02-01', '2026-04-01', []],
    ['section_21', '2026-02-01', '2026-02-01', []], // expiring the day it is served: odd, but not impossible to record
    ['section_21', '2026-02-01', '2026-01-31', ['noticeExpiresOn']],
    ['section_8', '2026-03-03', '2026-03-20', ['noticeServedOn']],
    ['section_8', '2026-03-02', '2026-03-16', []],
    ['section_8', '2026-03-10', '2026-03-01', ['noticeServedOn', 'noticeExpiresOn']],
    ['mortgage_possession', '2026-01-10', undefined, []],
    ['none', undefined, undefined, []],
    ['none', '2026-01-10', undefined, ['possessionNotice']],
    ['other', undefined, '2026-01-10', []],
  ]
  it.each(cases)('%s served %s expiring %s: problems with %j', (type, served, expires, fields) => {
    const problems = possessionNoticeProblems(
      { type, servedOn: served ? d(served) : undefined, expiresOn: expires ? d(expires) : undefined },
      today,
    )
    expect(problems.map((p) => p.field)).toEqual(fields)
  })

  it.each([
    ['2026-01-01', '2026-03-01', false],
    ['2026-01-01', '2026-02-28', true],
    ['2026-01-31', '2026-03-31', false],
    ['2026-01-31', '2026-03-30', true],
  ])('a section 21 served %s expiring %s may be invalid: %s', (served, expires, invalid) => {
    expect(section21MayBeInvalid(d(served), d(expires))).toBe(invalid)
  })
})

describe('the homelessness section’s dates', () => {
  const cases: [HomelessnessAnswers, string[]][] = [
    [{ status: 'homeless', homelessSince: '2026-02-20' }, []],
    [{ status: 'homeless', homelessSince: '2026-03-03' }, ['homelessSince']],
    [{ status: 'homeless', expectedHomelessOn: '2026-03-20' }, ['expectedHomelessOn']],
    [{ status: 'threatened_within_56_days', expectedHomelessOn: '2026-03-02' }, []],
    [{ status: 'threatened_within_56_days', expectedHomelessOn: '2026-04-27' }, []], // 56 days away
    [{ status: 'threatened_within_56_days', expectedHomelessOn: '2026-04-28' }, ['expectedHomelessOn']], // 57
    [{ status: 'threatened_within_56_days', expectedHomelessOn: '2026-03-01' }, ['expectedHomelessOn']],
    [
      // s175(5): a section 21 expiring within 56 days threatens the household, though court will take longer.
      {
        status: 'threatened_within_56_days',
        expectedHomelessOn: '2026-06-01',
        possessionNotice: 'section_21',
        noticeServedOn: '2026-02-01',
        noticeExpiresOn: '2026-04-01',
      },
      [],
    ],
    [
      {
        status: 'threatened_within_56_days',
        expectedHomelessOn: '2026-06-01',
        possessionNotice: 'section_8',
        noticeServedOn: '2026-02-01',
        noticeExpiresOn: '2026-04-01',
      },
      ['expectedHomelessOn'],
    ],
    [{ status: 'threatened_within_56_days', homelessSince: '2026-03-01' }, ['homelessSince']],
    // s175(5), s195(6) ask whether a section 21 or 8 notice is valid and for the only home; no other notice.
    [{ status: 'homeless', possessionNotice: 'section_21', noticeValidity: 'valid', onlyAccommodation: 'yes' }, []],
    [
      { status: 'homeless', possessionNotice: 'notice_to_quit', noticeValidity: 'valid', onlyAccommodation: 'yes' },
      ['noticeValidity', 'onlyAccommodation'],
    ],
    [{ status: 'homeless', noticeValidity: 'not_checked' }, ['noticeValidity']],
    // Not threatened within 56 days (s175(4)): a date given is a risk further off, so it must be more than 56 days away.
    [{ status: 'not_threatened', expectedHomelessOn: '2026-04-28' }, []],
    [{ status: 'not_threatened', expectedHomelessOn: '2026-04-27' }, ['expectedHomelessOn']],
    [{ status: 'not_threatened', expectedHomelessOn: '2026-03-01' }, ['expectedHomelessOn']],
    [{ status: 'not_threatened' }, []],
    [
      {
        status: 'threatened_within_56_days',
        expectedHomelessOn: '2026-04-01',
        possessionNotice: 'section_21',
        noticeServedOn: '2026-02-01',
        noticeExpiresOn: '2026-01-01',
      },
      ['noticeExpiresOn'],
    ],
  ]
  it.each(cases)('%j: problems with %j', (answers, fields) => {
    expect(homelessnessProblems(answers, today).map((p) => p.field)).toEqual(fields)
  })
})

/**
 * Whether the household was threatened within 56 days (s175(4)-(5)) is judged on the date of the
 * prevention duty decision: a section saved on 2 March for a decision of 1 January is judged on 1 January.
 */
describe('the homelessness section judged on the date of the decision', () => {
  const decidedOn = LocalDate.parse('2026-01-01')
  const cases: [string, HomelessnessAnswers, LocalDate, string[]][] = [
    // Expected 20 January: past by today, but 19 days after the decision it serves.
    [
      'recorded late, within 56 days of the decision',
      { status: 'threatened_within_56_days', expectedHomelessOn: '2026-01-20' },
      decidedOn,
      [],
    ],
    // 26 February is 56 days after 1 January.
    ['56 days after the decision', { status: 'threatened_within_56_days', expectedHomelessOn: '2026-02-26' }, decidedOn, []],
    // 27 February: within 56 days of today, but 57 after the decision.
    [
      '57 days after the decision',
      { status: 'threatened_within_56_days', expectedHomelessOn: '2026-02-27' },
      decidedOn,
      ['expectedHomelessOn'],
    ],
    ['before the decision', { status: 'threatened_within_56_days', expectedHomelessOn: '2025-12-31' }, decidedOn, ['expectedHomelessOn']],
    // With no decision yet, today is the day it is judged on.
    [
      'no decision yet: 57 days after today',
      { status: 'threatened_within_56_days', expectedHomelessOn: '2026-04-28' },
      today,
      ['expectedHomelessOn'],
    ],
  ]
  it.each(cases)('%s', (_, answers, judgedOn, fields) => {
    const problems = homelessnessProblems(answers, today, judgedOn)
    expect(problems.map((p) => p.field)).toEqual(fields)
    if (judgedOn !== today) for (const p of problems) expect(p.message).toContain('2026-01-01')
  })
})

describe('section completeness', () => {
  const household: HouseholdFacts = { personIds: ['a', 'b'], hasPartner: false }
  const cases: [string, Answers, keyof Answers, 'not_started' | 'in_progress' | 'completed'][] = [
    ['nothing saved', {}, 'eligibility', 'not_started'],
    ['saved but empty', { eligibility: {} }, 'eligibility', 'in_progress'],
    ['eligible', { eligibility: { eligibility: 'eligible' } }, 'eligibility', 'completed'],
    ['not eligible without status', { eligibility: { eligibility: 'not_eligible' } }, 'eligibility', 'in_progress'],
    [
      'not eligible with status',
      { eligibility: { eligibility: 'not_eligible', immigrationStatus: 'No recourse' } },
      'eligibility',
      'completed',
    ],
    ['homeless without date', { homelessness: { status: 'homeless', possessionNotice: 'none' } }, 'homelessness', 'in_progress'],
    [
      'homeless with date',
      { homelessness: { status: 'homeless', homelessSince: '2026-02-01', possessionNotice: 'none' } },
      'homelessness',
      'completed',
    ],
    [
      'section 21 without expiry',
      {
        homelessness: {
          status: 'threatened_within_56_days',
          expectedHomelessOn: '2026-04-01',
          possessionNotice: 'section_21',
          noticeServedOn: '2026-02-01',
        },
      },
      'homelessness',
      'in_progress',
    ],
    [
      'section 21 with its dates, but not whether it is valid and for the only home (s195(6))',
      {
        homelessness: {
          status: 'threatened_within_56_days',
          expectedHomelessOn: '2026-04-01',
          possessionNotice: 'section_21',
          noticeServedOn: '2026-02-01',
          noticeExpiresOn: '2026-04-01',
        },
      },
      'homelessness',
      'in_progress',
    ],
    [
      'section 8 with its dates, its validity not yet checked, for the only home (s195(6) as amended)',
      {
        homelessness: {
          status: 'threatened_within_56_days',
          expectedHomelessOn: '2026-04-01',
          possessionNotice: 'section_8',
          noticeServedOn: '2026-02-01',
          noticeExpiresOn: '2026-04-01',
          noticeValidity: 'not_checked',
          onlyAccommodation: 'yes',
        },
      },
      'homelessness',
      'completed',
    ],
    [
      'mortgage claim without expiry',
      {
        homelessness: {
          status: 'threatened_within_56_days',
          expectedHomelessOn: '2026-04-01',
          possessionNotice: 'mortgage_possession',
          noticeServedOn: '2026-02-01',
        },
      },
      'homelessness',
      'completed',
    ],
    ['not threatened, no notice', { homelessness: { status: 'not_threatened', possessionNotice: 'none' } }, 'homelessness', 'completed'],
    ['support needs of one of two', { support_needs: { a: ['mental_health'] } }, 'support_needs', 'in_progress'],
    ['support needs of both, one none', { support_needs: { a: ['mental_health'], b: [] } }, 'support_needs', 'completed'],
    ['bedrooms 0', { housing_needs: { bedrooms: 0 } }, 'housing_needs', 'completed'],
    ['no strengths', { strengths: {} }, 'strengths', 'in_progress'],
    ['one strength', { strengths: { networks: 'Her sister nearby' } }, 'strengths', 'completed'],
    ['employment without benefits', { employment: { applicantEmployment: 'part_time' } }, 'employment', 'in_progress'],
    [
      'employment complete',
      { employment: { applicantEmployment: 'part_time', housingCostBenefits: 'yes', livingCostBenefits: 'no' } },
      'employment',
      'completed',
    ],
  ]
  it.each(cases)('%s', (_name, answers, section, status) => {
    expect(sectionStatus(section, answers, household)).toBe(status)
  })

  it('needs the partner’s employment when there is a partner', () => {
    const answers: Answers = { employment: { applicantEmployment: 'full_time', housingCostBenefits: 'no', livingCostBenefits: 'no' } }
    expect(missingAnswers('employment', answers, { personIds: ['a'], hasPartner: true }).map((p) => p.field)).toEqual(['partnerEmployment'])
    expect(missingAnswers('employment', answers, { personIds: ['a'], hasPartner: false })).toEqual([])
  })

  it('lists the sections still to complete', () => {
    expect(incompleteSections({ eligibility: { eligibility: 'eligible' } }, household)).toEqual([
      'homelessness',
      'circumstances',
      'accommodation',
      'housing_needs',
      'support_needs',
      'employment',
      'strengths',
    ])
  })
})

describe('the assessment date', () => {
  it.each([
    ['2026-03-02', '2026-02-01', undefined],
    ['2026-02-01', '2026-02-01', undefined],
    ['2026-01-31', '2026-02-01', 'The date of the assessment must be on or after the date of the approach'],
    ['2026-03-03', '2026-02-01', 'The date of the assessment must be today or in the past'],
  ])('assessed %s after an approach on %s: %s', (assessed, approached, expected) => {
    expect(assessmentDateProblem(d(assessed), d(approached), today)).toBe(expected)
  })
})

describe('the case’s summary', () => {
  // Assessed on 2 March 2026. The codes are the monitoring vocabulary's (docs/monitoring-data.md).
  it.each([
    ['homeless now (s175(1))', { status: 'homeless', homelessSince: '2026-02-20' }, 'homeless'],
    ['threatened, 28 days away', { status: 'threatened_within_56_days', expectedHomelessOn: '2026-03-30' }, 'threatened_within_28_days'],
    ['threatened, 29 days away', { status: 'threatened_within_56_days', expectedHomelessOn: '2026-03-31' }, 'threatened_29_56_days'],
    [
      'threatened, 56 days away (s175(4))',
      { status: 'threatened_within_56_days', expectedHomelessOn: '2026-04-27' },
      'threatened_29_56_days',
    ],
    [
      'threatened by a section 21 expiring within 56 days, expecting to stay longer (s175(5))',
      {
        status: 'threatened_within_56_days',
        expectedHomelessOn: '2026-06-01',
        possessionNotice: 'section_21',
        noticeServedOn: '2026-02-01',
        noticeExpiresOn: '2026-04-01',
      },
      'threatened_29_56_days',
    ],
    ['not threatened, no date in view', { status: 'not_threatened', possessionNotice: 'none' }, 'not_at_risk'],
    ['not threatened, expected 57 days away', { status: 'not_threatened', expectedHomelessOn: '2026-04-28' }, 'future_risk'],
    ['not threatened, expected 56 days away', { status: 'not_threatened', expectedHomelessOn: '2026-04-27' }, 'not_at_risk'],
    [
      'not threatened, a notice to quit expiring in four months',
      { status: 'not_threatened', possessionNotice: 'notice_to_quit', noticeServedOn: '2026-02-20', noticeExpiresOn: '2026-07-01' },
      'future_risk',
    ],
    [
      'not threatened, asked to leave with no date',
      { status: 'not_threatened', possessionNotice: 'asked_to_leave', noticeServedOn: '2026-02-20' },
      'not_at_risk',
    ],
    [
      'not threatened, the expected date before the notice expiry',
      {
        status: 'not_threatened',
        expectedHomelessOn: '2026-06-01',
        possessionNotice: 'section_8',
        noticeServedOn: '2026-02-20',
        noticeExpiresOn: '2026-09-01',
      },
      'future_risk',
    ],
  ] as [string, HomelessnessAnswers, string][])('%s: %j is %s', (_label, answers, risk) => {
    expect(riskAtAssessment(answers, today)).toBe(risk)
  })

  it('judges the risk on the day of the assessment, not on today', () => {
    const answers: HomelessnessAnswers = { status: 'not_threatened', expectedHomelessOn: '2026-05-01' }
    expect(riskAtAssessment(answers, d('2026-03-01'))).toBe('future_risk')
    expect(riskAtAssessment(answers, d('2026-03-06'))).toBe('not_at_risk')
  })

  it('gathers every member’s support needs once, in the list’s order', () => {
    expect(householdSupportNeeds({ a: ['mental_health', 'domestic_abuse'], b: [], c: ['domestic_abuse', 'young_person_16_17'] })).toEqual([
      'young_person_16_17',
      'mental_health',
      'domestic_abuse',
    ])
  })
})
