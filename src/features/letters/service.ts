import { LocalDate } from '@js-joda/core'
import { Service } from '../../platform/service.ts'
import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import {
  findingsWording,
  groundWording,
  isLetterKind,
  letterKindForEvent,
  LETTER_DEFINITIONS,
  REVIEW_OUTCOMES,
  wordingFor,
  type LetterFacts,
  type LetterKind,
} from '../../domain/letters.ts'
import { lastDayOfPeriod, preventionPeriodEnds, reliefPeriodEnds } from '../../domain/statutory-dates.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import { londonDateOf } from '../../platform/clock.ts'
import { addCaseEvent } from '../case/queries.ts'
import type { CaseLetters, EventLetter } from '../case/kernel.ts'
import type { Refusal } from '../../platform/commands.ts'
import { REASONS_LIMIT, type IssueEventLetter } from './commands.ts'
import {
  caseByReference,
  eventsWithLetterCounts,
  insertLetter,
  latestWarning,
  letterheadOfCase,
  letterOfCase,
  lettersOfCase,
} from './queries.ts'
import { renderLetter } from './render.ts'
import { may } from '../../platform/permissions.ts'

export interface IssueLetter {
  caseId: string
  kind: LetterKind
  facts: LetterFacts
  issuedBy: string
  now: Date
  /** The timeline event the letter notifies, where there is one. */
  eventId?: string | null | undefined
  /** The letter this one corrects: letters are never changed, a correction is a new letter. */
  replacesLetterId?: string | null | undefined
}

/**
 * Renders a letter from its template and keeps it on the case exactly as issued. Call it inside the
 * transaction that records the decision, so a decision never stands without its letter.
 */
export async function issueLetter(trx: Scoped, input: IssueLetter): Promise<{ id: string }> {
  const head = await letterheadOfCase(trx, input.caseId)
  if (!head) throw new Error('a letter needs a case the actor can see')
  const letterDate = londonDateOf(input.now)
  const facts = withoutUndefined(input.facts)
  const wording = wordingFor(input.kind, facts, letterDate)
  const decidedOn = LocalDate.parse(input.facts.decidedOn)
  const context = {
    ...facts,
    council: head.authority_name,
    reference: head.reference,
    officer: head.officer_name,
    addressee: `${head.given_name} ${head.family_name}`,
    letterDate: letterDate.toString(),
    title: wording.title,
    givenUnder: wording.givenUnder,
    ground: groundWording(facts['ground'] ?? facts['reason']),
    findings: findingsWording(input.facts),
    reasonCode: facts['reason'],
    periodEnds: periodEndsFor(input.kind, decidedOn, input.facts)?.toString(),
    review:
      wording.reviewRight && wording.reviewRequestBy
        ? {
            provision: wording.reviewRight.provision,
            what: wording.reviewRight.what,
            by: wording.reviewRequestBy.toString(),
            weeks: wording.reviewWeeks,
          }
        : undefined,
    appealBy: wording.appealBy?.toString(),
  }
  const { html, text } = renderLetter(input.kind, context)
  const id = await insertLetter(trx, {
    caseId: head.id,
    authorityId: head.authority_id,
    providerId: head.provider_organisation_id,
    eventId: input.eventId ?? null,
    replacesLetterId: input.replacesLetterId ?? null,
    kind: input.kind,
    templateVersion: wording.templateVersion,
    title: wording.title,
    issuedOn: letterDate.toString(),
    decidedOn: decidedOn.toString(),
    reviewRequestBy: wording.reviewRequestBy?.toString() ?? null,
    issuedAt: input.now,
    issuedBy: input.issuedBy,
    facts,
    html,
    text,
  })
  return { id }
}

/** The end of the period a letter names: the duty's 56 days, or a warning's reasonable period. */
function periodEndsFor(kind: LetterKind, decidedOn: LocalDate, facts: LetterFacts): LocalDate | undefined {
  switch (kind) {
    case 'prevention_duty_owed':
      return preventionPeriodEnds(decidedOn)
    case 'relief_duty_owed':
      return reliefPeriodEnds(decidedOn)
    case 'non_cooperation_warning':
      return facts.reasonablePeriodDays ? lastDayOfPeriod(decidedOn, facts.reasonablePeriodDays) : undefined
    default:
      return undefined
  }
}

