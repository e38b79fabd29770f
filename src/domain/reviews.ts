import type { LocalDate } from '@js-joda/core'
import { SENIORITY, type OfficerRole } from './non-cooperation.ts'
import { lastDayOfPeriod, reviewDecisionDue, reviewRequestDeadline, type ReviewPeriod } from './statutory-dates.ts'

/**
 * Reviews (Housing Act 1996 s202-s203 and the Homelessness (Review Procedure etc.) Regulations 2018):
 * an applicant may ask the authority to review a reviewable decision within 21 days of being notified
 * of it (or a longer period the authority agree in writing); the authority must then notify the
 * decision on review within 3, 8, 10 or 12 weeks of the request, depending on the decision reviewed
 * (reg 9). An officer who reviews must not have been involved in the original decision and must be
 * senior to the officer who made it (the rule of the 1999 Review Regulations, reg 2, kept in 2018).
 */

/** The decisions s202(1) makes reviewable, in the Act's order, with the period reg 9 gives each. */
export const REVIEWABLE_DECISIONS = {
  eligibility: { section: 's202(1)(a)', label: 'Eligibility for assistance', period: 'standard' },
  duty_owed: {
    section: 's202(1)(b)',
    label: 'What duty, if any, is owed (for example no duty owed, the main housing duty decision or its end)',
    period: 'standard',
  },
  relief_steps: {
    section: 's202(1)(ba)(i)',
    label: 'Steps the council are to take to relieve homelessness (section 189B(2))',
    period: 'prevention_stage',
  },
  relief_duty_ended: { section: 's202(1)(ba)(ii)', label: 'Notice ending the relief duty (section 189B(5))', period: 'standard' },
  non_cooperation_prevention: {
    section: 's202(1)(bb)',
    label: 'Non-cooperation notice ending the prevention duty (section 193B(2))',
    period: 'prevention_stage',
  },
  non_cooperation_relief: {
    section: 's202(1)(bb)',
    label: 'Non-cooperation notice ending the relief duty (section 193B(2))',
    period: 'standard',
  },
  prevention_steps: {
    section: 's202(1)(bc)(i)',
    label: 'Steps the council are to take to prevent homelessness (section 195(2)), in the personalised housing plan',
    period: 'prevention_stage',
  },
  prevention_duty_ended: {
    section: 's202(1)(bc)(ii)',
    label: 'Notice ending the prevention duty (section 195(5))',
    period: 'prevention_stage',
  },
  local_connection_notification: {
    section: 's202(1)(c)',
    label: 'Decision to notify another authority for a local connection referral (section 198(1))',
    period: 'standard',
  },
  local_connection_conditions: {
    section: 's202(1)(d)',
    label: 'Whether the conditions for a local connection referral are met (section 198(5))',
    period: 'standard',
  },
  duty_pending_referral: {
    section: 's202(1)(e)',
    label: 'Duty owed while a referral is considered (section 200(3) or (4))',
    period: 'standard',
  },
  suitability_of_accommodation: {
    section: 's202(1)(f)',
    label: 'Suitability of accommodation offered in performance of a duty (including a final Part 6 offer, section 193(7))',
    period: 'standard',
  },
  suitability_of_final_offer: {
    section: 's202(1)(g)-(h)',
    label: 'Suitability of a private rented sector offer or a final accommodation offer',
    period: 'standard',
  },
} as const satisfies Record<string, { section: string; label: string; period: ReviewPeriod }>

export type ReviewableDecision = keyof typeof REVIEWABLE_DECISIONS
export const REVIEWABLE_DECISION_KINDS = Object.keys(REVIEWABLE_DECISIONS) as ReviewableDecision[]

/**
 * Who carries out the review. Only a review of whether the conditions for referral are met
 * (s202(1)(d)) may be carried out jointly by the notifying and notified authorities (ten weeks) or by
 * a person appointed when they cannot agree (reg 6, twelve weeks).
 */
export const REVIEWERS = ['authority', 'notifying_and_notified_authorities', 'appointed_person'] as const
export type Reviewer = (typeof REVIEWERS)[number]

export const REQUESTERS = ['applicant', 'representative'] as const

export const REVIEW_OUTCOMES = ['upheld', 'varied', 'overturned', 'withdrawn'] as const
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]

