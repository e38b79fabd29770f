import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import type { OwnerDb } from '../../db/modes.ts'
import type { LetterFacts, LetterKind } from '../../domain/letters.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { Service, type ServiceDeps } from '../../platform/service.ts'
import type { Refusal } from '../../platform/commands.ts'
import { may } from '../../platform/permissions.ts'
import { addCaseEvent, caseIsHeld, findCaseByReference, lockCase, officersOf } from './queries.ts'

/**
 * The case kernel: what every piece of casework (decisions, the household and assessment, plans,
 * reviews, letters) builds on, and which imports none of them. It finds a case the actor may see,
 * records a step on it (the change, its timeline event, its letter and its audit record, all or
 * nothing), and reads a case.
 */

export type Officer = Extract<Actor, { kind: 'user' }> & { role: 'caseworker' | 'team_manager' }
export type FoundCase = NonNullable<Awaited<ReturnType<typeof findCaseByReference>>>

/**
 * How a read of a case is audited: by the kernel, naming what was read (`read`: the page's part of the
 * case, a code), or by the read's own work (`recordedByWork`: what it records), never not at all.
 */
export type CaseReadAudit = { origin: Origin; read: string } | { recordedByWork: string }

/** What a step did, for the case's timeline: codes and dates, never a person's details. */
export interface StepEvent {
  event: string
  on: string
  details: Record<string, unknown>
  /** The officer's reasons, for the letter the event calls for (if it calls for one). */
  letterReasons?: unknown
  /** What else the event's letter states that the event's codes do not carry (the officer's findings' reasons). */
  letterFacts?: Partial<LetterFacts>
  /** A letter written from more than the event's codes (an assessment's findings), instead of the event's own. */
  letter?: { kind: LetterKind; facts: LetterFacts }
  /** The audit record's subject, when it is not the case itself (a person, their personal details). */
  auditSubject?: { type: string; id: string }
}

/** The step's work: done (with what the caller gets back), or why not: refusals at the command's field paths. */
export type StepWork<R extends object> = { refusals: Refusal[] } | 'not_found' | 'conflict' | (StepEvent & { result?: R })

export type StepResult<R extends object = object> =
  ({ outcome: 'recorded' } & R) | { outcome: 'invalid'; refusals: Refusal[] } | { outcome: 'conflict' } | { outcome: 'not_found' }

/** A step refused for one reason, at the command's field it concerns. */
export const refused = (path: string, message: string) => ({ refusals: [{ path, message }] })

export function asOfficer(actor: Actor): Officer | undefined {
  return actor.kind === 'user' && (actor.role === 'caseworker' || actor.role === 'team_manager') ? (actor as Officer) : undefined
}

/** A recorded event whose letter, if it calls for one, is issued with it. */
export interface EventLetter {
  caseId: string
  eventId: string
  kind: string
  occurredOn: string
  details: Record<string, unknown>
  issuedBy: string
  now: Date
  /** The officer's reasons for the letter, if they gave any. */
  reasons?: unknown
  /** Facts for the letter beyond the event's codes. */
  facts?: Partial<LetterFacts>
}

/**
 * The letters a step calls for, issued in the step's own transaction so that a decision never stands
 * without its letter. The letters feature provides them; the kernel only knows when.
 */
export interface CaseLetters {
  issue(
    trx: Scoped,
    letter: { caseId: string; eventId: string; kind: LetterKind; facts: LetterFacts; issuedBy: string; now: Date },
  ): Promise<unknown>
  issueForEvent(trx: Scoped, event: EventLetter): Promise<unknown>
}

/** Carries a refusal out of the transaction, so that nothing the work wrote before it is kept. */
class StepRefused extends Error {
  readonly result: StepResult
  constructor(result: StepResult) {
    super(result.outcome)
    this.result = result
  }
}

export class CaseKernel {
  private readonly db: OwnerDb
  private readonly clock: Clock
  private readonly letters: CaseLetters

  constructor(deps: { db: OwnerDb; clock: Clock; letters: CaseLetters }) {
    this.db = deps.db
    this.clock = deps.clock
    this.letters = deps.letters
  }

