import { Instant, LocalDate, ZoneId, ZonedDateTime } from '@js-joda/core'
import '@js-joda/timezone'

/** Every statutory date is a calendar date in England, whatever the server's own zone. */
export const LONDON = ZoneId.of('Europe/London')

/**
 * The one source of "now". Services receive a Clock so that tests can fix time and
 * deadlines can be checked on any date.
 */
export interface Clock {
  /** The current instant, for timestamps (audit, sessions, receipts). */
  now(): Date
  /** Today's calendar date in Europe/London, for statutory dates. */
  today(): LocalDate
}

export function londonDateOf(instant: Date): LocalDate {
  return ZonedDateTime.ofInstant(Instant.ofEpochMilli(instant.getTime()), LONDON).toLocalDate()
}

export const systemClock: Clock = {
  // The single place where the wall clock is read.
  now: () => new Date(),
  today() {
    return londonDateOf(this.now())
  },
}

/** A clock that stands still (or moves only when told), for tests and demonstrations. */
export class FixedClock implements Clock {
  private current: number
  constructor(start: Date | string) {
    this.current = typeof start === 'string' ? Date.parse(start) : start.getTime()
  }
  now(): Date {
    return new Date(this.current)
  }
  today(): LocalDate {
    return londonDateOf(this.now())
  }
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000
  }
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000
  }
  advanceDays(days: number): void {
    this.current += days * 86_400_000
  }
}
