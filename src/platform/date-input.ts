import { LocalDate } from '@js-joda/core'

/**
 * Reads a GOV.UK date input (separate day, month and year fields) into a calendar date, or says what
 * is wrong in the design system's words: "must include a month", "must be a real date".
 */
export function parseDateInput(
  parts: { day?: unknown; month?: unknown; year?: unknown },
  label: string,
): { date: LocalDate } | { error: string } {
  const field = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const day = field(parts.day)
  const month = field(parts.month)
  const year = field(parts.year)
  if (!day && !month && !year) return { error: `Enter the ${label.toLowerCase()}` }
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter((m): m is string => Boolean(m))
  if (missing.length > 0) return { error: `${label} must include ${missing.join(' and ')}` }
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) return { error: `${label} must be a real date` }
  try {
    return { date: LocalDate.of(Number(year), Number(month), Number(day)) }
  } catch {
    return { error: `${label} must be a real date` }
  }
}

/**
 * A date's day, month and year as a GOV.UK date input's values: forms start at today, as most things are
 * recorded on the day. With `prefix`, the fields are named `prefix-day`, `prefix-month` and `prefix-year`.
 */
export function dateInputValues(date: LocalDate): { day: string; month: string; year: string }
export function dateInputValues(date: LocalDate, prefix: string): Record<string, string>
export function dateInputValues(date: LocalDate, prefix?: string): Record<string, string> {
  const name = (part: string) => (prefix === undefined ? part : `${prefix}-${part}`)
  return { [name('day')]: String(date.dayOfMonth()), [name('month')]: String(date.monthValue()), [name('year')]: String(date.year()) }
}

/** Reads a GOV.UK date input whose fields are named `prefix-day`, `prefix-month` and `prefix-year`. */
export function parseNamedDateInput(form: Record<string, unknown>, prefix: string, label: string): { date: LocalDate } | { error: string } {
  return parseDateInput({ day: form[`${prefix}-day`], month: form[`${prefix}-month`], year: form[`${prefix}-year`] }, label)
}
