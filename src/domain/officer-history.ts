/**
 * Who held a case when. A case always has one named officer; a team manager's reassignment is a case
 * event (`officer_reassigned`, with the officer before and after), so the case's events give each
 * officer's time with it. Figures about caseloads in the past read these intervals, not today's
 * named officer. Dates are YYYY-MM-DD calendar dates (Europe/London), so they compare as text.
 */

/** An officer's time holding a case: from `from` (included) up to `to` (not included; null while they still hold it). */
export interface OfficerInterval {
  officer: string
  from: string
  to: string | null
}

/** A reassignment as the case's timeline records it: on that day the case passed from one officer to another. */
export interface Reassignment {
  on: string
  from: string
  to: string
}

/**
 * The case's officers in turn, from the day it was opened: the first is the officer the first
 * reassignment took it from (or the named officer, when it was never reassigned), each reassignment
 * ends one interval and starts the next on its day, and the named officer now holds the last. A
 * reassignment dated before the case was opened counts from the opening; an interval of no days (two
 * reassignments on one day) is no time held, and an officer following themselves holds one interval.
 */
export function officerIntervals(c: { openedOn: string; officer: string }, reassignments: readonly Reassignment[]): OfficerInterval[] {
  const ordered = [...reassignments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  const intervals: OfficerInterval[] = []
  let holder = ordered[0]?.from ?? c.officer
  let since = c.openedOn
  const hold = (officer: string, from: string, to: string | null) => {
    if (to !== null && to <= from) return
    const last = intervals.at(-1)
    if (last?.officer === officer && last.to === from) last.to = to
    else intervals.push({ officer, from, to })
  }
  for (const r of ordered) {
    const on = r.on < c.openedOn ? c.openedOn : r.on
    hold(holder, since, on)
    holder = r.to
    since = on
  }
  // The named officer is who holds the case now, whatever the last event said.
  hold(c.officer, since, null)
  return intervals
}

/**
 * The officers who held the case on at least one day of [first, last] while it was open: open from the
 * day it was opened until the day it closed (not included, as a case closed on a day is not open at
 * its end).
 */
export function officersHolding(
  intervals: readonly OfficerInterval[],
  open: { from: string; to: string | null },
  first: string,
  last: string,
): string[] {
  const held = new Set<string>()
  for (const i of intervals) {
    const from = maxOf(i.from, open.from, first)
    const to = minOf(i.to, open.to)
    // Days from `from` up to, not including, `to` (none when `to` is null), and no later than `last`.
    if (from <= last && (to === null || from < to)) held.add(i.officer)
  }
  return [...held]
}

function maxOf(...dates: string[]): string {
  return dates.reduce((a, b) => (a > b ? a : b))
}

function minOf(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return a < b ? a : b
}
