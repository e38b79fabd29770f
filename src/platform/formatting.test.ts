import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatTime, humanise } from './formatting.ts'

describe('formatDate', () => {
  it.each([
    ['2017-06-04', '4 June 2017'],
    ['2026-12-31', '31 December 2026'],
    [null, ''],
  ])('formats %s as %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected)
  })

  it('uses the London calendar date of an instant, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(formatDate(new Date('2025-06-30T23:30:00Z'))).toBe('1 July 2025')
  })
})

describe('formatTime', () => {
  it.each([
    ['2025-01-15T12:00:00Z', 'midday'],
    ['2025-01-15T00:00:00Z', 'midnight'],
    ['2025-01-15T12:30:00Z', '12:30pm'],
    ['2025-01-15T15:00:00Z', '3pm'],
    ['2025-07-15T16:30:00Z', '5:30pm'],
    ['2025-01-15T09:05:00Z', '9:05am'],
  ])('formats %s as %s', (input, expected) => {
    expect(formatTime(new Date(input))).toBe(expected)
  })

  it('combines date and time', () => {
    expect(formatDateTime(new Date('2025-07-15T16:30:00Z'))).toBe('15 July 2025 at 5:30pm')
  })
})

describe('humanise', () => {
  it('turns codes into words', () => {
    expect(humanise('team_manager')).toBe('Team manager')
    expect(humanise(null)).toBe('')
  })
})
