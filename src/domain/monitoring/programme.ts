import type { LocalDate } from '@js-joda/core'

/**
 * A programme's own dates. The day it began bounds its monitoring data: the data-quality checks flag a
 * referral dated before it and support longer than the programme has run (quality.ts).
 */

/** What is wrong with the day a programme began, if anything: data is imported for a programme that has begun. */
export function programmeStartProblem(startsOn: LocalDate, today: LocalDate): string | undefined {
  if (startsOn.isAfter(today)) return 'The date the programme began must be today or in the past'
  return undefined
}
