import { LocalDate } from '@js-joda/core'

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A calendar date in GOV.UK style: "4 June 2017". */
export function formatDate(value: string | LocalDate | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  if (value instanceof Date) return dateFormat.format(value)
  const date = typeof value === 'string' ? LocalDate.parse(value.slice(0, 10)) : value
  return `${String(date.dayOfMonth())} ${MONTHS[date.monthValue() - 1] ?? ''} ${String(date.year())}`
}

/** A time in GOV.UK style, in London: "5:30pm", "3pm", "midday", "midnight". */
export function formatTime(instant: Date): string {
  const parts = timeFormat.formatToParts(instant)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? ''
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replace(/\./g, '').replace(/\s/g, '')
  if (hour === '12' && minute === '00') return period.startsWith('a') ? 'midnight' : 'midday'
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period.startsWith('a') ? 'am' : 'pm'}`
}

/** An instant as a person in England reads it: "4 June 2017 at 5:30pm". */
export function formatDateTime(instant: Date | null | undefined): string {
  if (!instant) return ''
  return `${formatDate(instant)} at ${formatTime(instant)}`
}

/** A code such as `team_manager` as words: "Team manager". */
export function humanise(code: string | null | undefined): string {
  if (!code) return ''
  const words = code.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
