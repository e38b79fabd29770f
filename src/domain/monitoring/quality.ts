import { ChronoUnit, LocalDate } from '@js-joda/core'
import type { FlagKind } from './flags.ts'
import { FLAG_FIELDS } from './flags.ts'
import { CASE_COLUMNS, isLive, type MonitoringActivity, type MonitoringCase } from './record.ts'
import { COMPLETED_OUTCOMES, SUCCESSFUL_OUTCOMES } from './vocabulary.ts'
import { suggestsEvictionWentAhead, suggestsHouseholdWithdrew } from './quality-notes.ts'

/**
 * What undermines a programme's figures, found in its monitoring data (docs/monitoring-data.md): the
 * checks behind the data-quality page. Each finding is one kind of problem on one case, one activity,
 * or (for "other" overuse) the data set as a whole, worded for the person who can put it right.
 */

/**
 * Programmes report monthly, so a case entered more than four weeks after its referral missed the
 * return it belonged to and was most likely written up afterwards from memory or notes.
 */
export const BACK_FILL_DAYS = 28

/**
 * Prevention and relief duties last 56 days each and the longest support band the evaluators use is
 * "more than 24 weeks"; support lasting over three years is a wrong date or a case never closed.
 */
export const MAX_SUPPORT_YEARS = 3

/** The ages a monitoring record may hold (docs/monitoring-data.md: an age outside 16 to 110 is a warning). */
export const MIN_AGE = 16
export const MAX_AGE = 110

/**
 * "Other" standing for more than a fifth of a field's answers means the codes are not being used
 * (or do not fit), and the field's table in the evaluation report says little.
 */
export const OTHER_SHARE_LIMIT = 0.2

/** Below this many recorded answers a share of "other" is chance, not habit. */
export const OTHER_MIN_ANSWERS = 20

/**
 * The coded fields with an `other` catch-all. `applicant_sex` is left out: `other` there is a
 * person's own answer, not a code chosen for want of a better one.
 */
export const OTHER_FIELDS = [
  'applicant_ethnicity',
  'housing_status',
  'vulnerabilities',
  'primary_vulnerability',
  'accommodation_outcome',
  'activity_type',
] as const

/**
 * The fields the headline figures rest on (who, where, when, how referred, how far upstream, from
 * what housing, what household): a case without one drops out of a table the evaluators print, so
 * each is flagged on the case for someone to fill in. The rest are counted in the missing-fields
 * tables only.
 */
export const KEY_FIELDS = [
  'district',
  'worker',
  'referral_date',
  'referral_route',
  'risk_at_assessment',
  'housing_status',
  'adults',
  'dependent_children',
  'accommodation_outcome',
] as const

/** The columns whose absence counts as missing: all but the case's own reference and its free-text notes. */
export const MONITORED_FIELDS = CASE_COLUMNS.filter((c) => c !== 'case_ref' && c !== 'comments')
export type MonitoredField = (typeof MONITORED_FIELDS)[number]

export interface QualityFinding {
  kind: FlagKind
  /** The case, or null for an activity or for a finding about the data set as a whole. */
  caseRef: string | null
  /** The activity's position in the activities given, or null. */
  activityIndex: number | null
  /** The spec column the finding is about, where it is about one. */
  field: string | null
  message: string
}

export interface QualityInput {
  cases: readonly MonitoringCase[]
  activities: readonly MonitoringActivity[]
  /** The date the data is judged at (YYYY-MM-DD, Europe/London). */
  asOf: string
  /**
   * The day the programme began, where it is recorded: no case of the programme can be referred
   * before it, nor have lasted longer than the programme has run (the very errors the Essex
   * evaluators found). Without it only the three-year limit applies.
   */
  programmeStartsOn?: string | null
}