export interface CaseEventForLetter extends EventLetter {
  replacesLetterId?: string | undefined
}

/**
 * Issues the letter a recorded case event calls for, if it calls for one. Casework calls this in the
 * same transaction as the event itself; the letters page calls it for an event that has none yet.
 */
export async function issueLetterForEvent(trx: Scoped, event: CaseEventForLetter): Promise<{ id: string } | undefined> {
  const kind = letterKindForEvent({ kind: event.kind, details: event.details })
  if (!kind) return undefined
  const facts: LetterFacts = {
    decidedOn: event.occurredOn,
    ground: stringOf(event.details['ground']),
    reason: stringOf(event.details['reason']),
    duty: stringOf(event.details['duty']),
    accommodationOutcome: stringOf(event.details['accommodationOutcome']),
    reasons: reasonsOf(event.reasons),
    fromPrevention: event.kind === 'became_homeless' ? true : undefined,
    // A review decision's event carries what was reviewed and what the review decided.
    requestedOn: stringOf(event.details['requestedOn']),
    reviewedDecision: stringOf(event.details['reviewedDecision']),
    outcome: stringOf(event.details['outcome']),
    // What a relief or main duty decision found about priority need and intentionality (s184(3)).
    priorityNeed: stringOf(event.details['priorityNeed']),
    intentionality: stringOf(event.details['intentionality']),
    reliefEnded: stringOf(event.details['reliefEnded']),
    ...event.facts,
  }
  if (kind === 'non_cooperation_warning' || kind === 'non_cooperation_notice') {
    const warning = await latestWarning(trx, event.caseId, facts.duty)
    if (warning) {
      facts.duty = warning.duty
      facts.stepRefused = warning.step_refused
      facts.reasonablePeriodDays = warning.reasonable_period_days
      facts.warnedOn = warning.warned_on
      facts.noticeDecidedOn = warning.notice_decided_on ?? undefined
      facts.noticeReasons = warning.notice_reasons ?? undefined
    }
  }
  return issueLetter(trx, {
    caseId: event.caseId,
    kind,
    facts,
    issuedBy: event.issuedBy,
    now: event.now,
    eventId: event.eventId,
    replacesLetterId: event.replacesLetterId,
  })
}

/** How the case kernel issues the letter a step calls for, in the step's transaction. */
export const caseLetters: CaseLetters = { issue: issueLetter, issueForEvent: issueLetterForEvent }

function reasonsOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  return text === '' ? undefined : text.slice(0, REASONS_LIMIT)
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function withoutUndefined(facts: LetterFacts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined))
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type IssueResult = { outcome: 'issued'; id: string } | { outcome: 'invalid'; refusals: Refusal[] } | { outcome: 'not_found' }

const invalid = (path: string, message: string) => ({ outcome: 'invalid' as const, refusals: [{ path, message }] })

