import { DayOfWeek, type LocalDate } from '@js-joda/core'
import { BANK_HOLIDAYS_ENGLAND_AND_WALES } from './bank-holidays.ts'

/**
 * Working days: Monday to Friday, except bank holidays in England and Wales. Response targets for
 * referrals are set in working days, as councils set them.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>

  constructor(holidays: readonly string[] = BANK_HOLIDAYS_ENGLAND_AND_WALES) {
    this.holidays = new Set(holidays)
  }

  isWorkingDay(date: LocalDate): boolean {
    const day = date.dayOfWeek()
    return day !== DayOfWeek.SATURDAY && day !== DayOfWeek.SUNDAY && !this.holidays.has(date.toString())
  }

  /** The working day `days` working days after `date` (a receipt at a weekend counts from Monday). */
  addWorkingDays(date: LocalDate, days: number): LocalDate {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`a number of working days is a whole number, not ${String(days)}`)
    let current = date
    let left = days
    while (left > 0) {
      current = current.plusDays(1)
      if (this.isWorkingDay(current)) left--
    }
    return current
  }

  /** Working days after `from` up to and including `to`: 0 on the same day, 1 on the next working day. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    let count = 0
    for (let d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) if (this.isWorkingDay(d)) count++
    return count
  }
}
