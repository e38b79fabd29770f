import { LocalDate } from '@js-joda/core'

/**
 * The dates Part 7 of the Housing Act 1996 sets, as amended by the Homelessness Reduction Act 2017.
 *
 * Counting: "a period of N days beginning with day X" includes day X, so its last day is X + (N − 1)
 * (s189B(4), s202(3), Homelessness (Review Procedure etc.) Regulations 2018 reg 9). Every date here is
 * a calendar date in England; the caller passes "today" from the one clock.
 */

/** The last day of a period of `days` days beginning with `start`. */
export function lastDayOfPeriod(start: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a period has at least one whole day, not ${String(days)}`)
  return start.plusDays(days - 1)
}

/** 56 days: the threat window (s175(4)), the prevention period and the relief period. */
export const FIFTY_SIX_DAYS = 56

/**
 * Threatened with homelessness (s175(4)): likely to become homeless within 56 days, counted as the
 * period of 56 days beginning with today.
 */
export function isWithinThreatWindow(today: LocalDate, likelyHomelessOn: LocalDate): boolean {
  return !likelyHomelessOn.isAfter(lastDayOfPeriod(today, FIFTY_SIX_DAYS))
}

/**
 * The prevention duty (s195) has no automatic end: 56 days is a review point. The authority may end it
 * on the ground that 56 days have passed from the day after the period's last day, except while the
 * threat is a valid possession notice (s195(6)), which it must see through.
 */
export function preventionPeriodEnds(preventionStartedOn: LocalDate): LocalDate {
  return lastDayOfPeriod(preventionStartedOn, FIFTY_SIX_DAYS)
}

export function earliestEndOfPreventionFor56Days(preventionStartedOn: LocalDate): LocalDate {
  return preventionPeriodEnds(preventionStartedOn).plusDays(1)
}

/**
 * The relief duty (s189B(4)) ends by itself at the end of the period of 56 days beginning with the day
 * the authority were satisfied the applicant is homeless and eligible, where the applicant has a
 * priority need and is not intentionally homeless. The main duty decision (s193) is due the next day:
 * "day 57".
 */
export function reliefPeriodEnds(reliefStartedOn: LocalDate): LocalDate {
  return lastDayOfPeriod(reliefStartedOn, FIFTY_SIX_DAYS)
}

export function mainDutyDecisionDue(reliefStartedOn: LocalDate): LocalDate {
  return reliefPeriodEnds(reliefStartedOn).plusDays(1)
}

/**
 * A review (s202(3)) must be requested within 21 days beginning with the day the applicant is notified
 * of the decision, or within a longer period the authority allows in writing.
 */
export function reviewRequestDeadline(notifiedOn: LocalDate, extendedInWritingTo?: LocalDate): LocalDate {
  const statutory = lastDayOfPeriod(notifiedOn, 21)
  return extendedInWritingTo?.isAfter(statutory) ? extendedInWritingTo : statutory
}

/**
 * How long the authority has to decide a review (reg 9(1)), counted from the day of the request:
 * - three weeks for prevention-stage decisions (s202(1)(ba)(i), (bc), and (bb) ending the s195 duty);
 * - ten weeks for a local connection referral reviewed jointly by the two authorities (s202(1)(d));
 * - twelve weeks where an appointed person decides (reg 6);
 * - eight weeks for every other reviewable decision.
 */
export const REVIEW_PERIODS = {
  prevention_stage: 3,
  standard: 8,
  joint_referral: 10,
  appointed_person: 12,
} as const

export type ReviewPeriod = keyof typeof REVIEW_PERIODS

export function reviewDecisionDue(requestedOn: LocalDate, period: ReviewPeriod, extendedInWritingTo?: LocalDate): LocalDate {
  const statutory = lastDayOfPeriod(requestedOn, REVIEW_PERIODS[period] * 7)
  return extendedInWritingTo?.isAfter(statutory) ? extendedInWritingTo : statutory
}

/**
 * Non-cooperation (s193B(4)-(5)): a notice may be given only after a relevant warning and once a
 * reasonable period has elapsed since it. The Act sets no number; the council sets it (14 days by
 * default, as practitioners' templates do).
 */
export const DEFAULT_WARNING_PERIOD_DAYS = 14

export function earliestNonCooperationNotice(warnedOn: LocalDate, reasonablePeriodDays: number = DEFAULT_WARNING_PERIOD_DAYS): LocalDate {
  return lastDayOfPeriod(warnedOn, reasonablePeriodDays).plusDays(1)
}

/** The personalised housing plan (s189A(9)) is kept under review: by default every four weeks. */
export const DEFAULT_PLAN_REVIEW_DAYS = 28

export function planReviewDue(lastReviewedOn: LocalDate, intervalDays: number = DEFAULT_PLAN_REVIEW_DAYS): LocalDate {
  return lastReviewedOn.plusDays(intervalDays)
}

/** Days from `today` to `due`: negative when overdue, 0 when due today. */
export function daysUntil(today: LocalDate, due: LocalDate): number {
  return due.toEpochDay() - today.toEpochDay()
}
