import type { LocalDate } from '@js-joda/core'
import type { WorkingCalendar } from './working-days.ts'

/**
 * How long a referral waited for a response, against the authority's target in working days. The
 * response is the first of acknowledgement and contact; until then the wait keeps growing.
 */
export interface ResponseAgainstTarget {
  dueOn: LocalDate
  /** Working days from receipt to the response, or to today while there is none. */
  workingDays: number
  state: 'met' | 'missed' | 'within' | 'due_today' | 'overdue'
}

export function responseAgainstTarget(
  calendar: WorkingCalendar,
  receivedOn: LocalDate,
  respondedOn: LocalDate | null,
  targetWorkingDays: number,
  today: LocalDate,
): ResponseAgainstTarget {
  const dueOn = calendar.addWorkingDays(receivedOn, targetWorkingDays)
  if (respondedOn !== null) {
    return {
      dueOn,
      workingDays: calendar.workingDaysBetween(receivedOn, respondedOn),
      state: respondedOn.isAfter(dueOn) ? 'missed' : 'met',
    }
  }
  const state = today.isAfter(dueOn) ? 'overdue' : today.isEqual(dueOn) ? 'due_today' : 'within'
  return { dueOn, workingDays: calendar.workingDaysBetween(receivedOn, today), state }
}