export function qualityFindings({ cases, activities, asOf, programmeStartsOn = null }: QualityInput): QualityFinding[] {
  const findings: QualityFinding[] = []
  // A programme that begins after the day judged has not run at all: every case of it is flagged.
  const programme =
    programmeStartsOn === null ? null : { startsOn: programmeStartsOn, days: Math.max(0, daysBetween(programmeStartsOn, asOf)) }
  for (const c of cases) findings.push(...caseFindings(c, asOf, programme))
  findings.push(...householdsOpenTwice(cases))
  const known = new Set(cases.map((c) => c.caseRef))
  activities.forEach((a, index) => {
    if (a.caseRef === null || !known.has(a.caseRef))
      findings.push({
        kind: 'unmatched_activity',
        caseRef: null,
        activityIndex: index,
        field: FLAG_FIELDS.unmatched_activity,
        message: `A ${words(a.activityType)} activity${a.activityDate ? ` on ${a.activityDate}` : ''}${
          a.householdRef ? ` for household ${a.householdRef}` : ''
        } matches no case`,
      })
  })
  findings.push(...otherOveruse(cases, activities))
  return findings
}

/** Whether a field applies to a case: an end date, where it went and relief only once support has ended. */
export function applies(field: MonitoredField, c: MonitoringCase): boolean {
  switch (field) {
    case 'case_end_date':
    case 'relief_activity':
      return !isLive(c)
    case 'accommodation_outcome':
      return (SUCCESSFUL_OUTCOMES as readonly (string | null)[]).includes(c.outcome)
    case 'referral_agency':
      return c.referralRoute === 'partner_referral'
    case 'primary_vulnerability':
      return c.vulnerabilities !== null && c.vulnerabilities.length > 0
    default:
      return true
  }
}

/** The value of a spec column on a case; null is not recorded. */
export function valueOf(c: MonitoringCase, column: (typeof CASE_COLUMNS)[number]): unknown {
  const property = column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase()) as keyof MonitoringCase
  return c[property]
}

export function isMissing(c: MonitoringCase, field: MonitoredField): boolean {
  return applies(field, c) && valueOf(c, field) === null
}

