import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { entersQuarter, parseQuarter, placementOn, quarterContaining, quarterOf, triggersIn } from './quarter.ts'
import type { HclicCase } from './record.ts'

function record(changes: Partial<HclicCase> = {}): HclicCase {
  return {
    caseId: 'c',
    reference: 'BAS-2026-00001',
    authorityCode: 'E07000066',
    stage: 'approach',
    appliedOn: '2026-01-05',
    assessedOn: null,
    eligibility: null,
    initialDuty: null,
    noDutyReason: null,
    section21: false,
    applicantEmployment: null,
    partnerEmployment: null,
    housingCostBenefits: null,
    livingCostBenefits: null,
    accommodationAtApplication: null,
    lastSettledAccommodation: null,
    reasonForLoss: null,
    referred: false,
    referringBodyType: null,
    people: [],
    prevention: null,
    relief: null,
    mainDuty: null,
    placements: [],
    reviews: [],
    closedOn: null,
    ...changes,
  }
}
const period = (startedOn: string, endedOn: string | null = null) => ({
  startedOn,
  endedOn,
  endingGround: null,
  accommodationSecured: null,
  activities: [],
})
const placement = (placedOn: string, endedOn: string | null, duty = 's188') => ({
  duty,
  accommodationType: 'bed_and_breakfast',
  bedrooms: 1,
  inAnotherDistrict: false,
  placedOn,
  endedOn,
})
const Q1 = quarterOf(2026, 1)

describe('quarters', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    [' 2018-Q2 ', '2018-04-01', '2018-06-30'],
  ])('reads %s as %s to %s', (text, first, last) => {
    const parsed = parseQuarter(text)
    expect('quarter' in parsed && [parsed.quarter.firstDay.toString(), parsed.quarter.lastDay.toString()]).toEqual([first, last])
  })

  it.each([
    ['2026-Q5', 'is not a quarter'],
    ['2026Q1', 'is not a quarter'],
    ['Q1-2026', 'is not a quarter'],
    ['', 'is not a quarter'],
    ['2018-Q1', 'H-CLIC began in April 2018'],
    ['2017-Q4', 'H-CLIC began in April 2018'],
  ])('refuses %j', (text, message) => {
    const parsed = parseQuarter(text)
    expect('error' in parsed && parsed.error).toContain(message)
  })

  it.each([
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-12-31', '2026-Q4'],
  ])('puts %s in %s', (date, label) => {
    expect(quarterContaining(LocalDate.parse(date)).label).toBe(label)
  })
})

describe('which cases enter a quarter', () => {
  it.each([
    ['an approach given advice only', record({ closedOn: '2026-02-01' }), []],
    ['a prevention duty owed on the first day', record({ initialDuty: 'prevention', prevention: period('2026-01-01') }), ['duty_decided']],
    ['a prevention duty owed on the last day', record({ initialDuty: 'prevention', prevention: period('2026-03-31') }), ['duty_decided']],
    ['a prevention duty owed the day after', record({ initialDuty: 'prevention', prevention: period('2026-04-01') }), []],
    ['a duty owed the quarter before', record({ initialDuty: 'prevention', prevention: period('2025-12-31') }), []],
    ['no duty owed, decided in the quarter', record({ initialDuty: 'no_duty', assessedOn: '2026-02-10' }), ['duty_decided']],
    [
      'prevention then relief in the quarter',
      record({ initialDuty: 'prevention', prevention: period('2025-12-01', '2026-02-01'), relief: period('2026-02-01') }),
      ['duty_changed'],
    ],
    [
      'a main duty decision in the quarter',
      record({
        initialDuty: 'relief',
        relief: period('2025-11-01', '2025-12-26'),
        mainDuty: { decidedOn: '2026-01-02', owed: true, priorityNeed: null, intentionality: null, endedOn: null, endingGround: null },
      }),
      ['duty_changed'],
    ],
    [
      'interim accommodation in the quarter, before any duty',
      record({ placements: [placement('2026-03-01', '2026-03-03')] }),
      ['interim_accommodation'],
    ],
    [
      'a case closed in the quarter after a duty the quarter before',
      record({ initialDuty: 'prevention', prevention: period('2025-11-01', '2026-01-15'), closedOn: '2026-01-15' }),
      ['case_closed'],
    ],
  ])('%s', (_name, subject, triggers) => {
    expect(triggersIn(subject, Q1)).toEqual(triggers)
  })

  it('counts a household in temporary accommodation on the quarter’s last day, and not one that left that day', () => {
    const staying = record({ placements: [placement('2025-11-01', null, 's193')] })
    const leftOnLastDay = record({ placements: [placement('2025-11-01', '2026-03-31', 's193')] })
    const leftNextDay = record({ placements: [placement('2025-11-01', '2026-04-01', 's193')] })
    expect([staying, leftOnLastDay, leftNextDay].map((r) => entersQuarter(r, Q1))).toEqual([true, false, true])
    expect(placementOn(leftNextDay, Q1.lastDay)?.placedOn).toBe('2025-11-01')
  })
})