/**
 * How the applicant made representations to the reviewer after a "minded to" notice: reg 7(2)(b) lets
 * them, or someone on their behalf, make them orally, in writing, or both.
 */
export const REPRESENTATION_MEANS = ['orally', 'in_writing', 'orally_and_in_writing'] as const
export type RepresentationMeans = (typeof REPRESENTATION_MEANS)[number]

/** A rule's verdict; a refusal names the date it is about, so a form can put the message by that field. */
export type Check = { allowed: true } | { allowed: false; reason: string; about?: ReviewDate | undefined }
export type ReviewDate =
  | 'notifiedOn'
  | 'receivedOn'
  | 'extendedInWritingTo'
  | 'decidedOn'
  | 'mindedToNotifiedOn'
  | 'representationsReceivedOn'
  | 'extensionAgreedOn'
  | 'extendedTo'
const allowed: Check = { allowed: true }
const refuse = (reason: string, about?: ReviewDate): Check => ({ allowed: false, reason, about })

/**
 * Which reviewable decision a timeline event is, so the officer picks the decision rather than its
 * section. Events that are not reviewable decisions (an approach recorded, a reassignment) give none.
 */
export function reviewableDecisionOf(event: { kind: string; details: Record<string, unknown> }): ReviewableDecision | undefined {
  switch (event.kind) {
    case 'no_duty_owed':
      return event.details['reason'] === 'not_eligible' ? 'eligibility' : 'duty_owed'
    case 'main_duty_decision':
    case 'end_main_duty':
      return 'duty_owed'
    case 'end_prevention_duty':
      return event.details['ground'] === 'non_cooperation' ? 'non_cooperation_prevention' : 'prevention_duty_ended'
    case 'end_relief_duty':
      if (event.details['ground'] === 'local_connection_referral_accepted') return 'local_connection_notification'
      return event.details['ground'] === 'non_cooperation' ? 'non_cooperation_relief' : 'relief_duty_ended'
    case 'non_cooperation_notice_decided':
      return event.details['duty'] === 'relief' ? 'non_cooperation_relief' : 'non_cooperation_prevention'
    default:
      return undefined
  }
}

/** The period reg 9 gives the authority to decide the review, or why that reviewer cannot review this decision. */
export function reviewPeriodFor(decision: ReviewableDecision, reviewer: Reviewer): { period: ReviewPeriod } | { refused: string } {
  if (reviewer === 'authority') return { period: REVIEWABLE_DECISIONS[decision].period }
  if (decision !== 'local_connection_conditions') {
    return {
      refused:
        'Only a review of whether the conditions for a local connection referral are met can be carried out jointly with the other authority or by an appointed person',
    }
  }
  return { period: reviewer === 'notifying_and_notified_authorities' ? 'joint_referral' : 'appointed_person' }
}

export interface ReviewRequest {
  decision: ReviewableDecision
  /** The day the original decision was made, when it is known (a decision in the case's timeline). */
  decisionMadeOn?: LocalDate | undefined
  notifiedOn: LocalDate
  receivedOn: LocalDate
  /** The end of a longer period for asking that the authority agreed in writing (s202(3)). */
  extendedInWritingTo?: LocalDate | undefined
  /** A review of the same decision is already open: one decision is reviewed once at a time. */
  alreadyUnderReview?: boolean | undefined
}

