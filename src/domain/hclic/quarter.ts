import { LocalDate } from '@js-joda/core'
import type { HclicCase, HclicPlacement } from './record.ts'

/** A calendar-year quarter, as the statistics use them (research/hclic.md §1.7). */
export interface Quarter {
  label: string
  year: number
  number: 1 | 2 | 3 | 4
  firstDay: LocalDate
  lastDay: LocalDate
}

export function quarterOf(year: number, number: 1 | 2 | 3 | 4): Quarter {
  const firstDay = LocalDate.of(year, (number - 1) * 3 + 1, 1)
  return { label: `${String(year)}-Q${String(number)}`, year, number, firstDay, lastDay: firstDay.plusMonths(3).minusDays(1) }
}

/** "2026-Q1" and nothing else; a clear message otherwise. */
export function parseQuarter(text: string): { quarter: Quarter } | { error: string } {
  const match = /^(\d{4})-Q([1-4])$/.exec(text.trim())
  if (!match) return { error: `"${text}" is not a quarter: write it as YYYY-QN, like 2026-Q1` }
  const year = Number(match[1])
  if (year < 2018) return { error: 'H-CLIC began in April 2018: choose 2018-Q2 or later' }
  const number = Number(match[2]) as 1 | 2 | 3 | 4
  if (year === 2018 && number === 1) return { error: 'H-CLIC began in April 2018: choose 2018-Q2 or later' }
  return { quarter: quarterOf(year, number) }
}

/** The quarter a date falls in. */
export function quarterContaining(date: LocalDate): Quarter {
  return quarterOf(date.year(), (Math.floor((date.monthValue() - 1) / 3) + 1) as 1 | 2 | 3 | 4)
}

export type Trigger = 'interim_accommodation' | 'duty_decided' | 'duty_changed' | 'case_closed'

function within(quarter: Quarter, iso: string | null): boolean {
  if (iso === null) return false
  const date = LocalDate.parse(iso)
  return !date.isBefore(quarter.firstDay) && !date.isAfter(quarter.lastDay)
}

/**
 * Why a case enters a quarter's return (research/hclic.md §1.5): it moved into interim accommodation,
 * was awarded a duty (or found to be owed none), moved between duties, or closed, in that quarter.
 * A case only ever given advice (never assessed, never placed) never enters.
 */
export function triggersIn(record: HclicCase, quarter: Quarter): Trigger[] {
  const triggers = new Set<Trigger>()
  if (record.placements.some((p) => p.duty === 's188' && within(quarter, p.placedOn))) triggers.add('interim_accommodation')
  const firstDuty = record.initialDuty === 'relief' ? record.relief?.startedOn : record.prevention?.startedOn
  if (record.initialDuty === 'no_duty' ? within(quarter, record.assessedOn) : within(quarter, firstDuty ?? null))
    triggers.add('duty_decided')
  if (record.initialDuty === 'prevention' && within(quarter, record.relief?.startedOn ?? null)) triggers.add('duty_changed')
  if (within(quarter, record.mainDuty?.decidedOn ?? null)) triggers.add('duty_changed')
  const adviceOnly = record.initialDuty === null && record.placements.length === 0
  if (!adviceOnly && within(quarter, record.closedOn)) triggers.add('case_closed')
  return [...triggers]
}

/** The placement a household was in on a day (TA1 counts households in TA on the quarter's last day). */
export function placementOn(record: HclicCase, day: LocalDate): HclicPlacement | undefined {
  const iso = day.toString()
  return record.placements.find((p) => p.placedOn <= iso && (p.endedOn === null || p.endedOn > iso))
}

/** A case is in the quarter's return when something happened to it, or it was in TA at the quarter's end. */
export function entersQuarter(record: HclicCase, quarter: Quarter): boolean {
  return triggersIn(record, quarter).length > 0 || placementOn(record, quarter.lastDay) !== undefined
}
