/**
 * Reading what a form sent, the same way on every page: every field arrives as a string (or several,
 * for checkboxes), or not at all.
 */

/** A problem with a form, for the GOV.UK error summary: the field's id (as "#id") and the message. */
export interface FormError {
  href: string
  text: string
}

/** A field's text, trimmed; anything that is not text reads as empty. */
export function formText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

/** The value sent, if it is one of `values`. */
export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined
}

/** The value sent, if it is a code of the list `options` (code → label). */
export function codeOf<T extends string>(options: Record<T, string>, value: unknown): T | undefined {
  return typeof value === 'string' && Object.hasOwn(options, value) ? (value as T) : undefined
}

/** The version a form was opened at (optimistic locking), if the field holds a whole number. */
export function versionOf(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined
}

/** Each error's message by the id of its field, for the message beside the field. */
export function errorsByField(errors: readonly FormError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text]))
}