/** The letters of a case: reading them (each one audited), and issuing one for an event that has none. */
export class LettersService extends Service {
  /** The case's letters, and its events that call for a letter but have none. */
  async ofCase(actor: Actor, reference: string) {
    if (actor.kind !== 'user' || !may(actor.role, 'case.read')) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await caseByReference(trx, actor.organisationId, reference)
      if (!found) return undefined
      const events = await eventsWithLetterCounts(trx, found.id)
      return {
        reference: found.reference,
        letters: await lettersOfCase(trx, found.id),
        withoutLetter: events
          .map((event) => ({ ...event, letterKind: letterKindForEvent({ kind: event.kind, details: event.details }) }))
          .filter((event) => event.letterKind !== undefined && Number(event.letters) === 0)
          .map((event) => ({ ...event, title: event.letterKind ? LETTER_DEFINITIONS[event.letterKind].title : '' })),
        mayIssue: may(actor.role, 'case.change'),
      }
    })
  }

  /** One letter. It holds the applicant's personal details, so reading it is audited in the same transaction. */
  async read(actor: Actor, reference: string, letterId: string, origin: Origin) {
    if (actor.kind !== 'user' || !may(actor.role, 'case.read') || !UUID.test(letterId)) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await caseByReference(trx, actor.organisationId, reference)
      if (!found) return undefined
      const letter = await letterOfCase(trx, found.id, letterId)
      if (!letter) return undefined
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'case_letter',
          subjectId: letter.id,
          subjectOrganisationId: letter.authority_id,
          details: { reference: found.reference, kind: letter.kind },
        },
        origin,
        this.clock.now(),
      )
      return { ...letter, reference: found.reference, mayIssue: may(actor.role, 'case.change') }
    })
  }

  /**
   * Issues the letter for a timeline event that has none (a decision recorded before letters existed),
   * or a corrected letter replacing one already issued for it. The officer may add their reasons.
   */
  async issueForEvent(actor: Actor, reference: string, command: IssueEventLetter, origin: Origin): Promise<IssueResult> {
    if (actor.kind !== 'user' || !may(actor.role, 'case.change')) return { outcome: 'not_found' }
    return asActor(this.db, actor, async (trx) => {
      const found = await caseByReference(trx, actor.organisationId, reference)
      if (!found) return { outcome: 'not_found' as const }
      const events = await eventsWithLetterCounts(trx, found.id)
      const event = events.find((e) => e.id === command.eventId)
      const kind = event ? letterKindForEvent({ kind: event.kind, details: event.details }) : undefined
      if (!event || !kind) return invalid('eventId', 'Select a decision that needs a letter')
      const replaces = command.replacesLetterId
      if (replaces) {
        const old = await letterOfCase(trx, found.id, replaces)
        if (old?.event_id !== event.id) return invalid('eventId', 'The letter to correct is not a letter for this decision')
      } else if (Number(event.letters) > 0) {
        return invalid('eventId', 'This decision already has a letter: open it to issue a corrected one')
      }
      const now = this.clock.now()
      const issued = await issueLetterForEvent(trx, {
        caseId: found.id,
        eventId: event.id,
        kind: event.kind,
        occurredOn: event.occurred_on,
        details: event.details,
        issuedBy: actor.userId,
        now,
        reasons: command.reasons,
        replacesLetterId: replaces,
      })
      if (!issued) return invalid('eventId', 'Select a decision that needs a letter')
      await addCaseEvent(
        trx,
        {
          caseId: found.id,
          authorityId: found.authority_id,
          providerId: found.provider_organisation_id,
          kind: 'letter_issued',
          occurredOn: this.clock.today().toString(),
          recordedBy: actor.userId,
          details: { letterKind: kind, letterId: issued.id, ...(replaces ? { replaces } : {}) },
        },
        now,
      )
      await recordAudit(
        trx,
        actor,
        {
          action: 'create',
          subjectType: 'case_letter',
          subjectId: issued.id,
          subjectOrganisationId: found.authority_id,
          details: { reference: found.reference, kind, eventId: event.id, ...(replaces ? { replaces } : {}) },
        },
        origin,
        now,
      )
      return { outcome: 'issued' as const, id: issued.id }
    })
  }
}

/** For the reviews feature: the facts a review decision letter needs, checked. */
export function reviewDecisionFacts(input: {
  requestedOn: LocalDate
  decidedOn: LocalDate
  reviewedDecision: string
  outcome: string
  reasons: string
}): LetterFacts {
  if (!(REVIEW_OUTCOMES as readonly string[]).includes(input.outcome)) throw new RangeError(`unknown review outcome ${input.outcome}`)
  return {
    requestedOn: input.requestedOn.toString(),
    decidedOn: input.decidedOn.toString(),
    reviewedDecision: input.reviewedDecision,
    outcome: input.outcome,
    reasons: input.reasons,
  }
}

export { isLetterKind }
