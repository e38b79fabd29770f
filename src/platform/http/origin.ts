import type { Request } from 'express'
import type { Origin } from '../audit.ts'

/** Where a request came from, for the audit trail. */
export function originOf(req: Request): Origin {
  return { ip: req.ip ?? null }
}
