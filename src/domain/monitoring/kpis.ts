import { LocalDate } from '@js-joda/core'
import { planIsKept } from '../housing-plan.ts'
import { officersHolding, type OfficerInterval } from '../officer-history.ts'
import type { WorkingCalendar } from '../working-days.ts'

/**
 * The performance indicators managers watch under the Homelessness Reduction Act (the ones Hart
 * revised its KPIs around), from casework: how often prevention works, how early households are
 * found, how fast referrals are answered, how heavy caseloads are, whether open cases have a plan,
 * and what reviews are overdue. Pure: rows in, figures out; dates are Europe/London calendar dates.
 */

/** The grounds on which an ended prevention duty counts as a success: the household kept or found a home. */
export const PREVENTION_SUCCESSES: readonly string[] = ['suitable_accommodation_secured']

/** "Found early": a risk recorded at assessment with homelessness expected more than 56 days away (assessment.ts). */
export const FOUND_EARLY_RISK = 'future_risk'
/** Assessed as neither homeless nor at risk: not a household found early, nor one found late, so outside "found early" altogether. */
export const NOT_AT_RISK = 'not_at_risk'

export interface KpiCase {
  authority: string
  /** The officer holding the case now. */
  worker: string
  /** Who held the case when (officer-history.ts): a month's caseload counts every officer who held it then. */
  officers: readonly OfficerInterval[]
  approachedOn: string
  stage: string
  preventionStartedOn: string | null
  reliefStartedOn: string | null
  closedOn: string | null
  outcome: string | null
  riskAtAssessment: string | null
  hasPlan: boolean
  /** When the personalised housing plan is next to be reviewed. */
  planReviewDue: string | null
  /** When each undecided section 202 review's decision is due (extended in writing where it was). */
  reviewDecisionsDue: readonly string[]
}

export interface KpiReferral {
  authority: string
  receivedOn: string
  /** The day of first contact, or null while there has been none. */
  contactedOn: string | null
}

export interface Ratio {
  n: number
  base: number
  /** 100 × n ÷ base to one decimal place, half up; null with no base. */
  pct: number | null
}

export interface Indicators {
  /** Prevention duties ended with accommodation secured ÷ prevention duties ended (in the period). */
  preventionSuccess: Ratio
  /** Cases opened in the period found more than 56 days before homelessness ÷ those with a risk recorded (not "not at risk"). */
  foundEarly: Ratio
  /** Referrals received in the period: working days from receipt to first contact. */
  firstContact: { referrals: number; contacted: number; medianWorkingDays: number | null; meanWorkingDays: number | null }
  /**
   * Open cases, the officers holding them, and the mean per officer (1 dp). In monthly rows: the cases
   * open on any day of the month, the officers who held them then, and each case counted once for each
   * officer who held it in the month (a case reassigned mid-month is in both officers' caseloads).
   */
  caseload: { openCases: number; workers: number; perWorker: number | null }
  /** Open prevention and relief cases with a personalised housing plan ÷ open prevention and relief cases (today). */
  withPlan: Ratio | null
  /** Plan reviews and review decisions past their date (today). */
  overdue: { planReviews: number; reviewDecisions: number } | null
}

export interface PerformanceInput {
  cases: readonly KpiCase[]
  referrals: readonly KpiReferral[]
  /** The period's first and last days, both included. */
  from: string
  to: string
  today: string
  calendar: WorkingCalendar
}

export interface Performance {
  total: Indicators
  byMonth: ({ month: string } & Indicators)[]
  byAuthority: ({ authority: string } & Indicators)[]
  byWorker: ({ worker: string; authority: string } & Indicators)[]
}

export function performanceIndicators(input: PerformanceInput): Performance {
  const { cases, referrals, from, to, today, calendar } = input
  const inPeriod = (d: string | null): d is string => d !== null && d >= from && d <= to
  const figures = (cs: readonly KpiCase[], rs: readonly KpiReferral[]): Indicators =>
    indicators(cs, rs, { inPeriod, asAt: today, today, calendar })

  const months = monthsBetween(from, to)
  return {
    total: figures(cases, referrals),
    byMonth: months.map((month) => {
      const first = `${month}-01`
      const last = LocalDate.parse(first).plusMonths(1).minusDays(1).toString()
      const inMonth = (d: string | null): d is string => d !== null && d >= first && d <= last && d >= from && d <= to
      const end = last < today ? last : today
      // Plans and reviews are not kept as history, so have no monthly figure; who held each case is.
      return {
        month,
        ...indicators(cases, referrals, { inPeriod: inMonth, asAt: end, today: null, calendar }),
        caseload: caseloadIn(cases, first < from ? from : first, end),
      }
    }),
    byAuthority: groups(
      cases,
      (c) => c.authority,
      referrals,
      (r) => r.authority,
    ).map(([authority, cs, rs]) => ({
      authority,
      ...figures(cs, rs),
    })),
    byWorker: groups(
      cases,
      (c) => `${c.worker}\u0000${c.authority}`,
      [],
      () => '',
    ).map(([key, cs]) => {
      const [worker = '', authority = ''] = key.split('\u0000')
      return { worker, authority, ...figures(cs, []) }
    }),
  }
}

