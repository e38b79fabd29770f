import type { RequestHandler } from 'express'

/**
 * Input no record should hold, refused before it reaches a service or the database: the database
 * cannot store a NUL character (and failing on it wrote the statement's values into the log); a
 * replacement character is what the body's decoder leaves of bytes that were not UTF-8, so the text
 * is no longer what was sent; direction overrides and invisible spaces make a name read differently
 * on screen from what is stored, and let two records look alike. Zero-width joiners stay: some
 * scripts and names need them. Everything else is kept, normalised to NFC so that the same name
 * typed on two keyboards is stored the same.
 */
const REFUSED: { pattern: RegExp; message: string }[] = [
  { pattern: /\u0000/, message: 'contains a NUL character, which cannot be stored' },
  { pattern: /\uFFFD/, message: 'contains characters that were not sent as UTF-8 text' },
  { pattern: /[\u202A-\u202E\u2066-\u2069]/, message: 'contains a hidden text direction control character' },
  { pattern: /[\u200B\u2060\uFEFF]/, message: 'contains a hidden zero-width space' },
]

/** Deeper than any form or API body the service reads: a body nested further is not a person's data. */
const MAX_DEPTH = 16

export class BadInputError extends Error {
  readonly status = 400
  /** Where in the body or query the problem is, as a path (`household.members.0.givenName`). */
  readonly path: string
  constructor(path: string, message: string) {
    super(message)
    this.name = 'BadInputError'
    this.path = path
  }
}

/** The first problem in a parsed body or query, with the value normalised in place. */
export function unstorableInput(value: unknown, path = '', depth = 0): BadInputError | undefined {
  if (depth > MAX_DEPTH) return new BadInputError(path, `What you sent is nested more than ${String(MAX_DEPTH)} levels deep`)
  if (typeof value !== 'object' || value === null) return undefined
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  for (const [key, item] of entries) {
    // The command paths the API reports problems at: `household.members[2].dateOfBirth`.
    const at = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`
    for (const text of [key, item]) {
      if (typeof text !== 'string') continue
      const refused = REFUSED.find((r) => r.pattern.test(text))
      if (refused) return new BadInputError(at, `The field "${at}" ${refused.message}`)
    }
    if (typeof item === 'string') {
      const normal = item.normalize('NFC')
      if (normal !== item) (value as Record<string, unknown>)[key] = normal
    } else {
      const problem = unstorableInput(item, at, depth + 1)
      if (problem) return problem
    }
  }
  return undefined
}

/** Refuses a request whose query or parsed body holds what no record should (a 400 naming the field). */
export function refuseUnstorableInput(): RequestHandler {
  return (req, _res, next) => {
    const body: unknown = req.body
    next(unstorableInput(req.query) ?? unstorableInput(body))
  }
}