  /**
   * One step an officer takes on a case, all or nothing: the change `work` makes, its entry in the
   * case's timeline, the letter it calls for and its audit record are written in one transaction; when
   * `work` refuses (a refused command, a stale version, nothing found), nothing at all is written. Two
   * officers' steps on the same case run one after the other.
   */
  async recordStep<R extends object = object>(
    actor: Actor,
    reference: string,
    origin: Origin,
    work: (trx: Scoped, officer: Officer, found: FoundCase) => Promise<StepWork<R>>,
  ): Promise<StepResult<R>> {
    const officer = asOfficer(actor)
    if (!officer) return { outcome: 'not_found' }
    try {
      return await asActor(this.db, actor, async (trx) => {
        const found = await findCaseByReference(trx, officer.organisationId, reference)
        if (!found) return { outcome: 'not_found' as const }
        // Steps on one case take turns, so each checks the rules against what the one before it wrote.
        await lockCase(trx, found.id)
        const done = await work(trx, officer, found)
        if (done === 'not_found' || done === 'conflict') throw new StepRefused({ outcome: done })
        if ('refusals' in done) throw new StepRefused({ outcome: 'invalid', refusals: done.refusals })
        await this.record(trx, actor, officer, found, reference, origin, done)
        return { outcome: 'recorded' as const, ...done.result } as StepResult<R>
      })
    } catch (error) {
      if (error instanceof StepRefused) return error.result
      throw error
    }
  }

  private async record(trx: Scoped, actor: Actor, officer: Officer, found: FoundCase, reference: string, origin: Origin, done: StepEvent) {
    const now = this.clock.now()
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
    const issuedBy = officer.userId
    if (done.letter)
      await this.letters.issue(trx, { caseId: found.id, eventId, kind: done.letter.kind, facts: done.letter.facts, issuedBy, now })
    else
      await this.letters.issueForEvent(trx, {
        caseId: found.id,
        eventId,
        kind: done.event,
        occurredOn: done.on,
        details: done.details,
        issuedBy,
        now,
        reasons: done.letterReasons,
        facts: done.letterFacts,
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
  }

  /**
   * A read of a case for an officer: the case their organisation holds, or undefined, as the twin of
   * recordStep. Every read shows a person's record, so every read is audited in the same transaction
   * as the read: by the kernel, as a view of the case naming what was read (`audit.read`), or, where
   * the work records a more precise entry itself (the household, a person's personal details), by the
   * work, which `audit.recordedByWork` says.
   */
  async readCase<T>(
    actor: Actor,
    reference: string,
    audit: CaseReadAudit,
    work: (trx: Scoped, found: FoundCase, officer: Officer) => Promise<T>,
  ): Promise<T | undefined> {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return this.viewCase(officer, reference, async (trx, found) => {
      if ('read' in audit)
        await recordAudit(
          trx,
          officer,
          {
            action: 'view',
            subjectType: 'case',
            subjectId: found.id,
            subjectOrganisationId: found.authority_id,
            details: { reference: found.reference, read: audit.read, people: found.people.map((p) => p.id) },
          },
          audit.origin,
          this.clock.now(),
        )
      return work(trx, found, officer)
    })
  }

  /**
   * A read of a case for anyone who may read cases (an analyst too, who may change none): the case page
   * and its timeline. As with readCase, `work` records the view in the same transaction.
   */
  async viewCase<T>(actor: Actor, reference: string, work: (trx: Scoped, found: FoundCase) => Promise<T>): Promise<T | undefined> {
    const organisationId = actor.organisationId
    if (!may(actor.role, 'case.read') || organisationId === null) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, organisationId, reference)
      return found ? work(trx, found) : undefined
    })
  }

  /**
   * Whether the actor's organisation holds a case of that reference. The API asks before it reads a
   * command, so that a case the caller may not see answers 404 whatever the body says.
   */
  async isHeld(actor: Actor, reference: string): Promise<boolean> {
    if (actor.organisationId === null) return false
    return asActor(this.db, actor, (trx) => caseIsHeld(trx, actor.organisationId, reference))
  }

  /**
   * The officers of the actor's organisation whom a command may name (on a case, or as the maker of a
   * decision under review), for an officer; read as the actor, so only their own organisation's.
   */
  async officers(actor: Actor) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, (trx) => officersOf(trx, officer.organisationId))
  }
}

/** What every service of casework works with: the database, the clock, and the kernel its steps go through. */
export interface CaseServiceDeps extends ServiceDeps {
  cases: CaseKernel
}

/** A service of casework: decisions, the household and assessment, plans, reviews, accommodation. */
export abstract class CaseService extends Service {
  protected readonly cases: CaseKernel

  constructor(deps: CaseServiceDeps) {
    super(deps)
    this.cases = deps.cases
  }
}
