import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { responseAgainstTarget, type ResponseAgainstTarget } from './referral-response.ts'
import { WorkingCalendar } from './working-days.ts'

const d = (iso: string) => LocalDate.parse(iso)
const calendar = new WorkingCalendar()

const against = (receivedOn: string, respondedOn: string | null, target: number, today: string) => {
  const result = responseAgainstTarget(calendar, d(receivedOn), respondedOn === null ? null : d(respondedOn), target, d(today))
  return { ...result, dueOn: result.dueOn.toString() }
}

describe('a response is on time up to and including the day it is due', () => {
  // Received Thursday 12 February 2026 with a target of 2 working days: due Monday 16 February.
  it.each<[string, string, number, ResponseAgainstTarget['state']]>([
    ['the same day', '2026-02-12', 0, 'met'],
    ['the next day', '2026-02-13', 1, 'met'],
    ['on the day it is due, after a weekend', '2026-02-16', 2, 'met'],
    ['the day after it was due', '2026-02-17', 3, 'missed'],
    ['on the Saturday before it was due', '2026-02-14', 1, 'met'],
  ])('responded %s: %s', (_, respondedOn, workingDays, state) => {
    expect(against('2026-02-12', respondedOn, 2, '2026-03-31')).toEqual({ dueOn: '2026-02-16', workingDays, state })
  })

  it.each<[string, string, number, ResponseAgainstTarget['state']]>([
    ['the day it arrived', '2026-02-12', 0, 'within'],
    ['the next day', '2026-02-13', 1, 'within'],
    ['the weekend in between', '2026-02-15', 1, 'within'],
    ['the day it is due', '2026-02-16', 2, 'due_today'],
    ['the day after', '2026-02-17', 3, 'overdue'],
    ['a week later', '2026-02-23', 7, 'overdue'],
  ])('waiting, and today is %s: %s', (_, today, workingDays, state) => {
    expect(against('2026-02-12', null, 2, today)).toEqual({ dueOn: '2026-02-16', workingDays, state })
  })

  it('a response on time stays met however late it is now', () => {
    expect(against('2026-02-12', '2026-02-13', 2, '2026-12-31').state).toBe('met')
  })
})

describe('the target is counted in working days', () => {
  it.each<[string, string, string | null, number, string, string, ResponseAgainstTarget['state']]>([
    // received, responded, target, today, due, state
    ['over a weekend', '2026-02-13', null, 1, '2026-02-14', '2026-02-16', 'within'],
    ['over a weekend, due on Monday', '2026-02-13', null, 1, '2026-02-16', '2026-02-16', 'due_today'],
    ['received on a Saturday', '2026-02-14', null, 2, '2026-02-17', '2026-02-17', 'due_today'],
    ['over Easter, waiting on Easter Monday', '2026-04-02', null, 2, '2026-04-06', '2026-04-08', 'within'],
    ['over Easter, responded on the Tuesday', '2026-04-02', '2026-04-07', 2, '2026-04-30', '2026-04-08', 'met'],
    ['over Easter, responded on the Thursday', '2026-04-02', '2026-04-09', 2, '2026-04-30', '2026-04-08', 'missed'],
    ['over Christmas 2026', '2026-12-24', null, 1, '2026-12-28', '2026-12-29', 'within'],
    ['over Christmas 2026, a day late', '2026-12-24', null, 1, '2026-12-30', '2026-12-29', 'overdue'],
    ['over the early May bank holiday', '2026-05-01', '2026-05-05', 1, '2026-05-31', '2026-05-05', 'met'],
  ])('%s: received %s, responded %s, target %i, today %s: due %s, %s', (_, received, responded, target, today, dueOn, state) => {
    const result = against(received, responded, target, today)
    expect(result.dueOn).toBe(dueOn)
    expect(result.state).toBe(state)
  })
})