function caseFindings(c: MonitoringCase, asOf: string, programme: { startsOn: string; days: number } | null): QualityFinding[] {
  const found: QualityFinding[] = []
  const add = (kind: FlagKind, field: string | null, message: string) => {
    found.push({ kind, caseRef: c.caseRef, activityIndex: null, field, message })
  }

  for (const field of KEY_FIELDS) if (isMissing(c, field)) add('missing_field', field, `${sentence(field)} is not recorded`)

  const { referralDate: referral, recordedDate: recorded, caseEndDate: end } = c
  if (referral !== null && referral > asOf) add('impossible_date', 'referral_date', `Referred on ${referral}, after ${asOf}`)
  else if (referral !== null && programme !== null && referral < programme.startsOn)
    add('impossible_date', 'referral_date', `Referred on ${referral}, before the programme began on ${programme.startsOn}`)
  /** Longer than the programme has run, where no longer than three years: one finding for the duration, the limit it broke. */
  const tooLong = (days: number): string | null =>
    programme !== null && days > programme.days
      ? `longer than the programme has run (${programme.days} days since it began on ${programme.startsOn})`
      : null
  if (recorded !== null && recorded > asOf) add('impossible_date', 'recorded_date', `Recorded on ${recorded}, after ${asOf}`)
  if (referral !== null && recorded !== null) {
    if (recorded < referral) add('impossible_date', 'recorded_date', `Recorded on ${recorded}, before the referral on ${referral}`)
    else {
      const late = daysBetween(referral, recorded)
      if (late > BACK_FILL_DAYS) add('back_filled', 'recorded_date', `Recorded ${late} days after the referral on ${referral}`)
    }
  }
  if (end !== null && end > asOf) add('end_after_import', FLAG_FIELDS.end_after_import, `Support ends on ${end}, after ${asOf}`)
  if (end !== null && referral !== null) {
    if (end < referral)
      add('end_before_referral', FLAG_FIELDS.end_before_referral, `Support ended on ${end}, before the referral on ${referral}`)
    else if (LocalDate.parse(end).isAfter(LocalDate.parse(referral).plusYears(MAX_SUPPORT_YEARS)))
      add('impossible_duration', 'case_end_date', `Support lasted ${daysBetween(referral, end)} days, more than ${MAX_SUPPORT_YEARS} years`)
    else {
      const longer = tooLong(daysBetween(referral, end))
      if (longer !== null) add('impossible_duration', 'case_end_date', `Support lasted ${daysBetween(referral, end)} days, ${longer}`)
    }
  }
  if (end === null && isLive(c) && referral !== null && referral <= asOf) {
    if (LocalDate.parse(asOf).isAfter(LocalDate.parse(referral).plusYears(MAX_SUPPORT_YEARS)))
      add(
        'impossible_duration',
        'outcome',
        `Still open ${daysBetween(referral, asOf)} days after the referral, more than ${MAX_SUPPORT_YEARS} years`,
      )
    else {
      const longer = tooLong(daysBetween(referral, asOf))
      if (longer !== null)
        add('impossible_duration', 'outcome', `Still open ${daysBetween(referral, asOf)} days after the referral, ${longer}`)
    }
  }
  if (end === null && (COMPLETED_OUTCOMES as readonly (string | null)[]).includes(c.outcome))
    add(
      'final_outcome_without_end_date',
      FLAG_FIELDS.final_outcome_without_end_date,
      `Outcome is ${words(c.outcome ?? '')} but no end date is recorded`,
    )

  if (c.applicantAge !== null && (c.applicantAge < MIN_AGE || c.applicantAge > MAX_AGE))
    add('age_out_of_range', FLAG_FIELDS.age_out_of_range, `Applicant’s age is recorded as ${c.applicantAge}`)
  if (c.primaryVulnerability !== null && c.vulnerabilities !== null && !c.vulnerabilities.includes(c.primaryVulnerability))
    add(
      'primary_not_among_vulnerabilities',
      FLAG_FIELDS.primary_not_among_vulnerabilities,
      `Primary vulnerability ${words(c.primaryVulnerability)} is not among the vulnerabilities recorded`,
    )

  if (c.outcome === 'withdrawn' && suggestsEvictionWentAhead(c.comments))
    add('withdrawn_but_evicted', 'outcome', 'Closed as withdrawn, but the notes suggest the eviction went ahead')
  if (c.outcome === 'unsuccessful' && suggestsHouseholdWithdrew(c.comments))
    add('evicted_but_withdrawn', 'outcome', 'Closed as unsuccessful, but the notes suggest the household withdrew')
  return found
}

/**
 * Two cases of one household whose periods of support overlap (a live case runs on without end):
 * a case opened twice, or one never closed. Both are flagged, each naming the other, as either may be
 * the one to close. A case ending on the day the next begins is a hand-over, not an overlap.
 */
function householdsOpenTwice(cases: readonly MonitoringCase[]): QualityFinding[] {
  const byHousehold = new Map<string, MonitoringCase[]>()
  for (const c of cases) {
    if (c.householdRef === null) continue
    const list = byHousehold.get(c.householdRef) ?? []
    list.push(c)
    byHousehold.set(c.householdRef, list)
  }
  const found: QualityFinding[] = []
  for (const [household, list] of byHousehold) {
    if (list.length < 2) continue
    for (const c of list) {
      const others = list.filter((o) => o !== c && overlap(c, o)).map((o) => o.caseRef)
      if (others.length > 0)
        found.push({
          kind: 'household_open_twice',
          caseRef: c.caseRef,
          activityIndex: null,
          field: 'household_ref',
          message: `Household ${household} is also open as case ${others.join(', ')}`,
        })
    }
  }
  return found
}

function overlap(a: MonitoringCase, b: MonitoringCase): boolean {
  if (isLive(a) && isLive(b)) return true
  // A completed case with no dates cannot be placed; the missing end date is flagged on its own.
  const endA = isLive(a) ? '9999-12-31' : a.caseEndDate
  const endB = isLive(b) ? '9999-12-31' : b.caseEndDate
  if (a.referralDate === null || b.referralDate === null || endA === null || endB === null) return false
  return a.referralDate < endB && b.referralDate < endA
}

