import { LocalDate } from '@js-joda/core'
import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import {
  mayDecideReview,
  mayRequestReview,
  REQUESTERS,
  REVIEW_OUTCOMES,
  REVIEWABLE_DECISION_KINDS,
  REVIEWABLE_DECISIONS,
  reviewableDecisionOf,
  reviewDueOn,
  reviewPeriodFor,
  REVIEWERS,
  type Check,
  type ReviewableDecision,
  type ReviewDate,
} from '../../domain/reviews.ts'
import { daysUntil, REVIEW_PERIODS, reviewRequestDeadline, type ReviewPeriod } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { parseNamedDateInput } from '../../platform/date-input.ts'
import { formatDate, humanise } from '../../platform/formatting.ts'
import { type FormError, formText, oneOf } from '../../platform/forms.ts'
import { findCaseByReference, officersOf } from '../casework/queries.ts'
import { eventLabel } from '../casework/timeline.ts'
import { asOfficer, recordCaseStep, type FoundCase, type Officer, type StepEvent, type StepResult } from '../casework/case-step.ts'
import { decisionEventsOfCase, insertReview, recordReviewDecision, reviewsOfCase, type ReviewRow } from './queries.ts'
import type { OwnerDb } from '../../db/modes.ts'

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

const TEXT_LIMIT = 4000
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
export class ReviewService {
  private readonly db: OwnerDb
  private readonly clock: Clock

