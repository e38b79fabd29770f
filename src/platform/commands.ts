import { LocalDate } from '@js-joda/core'
import { z } from 'zod'

/**
 * Commands: what a caseworker page, the JSON API and the command line ask a service to do, as one typed
 * value read through one zod schema per command. A service answers a bad command with refusals keyed by
 * the command's field paths (`household.members[2].dateOfBirth`), never by a page's anchors: the page
 * turns a path into its field's id, the API sends the path as it is.
 */

/** Why a command was refused, at the field it concerns; '' is the command as a whole. */
export interface Refusal {
  path: string
  message: string
}

export type Read<C> = { command: C } | { refusals: Refusal[] }

/** A path as the API and the refusals write it: `household.members[2].dateOfBirth`. */
export function pathString(segments: readonly PropertyKey[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${String(s)}]` : i === 0 ? String(s) : `.${String(s)}`)).join('')
}

/**
 * Reads `input` through the command's schema: the command, or every problem at once, each once at its
 * path. `earlier` are problems an adapter found first (a date with no month); the schema's problem at
 * the same path is then left out, as the earlier one is the more precise.
 */
export function readCommand<S extends z.ZodType>(schema: S, input: unknown, earlier: readonly Refusal[] = []): Read<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success && earlier.length === 0) return { command: parsed.data }
  const refusals = [...earlier]
  const seen = new Set(earlier.map((r) => r.path))
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = pathString(issue.path)
    if (seen.has(path)) continue
    seen.add(path)
    refusals.push({ path, message: issue.message })
  }
  return { refusals }
}

/**
 * A calendar date, sent as YYYY-MM-DD (Europe/London), refused in the GOV.UK date input's words. The
 * page sends what its day, month and year fields make; the API sends the date as it is.
 */
export function calendarDate(label: string) {
  return z
    .string({ error: `Enter the ${label.toLowerCase()}` })
    .refine((s) => s !== '', { message: `Enter the ${label.toLowerCase()}`, abort: true })
    .refine(isRealDate, `${label} must be a real date`)
    .meta({ description: 'A calendar date, YYYY-MM-DD (Europe/London)', format: 'date' })
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  try {
    LocalDate.parse(text)
    return true
  } catch {
    return false
  }
}

/** The version of a record a form or request was made from, so a later change by someone else is not overwritten. */
export const recordVersion = (message: string) =>
  z.int({ error: message }).min(0, message).meta({ description: 'The version you last read; a later change by someone else answers 409' })

/** The keys of a code list, as a zod enum's values. */
export const codes = <T extends Record<string, unknown>>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]