function indicators(
  cases: readonly KpiCase[],
  referrals: readonly KpiReferral[],
  when: { inPeriod: (d: string | null) => d is string; asAt: string; today: string | null; calendar: WorkingCalendar },
): Indicators {
  const { inPeriod, asAt, today, calendar } = when

  const ended = cases.flatMap((c) => {
    const end = preventionEnded(c)
    return end && inPeriod(end.on) ? [end] : []
  })
  const opened = cases.filter((c) => inPeriod(c.approachedOn) && c.riskAtAssessment !== null && c.riskAtAssessment !== NOT_AT_RISK)

  const received = referrals.filter((r) => inPeriod(r.receivedOn))
  const waits = received.flatMap((r) =>
    r.contactedOn === null ? [] : [calendar.workingDaysBetween(LocalDate.parse(r.receivedOn), LocalDate.parse(r.contactedOn))],
  )

  const open = cases.filter((c) => isOpenOn(c, asAt))
  const workers = new Set(open.map((c) => c.worker)).size

  return {
    preventionSuccess: ratio(ended.filter((e) => e.succeeded).length, ended.length),
    foundEarly: ratio(opened.filter((c) => c.riskAtAssessment === FOUND_EARLY_RISK).length, opened.length),
    firstContact: {
      referrals: received.length,
      contacted: waits.length,
      medianWorkingDays: median(waits),
      meanWorkingDays: waits.length === 0 ? null : oneDecimal(waits.reduce((a, b) => a + b, 0) / waits.length),
    },
    caseload: { openCases: open.length, workers, perWorker: workers === 0 ? null : oneDecimal(open.length / workers) },
    ...(today === null ? { withPlan: null, overdue: null } : snapshot(cases, today)),
  }
}

/**
 * A month's caseload from who held each case then: a case open on a day of the month counts once for
 * each officer who held it in the month, officers being told apart within their authority.
 */
export function caseloadIn(cases: readonly KpiCase[], first: string, last: string): Indicators['caseload'] {
  let held = 0
  let holdings = 0
  const officers = new Set<string>()
  for (const c of cases) {
    const holders = officersHolding(c.officers, { from: c.approachedOn, to: c.closedOn }, first, last)
    if (holders.length === 0) continue
    held++
    holdings += holders.length
    for (const officer of holders) officers.add(`${officer}\u0000${c.authority}`)
  }
  return { openCases: held, workers: officers.size, perWorker: officers.size === 0 ? null : oneDecimal(holdings / officers.size) }
}

/** What only today's records can tell: plans and overdue reviews are not kept as history. */
function snapshot(cases: readonly KpiCase[], today: string): Pick<Indicators, 'withPlan' | 'overdue'> {
  const preventionOrRelief = cases.filter((c) => c.stage === 'prevention' || c.stage === 'relief')
  return {
    withPlan: ratio(preventionOrRelief.filter((c) => c.hasPlan).length, preventionOrRelief.length),
    overdue: {
      // The plan is kept under review while a duty it serves is owed (s189A(9)).
      planReviews: cases.filter((c) => planIsKept(c.stage) && c.planReviewDue !== null && c.planReviewDue < today).length,
      reviewDecisions: cases.reduce((n, c) => n + c.reviewDecisionsDue.filter((due) => due < today).length, 0),
    },
  }
}

/** When the prevention duty ended and whether it worked: becoming homeless (relief) is an end without success. */
export function preventionEnded(c: KpiCase): { on: string; succeeded: boolean } | null {
  if (c.preventionStartedOn === null) return null
  if (c.reliefStartedOn !== null) return { on: c.reliefStartedOn, succeeded: false }
  if (c.stage === 'closed' && c.closedOn !== null)
    return { on: c.closedOn, succeeded: c.outcome !== null && PREVENTION_SUCCESSES.includes(c.outcome) }
  return null
}

/** Open at the end of the day: approached by then and not yet closed. */
export function isOpenOn(c: KpiCase, day: string): boolean {
  return c.approachedOn <= day && (c.closedOn === null || c.closedOn > day)
}

/** Calendar months `YYYY-MM` from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = LocalDate.parse(from).withDayOfMonth(1); m.toString() <= to; m = m.plusMonths(1)) months.push(m.toString().slice(0, 7))
  return months
}

function groups<C, R>(cases: readonly C[], caseKey: (c: C) => string, referrals: readonly R[], referralKey: (r: R) => string) {
  const keys = [...new Set([...cases.map(caseKey), ...referrals.map(referralKey)])].sort((a, b) => a.localeCompare(b))
  return keys.map((k) => [k, cases.filter((c) => caseKey(c) === k), referrals.filter((r) => referralKey(r) === k)] as const)
}

function ratio(n: number, base: number): Ratio {
  return { n, base, pct: base === 0 ? null : oneDecimal((100 * n) / base) }
}

/** Half up to one decimal place, exact for the ratios of whole numbers used here. */
function oneDecimal(value: number): number {
  return Math.floor(value * 10 + 0.5 + 1e-9) / 10
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
