import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import {
  daysUntil,
  earliestEndOfPreventionFor56Days,
  earliestNonCooperationNotice,
  isWithinThreatWindow,
  lastDayOfPeriod,
  mainDutyDecisionDue,
  planReviewDue,
  preventionPeriodEnds,
  reliefPeriodEnds,
  reviewDecisionDue,
  reviewRequestDeadline,
} from './statutory-dates.ts'

const d = (iso: string) => LocalDate.parse(iso)

describe('a period of N days beginning with day X ends on X + N − 1', () => {
  it.each([
    ['2026-01-01', 1, '2026-01-01'],
    ['2026-01-01', 56, '2026-02-25'],
    ['2026-03-01', 56, '2026-04-25'],
    // Across the change to British Summer Time (29 March 2026) and back (25 October 2026): days, not hours.
    ['2026-03-28', 2, '2026-03-29'],
    ['2026-10-24', 56, '2026-12-18'],
    ['2026-12-20', 21, '2027-01-09'],
    // Leap years: 2028 has 29 February, 2027 does not.
    ['2028-02-01', 56, '2028-03-27'],
    ['2027-02-01', 56, '2027-03-28'],
    ['2028-02-29', 21, '2028-03-20'],
  ])('from %s for %i days: %s', (start, days, last) => {
    expect(lastDayOfPeriod(d(start), days).toString()).toBe(last)
  })

  it.each([0, -1, 1.5])('refuses a period of %s days', (days) => {
    expect(() => lastDayOfPeriod(d('2026-01-01'), days)).toThrow(RangeError)
  })
})

describe('threatened with homelessness within 56 days (s175(4))', () => {
  it.each([
    ['2026-03-02', '2026-03-02', true],
    ['2026-03-02', '2026-04-26', true], // day 56
    ['2026-03-02', '2026-04-27', false], // day 57
    ['2026-03-02', '2026-01-10', true], // already past: homeless, certainly within
  ])('today %s, likely homeless on %s: %s', (today, homelessOn, expected) => {
    expect(isWithinThreatWindow(d(today), d(homelessOn))).toBe(expected)
  })
})

describe('the prevention and relief periods', () => {
  it.each([
    // prevention start, period ends, may end for 56 days from
    ['2026-03-02', '2026-04-26', '2026-04-27'],
    ['2026-12-01', '2027-01-25', '2027-01-26'],
    ['2028-01-10', '2028-03-05', '2028-03-06'],
  ])('prevention from %s: period ends %s, 56-days ground from %s', (start, ends, earliest) => {
    expect(preventionPeriodEnds(d(start)).toString()).toBe(ends)
    expect(earliestEndOfPreventionFor56Days(d(start)).toString()).toBe(earliest)
  })

  it.each([
    // relief start, automatic end, main duty decision due (day 57)
    ['2026-03-02', '2026-04-26', '2026-04-27'],
    ['2026-11-23', '2027-01-17', '2027-01-18'],
    ['2028-02-29', '2028-04-24', '2028-04-25'],
  ])('relief from %s ends %s, main duty decision due %s', (start, ends, due) => {
    expect(reliefPeriodEnds(d(start)).toString()).toBe(ends)
    expect(mainDutyDecisionDue(d(start)).toString()).toBe(due)
  })
})

describe('reviews (s202, reg 9)', () => {
  it.each([
    ['2026-03-02', undefined, '2026-03-22'],
    ['2026-12-15', undefined, '2027-01-04'],
    // An extension in writing can only lengthen the period.
    ['2026-03-02', '2026-04-30', '2026-04-30'],
    ['2026-03-02', '2026-03-10', '2026-03-22'],
  ])('notified %s (extended to %s): request by %s', (notified, extended, deadline) => {
    expect(reviewRequestDeadline(d(notified), extended ? d(extended) : undefined).toString()).toBe(deadline)
  })

  it.each([
    ['prevention_stage', '2026-03-02', '2026-03-22'],
    ['standard', '2026-03-02', '2026-04-26'],
    ['joint_referral', '2026-03-02', '2026-05-10'],
    ['appointed_person', '2026-03-02', '2026-05-24'],
    ['standard', '2026-12-30', '2027-02-23'],
  ] as const)('%s review requested %s: decision due %s', (period, requested, due) => {
    expect(reviewDecisionDue(d(requested), period).toString()).toBe(due)
  })

  it('takes a longer period agreed in writing', () => {
    expect(reviewDecisionDue(d('2026-03-02'), 'prevention_stage', d('2026-04-01')).toString()).toBe('2026-04-01')
  })
})

describe('non-cooperation warnings and plan reviews', () => {
  it.each([
    ['2026-03-02', undefined, '2026-03-16'],
    ['2026-03-02', 7, '2026-03-09'],
    ['2026-12-25', undefined, '2027-01-08'],
  ])('warned %s, reasonable period %s days: notice from %s', (warned, days, earliest) => {
    expect(earliestNonCooperationNotice(d(warned), days).toString()).toBe(earliest)
  })

  it('schedules the plan review four weeks on unless told otherwise', () => {
    expect(planReviewDue(d('2026-03-02')).toString()).toBe('2026-03-30')
    expect(planReviewDue(d('2026-03-02'), 14).toString()).toBe('2026-03-16')
  })

  it.each([
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-05', 3],
    ['2026-03-05', '2026-03-02', -3],
    ['2026-12-31', '2027-01-01', 1],
  ])('from %s to %s is %i days', (today, due, days) => {
    expect(daysUntil(d(today), d(due))).toBe(days)
  })
})
