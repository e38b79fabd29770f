import { LocalDate } from '@js-joda/core'
import type { Actor, Scoped } from '../../db/actor.ts'
import {
  mayDecideReview,
  mayExtendReviewPeriod,
  mayGiveMindedToNotice,
  mayRecordRepresentations,
  mayRequestReview,
  REVIEWABLE_DECISION_KINDS,
  REVIEWABLE_DECISIONS,
  reviewableDecisionOf,
  reviewDueOn,
  reviewPeriodFor,
  type Check,
  type ReviewableDecision,
  type ReviewDate,
  type ReviewUnderWay,
} from '../../domain/reviews.ts'
import { daysUntil, REVIEW_PERIODS, reviewRequestDeadline, type ReviewPeriod } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import { formatDate, humanise } from '../../platform/formatting.ts'
import type { Refusal } from '../../platform/commands.ts'
import { officersOf } from '../case/queries.ts'
import { findOfficer } from '../case/officers.ts'
import { eventLabel } from '../case/timeline.ts'
import { refused, type FoundCase, type Officer, type StepEvent, type StepResult, CaseService } from '../case/kernel.ts'
import type { DecideReview, ExtendReviewPeriod, GiveMindedToNotice, RecordRepresentations, RequestReview } from './commands.ts'
import {
  decisionEventsOfCase,
  insertReview,
  recordExtension,
  recordMindedToNotice,
  recordRepresentations,
  recordReviewDecision,
  reviewsOfCase,
  type ReviewRow,
} from './queries.ts'

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
  async list(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { origin, read: 'reviews' }, async (trx, found) => {
      return { found, reviews: (await reviewsOfCase(trx, found.id)).map((row) => this.describe(row)) }
    })
  }

  /** What the request form offers: the case's decisions and the officers who may have made them. */
  async requestForm(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { origin, read: 'review_request' }, async (trx, found, officer) => {
      return { found, ...(await this.choices(trx, officer, found)) }
    })
  }

  /** One review, whether this officer may decide it, and which of the steps during a review are still to take. */
  async review(actor: Actor, reference: string, reviewId: string, origin: Origin) {
    if (!UUID.test(reviewId)) return undefined
    return this.cases.readCase(actor, reference, { origin, read: `review:${reviewId}` }, async (trx, found, officer) => {
      const row = (await reviewsOfCase(trx, found.id)).find((r) => r.id === reviewId)
      if (!row) return undefined
      const review = this.describe(row)
      const today = this.clock.today()
      const mayDecide = mayDecideReview(openReviewOf(row), 'upheld', today, officer, today)
      const mindedTo = mayGiveMindedToNotice(underWay(row), today, officer, today)
      return {
        found,
        review,
        mayDecide: mayDecide.allowed,
        whyNot: mayDecide.allowed ? undefined : mayDecide.reason,
        // What the page offers: the notice to the reviewer who may give it, representations once it is given.
        mayGiveMindedToNotice: mindedTo.allowed,
        mindedToWhyNot: mindedTo.allowed || row.minded_to_notified_on ? undefined : mindedTo.reason,
        awaitsRepresentations: review.open && row.minded_to_notified_on !== null && row.representations_received_on === null,
      }
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

      const named = findOfficer(officers, command.originalDecisionBy)
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

  /**
   * The reviewer's notice that, despite a deficiency or irregularity in the original decision, they are
   * minded to decide against the applicant, with their reasons (reg 7(2)): its letter tells the applicant
   * they may make representations orally, in writing or both.
   */
  async giveMindedToNotice(
    actor: Actor,
    reference: string,
    reviewId: string,
    command: GiveMindedToNotice,
    origin: Origin,
  ): Promise<ReviewResult> {
    return this.duringReview(actor, reference, reviewId, origin, async (trx, officer, row) => {
      const review = underWay(row)
      const check = mayGiveMindedToNotice(review, LocalDate.parse(command.date), officer, this.clock.today())
      if (!check.allowed) return { refusals: [refusal(check, '')] }
      if (!(await recordMindedToNotice(trx, row.id, { notifiedOn: command.date, reasons: command.reasons, by: officer.userId })))
        return refused('', 'The applicant has already been told what the reviewer is minded to decide')
      return {
        event: 'review_minded_to_notified',
        on: command.date,
        details: { ...aboutReview(row), decisionDueOn: reviewDueOn(review).toString() },
        letterReasons: command.reasons,
      }
    })
  }

  /** The applicant's representations in answer to the notice (reg 7(2)(b)); a three-week review's period starts again (reg 9(1)(a)). */
  async recordRepresentations(
    actor: Actor,
    reference: string,
    reviewId: string,
    command: RecordRepresentations,
    origin: Origin,
  ): Promise<ReviewResult> {
    return this.duringReview(actor, reference, reviewId, origin, async (trx, _officer, row) => {
      const review = underWay(row)
      const receivedOn = LocalDate.parse(command.receivedOn)
      const check = mayRecordRepresentations(review, receivedOn, this.clock.today())
      if (!check.allowed) return { refusals: [refusal(check, '')] }
      const due = reviewDueOn({ ...review, representationsReceivedOn: receivedOn }).toString()
      const recorded = await recordRepresentations(trx, row.id, {
        receivedOn: command.receivedOn,
        means: command.means,
        // A summary of nothing but spaces is none.
        summary: command.summary === undefined || command.summary === '' ? null : command.summary,
        decisionDueOn: due,
      })
      if (!recorded) return refused('', 'The applicant’s representations have already been recorded')
      return {
        event: 'review_representations_received',
        on: command.receivedOn,
        details: { ...aboutReview(row), means: command.means, decisionDueOn: due, previouslyDueOn: row.decision_due_on },
      }
    })
  }

  /** A longer period for the decision on review, agreed in writing by the applicant and the reviewer (reg 9(1)). */
  async extendReviewPeriod(
    actor: Actor,
    reference: string,
    reviewId: string,
    command: ExtendReviewPeriod,
    origin: Origin,
  ): Promise<ReviewResult> {
    return this.duringReview(actor, reference, reviewId, origin, async (trx, _officer, row) => {
      const review = underWay(row)
      const extendedTo = LocalDate.parse(command.extendedTo)
      const check = mayExtendReviewPeriod(review, LocalDate.parse(command.agreedOn), extendedTo, this.clock.today())
      if (!check.allowed) return { refusals: [refusal(check, '')] }
      const due = reviewDueOn({ ...review, extendedTo }).toString()
      if (!(await recordExtension(trx, row.id, { agreedOn: command.agreedOn, extendedTo: command.extendedTo, decisionDueOn: due })))
        return refused('', 'This review has already been decided or withdrawn')
      return {
        event: 'review_period_extended',
        on: command.agreedOn,
        details: { ...aboutReview(row), decisionDueOn: due, previouslyDueOn: row.decision_due_on },
      }
    })
  }

  /** A step on one open review of the case, as a case step: the review found, or not found. */
  private async duringReview(
    actor: Actor,
    reference: string,
    reviewId: string,
    origin: Origin,
    work: (trx: Scoped, officer: Officer, row: ReviewRow) => Promise<{ refusals: Refusal[] } | StepEvent>,
  ): Promise<ReviewResult> {
    if (!UUID.test(reviewId)) return { outcome: 'not_found' }
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const row = (await reviewsOfCase(trx, found.id)).find((r) => r.id === reviewId)
      if (!row) return 'not_found'
      const done = await work(trx, officer, row)
      return 'refusals' in done ? done : { ...done, reviewId: row.id }
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
      // Only a three-week review's period starts again from the representations (reg 9(1)(a)).
      restartsOnRepresentations: row.review_period === 'prevention_stage',
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

/** The review as the rules for the steps during it read it. */
function underWay(row: ReviewRow): ReviewUnderWay {
  const date = (value: string | null) => (value === null ? undefined : LocalDate.parse(value))
  return {
    ...openReviewOf(row),
    period: row.review_period as ReviewPeriod,
    mindedToNotifiedOn: date(row.minded_to_notified_on),
    representationsReceivedOn: date(row.representations_received_on),
    extendedTo: date(row.extended_to),
  }
}

/** What a step during a review says about the review, for the timeline and the letter. */
function aboutReview(row: ReviewRow) {
  return {
    reviewId: row.id,
    decision: row.decision,
    requestedOn: row.received_on,
    reviewedDecision: REVIEWABLE_DECISIONS[row.decision as ReviewableDecision].label,
  }
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

/** The command's field each rule's date is about: the decision's and the notice's date are each their command's `date`. */
const PATH_OF: Record<ReviewDate, string> = {
  notifiedOn: 'notifiedOn',
  receivedOn: 'receivedOn',
  extendedInWritingTo: 'extendedInWritingTo',
  decidedOn: 'date',
  mindedToNotifiedOn: 'date',
  representationsReceivedOn: 'receivedOn',
  extensionAgreedOn: 'agreedOn',
  extendedTo: 'extendedTo',
}

function refusal(check: Extract<Check, { allowed: false }>, otherwise: string): Refusal {
  return { path: check.about ? PATH_OF[check.about] : otherwise, message: check.reason }
}
