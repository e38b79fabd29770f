import { sql } from 'kysely'
import type { Scoped } from '../../db/actor.ts'

/**
 * Reviews (s202) of a case's decisions. Every query runs inside asActor(), so row-level security
 * already limits it to the actor's organisation.
 */

/** The case's reviews, newest request first, with the names of the officers involved. */
export async function reviewsOfCase(trx: Scoped, caseId: string) {
  return trx
    .selectFrom('reviews as r')
    .leftJoin('users as original', 'original.id', 'r.original_decision_by')
    .leftJoin('users as decider', 'decider.id', 'r.decided_by')
    .leftJoin('users as minded', 'minded.id', 'r.minded_to_by')
    .where('r.case_id', '=', caseId)
    .selectAll('r')
    .select([
      'original.display_name as original_decision_by_name',
      'decider.display_name as decided_by_name',
      'minded.display_name as minded_to_by_name',
    ])
    .orderBy('r.received_on', 'desc')
    .execute()
}

export type ReviewRow = Awaited<ReturnType<typeof reviewsOfCase>>[number]

/** The timeline events that may be reviewable decisions, newest first. */
export async function decisionEventsOfCase(trx: Scoped, caseId: string, kinds: readonly string[]) {
  return trx
    .selectFrom('case_events as e')
    .leftJoin('users as recorder', 'recorder.id', 'e.recorded_by')
    .where('e.case_id', '=', caseId)
    .where('e.kind', 'in', kinds)
    .select([
      'e.id',
      'e.kind',
      'e.occurred_on',
      'e.details',
      'e.recorded_by',
      'recorder.display_name as recorded_by_name',
      'recorder.role as recorded_by_role',
    ])
    .orderBy('e.recorded_at', 'desc')
    .execute()
}

/** The open reviews of the given cases, for their "what is due" lists. */
export async function openReviewsOfCases(trx: Scoped, caseIds: readonly string[]) {
  if (caseIds.length === 0) return []
  return (
    trx
      .selectFrom('reviews')
      // One array parameter, however many cases: a list of thousands would pass PostgreSQL's parameter limit.
      .where('case_id', '=', sql<string>`any(${[...caseIds]}::uuid[])`)
      .where('decided_on', 'is', null)
      .select(['case_id', 'decision', 'received_on', 'review_period', 'representations_received_on', 'extended_to'])
      .execute()
  )
}

export async function insertReview(
  trx: Scoped,
  review: {
    caseId: string
    authorityId: string
    providerId: string | null
    decision: string
    caseEventId: string | null
    originalDecisionBy: string
    originalDecisionByRole: string
    notifiedOn: string
    receivedOn: string
    extendedInWritingTo: string | null
    requestedBy: string
    grounds: string
    reviewer: string
    reviewPeriod: string
    decisionDueOn: string
    recordedBy: string
  },
): Promise<string> {
  const inserted = await trx
    .insertInto('reviews')
    .values({
      case_id: review.caseId,
      authority_id: review.authorityId,
      provider_organisation_id: review.providerId,
      decision: review.decision,
      case_event_id: review.caseEventId,
      original_decision_by: review.originalDecisionBy,
      original_decision_by_role: review.originalDecisionByRole,
      notified_on: review.notifiedOn,
      received_on: review.receivedOn,
      extended_in_writing_to: review.extendedInWritingTo,
      requested_by: review.requestedBy,
      grounds: review.grounds,
      reviewer: review.reviewer,
      review_period: review.reviewPeriod,
      decision_due_on: review.decisionDueOn,
      recorded_by: review.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** Records the decision on review once: false when another officer recorded one first. */
export async function recordReviewDecision(
  trx: Scoped,
  reviewId: string,
  decision: { outcome: string; decidedOn: string; decidedBy: string; reasons: string | null },
): Promise<boolean> {
  const changed = await trx
    .updateTable('reviews')
    .set({ outcome: decision.outcome, decided_on: decision.decidedOn, decided_by: decision.decidedBy, reasons: decision.reasons })
    .where('id', '=', reviewId)
    .where('decided_on', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

/** Records the reviewer's "minded to" notice once (reg 7(2)): false when one was recorded first. */
export async function recordMindedToNotice(
  trx: Scoped,
  reviewId: string,
  notice: { notifiedOn: string; reasons: string; by: string },
): Promise<boolean> {
  const changed = await trx
    .updateTable('reviews')
    .set({ minded_to_notified_on: notice.notifiedOn, minded_to_reasons: notice.reasons, minded_to_by: notice.by })
    .where('id', '=', reviewId)
    .where('decided_on', 'is', null)
    .where('minded_to_notified_on', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

/** Records the applicant's representations once (reg 7(2)(b)), with the day the decision is then due (reg 9(1)(a)). */
export async function recordRepresentations(
  trx: Scoped,
  reviewId: string,
  representations: { receivedOn: string; means: string; summary: string | null; decisionDueOn: string },
): Promise<boolean> {
  const changed = await trx
    .updateTable('reviews')
    .set({
      representations_received_on: representations.receivedOn,
      representations_means: representations.means,
      representations_summary: representations.summary,
      decision_due_on: representations.decisionDueOn,
    })
    .where('id', '=', reviewId)
    .where('decided_on', 'is', null)
    .where('representations_received_on', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}

/** Records a longer period for the decision agreed in writing (reg 9(1)); a later agreement replaces an earlier one. */
export async function recordExtension(
  trx: Scoped,
  reviewId: string,
  extension: { agreedOn: string; extendedTo: string; decisionDueOn: string },
): Promise<boolean> {
  const changed = await trx
    .updateTable('reviews')
    .set({ extension_agreed_on: extension.agreedOn, extended_to: extension.extendedTo, decision_due_on: extension.decisionDueOn })
    .where('id', '=', reviewId)
    .where('decided_on', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return changed !== undefined
}
