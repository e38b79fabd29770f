import { LocalDate } from '@js-joda/core'
import type { Actor, Scoped } from '../../db/actor.ts'
import {
  mayDecideReview,
  mayRequestReview,
  REVIEWABLE_DECISION_KINDS,
  REVIEWABLE_DECISIONS,
  reviewableDecisionOf,
  reviewDueOn,
  reviewPeriodFor,
  type Check,
  type ReviewableDecision,
  type ReviewDate,
} from '../../domain/reviews.ts'
import { daysUntil, REVIEW_PERIODS, reviewRequestDeadline, type ReviewPeriod } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import { formatDate, humanise } from '../../platform/formatting.ts'
import type { Refusal } from '../../platform/commands.ts'
import { officersOf } from '../case/queries.ts'
import { eventLabel } from '../case/timeline.ts'
import { refused, type FoundCase, type Officer, type StepEvent, type StepResult, CaseService } from '../case/kernel.ts'
import type { DecideReview, RequestReview } from './commands.ts'
import { decisionEventsOfCase, insertReview, recordReviewDecision, reviewsOfCase, type ReviewRow } from './queries.ts'

export type ReviewResult = StepResult<{ reviewId: string }>

/** The timeline events that record a decision the applicant may ask to have reviewed (s202(1)). */
const DECISION_EVENT_KINDS = [
  'no_duty_owed',
  'main_duty_decision',
  'end_main_duty',
  'end_prevention_duty',
  'end_relief_duty',
  'non_cooperation_notice_decided',
] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A choice of decision on the request form: one recorded in the case's timeline, or another s202(1) decision. */
export interface DecisionOption {
  value: string
  text: string
  hint: string
}

/**
 * Reviews of a case's decisions (s202): the applicant's request, accepted only within 21 days of
 * notification or a longer period agreed in writing, and the decision on review by an officer senior
 * to the one who made the original decision. Each change is in the case's timeline and the audit trail.
 */
export class ReviewService extends CaseService {
  /** The case's reviews, open ones with their decision due date. */
  async list(actor: Actor, reference: string) {
    return this.cases.readCase(actor, reference, async (trx, found) => {
      return { found, reviews: (await reviewsOfCase(trx, found.id)).map((row) => this.describe(row)) }
    })
  }

  /** What the request form offers: the case's decisions and the officers who may have made them. */
  async requestForm(actor: Actor, reference: string) {
    return this.cases.readCase(actor, reference, async (trx, found, officer) => {
      return { found, ...(await this.choices(trx, officer, found)) }
    })
  }

  /** One review, and whether this officer may decide it. */
  async review(actor: Actor, reference: string, reviewId: string) {
    if (!UUID.test(reviewId)) return undefined
    return this.cases.readCase(actor, reference, async (trx, found, officer) => {
      const row = (await reviewsOfCase(trx, found.id)).find((r) => r.id === reviewId)
      if (!row) return undefined
      const review = this.describe(row)
      const today = this.clock.today()
      const mayDecide = mayDecideReview(openReviewOf(row), 'upheld', today, officer, today)
      return { found, review, mayDecide: mayDecide.allowed, whyNot: mayDecide.allowed ? undefined : mayDecide.reason }
    })
  }

  /** Records a request for a review (s202). Nothing is saved unless the decision and officer are the case's and the request is in time. */
  async requestReview(actor: Actor, reference: string, command: RequestReview, origin: Origin): Promise<ReviewResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const { events, officers } = await this.choices(trx, officer, found)
      const refusals: Refusal[] = []
      const event = command.decision.startsWith('event:') ? events.find((e) => `event:${e.id}` === command.decision) : undefined
      const decision: ReviewableDecision | undefined = event
        ? event.decision
        : (REVIEWABLE_DECISION_KINDS as string[]).includes(command.decision)
          ? (command.decision as ReviewableDecision)
          : undefined
      if (!decision) refusals.push({ path: 'decision', message: 'Select the decision the applicant wants reviewed' })

