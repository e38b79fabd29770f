import { LocalDate } from '@js-joda/core'
import { parseDateInput } from '../../platform/date-input.ts'

/** The report's filters as asked: the same for the page, the CSV, the JSON and the command line. */
export interface ReportQuery {
  programmes: string[]
  districts: string[]
  from: LocalDate | null
  to: LocalDate | null
  asOf: LocalDate
}

export interface FilterError {
  /** The field the error belongs to, for the error summary's link. */
  href: string
  text: string
}

const DATE_FIELDS = [
  { name: 'from', label: 'Referred from' },
  { name: 'to', label: 'Referred to' },
  { name: 'asOf', label: 'Data as at' },
] as const

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/**
 * A date given as `YYYY-MM-DD` (a link, the command line) or as a GOV.UK date input's three fields
 * (`from-day`, `from-month`, `from-year`: the form). Neither given is "no date".
 */
function dateField(query: Record<string, unknown>, name: string, label: string): { date: LocalDate | null } | { error: FilterError } {
  const whole = query[name]
  if (typeof whole === 'string' && whole.trim() !== '') {
    const text = whole.trim()
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { error: { href: `#${name}-day`, text: `${label} must be a date like 2024-03-31` } }
    try {
      return { date: LocalDate.parse(text) }
    } catch {
      return { error: { href: `#${name}-day`, text: `${label} must be a real date` } }
    }
  }
  const parts = { day: query[`${name}-day`], month: query[`${name}-month`], year: query[`${name}-year`] }
  const given = Object.values(parts).some((p) => typeof p === 'string' && p.trim() !== '')
  if (!given) return { date: null }
  const parsed = parseDateInput(parts, label)
  return 'error' in parsed ? { error: { href: `#${name}-day`, text: parsed.error } } : parsed
}

/** Reads the filters from a query string (Express's parsed `req.query`), or says what is wrong with each. */
export function parseReportQuery(query: Record<string, unknown>, today: LocalDate): { query: ReportQuery } | { errors: FilterError[] } {
  const errors: FilterError[] = []
  const dates: Record<string, LocalDate | null> = {}
  for (const field of DATE_FIELDS) {
    const read = dateField(query, field.name, field.label)
    if ('error' in read) errors.push(read.error)
    else dates[field.name] = read.date
  }
  const from = dates['from'] ?? null
  const to = dates['to'] ?? null
  if (from !== null && to?.isBefore(from)) errors.push({ href: '#to-day', text: 'Referred to must be the same as or after referred from' })
  if (errors.length > 0) return { errors }
  return {
    query: { programmes: list(query['programme']), districts: list(query['district']), from, to, asOf: dates['asOf'] ?? today },
  }
}

/** The query string that asks for the same report (for the CSV and JSON links). */
export function queryString(query: ReportQuery): string {
  const params = new URLSearchParams()
  for (const p of query.programmes) params.append('programme', p)
  if (query.from) params.append('from', query.from.toString())
  if (query.to) params.append('to', query.to.toString())
  params.append('asOf', query.asOf.toString())
  for (const d of query.districts) params.append('district', d)
  return params.toString()
}