  constructor(deps: { db: OwnerDb; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The case's reviews, open ones with their decision due date. */
  async list(actor: Actor, reference: string) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
      return { found, reviews: (await reviewsOfCase(trx, found.id)).map((row) => this.describe(row)) }
    })
  }

  /** What the request form offers: the case's decisions and the officers who may have made them. */
  async requestForm(actor: Actor, reference: string) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
      return { found, ...(await this.choices(trx, officer, found)) }
    })
  }

  /** One review, and whether this officer may decide it. */
  async review(actor: Actor, reference: string, reviewId: string) {
    const officer = asOfficer(actor)
    if (!officer || !UUID.test(reviewId)) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
      const row = (await reviewsOfCase(trx, found.id)).find((r) => r.id === reviewId)
      if (!row) return undefined
      const review = this.describe(row)
      const today = this.clock.today()
      const mayDecide = mayDecideReview(openReviewOf(row), 'upheld', today, officer, today)
      return { found, review, mayDecide: mayDecide.allowed, whyNot: mayDecide.allowed ? undefined : mayDecide.reason }
    })
  }

  /** Records a request for a review (s202). Nothing is saved unless every field is right and the request is in time. */
  async requestReview(actor: Actor, reference: string, input: Record<string, unknown>, origin: Origin): Promise<ReviewResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const { events, officers } = await this.choices(trx, officer, found)
      const errors: FormError[] = []
      const chosen = formText(input['decision'])
      const event = chosen.startsWith('event:') ? events.find((e) => `event:${e.id}` === chosen) : undefined
      const decision: ReviewableDecision | undefined = event
        ? event.decision
        : (REVIEWABLE_DECISION_KINDS as string[]).includes(chosen)
          ? (chosen as ReviewableDecision)
          : undefined
      if (!decision) errors.push({ href: '#decision', text: 'Select the decision the applicant wants reviewed' })

      const byId = formText(input['originalDecisionBy'])
      const named = officers.find((o) => o.id === byId)
      const original = named ?? (event ? { id: event.recorded_by, role: event.recorded_by_role } : undefined)
      if (byId && !named) errors.push({ href: '#originalDecisionBy', text: 'Select an officer of your council' })
      else if (!original) errors.push({ href: '#originalDecisionBy', text: 'Select the officer who made the original decision' })

      const notified = parseNamedDateInput(input, 'notifiedOn', 'Date the applicant was notified of the decision')
      if ('error' in notified) errors.push({ href: '#notifiedOn-day', text: notified.error })
      const received = parseNamedDateInput(input, 'receivedOn', 'Date the request was received')
      if ('error' in received) errors.push({ href: '#receivedOn-day', text: received.error })
      const extended = optionalDateOf(input, 'extendedInWritingTo', 'End of the longer period agreed in writing')
      if (extended && 'error' in extended) errors.push({ href: '#extendedInWritingTo-day', text: extended.error })

      const requestedBy = oneOf(REQUESTERS, input['requestedBy'])
      if (!requestedBy) errors.push({ href: '#requestedBy', text: 'Select who asked for the review' })
      const grounds = formText(input['grounds'])
      if (grounds.length > TEXT_LIMIT)
        errors.push({ href: '#grounds', text: `The grounds must be ${String(TEXT_LIMIT)} characters or fewer` })
      const reviewer = oneOf(REVIEWERS, input['reviewer'] ?? 'authority')
      if (!reviewer) errors.push({ href: '#reviewer', text: 'Select who carries out the review' })
      const period = decision && reviewer ? reviewPeriodFor(decision, reviewer) : undefined
      if (period && 'refused' in period) errors.push({ href: '#reviewer', text: period.refused })

      if (
        errors.length > 0 ||
        !decision ||
        !original ||
        'error' in notified ||
        'error' in received ||
        (extended && 'error' in extended) ||
        !requestedBy ||
        !reviewer ||
        !period ||
        'refused' in period
      )
        return { errors }

      const extendedTo = extended && 'date' in extended ? extended.date : undefined
      const check = mayRequestReview(
        {
          decision,
          decisionMadeOn: event ? LocalDate.parse(event.occurred_on) : undefined,
          notifiedOn: notified.date,
          receivedOn: received.date,
          extendedInWritingTo: extendedTo,
          alreadyUnderReview: (await reviewsOfCase(trx, found.id)).some(
            (r) => r.decided_on === null && (event ? r.case_event_id === event.id : r.case_event_id === null && r.decision === decision),
          ),
        },
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      if (!check.allowed) return { errors: [refusal(check)] }
      const due = reviewDueOn({ receivedOn: received.date, period: period.period })
      const reviewId = await insertReview(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        decision,
        caseEventId: event?.id ?? null,
        originalDecisionBy: original.id,
        originalDecisionByRole: original.role === 'team_manager' ? 'team_manager' : 'caseworker',
        notifiedOn: notified.date.toString(),
        receivedOn: received.date.toString(),
        extendedInWritingTo: extendedTo?.toString() ?? null,
        requestedBy,
        grounds,
        reviewer,
        reviewPeriod: period.period,
        decisionDueOn: due.toString(),
        recordedBy: officer.userId,
      })
      return {
        reviewId,
        event: 'review_requested',
        on: received.date.toString(),
        details: { reviewId, decision, period: period.period, decisionDueOn: due.toString(), requestedBy },
      }
    })
  }

  /** Records the decision on review, or the applicant's withdrawal of the request. */
  async decideReview(
    actor: Actor,
    reference: string,
    reviewId: string,
    input: Record<string, unknown>,
    origin: Origin,
  ): Promise<ReviewResult> {
    if (!UUID.test(reviewId)) return { outcome: 'not_found' }
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const row = (await reviewsOfCase(trx, found.id)).find((r) => r.id === reviewId)
      if (!row) return 'not_found'
      const errors: FormError[] = []
      const outcome = oneOf(REVIEW_OUTCOMES, input['outcome'])
      if (!outcome) errors.push({ href: '#outcome', text: 'Select the decision on review' })
      const reasons = formText(input['reasons'])
      if (!reasons && outcome !== 'withdrawn') errors.push({ href: '#reasons', text: 'Enter the reasons for the decision on review' })
      else if (reasons.length > TEXT_LIMIT)
        errors.push({ href: '#reasons', text: `The reasons must be ${String(TEXT_LIMIT)} characters or fewer` })
      const decided = parseNamedDateInput(input, 'decidedOn', 'Date of the decision')
      if ('error' in decided) errors.push({ href: '#decidedOn-day', text: decided.error })
      if (errors.length > 0 || !outcome || 'error' in decided) return { errors }
      const check = mayDecideReview(openReviewOf(row), outcome, decided.date, officer, this.clock.today())
      if (!check.allowed) return { errors: [refusal(check, '#outcome')] }
      const on = decided.date.toString()
      if (!(await recordReviewDecision(trx, row.id, { outcome, decidedOn: on, decidedBy: officer.userId, reasons: reasons || null })))
        return { errors: [{ href: '#outcome', text: 'This review has already been decided or withdrawn' }] }
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
    ) => Promise<{ errors: FormError[] } | 'not_found' | (StepEvent & { reviewId: string })>,
  ): Promise<ReviewResult> {
    return recordCaseStep<{ reviewId: string }>(
      { db: this.db, clock: this.clock },
      actor,
      reference,
      origin,
      async (trx, officer, found) => {
        const done = await work(trx, officer, found)
        return typeof done === 'string' || 'errors' in done || !('reviewId' in done)
          ? done
          : { ...done, result: { reviewId: done.reviewId } }
      },
    )
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

const FIELD_OF: Record<ReviewDate, string> = {
  notifiedOn: '#notifiedOn-day',
  receivedOn: '#receivedOn-day',
  extendedInWritingTo: '#extendedInWritingTo-day',
  decidedOn: '#decidedOn-day',
}

function refusal(check: Extract<Check, { allowed: false }>, otherwise = '#decision'): FormError {
  return { href: check.about ? FIELD_OF[check.about] : otherwise, text: check.reason }
}

/** An optional date input: all three parts blank means none was given. */
function optionalDateOf(input: Record<string, unknown>, prefix: string, label: string) {
  const blank = ['day', 'month', 'year'].every((part) => formText(input[`${prefix}-${part}`]) === '')
  return blank ? undefined : parseNamedDateInput(input, prefix, label)
}
