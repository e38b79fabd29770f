import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import type { LetterKind } from '../../domain/letters.ts'
import { issueLetter, issueLetterForEvent, type LetterFacts } from '../letters/service.ts'
import type { FormError } from '../../platform/forms.ts'
import { addCaseEvent, findCaseByReference, lockCase } from './queries.ts'
import type { OwnerDb } from '../../db/modes.ts'

export type Officer = Extract<Actor, { kind: 'user' }> & { role: 'caseworker' | 'team_manager' }
export type FoundCase = NonNullable<Awaited<ReturnType<typeof findCaseByReference>>>

/** What a step did, for the case's timeline: codes and dates, never a person's details. */
export interface StepEvent {
  event: string
  on: string
  details: Record<string, unknown>
  /** The officer's reasons, for the letter the event calls for (if it calls for one). */
  letterReasons?: unknown
  /** A letter written from more than the event's codes (an assessment's findings), instead of the event's own. */
  letter?: { kind: LetterKind; facts: LetterFacts }
  /** The audit record's subject, when it is not the case itself (a person, their personal details). */
  auditSubject?: { type: string; id: string }
}

/** The step's work: done (with what the caller gets back), or why not. */
export type StepWork<R extends object> = { errors: FormError[] } | 'not_found' | 'conflict' | (StepEvent & { result?: R })

export type StepResult<R extends object = object> =
  ({ outcome: 'recorded' } & R) | { outcome: 'invalid'; errors: FormError[] } | { outcome: 'conflict' } | { outcome: 'not_found' }

export function asOfficer(actor: Actor): Officer | undefined {
  return actor.kind === 'user' && (actor.role === 'caseworker' || actor.role === 'team_manager') ? (actor as Officer) : undefined
}

/** Carries a refusal out of the transaction, so that nothing the work wrote before it is kept. */
class StepRefused extends Error {
  readonly result: StepResult
  constructor(result: StepResult) {
    super(result.outcome)
    this.result = result
  }
}

/**
 * One step an officer takes on a case, all or nothing: the change `work` makes, its entry in the case's
 * timeline, the letter it calls for and its audit record are written in one transaction; when `work`
 * refuses (a problem with the form, a stale version, nothing found), nothing at all is written. Two
 * officers' steps on the same case run one after the other.
 */
export async function recordCaseStep<R extends object = object>(
  deps: { db: OwnerDb; clock: Clock },
  actor: Actor,
  reference: string,
  origin: Origin,
  work: (trx: Scoped, officer: Officer, found: FoundCase) => Promise<StepWork<R>>,
): Promise<StepResult<R>> {
  const officer = asOfficer(actor)
  if (!officer) return { outcome: 'not_found' }
  try {
    return await asActor(deps.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return { outcome: 'not_found' as const }
      // Steps on one case take turns, so each checks the rules against what the one before it wrote.
      await lockCase(trx, found.id)
      const done = await work(trx, officer, found)
      if (done === 'not_found' || done === 'conflict') throw new StepRefused({ outcome: done })
      if ('errors' in done) throw new StepRefused({ outcome: 'invalid', errors: done.errors })
      const now = deps.clock.now()
      const eventId = await addCaseEvent(
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
      if (done.letter)
        await issueLetter(trx, {
          caseId: found.id,
          eventId,
          kind: done.letter.kind,
          facts: done.letter.facts,
          issuedBy: officer.userId,
          now,
        })
      else
        await issueLetterForEvent(trx, {
          caseId: found.id,
          eventId,
          kind: done.event,
          occurredOn: done.on,
          details: done.details,
          issuedBy: officer.userId,
          now,
          reasons: done.letterReasons,
        })
      await recordAudit(
        trx,
        actor,
        {
          action: 'update',
          subjectType: done.auditSubject?.type ?? 'case',
          subjectId: done.auditSubject?.id ?? found.id,
          subjectOrganisationId: found.authority_id,
          details: { reference, change: done.event, ...done.details },
        },
        origin,
        now,
      )
      return { outcome: 'recorded' as const, ...done.result } as StepResult<R>
    })
  } catch (error) {
    if (error instanceof StepRefused) return error.result
    throw error
  }
}

/** A refused step as a page shows it: the form's errors (400), or another officer's change first (409). */
export function refusalOf(result: Extract<StepResult, { outcome: 'invalid' | 'conflict' }>): { errors: FormError[]; status: number } {
  return result.outcome === 'invalid'
    ? { errors: result.errors, status: 400 }
    : {
        errors: [{ href: '#main-content', text: 'Someone else changed this case while you were working on it. Check it, then try again.' }],
        status: 409,
      }
}
