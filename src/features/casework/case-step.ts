import type { Kysely } from 'kysely'
import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import type { FormError } from './decisions.ts'
import { addCaseEvent, findCaseByReference, lockCase } from './queries.ts'

export type Officer = Extract<Actor, { kind: 'user' }> & { role: 'caseworker' | 'team_manager' }
export type FoundCase = NonNullable<Awaited<ReturnType<typeof findCaseByReference>>>
export type StepResult = { outcome: 'recorded' } | { outcome: 'invalid'; errors: FormError[] } | { outcome: 'not_found' }

/** What a step did, for the case's timeline: codes and dates, never a person's details. */
export interface StepEvent {
  event: string
  on: string
  details: Record<string, unknown>
}

export function asOfficer(actor: Actor): Officer | undefined {
  return actor.kind === 'user' && (actor.role === 'caseworker' || actor.role === 'team_manager') ? (actor as Officer) : undefined
}

/**
 * One step an officer takes on a case, all or nothing: the change `work` makes, its entry in the case's
 * timeline and its audit record are written in one transaction, or, when `work` finds a problem,
 * nothing is written at all. Two officers' steps on the same case run one after the other.
 */
export async function recordCaseStep(
  deps: { db: Kysely<DB>; clock: Clock },
  actor: Actor,
  reference: string,
  origin: Origin,
  work: (trx: Scoped, officer: Officer, found: FoundCase) => Promise<{ errors: FormError[] } | StepEvent>,
): Promise<StepResult> {
  const officer = asOfficer(actor)
  if (!officer) return { outcome: 'not_found' }
  return asActor(deps.db, actor, async (trx) => {
    const found = await findCaseByReference(trx, officer.organisationId, reference)
    if (!found) return { outcome: 'not_found' as const }
    // Steps on one case take turns, so each checks the rules against what the one before it wrote.
    await lockCase(trx, found.id)
    const done = await work(trx, officer, found)
    if ('errors' in done) return { outcome: 'invalid' as const, errors: done.errors }
    const now = deps.clock.now()
    await addCaseEvent(
      trx,
      {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        kind: done.event,
        occurredOn: done.on,
        recordedBy: officer.userId,
        details: done.details,
      },
      now,
    )
    await recordAudit(
      trx,
      actor,
      {
        action: 'update',
        subjectType: 'case',
        subjectId: found.id,
        subjectOrganisationId: found.authority_id,
        details: { reference, change: done.event },
      },
      origin,
      now,
    )
    return { outcome: 'recorded' as const }
  })
}
