import type { z } from 'zod'
import { readCommand, type Read, type Refusal } from '../commands.ts'
import type { FormError } from '../forms.ts'

/**
 * The page's side of a command: a form's fields (every one a string, or several for checkboxes) become
 * the command's input, read through the command's own schema, and the command's refusals come back as
 * the GOV.UK error summary's links to the page's fields.
 */
export interface FormBinding<S extends z.ZodType = z.ZodType> {
  schema: S
  /** The form as the command's input, and what only a form can get wrong (a date with no month). */
  read(form: Record<string, unknown>): { input: unknown; refusals?: Refusal[] }
  /** The id of the page's field that each refusal path is about. */
  fieldId(path: string): string | undefined
}

export const formBinding = <S extends z.ZodType>(binding: FormBinding<S>) => binding

/**
 * The repeated fields a binding has read as lists (`listOf`). A form field sent more than once comes
 * as an array, which a single-value reader (`given`) would read as blank and save as empty: any other
 * repeated field is refused (`repeatedFields`).
 */
const readAsLists = new WeakSet<unknown[]>()

/** Reads a submitted form into the binding's command, or every problem at once. */
export function readForm<S extends z.ZodType>(binding: FormBinding<S>, form: unknown): Read<z.output<S>> {
  const fields = isRecord(form) ? form : {}
  const { input, refusals } = binding.read(fields)
  const repeated = repeatedFields(fields)
  if (repeated.length > 0) return { refusals: repeated }
  return readCommand(binding.schema, input, refusals)
}

/** The fields sent more than once that the binding expected once, each refused by its name. */
function repeatedFields(form: Record<string, unknown>): Refusal[] {
  return Object.entries(form)
    .filter(([, value]) => Array.isArray(value) && !readAsLists.has(value))
    .map(([name]) => ({ path: '', message: `The field "${name}" was sent more than once: it takes one value` }))
}

/** The form read into its command and given to `run` (the service), or refused as the form's reading refused it. */
export async function withCommand<S extends z.ZodType, R>(
  binding: FormBinding<S>,
  form: unknown,
  run: (command: z.output<S>) => Promise<R>,
): Promise<R | { outcome: 'invalid'; refusals: Refusal[] }> {
  const read = readForm(binding, form)
  return 'refusals' in read ? { outcome: 'invalid', refusals: read.refusals } : run(read.command)
}

/** Refusals as the error summary shows them, each linked to its field; one about the whole command goes to the first field. */
export function errorsOn(binding: Pick<FormBinding, 'fieldId'>, refusals: readonly Refusal[]): FormError[] {
  return refusals.map((r) => ({ href: `#${binding.fieldId(r.path) ?? binding.fieldId('') ?? 'main-content'}`, text: r.message }))
}

/** A field from a map of path to id, for pages whose fields are fixed. */
export const fieldsById =
  (ids: Record<string, string>) =>
  (path: string): string | undefined =>
    ids[path]

/** A text field as sent, trimmed; blank is not given. */
export function given(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined
  return text === '' ? undefined : text
}

/** Checkboxes or a repeated field: none, one or several values. */
export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) {
    readAsLists.add(value)
    return value
  }
  return value === undefined || value === '' ? [] : [value]
}

/** A whole number field: the number, or the text as sent so the schema refuses it in the field's words. */
export function wholeNumber(value: unknown): number | string | undefined {
  const text = given(value)
  return text !== undefined && /^-?\d{1,9}$/.test(text) ? Number(text) : text
}

interface DateParts {
  day?: unknown
  month?: unknown
  year?: unknown
}

/**
 * A GOV.UK date input's day, month and year as the command's YYYY-MM-DD. All blank is no date (the
 * schema then asks for one); a missing or non-numeric part is refused here, in the design system's words.
 */
export function dateOfParts(parts: DateParts, label: string): { date: string | undefined } | { message: string } {
  const day = given(parts.day) ?? ''
  const month = given(parts.month) ?? ''
  const year = given(parts.year) ?? ''
  if (!day && !month && !year) return { date: undefined }
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter((m): m is string => Boolean(m))
  if (missing.length > 0) return { message: `${label} must include ${missing.join(' and ')}` }
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) return { message: `${label} must be a real date` }
  // A day or month past 99 makes no date, which the schema refuses as not a real one.
  const two = (part: string) => String(Number(part)).padStart(2, '0')
  return { date: `${year}-${two(month)}-${two(day)}` }
}

/**
 * Reads several date inputs of one form into the input's fields: `dates` names each command path's
 * day, month and year fields and its label. Returns the dates by path and the refusals for the ones
 * that cannot be dates.
 */
export function datesOf(
  form: Record<string, unknown>,
  dates: Record<string, { prefix: string; label: string; parts?: 'dashed' | 'camel' | 'plain' }>,
): { values: Record<string, string | undefined>; refusals: Refusal[] } {
  const values: Record<string, string | undefined> = {}
  const refusals: Refusal[] = []
  for (const [path, { prefix, label, parts = 'dashed' }] of Object.entries(dates)) {
    const name = (part: 'day' | 'month' | 'year') =>
      parts === 'plain' ? part : parts === 'camel' ? `${prefix}${part.charAt(0).toUpperCase()}${part.slice(1)}` : `${prefix}-${part}`
    const read = dateOfParts({ day: form[name('day')], month: form[name('month')], year: form[name('year')] }, label)
    if ('message' in read) refusals.push({ path, message: read.message })
    else values[path] = read.date
  }
  return { values, refusals }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
