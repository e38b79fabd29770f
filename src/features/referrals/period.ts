import { LocalTime, ZonedDateTime, type LocalDate } from '@js-joda/core'
import { LONDON } from '../../platform/clock.ts'

/** The periods the referral figures can be seen for, ending today. */
export const PERIODS = {
  last_3_months: 'The last 3 months',
  last_12_months: 'The last 12 months',
  all: 'Since records began',
} as const
export type Period = keyof typeof PERIODS

export function periodOf(value: unknown, today: LocalDate): { key: Period; label: string; from: Date; to: Date } {
  const key: Period = typeof value === 'string' && value in PERIODS ? (value as Period) : 'last_12_months'
  const start = key === 'last_3_months' ? today.minusMonths(3) : key === 'last_12_months' ? today.minusMonths(12) : today.minusYears(100)
  return { key, label: PERIODS[key], from: startOfDay(start.plusDays(1)), to: startOfDay(today.plusDays(1)) }
}

function startOfDay(date: LocalDate): Date {
  return new Date(ZonedDateTime.of(date, LocalTime.MIDNIGHT, LONDON).toInstant().toEpochMilli())
}
