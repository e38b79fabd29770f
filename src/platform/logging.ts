import pino, { type Logger } from 'pino'

/**
 * Structured logs with nothing personal in them: requests are logged by method, route pattern and
 * status, never by URL query, body or headers that could carry a name or a key; errors by what went
 * wrong, never by the values involved (see safeError).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'upstream' },
    serializers: { err: safeError },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.email', '*.phone'], censor: '[removed]' },
  }
  return destination ? pino(options, destination) : pino(options)
}

/** A PostgreSQL error (from the server or the embedded database): its SQLSTATE code is five characters. */
function isDatabaseError(error: object): error is { code: string } {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
}

/**
 * An error as it may be logged. A database error's message and detail can quote the values of the
 * failed statement (a name, an address, "fleeing domestic abuse at …"), and the embedded database
 * attaches the statement's parameters too; so a database error is logged by its code, where it arose
 * and the statement's shape (its text, whose values are all $n placeholders), never by its message.
 * Any other error keeps its name, message and stack, which the service writes itself.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error }
  if (isDatabaseError(error)) {
    const e = error as Record<string, unknown>
    const text = (name: string) => (typeof e[name] === 'string' ? e[name] : undefined)
    return {
      type: 'DatabaseError',
      code: e['code'],
      severity: text('severity'),
      routine: text('routine'),
      table: text('table'),
      column: text('column'),
      constraint: text('constraint'),
      statement: text('query'),
    }
  }
  const e = error as Error
  return { type: e.name, message: e.message, stack: e.stack }
}