/** Whether a review request can be accepted, and if not, why, in words for the officer. */
export function mayRequestReview(request: ReviewRequest, approachedOn: LocalDate, today: LocalDate): Check {
  const { notifiedOn, receivedOn, extendedInWritingTo } = request
  if (request.alreadyUnderReview) return refuse('A review of this decision has already been requested and is not yet decided')
  if (notifiedOn.isAfter(today))
    return refuse('The date the applicant was notified of the decision must be today or in the past', 'notifiedOn')
  if (receivedOn.isAfter(today)) return refuse('The date the request was received must be today or in the past', 'receivedOn')
  if (notifiedOn.isBefore(approachedOn))
    return refuse('The date the applicant was notified must be on or after the day the household approached', 'notifiedOn')
  if (request.decisionMadeOn && notifiedOn.isBefore(request.decisionMadeOn))
    return refuse('The applicant cannot have been notified of the decision before it was made', 'notifiedOn')
  if (receivedOn.isBefore(notifiedOn))
    return refuse('The request cannot have been received before the applicant was notified of the decision', 'receivedOn')
  const statutory = lastDayOfPeriod(notifiedOn, 21)
  if (extendedInWritingTo && !extendedInWritingTo.isAfter(statutory)) {
    return refuse(
      `A longer period agreed in writing must end after the 21 days for asking for a review, which end on ${statutory.toString()}`,
      'extendedInWritingTo',
    )
  }
  const deadline = reviewRequestDeadline(notifiedOn, extendedInWritingTo)
  if (receivedOn.isAfter(deadline)) {
    return refuse(
      extendedInWritingTo
        ? `The request was received after the longer period the council agreed in writing ended on ${deadline.toString()}`
        : `The request was received after the 21 days for asking for a review ended on ${deadline.toString()} (section 202(3)). If the council agreed a longer period in writing, enter when it ends`,
      extendedInWritingTo ? 'extendedInWritingTo' : 'receivedOn',
    )
  }
  return allowed
}

/** What decides when the decision on a review is due. */
export interface ReviewTimetable {
  receivedOn: LocalDate
  period: ReviewPeriod
  /** The day the applicant's representations under reg 7 were received. */
  representationsReceivedOn?: LocalDate | undefined
  /** The end of a longer period the applicant and the reviewer agreed in writing (reg 9(1)). */
  extendedTo?: LocalDate | undefined
}

/**
 * When the authority must notify the decision on review (reg 9(1)): weeks beginning with the day the
 * request was made; for the three-week decisions (reg 9(1)(a)), beginning instead with the day the
 * applicant's representations under reg 7 are received, where they make any; or within the longer
 * period the applicant and the reviewer agreed in writing, where that ends later.
 */
export function reviewDueOn(review: ReviewTimetable): LocalDate {
  const { receivedOn, period, representationsReceivedOn } = review
  // Reg 9(1)(b)-(d) count from the request whatever representations are made; only (a) starts again.
  const from = period === 'prevention_stage' && representationsReceivedOn?.isAfter(receivedOn) ? representationsReceivedOn : receivedOn
  return reviewDecisionDue(from, period, review.extendedTo)
}

export interface OpenReview {
  receivedOn: LocalDate
  decidedOn?: LocalDate | undefined
  originalDecisionBy: { userId: string; role: OfficerRole }
}

/** A review as its later steps see it: the request, its timetable, and what reg 7 has brought about so far. */
export interface ReviewUnderWay extends OpenReview, ReviewTimetable {
  /** The day the applicant was notified that the reviewer is minded to decide against them (reg 7(2)). */
  mindedToNotifiedOn?: LocalDate | undefined
}

/** Whether the officer may act as the reviewer: not involved in the original decision, and senior to whoever made it. */
function mayActAsReviewer(review: OpenReview, reviewer: { userId: string; role: OfficerRole }, what: string): Check {
  if (reviewer.userId === review.originalDecisionBy.userId)
    return refuse(`The officer who made the original decision cannot ${what}: an officer not involved in it must`)
  if (SENIORITY[reviewer.role] <= SENIORITY[review.originalDecisionBy.role])
    return refuse(`Only an officer senior to the officer who made the original decision can ${what}`)
  return allowed
}

/** A review that is there and still open, or why not. */
function stillOpen(review: OpenReview | undefined): Check {
  if (!review) return refuse('There is no such review on this case')
  if (review.decidedOn) return refuse('This review has already been decided or withdrawn')
  return allowed
}

/**
 * Whether the reviewer may notify the applicant that they are minded to decide against them (reg 7(2)):
 * the reviewer has found a deficiency or irregularity in the original decision, or in the way it was
 * made, but is minded nonetheless to decide against the applicant on one or more issues. It is the
 * reviewer's notice, so it is given by an officer who may decide the review; once per review.
 */
export function mayGiveMindedToNotice(
  review: ReviewUnderWay | undefined,
  notifiedOn: LocalDate,
  reviewer: { userId: string; role: OfficerRole },
  today: LocalDate,
): Check {
  const open = stillOpen(review)
  if (!review || !open.allowed) return open
  if (review.mindedToNotifiedOn)
    return refuse(`The applicant was already told on ${review.mindedToNotifiedOn.toString()} what the reviewer is minded to decide`)
  if (notifiedOn.isAfter(today)) return refuse('The date the applicant was notified must be today or in the past', 'mindedToNotifiedOn')
  if (notifiedOn.isBefore(review.receivedOn))
    return refuse('The applicant cannot have been notified before the request for the review was received', 'mindedToNotifiedOn')
  return mayActAsReviewer(review, reviewer, 'give the notice: it is the reviewer’s')
}

