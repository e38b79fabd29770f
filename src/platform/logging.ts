import pino, { type Logger } from 'pino'

/**
 * Structured logs with nothing personal in them: requests are logged by method, route pattern and
 * status, never by URL query, body or headers that could carry a name or a key.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'upstream' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.email', '*.phone'], censor: '[removed]' },
  })
}