      const named = officers.find((o) => o.id === command.originalDecisionBy)
      const original = named ?? (event ? { id: event.recorded_by, role: event.recorded_by_role } : undefined)
      if (command.originalDecisionBy && !named) refusals.push({ path: 'originalDecisionBy', message: 'Select an officer of your council' })
      else if (!original) refusals.push({ path: 'originalDecisionBy', message: 'Select the officer who made the original decision' })

      const period = decision ? reviewPeriodFor(decision, command.reviewer) : undefined
      if (period && 'refused' in period) refusals.push({ path: 'reviewer', message: period.refused })
      if (refusals.length > 0 || !decision || !original || !period || 'refused' in period) return { refusals }

      const notifiedOn = LocalDate.parse(command.notifiedOn)
      const receivedOn = LocalDate.parse(command.receivedOn)
      const extendedTo = command.extendedInWritingTo === undefined ? undefined : LocalDate.parse(command.extendedInWritingTo)
      const check = mayRequestReview(
        {
          decision,
          decisionMadeOn: event ? LocalDate.parse(event.occurred_on) : undefined,
          notifiedOn,
          receivedOn,
          extendedInWritingTo: extendedTo,
          alreadyUnderReview: (await reviewsOfCase(trx, found.id)).some(
            (r) => r.decided_on === null && (event ? r.case_event_id === event.id : r.case_event_id === null && r.decision === decision),
          ),
        },
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      if (!check.allowed) return { refusals: [refusal(check, 'decision')] }
      const due = reviewDueOn({ receivedOn, period: period.period })
      const reviewId = await insertReview(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        decision,
        caseEventId: event?.id ?? null,
        originalDecisionBy: original.id,
        originalDecisionByRole: original.role === 'team_manager' ? 'team_manager' : 'caseworker',
        notifiedOn: notifiedOn.toString(),
        receivedOn: receivedOn.toString(),
        extendedInWritingTo: extendedTo?.toString() ?? null,
        requestedBy: command.requestedBy,
        grounds: command.grounds ?? '',
        reviewer: command.reviewer,
        reviewPeriod: period.period,
        decisionDueOn: due.toString(),
        recordedBy: officer.userId,
      })
      return {
        reviewId,
        event: 'review_requested',
        on: receivedOn.toString(),
        details: { reviewId, decision, period: period.period, decisionDueOn: due.toString(), requestedBy: command.requestedBy },
      }
    })
  }

  /** Records the decision on review, or the applicant's withdrawal of the request. */
  async decideReview(actor: Actor, reference: string, reviewId: string, command: DecideReview, origin: Origin): Promise<ReviewResult> {
    if (!UUID.test(reviewId)) return { outcome: 'not_found' }
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const row = (await reviewsOfCase(trx, found.id)).find((r) => r.id === reviewId)
      if (!row) return 'not_found'
      const { outcome, date: on } = command
      const reasons = command.reasons ?? ''
      const check = mayDecideReview(openReviewOf(row), outcome, LocalDate.parse(on), officer, this.clock.today())
      if (!check.allowed) return { refusals: [refusal(check, 'outcome')] }
      if (!(await recordReviewDecision(trx, row.id, { outcome, decidedOn: on, decidedBy: officer.userId, reasons: reasons || null })))
        return refused('outcome', 'This review has already been decided or withdrawn')
      return {
        reviewId: row.id,
        event: 'review_decided',
        on,
        details: {
          reviewId: row.id,
          decision: row.decision,
          outcome,
          requestedOn: row.received_on,
          reviewedDecision: REVIEWABLE_DECISIONS[row.decision as ReviewableDecision].label,
        },
        letterReasons: reasons,
      }
    })
  }

  private async choices(trx: Scoped, officer: Officer, found: FoundCase) {
    const events = (await decisionEventsOfCase(trx, found.id, DECISION_EVENT_KINDS)).flatMap((e) => {
      const details = e.details
      const decision = reviewableDecisionOf({ kind: e.kind, details })
      return decision ? [{ ...e, decision }] : []
    })
    const options: DecisionOption[] = [
      ...events.map((e) => {
        const details = e.details
        const why =
          typeof details['ground'] === 'string' ? details['ground'] : typeof details['reason'] === 'string' ? details['reason'] : ''
        const owed = typeof details['owed'] === 'boolean' ? (details['owed'] ? 'owed' : 'not owed') : ''
        const what = [eventLabel(e.kind), humanise(why).toLowerCase() || owed].filter(Boolean).join(': ')
        return {
          value: `event:${e.id}`,
          text: `${what}, ${formatDate(e.occurred_on)}`,
          hint: `${REVIEWABLE_DECISIONS[e.decision].label}. Recorded by ${e.recorded_by_name ?? 'another officer'}`,
        }
      }),
      ...REVIEWABLE_DECISION_KINDS.map((kind) => ({
        value: kind,
        text: REVIEWABLE_DECISIONS[kind].label,
        hint: `Section ${REVIEWABLE_DECISIONS[kind].section.slice(1)}: decision due within ${String(weeks(REVIEWABLE_DECISIONS[kind].period))} weeks`,
      })),
    ]
    return { events, options, officers: await officersOf(trx, officer.organisationId) }
  }

  private describe(row: ReviewRow) {
    const today = this.clock.today()
    const due = LocalDate.parse(row.decision_due_on)
    const notified = LocalDate.parse(row.notified_on)
    return {
      ...row,
      decisionLabel: REVIEWABLE_DECISIONS[row.decision as ReviewableDecision].label,
      requestDeadline: reviewRequestDeadline(
        notified,
        row.extended_in_writing_to ? LocalDate.parse(row.extended_in_writing_to) : undefined,
      ).toString(),
      weeks: weeks(row.review_period as ReviewPeriod),
      open: row.decided_on === null,
      daysLeft: daysUntil(today, due),
    }
  }

  /** One change to a case's reviews, as a case step: all or nothing, with its timeline entry, letter and audit record. */
  private async change(
    actor: Actor,
    reference: string,
    origin: Origin,
    work: (
      trx: Scoped,
      officer: Officer,
      found: FoundCase,
    ) => Promise<{ refusals: Refusal[] } | 'not_found' | (StepEvent & { reviewId: string })>,
  ): Promise<ReviewResult> {
    return this.cases.recordStep<{ reviewId: string }>(actor, reference, origin, async (trx, officer, found) => {
      const done = await work(trx, officer, found)
      return typeof done === 'string' || 'refusals' in done || !('reviewId' in done)
        ? done
        : { ...done, result: { reviewId: done.reviewId } }
    })
  }
}

function weeks(period: ReviewPeriod): number {
  return REVIEW_PERIODS[period]
}

function openReviewOf(row: ReviewRow) {
  return {
    receivedOn: LocalDate.parse(row.received_on),
    decidedOn: row.decided_on ? LocalDate.parse(row.decided_on) : undefined,
    originalDecisionBy: {
      userId: row.original_decision_by,
      role: row.original_decision_by_role === 'team_manager' ? ('team_manager' as const) : ('caseworker' as const),
    },
  }
}

/** The command's field each rule's date is about: the decision on review's date is its `date`. */
const PATH_OF: Record<ReviewDate, string> = {
  notifiedOn: 'notifiedOn',
  receivedOn: 'receivedOn',
  extendedInWritingTo: 'extendedInWritingTo',
  decidedOn: 'date',
}

function refusal(check: Extract<Check, { allowed: false }>, otherwise: string): Refusal {
  return { path: check.about ? PATH_OF[check.about] : otherwise, message: check.reason }
}
