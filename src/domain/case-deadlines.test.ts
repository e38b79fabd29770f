import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { byNextDeadline, deadlinesOf } from './case-deadlines.ts'

const d = (iso: string) => LocalDate.parse(iso)

describe('what is due on a case', () => {
  it('gives a prevention case its 56-day review point, counting down', () => {
    const due = deadlinesOf({ stage: 'prevention', preventionStartedOn: d('2026-03-02') }, d('2026-04-20'))
    expect(due.map((x) => [x.due.toString(), x.daysLeft])).toEqual([
      ['2026-04-26', 6],
      ['2026-04-27', 7],
    ])
  })

  it('gives a relief case its 56 days and the day-57 main duty decision, overdue when past', () => {
    const due = deadlinesOf({ stage: 'relief', reliefStartedOn: d('2026-03-02') }, d('2026-05-01'))
    expect(due.map((x) => [x.what, x.due.toString(), x.daysLeft])).toEqual([
      [
        'Relief duty: its 56 days end; priority need is not decided, so it continues until ended by notice (section 189B(5))',
        '2026-04-26',
        -5,
      ],
      ['Main housing duty decision due (day 57)', '2026-04-27', -4],
    ])
  })

  // s189B(4)-(5): the 56th day ends the duty only for an applicant in priority need and not intentionally homeless.
  it.each([
    [
      { priorityNeed: 'dependent_children', intentionality: 'not_intentionally_homeless' },
      'Relief duty ends by itself: its 56 days end (section 189B(4))',
    ],
    [{ priorityNeed: 'pregnant', intentionality: null }, 'Relief duty ends by itself: its 56 days end (section 189B(4))'],
    [
      { priorityNeed: 'pregnant', intentionality: 'intentionally_homeless' },
      'Relief duty: its 56 days end; it continues until ended by notice (section 189B(5))',
    ],
    [
      { priorityNeed: 'not_in_priority_need', intentionality: null },
      'Relief duty: its 56 days end; it continues until ended by notice (section 189B(5))',
    ],
  ] as const)('says how a relief duty with findings %j ends', (findings, what) => {
    const due = deadlinesOf({ stage: 'relief', reliefStartedOn: d('2026-03-02'), findings }, d('2026-05-01'))
    expect(due.map((x) => [x.what, x.due.toString()])).toEqual([
      [what, '2026-04-26'],
      ['Main housing duty decision due (day 57)', '2026-04-27'],
    ])
  })

  it('adds the plan’s next review while a duty is owed, in date order', () => {
    const due = deadlinesOf({ stage: 'prevention', preventionStartedOn: d('2026-03-02'), planReviewDue: d('2026-03-30') }, d('2026-04-20'))
    expect(due.map((x) => [x.what, x.due.toString(), x.daysLeft])[0]).toEqual(['Review the personalised housing plan', '2026-03-30', -21])
    expect(deadlinesOf({ stage: 'main_duty', planReviewDue: d('2026-03-30') }, d('2026-04-20')).map((x) => x.what)).toEqual([
      'Review the personalised housing plan',
    ])
    expect(deadlinesOf({ stage: 'closed', planReviewDue: d('2026-03-30') }, d('2026-04-20'))).toEqual([])
  })

  it.each(['approach', 'main_duty', 'closed'] as const)('has no statutory clock at %s', (stage) => {
    expect(deadlinesOf({ stage }, d('2026-05-01'))).toEqual([])
  })
})

describe('ordering a caseload', () => {
  const today = LocalDate.parse('2026-05-01')
  const item = (name: string, stage: 'prevention' | 'relief' | 'approach', started: string) => {
    const facts = {
      stage,
      preventionStartedOn: stage === 'prevention' ? LocalDate.parse(started) : null,
      reliefStartedOn: stage === 'relief' ? LocalDate.parse(started) : null,
    }
    return { name, approachedOn: LocalDate.parse(started), nextDeadline: deadlinesOf(facts, today)[0] }
  }

  it('puts the most overdue first, then the soonest due, then cases with no clock by age', () => {
    const cases = [
      item('approach, old', 'approach', '2026-01-05'),
      item('prevention, due later', 'prevention', '2026-04-20'),
      item('relief, overdue', 'relief', '2026-02-01'),
      item('approach, new', 'approach', '2026-04-28'),
      item('prevention, due soon', 'prevention', '2026-03-10'),
    ]
    expect([...cases].sort(byNextDeadline).map((c) => c.name)).toEqual([
      'relief, overdue',
      'prevention, due soon',
      'prevention, due later',
      'approach, old',
      'approach, new',
    ])
  })
})