/** One finding per field (for the data set), as the fix is training or the code list, not one case. */
function otherOveruse(cases: readonly MonitoringCase[], activities: readonly MonitoringActivity[]): QualityFinding[] {
  const found: QualityFinding[] = []
  for (const field of OTHER_FIELDS) {
    const answers: string[] =
      field === 'activity_type'
        ? activities.map((a) => a.activityType)
        : field === 'vulnerabilities'
          ? cases.flatMap((c) => c.vulnerabilities ?? [])
          : cases.flatMap((c) => {
              const v = valueOf(c, field)
              return typeof v === 'string' && !(field === 'accommodation_outcome' && v === 'unknown') ? [v] : []
            })
    const others = answers.filter((a) => a === 'other').length
    if (answers.length >= OTHER_MIN_ANSWERS && others > OTHER_SHARE_LIMIT * answers.length)
      found.push({
        kind: 'other_overused',
        caseRef: null,
        activityIndex: null,
        field,
        message: `${sentence(field)} is “other” in ${others} of ${answers.length} answers (${percent(others, answers.length)}%)`,
      })
  }
  return found
}

export interface MissingByField {
  field: MonitoredField
  /** Cases the field applies to. */
  base: number
  missing: number
  /** Whole-number percentage of the base, half up. */
  pct: number
}

export function missingByField(cases: readonly MonitoringCase[]): MissingByField[] {
  return MONITORED_FIELDS.map((field) => {
    let base = 0
    let missing = 0
    for (const c of cases) {
      if (!applies(field, c)) continue
      base++
      if (valueOf(c, field) === null) missing++
    }
    return { field, base, missing, pct: percent(missing, base) }
  })
}

export interface MissingByWorker {
  /** The worker as recorded; null gathers the cases with no worker. */
  worker: string | null
  cases: number
  /** Fields missing across the worker's cases (each case counts each applicable field once). */
  missing: number
  /** Missing fields as a whole-number percentage of the fields that applied, half up. */
  pct: number
  /** The fields most often missing, most first (ties in column order), at most WORST_FIELDS of them. */
  worstFields: { field: MonitoredField; missing: number }[]
}

export const WORST_FIELDS = 3

/** By worker, the most gaps first, so a manager sees whose recording to talk about. */
export function missingByWorker(cases: readonly MonitoringCase[]): MissingByWorker[] {
  const byWorker = new Map<string | null, { cases: number; applicable: number; missing: Map<MonitoredField, number> }>()
  for (const c of cases) {
    const entry = byWorker.get(c.worker) ?? { cases: 0, applicable: 0, missing: new Map<MonitoredField, number>() }
    entry.cases++
    for (const field of MONITORED_FIELDS) {
      if (!applies(field, c)) continue
      entry.applicable++
      if (valueOf(c, field) === null) entry.missing.set(field, (entry.missing.get(field) ?? 0) + 1)
    }
    byWorker.set(c.worker, entry)
  }
  return [...byWorker]
    .map(([worker, e]) => {
      const missing = [...e.missing.values()].reduce((a, b) => a + b, 0)
      const worstFields = MONITORED_FIELDS.filter((f) => e.missing.has(f))
        .map((field) => ({ field, missing: e.missing.get(field) ?? 0 }))
        .sort((a, b) => b.missing - a.missing)
        .slice(0, WORST_FIELDS)
      return { worker, cases: e.cases, missing, pct: percent(missing, e.applicable), worstFields }
    })
    .sort((a, b) => b.missing - a.missing || (a.worker ?? '\uffff').localeCompare(b.worker ?? '\uffff'))
}

/** 100 × part ÷ whole as a whole number, half up (evaluation-report.md); 0 of nothing is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((200 * part + whole) / (2 * whole))
}

function daysBetween(from: string, to: string): number {
  return LocalDate.parse(from).until(LocalDate.parse(to), ChronoUnit.DAYS)
}

function words(code: string): string {
  return code.replace(/_/g, ' ')
}

function sentence(field: string): string {
  const w = words(field)
  return w.charAt(0).toUpperCase() + w.slice(1)
}
