import type { LocalDate } from '@js-joda/core'
import type { OpenReviewFact, Stage } from './legal-status.ts'
import { planIsKept } from './housing-plan.ts'
import {
  daysUntil,
  earliestEndOfPreventionFor56Days,
  mainDutyDecisionDue,
  preventionPeriodEnds,
  reliefPeriodEnds,
} from './statutory-dates.ts'
import { reviewDueOn } from './reviews.ts'

export interface Deadline {
  what: string
  due: LocalDate
  /** Negative when overdue. */
  daysLeft: number
}

/**
 * Orders cases for a caseload: the soonest (or most overdue) statutory deadline first, then cases with
 * no clock running, oldest approach first.
 */
export function byNextDeadline<T extends { nextDeadline: Deadline | undefined; approachedOn: LocalDate }>(a: T, b: T): number {
  if (a.nextDeadline && b.nextDeadline) return a.nextDeadline.due.compareTo(b.nextDeadline.due)
  if (a.nextDeadline) return -1
  if (b.nextDeadline) return 1
  return a.approachedOn.compareTo(b.approachedOn)
}

/** What the law has due on a case at its stage, soonest first. */
export function deadlinesOf(
  facts: {
    stage: Stage
    preventionStartedOn?: LocalDate | null | undefined
    reliefStartedOn?: LocalDate | null | undefined
    openReviews?: readonly OpenReviewFact[] | undefined
    planReviewDue?: LocalDate | null | undefined
  },
  today: LocalDate,
): Deadline[] {
  const deadlines: Omit<Deadline, 'daysLeft'>[] = []
  if (facts.stage === 'prevention' && facts.preventionStartedOn) {
    deadlines.push({ what: 'Prevention duty: 56-day period ends (review the plan)', due: preventionPeriodEnds(facts.preventionStartedOn) })
    deadlines.push({
      what: 'Prevention duty may end because 56 days have passed',
      due: earliestEndOfPreventionFor56Days(facts.preventionStartedOn),
    })
  }
  if (facts.stage === 'relief' && facts.reliefStartedOn) {
    deadlines.push({ what: 'Relief duty: 56-day period ends', due: reliefPeriodEnds(facts.reliefStartedOn) })
    deadlines.push({ what: 'Main housing duty decision due (day 57)', due: mainDutyDecisionDue(facts.reliefStartedOn) })
  }
  for (const review of facts.openReviews ?? []) {
    deadlines.push({ what: `Review decision due (section 202): ${review.what}`, due: reviewDueOn(review) })
  }
  // The personalised housing plan is kept under review while a duty it serves is owed (s189A(9)).
  if (planIsKept(facts.stage) && facts.planReviewDue) {
    deadlines.push({ what: 'Review the personalised housing plan', due: facts.planReviewDue })
  }
  return deadlines.map((d) => ({ ...d, daysLeft: daysUntil(today, d.due) })).sort((a, b) => a.due.compareTo(b.due))
}
