import type { LocalDate } from '@js-joda/core'
import { isDutyOutcome, PERCEIVED_THREAT, REFERRAL_REASONS, REFERRAL_SETTINGS, settingOf, type ReferralSetting } from './referrals.ts'
import type { WorkingCalendar } from './working-days.ts'

/** One group of referrals with the same referring body, reason, status and outcome. */
export interface ReferralGroup {
  referringBody: string | null
  referringBodyType: string | null
  reason: string
  status: string
  outcome: string
  count: number
}

/** One referral's wait for first contact, as London calendar dates. */
export interface FirstContact {
  receivedOn: LocalDate
  contactedOn: LocalDate
  targetWorkingDays: number
}

export interface Row {
  label: string
  count: number
  /** Of all referrals in the period, to one decimal place. */
  percent: number
}

export interface ReferralFigures {
  total: number
  byReferringBody: Row[]
  bySetting: Row[]
  byThreat: Row[]
  /** The share of referrals more than 56 days before homelessness: the "upstream" share. */
  upstreamPercent: number
  firstContact: { contacted: number; medianWorkingDays: number | null; withinTarget: number; withinTargetPercent: number }
  conversion: { decided: number; toDuty: number; percentOfDecided: number; percentOfAll: number }
}

/** The referral figures for a period, from grouped counts and first-contact dates. */
export function referralFigures(
  groups: readonly ReferralGroup[],
  contacts: readonly FirstContact[],
  calendar: WorkingCalendar,
): ReferralFigures {
  const total = sum(groups)
  const rows = (counts: Map<string, number>): Row[] =>
    [...counts]
      .map(([label, count]) => ({ label, count, percent: percentOf(count, total) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))

  const bodies = new Map<string, number>()
  const settings = new Map<ReferralSetting, number>(Object.keys(REFERRAL_SETTINGS).map((s) => [s as ReferralSetting, 0]))
  const threats = new Map<string, number>(REFERRAL_REASONS.map((r) => [r, 0]))
  for (const g of groups) {
    const body = g.referringBody ?? REFERRAL_SETTINGS.self_referral
    bodies.set(body, (bodies.get(body) ?? 0) + g.count)
    const setting = settingOf(g.referringBodyType)
    settings.set(setting, (settings.get(setting) ?? 0) + g.count)
    threats.set(g.reason, (threats.get(g.reason) ?? 0) + g.count)
  }

  const waits = contacts.map((c) => ({
    days: calendar.workingDaysBetween(c.receivedOn, c.contactedOn),
    within: !c.contactedOn.isAfter(calendar.addWorkingDays(c.receivedOn, c.targetWorkingDays)),
  }))
  const withinTarget = waits.filter((w) => w.within).length
  const decided = sum(groups.filter((g) => g.status === 'assessed' || g.status === 'closed'))
  const toDuty = sum(groups.filter((g) => isDutyOutcome(g.outcome)))

  return {
    total,
    byReferringBody: rows(bodies),
    bySetting: [...settings].map(([setting, count]) => ({ label: REFERRAL_SETTINGS[setting], count, percent: percentOf(count, total) })),
    byThreat: REFERRAL_REASONS.map((reason) => {
      const count = threats.get(reason) ?? 0
      return { label: PERCEIVED_THREAT[reason], count, percent: percentOf(count, total) }
    }),
    upstreamPercent: percentOf(threats.get('at_risk_later') ?? 0, total),
    firstContact: {
      contacted: waits.length,
      medianWorkingDays: median(waits.map((w) => w.days)),
      withinTarget,
      withinTargetPercent: percentOf(withinTarget, waits.length),
    },
    conversion: { decided, toDuty, percentOfDecided: percentOf(toDuty, decided), percentOfAll: percentOf(toDuty, total) },
  }
}

function sum(groups: readonly { count: number }[]): number {
  return groups.reduce((n, g) => n + g.count, 0)
}

/** A percentage to one decimal place, rounding half up; 0 when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