/**
 * Whether the applicant's representations under reg 7(2)(b) can be recorded: they answer the "minded
 * to" notice, so they come after it, and are recorded once. For a three-week review they start its
 * period again (reg 9(1)(a)).
 */
export function mayRecordRepresentations(review: ReviewUnderWay | undefined, receivedOn: LocalDate, today: LocalDate): Check {
  const open = stillOpen(review)
  if (!review || !open.allowed) return open
  if (!review.mindedToNotifiedOn)
    return refuse(
      'Representations under regulation 7 answer the reviewer’s notice that they are minded to decide against the applicant: record that notice first',
    )
  if (review.representationsReceivedOn)
    return refuse(`The applicant’s representations were already recorded as received on ${review.representationsReceivedOn.toString()}`)
  if (receivedOn.isAfter(today))
    return refuse('The date the representations were received must be today or in the past', 'representationsReceivedOn')
  if (receivedOn.isBefore(review.mindedToNotifiedOn))
    return refuse(
      `The representations cannot have been received before the applicant was told, on ${review.mindedToNotifiedOn.toString()}, what the reviewer is minded to decide`,
      'representationsReceivedOn',
    )
  return allowed
}

/**
 * Whether a longer period for the decision on review, agreed in writing by the applicant and the
 * reviewer (reg 9(1)), can be recorded: agreed once the request was received, and ending after the
 * decision is now due and no earlier than the day it was agreed. Reg 9(1) sets no day by which it must
 * be agreed, so a late agreement is not refused; it may be agreed again to run longer still. The
 * agreement may leave its end open (Stanley v Welwyn Hatfield BC [2020] EWCA Civ 1458), but the
 * council's diary needs a date: the end the officer records is the day the decision is then due.
 */
export function mayExtendReviewPeriod(
  review: ReviewUnderWay | undefined,
  agreedOn: LocalDate,
  extendedTo: LocalDate,
  today: LocalDate,
): Check {
  const open = stillOpen(review)
  if (!review || !open.allowed) return open
  if (agreedOn.isAfter(today)) return refuse('The date the longer period was agreed must be today or in the past', 'extensionAgreedOn')
  if (agreedOn.isBefore(review.receivedOn))
    return refuse('A longer period cannot have been agreed before the request for the review was received', 'extensionAgreedOn')
  const due = reviewDueOn(review)
  if (!extendedTo.isAfter(due)) return refuse(`A longer period must end after the decision is now due, on ${due.toString()}`, 'extendedTo')
  if (extendedTo.isBefore(agreedOn)) return refuse('A longer period must end on or after the day it was agreed', 'extendedTo')
  return allowed
}

/**
 * Whether this officer may record the decision on review. Withdrawal by the applicant is recorded by
 * any officer; a decision on review must be made by an officer not involved in the original decision
 * and senior to the officer who made it.
 */
export function mayDecideReview(
  review: OpenReview | undefined,
  outcome: ReviewOutcome,
  decidedOn: LocalDate,
  reviewer: { userId: string; role: OfficerRole },
  today: LocalDate,
): Check {
  if (!review) return refuse('There is no such review on this case')
  if (review.decidedOn) return refuse('This review has already been decided or withdrawn')
  if (decidedOn.isAfter(today)) return refuse('The date of the decision must be today or in the past', 'decidedOn')
  if (decidedOn.isBefore(review.receivedOn))
    return refuse('The date of the decision must be on or after the day the request was received', 'decidedOn')
  if (outcome === 'withdrawn') return allowed
  if (reviewer.userId === review.originalDecisionBy.userId) {
    return refuse('The officer who made the original decision cannot review it: an officer not involved in it must')
  }
  if (SENIORITY[reviewer.role] <= SENIORITY[review.originalDecisionBy.role]) {
    return refuse('The review must be decided by an officer senior to the officer who made the original decision')
  }
  return allowed
}
