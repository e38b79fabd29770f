import { Instant, ZonedDateTime } from '@js-joda/core'
import type { Logger } from 'pino'
import { asActor, type Actor } from '../../db/actor.ts'
import { asSystem } from '../../db/modes.ts'
import { CODE_LISTS } from '../../domain/hclic/code-lists.ts'
import { quarterContaining, type Quarter } from '../../domain/hclic/quarter.ts'
import { countFindings, validateReturn } from '../../domain/hclic/validation.ts'
import { SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import { LONDON, type Clock } from '../../platform/clock.ts'
import type { HclicService } from './service.ts'
import { authorityCodes, insertRun, latestRun, type StoredRun } from './validation-queries.ts'
import type { Database } from '../../db/database.ts'

/** What the validation needs of the services (Services has all of it). */
export interface ValidationServices {
  hclic: HclicService
  database: Database
  clock: Clock
  logger: Logger
}

const NIGHTLY: SystemActor = { kind: 'system', organisationId: null, label: 'nightly H-CLIC validation' }

export interface RunSummary {
  quarter: string
  cases: number
  errors: number
  warnings: number
}

/**
 * Checks an authority's return for a quarter and stores what it found. The nightly job runs it as the
 * system; the page's button passes the person who pressed it, whose right to the return the service
 * checks (and audits) as for any other read of it.
 */
export async function runValidation(
  services: ValidationServices,
  authorityCode: string,
  quarter: Quarter,
  by?: { actor: Actor; origin: Origin },
): Promise<RunSummary | { error: string }> {
  const result = await services.hclic.quarterReturn(by?.actor ?? NIGHTLY, authorityCode, quarter, by?.origin ?? SYSTEM_ORIGIN)
  if ('error' in result) return result
  const findings = validateReturn(result.cases, quarter, CODE_LISTS)
  const counts = countFindings(findings)
  // Only the system writes runs (the application role may read them): whoever asked, the check is done.
  await asSystem(services.database.db, 'store an H-CLIC validation run', (db) =>
    insertRun(db, {
      authorityId: result.authority.id,
      quarter: quarter.label,
      ranAt: services.clock.now(),
      requestedBy: by?.actor.kind === 'user' ? by.actor.userId : null,
      cases: result.cases.length,
      ...counts,
      findings,
    }),
  )
  return { quarter: quarter.label, cases: result.cases.length, ...counts }
}

/** The latest stored run of the actor's authority for a quarter, if any (row-level security decides). */
export async function latestValidation(
  services: ValidationServices,
  actor: Actor,
  authorityCode: string,
  quarter: Quarter,
): Promise<StoredRun | undefined> {
  return asActor(services.database.db, actor, (trx) => latestRun(trx, authorityCode, quarter.label))
}

/** Milliseconds from `now` to the next 02:00 in London, when few officers are at work. */
export function untilNextRun(now: Date): number {
  const here = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now.getTime()), LONDON)
  let next = here.toLocalDate().atTime(2, 0).atZone(LONDON)
  if (!next.isAfter(here)) next = here.toLocalDate().plusDays(1).atTime(2, 0).atZone(LONDON)
  return next.toInstant().toEpochMilli() - now.getTime()
}

/** The nightly run's work: the current quarter of every housing authority, each stored as a run. Never throws. */
export async function validateEveryAuthority(services: ValidationServices, clock: Clock): Promise<void> {
  const quarter = quarterContaining(clock.today())
  let codes: string[]
  try {
    codes = await asSystem(services.database.db, NIGHTLY.label, authorityCodes)
  } catch (error) {
    services.logger.error(
      { err: error instanceof Error ? error.message : 'unknown' },
      'nightly H-CLIC validation could not list the authorities',
    )
    return
  }
  for (const code of codes) {
    try {
      const outcome = await runValidation(services, code, quarter)
      if ('error' in outcome) services.logger.warn({ authority: code, quarter: quarter.label }, 'nightly H-CLIC validation refused')
      else services.logger.info({ authority: code, ...outcome }, 'nightly H-CLIC validation')
    } catch (error) {
      services.logger.error(
        { authority: code, quarter: quarter.label, err: error instanceof Error ? error.message : 'unknown' },
        'nightly H-CLIC validation failed',
      )
    }
  }
}

/**
 * Every night at 02:00 (London), checks the current quarter's return of every housing authority, so the
 * quarter's end holds no surprises. The timer never keeps the process alive; `stop` cancels the next run.
 */
export function scheduleNightlyValidation(services: ValidationServices, clock: Clock): { stop(): void } {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => void validateEveryAuthority(services, clock).finally(schedule), untilNextRun(clock.now()))
    timer.unref()
  }
  schedule()
  return {
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
