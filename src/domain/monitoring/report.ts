import { LocalDate } from '@js-joda/core'
import type { MonitoringActivity, MonitoringCase } from './record.ts'
import { isLive } from './record.ts'
import { RELIEVED_TABLE_TITLES, rowLabel, TABLE_TITLES } from './report-labels.ts'
import {
  districtKey,
  districtLabel,
  mean1dp,
  meanWhole,
  percentage,
  type BandRow,
  type EvaluationFilters,
  type EvaluationReport,
  type MonthRow,
  type ReportColumn,
  type ReportRow,
  type ReportTable,
  type TableId,
} from './report-model.ts'
import {
  ACCOMMODATION_OUTCOMES,
  ACTIVITY_TYPES,
  addedIn11,
  EMPLOYMENT,
  FIXED_ACCOMMODATION,
  REFERRAL_ROUTES,
  RISKS,
  SEXES,
  TEMPORARY_OR_OTHER,
  VULNERABILITIES,
  YES_NO,
} from './vocabulary.ts'

/**
 * The programme evaluation report (docs/evaluation-report.md), counted in one pass: the service feeds
 * every case of the chosen programmes, each with the types of the prevention activities matched to it,
 * then the number of activities that matched no case. Nothing is kept per case but what a rule needs:
 * the earliest referral per household, for repeats.
 *
 * Rules the spec leaves to us, chosen here:
 * - A percentage of a base of 0 is null ("no data"), never 0, so it cannot read as a finding.
 * - A value outside the programmes' vocabulary counts as not recorded (missing), so every table's
 *   rows add up to its base. Ages outside 16 to 110 are not recorded ages for the same reason (the
 *   data-quality checks flag them).
 * - A referral date that is not a real calendar date counts as no referral date.
 * - Repeat cases: a household's first-referred cases are those at the earliest referral date among
 *   all the cases fed for that household (any date, so a case referred before `from` makes a later
 *   one a repeat); cases tied at that date are all first. An undated case is a repeat when the
 *   household has any dated case; in a household with no dated case, the case with the lowest case
 *   reference is first, so the order cases are fed in never changes the report. Only cases in the
 *   population are counted as repeats.
 * - Districts are matched on the platform's district name, case-insensitively; a case whose district
 *   is not in the district list counts as no district recorded.
 * - A prevention activity counts when the case it is matched to is prevented and in the population;
 *   an activity that matched no case counts only as unmatched.
 * - Version 1.1 of the monitoring data added codes (vocabulary.ts, ADDED_IN_1_1). A row for such a code
 *   is listed only when some case fed to the report holds it (whatever the period), so a report of
 *   1.0 data keeps 1.0's shape; every other row is listed even at n = 0.
 * - `relieved` is a success beside `prevented`: a completed outcome with its own rows, counted with
 *   prevented in the accommodation outcomes and in the duration bands (with unsuccessful), while the
 *   prevention activities stay those of prevented cases. `no_duty_owed` is completed, neither a
 *   success nor a failure: it has its own rows and is left out of the bands, as withdrawn is.
 *   `not_at_risk` is a recorded risk that is not "at risk".
 */

/** What the report reads of a case: the fields its tables count, nothing else. */
export type ReportedCase = Pick<
  MonitoringCase,
  | 'caseRef'
  | 'householdRef'
  | 'district'
  | 'referralDate'
  | 'referralRoute'
  | 'applicantSex'
  | 'applicantAge'
  | 'applicantUkNational'
  | 'applicantReceivesBenefits'
  | 'applicantEmployment'
  | 'adults'
  | 'dependentChildren'
  | 'housingStatus'
  | 'riskAtAssessment'
  | 'previouslyHomeless'
  | 'previouslySleptRough'
  | 'previouslyInTemporaryAccommodation'
  | 'vulnerabilities'
  | 'primaryVulnerability'
  | 'outcome'
  | 'caseEndDate'
  | 'accommodationOutcome'
  | 'reliefActivity'
> & {
  /** The types of the prevention activities matched to the case, in any order. */
  preventionActivityTypes: readonly string[]
}

/**
 * Cases with the types of their prevention activities, matched by case reference (references are
 * unique within a programme: over several programmes this assumes they do not collide), and how
 * many activities matched no case. For data already in memory; the database keeps the types with
 * each imported record.
 */
export function withPreventionActivities(
  cases: Iterable<MonitoringCase>,
  activities: Iterable<MonitoringActivity>,
): { cases: ReportedCase[]; unmatchedActivities: number } {
  const types = new Map<string, string[]>()
  let unmatchedActivities = 0
  for (const a of activities) {
    if (a.caseRef === null) unmatchedActivities++
    else if (a.stage === 'prevention') {
      const list = types.get(a.caseRef)
      if (list === undefined) types.set(a.caseRef, [a.activityType])
      else list.push(a.activityType)
    }
  }
  return { cases: [...cases].map((c) => ({ ...c, preventionActivityTypes: types.get(c.caseRef) ?? [] })), unmatchedActivities }
}

export interface EvaluationTallyOptions {
  /** YYYY-MM-DD: durations ending after this date are not valid yet. */
  asOf: string
  filters: EvaluationFilters
  /** Every district the report lists, in order (the matrices' columns and `cases_by_district`'s rows). */
  districts: { name: string }[]
}

export interface EvaluationTally {
  addCase(c: ReportedCase): void
  /** Activities kept although they matched no case: counted, never placed. */
  addUnmatchedActivities(count: number): void
  finish(): EvaluationReport
}

const AGE_BANDS = ['16_17', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const
const SIZES = ['one', 'two', 'three', 'four_or_more'] as const
const CHILDREN = ['none', ...SIZES] as const
const HOUSEHOLD_TYPES = ['single_adult_no_children', 'single_male_no_children', 'with_dependent_children'] as const
const ACTIVITY_BANDS = ['1', '2_8', '9_plus'] as const
const COMPLETED = ['prevented', 'relieved', 'withdrawn', 'unsuccessful', 'no_duty_owed'] as const
const COMPLETED_BY_DISTRICT = ['prevented', 'relieved', 'unsuccessful', 'withdrawn', 'no_duty_owed'] as const
type Completed = (typeof COMPLETED)[number]
const isCompleted = (outcome: string | null): outcome is Completed => (COMPLETED as readonly (string | null)[]).includes(outcome)
/** The outcomes whose cases are placed in the duration bands: the household housed, or not. */
const BANDED: readonly Completed[] = ['prevented', 'relieved', 'unsuccessful']
const ANOTHER_TENANCY = ['private_tenancy', 'social_tenancy', 'local_authority_tenancy', 'voluntary_organisation_tenancy'] as const
const ACCOMMODATION_ROWS = [
  'remained_in_own_home',
  'another_tenancy',
  ...ANOTHER_TENANCY,
  'friends_family',
  'supported_housing',
  'hostel',
  'shared_property',
  'own_arrangements',
  'other',
] as const
export const DURATION_BANDS = [
  ...Array.from({ length: 12 }, (_, i) => (i === 0 ? 'up_to_1_week' : `up_to_${String(i + 1)}_weeks`)),
  'up_to_16_weeks',
  'up_to_20_weeks',
  'up_to_24_weeks',
  'more_than_24_weeks',
]

/** The band of a support duration in days: 0 to 7 is week 1, 8 to 14 week 2, … 85 to 112 is 16 weeks. */
export function durationBand(days: number): number {
  if (days <= 7) return 0
  if (days <= 84) return Math.ceil(days / 7) - 1
  if (days <= 112) return 12
  if (days <= 140) return 13
  if (days <= 168) return 14
  return 15
}

/** Counts of the values of one question, with only the question's own codes counted as recorded. */
class Tally {
  base = 0
  // A million cases pass through a few dozen of these: one lookup per value, counts in an array.
  private readonly index: ReadonlyMap<string, number>
  private readonly counts: number[]

  constructor(codes: readonly string[]) {
    this.index = new Map(codes.map((code, i) => [code, i]))
    this.counts = codes.map(() => 0)
  }

  add(value: string | null): void {
    if (value === null) return
    const i = this.index.get(value)
    if (i === undefined) return
    this.base++
    this.counts[i] = (this.counts[i] ?? 0) + 1
  }

  /** Whether the value is one of the question's codes. */
  has(value: string): boolean {
    return this.index.has(value)
  }

  set(key: string, n: number): this {
    const i = this.index.get(key)
    if (i !== undefined) this.counts[i] = n
    return this
  }

  n(key: string): number {
    const i = this.index.get(key)
    return i === undefined ? 0 : (this.counts[i] ?? 0)
  }

  sum(keys: readonly string[]): number {
    return keys.reduce((total, key) => total + this.n(key), 0)
  }
}

function row(key: string, n: number, base: number): ReportRow {
  return { key, label: rowLabel(key), n, pct: percentage(n, base) }
}

function rows(keys: readonly string[], tally: Tally): ReportRow[] {
  return keys.map((key) => row(key, tally.n(key), tally.base))
}

function table(id: TableId, population: number, tally: Tally, keys: readonly string[]): ReportTable {
  return { title: TABLE_TITLES[id], base: tally.base, missing: population - tally.base, rows: rows(keys, tally) }
}

/** A calendar date, or null for anything that is not one (`2023-02-30` included). */
function epochDay(value: string | null): number | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  try {
    return LocalDate.parse(value).toEpochDay()
  } catch {
    return null
  }
}

interface Household {
  earliest: number | null
  /** Cases in the population referred on the earliest date. */
  firstInPopulation: number
  datedInPopulation: number
  undatedInPopulation: number
  /** The lowest case reference among its undated cases (the first case of a household with no dates). */
  lowestUndatedRef: string | null
  lowestUndatedInPopulation: boolean
}

export function createEvaluationTally(options: EvaluationTallyOptions): EvaluationTally {
  const { asOf, filters } = options
  // Dates repeat across cases (a few thousand distinct days in years of data): parse each once.
  const days = new Map<string, number | null>()
  const dayOf = (value: string | null): number | null => {
    if (value === null) return null
    let day = days.get(value)
    if (day === undefined) {
      day = epochDay(value)
      if (days.size < 100_000) days.set(value, day)
    }
    return day
  }
  const asOfParsed = epochDay(asOf)
  if (asOfParsed === null) throw new RangeError(`asOf is not a date: ${asOf}`)
  const asOfDay: number = asOfParsed
  const from = filters.from === null ? null : epochDay(filters.from)
  const to = filters.to === null ? null : epochDay(filters.to)
  const ranged = filters.from !== null || filters.to !== null
  const districtFilter = new Set(filters.districts.map((d) => d.toLowerCase()))
  const districtIndex = new Map(options.districts.map((d, i) => [d.name.toLowerCase(), i]))
  const perDistrict = <T>(make: () => T): T[] => options.districts.map(make)

  let total = 0
  let live = 0
  const households = new Map<string, Household>()
  const outcomes = new Tally(COMPLETED)
  const sex = new Tally(SEXES)
  const benefits = new Tally(YES_NO)
  const employment = new Tally(EMPLOYMENT)
  const ukNational = new Tally(YES_NO)
  const ages = new Tally(AGE_BANDS)
  let ageSum = 0
  const adults = new Tally(SIZES)
  const children = new Tally(CHILDREN)
  const householdTypes = new Tally(HOUSEHOLD_TYPES)
  const housing = new Tally([...FIXED_ACCOMMODATION, ...TEMPORARY_OR_OTHER])
  const risk = new Tally(RISKS)
  const everHomeless = new Tally(['yes', 'no', 'dont_know'])
  const sleptRough = new Tally(['yes', 'no', 'dont_know'])
  const temporary = new Tally(['yes', 'no', 'dont_know'])
  const vulnerabilities = new Tally(VULNERABILITIES)
  let vulnerabilitiesBase = 0
  let vulnerabilityCount = 0
  let multiple = 0
  const primary = new Tally(VULNERABILITIES)
  const routes = new Tally(REFERRAL_ROUTES)
  const routesByDistrict = perDistrict(() => new Tally(REFERRAL_ROUTES))
  const byDistrict = new Tally(options.districts.map((_, i) => String(i)))
  const months = new Map<number, number>()
  const activityBands = new Tally(ACTIVITY_BANDS)
  const activityTypes = new Tally(ACTIVITY_TYPES)
  let activities = 0
  let fewestActivities: number | null = null
  let mostActivities: number | null = null
  let unmatched = 0
  const relief = new Tally(YES_NO)
  const durations: Record<Completed, { sum: number; n: number }> = {
    prevented: { sum: 0, n: 0 },
    relieved: { sum: 0, n: 0 },
    unsuccessful: { sum: 0, n: 0 },
    withdrawn: { sum: 0, n: 0 },
    no_duty_owed: { sum: 0, n: 0 },
  }
  /** The codes added in version 1.1 that some case holds: only their rows are listed. */
  const added = new Set<string>()
  const bands = new Tally(DURATION_BANDS)
  const accommodation = new Tally(ACCOMMODATION_OUTCOMES.filter((o) => o !== 'unknown'))
  const outcomesByDistrict = perDistrict(() => new Tally(COMPLETED))

  function inPopulation(c: ReportedCase, referral: number | null): boolean {
    if (ranged) {
      if (referral === null) return false
      if (from !== null && referral < from) return false
      if (to !== null && referral > to) return false
    }
    return districtFilter.size === 0 || (c.district !== null && districtFilter.has(c.district.toLowerCase()))
  }

  function trackHousehold(ref: string, caseRef: string, referral: number | null, counted: boolean): void {
    let h = households.get(ref)
    if (h === undefined) {
      h = {
        earliest: null,
        firstInPopulation: 0,
        datedInPopulation: 0,
        undatedInPopulation: 0,
        lowestUndatedRef: null,
        lowestUndatedInPopulation: false,
      }
      households.set(ref, h)
    }
    if (referral === null) {
      if (counted) h.undatedInPopulation++
      if (h.lowestUndatedRef === null || caseRef < h.lowestUndatedRef) {
        h.lowestUndatedRef = caseRef
        h.lowestUndatedInPopulation = counted
      }
      return
    }
    if (counted) h.datedInPopulation++
    if (h.earliest === null || referral < h.earliest) {
      h.earliest = referral
      h.firstInPopulation = counted ? 1 : 0
    } else if (referral === h.earliest && counted) {
      h.firstInPopulation++
    }
  }

  function addCase(c: ReportedCase): void {
    if (addedIn11(c.outcome) && c.outcome !== null) added.add(c.outcome)
    if (addedIn11(c.riskAtAssessment) && c.riskAtAssessment !== null) added.add(c.riskAtAssessment)
    const referral = dayOf(c.referralDate)
    const counted = inPopulation(c, referral)
    if (c.householdRef !== null && c.householdRef !== '') trackHousehold(c.householdRef, c.caseRef, referral, counted)
    if (!counted) return

    total++
    if (isLive(c)) live++
    const district = c.district === null ? undefined : districtIndex.get(c.district.toLowerCase())
    sex.add(c.applicantSex)
    benefits.add(c.applicantReceivesBenefits)
    employment.add(c.applicantEmployment)
    ukNational.add(c.applicantUkNational)
    const age = c.applicantAge
    if (age !== null && Number.isInteger(age) && age >= 16 && age <= 110) {
      ages.add(age < 18 ? '16_17' : age < 25 ? '18_24' : age >= 65 ? '65_plus' : (AGE_BANDS[Math.floor((age - 25) / 10) + 2] ?? null))
      ageSum += age
    }
    const a = c.adults
    const k = c.dependentChildren
    if (a !== null && k !== null && Number.isInteger(a) && Number.isInteger(k) && a >= 1 && k >= 0) {
      adults.add(SIZES[Math.min(a, 4) - 1] ?? null)
      children.add(CHILDREN[Math.min(k, 4)] ?? null)
      // The types overlap (a single man is a single adult), so each is counted against the same base.
      if (a === 1 && k === 0) householdTypes.add('single_adult_no_children')
      if (a === 1 && k === 0 && c.applicantSex === 'male') householdTypes.add('single_male_no_children')
      if (k > 0) householdTypes.add('with_dependent_children')
      householdTypes.base = adults.base
    }
    housing.add(c.housingStatus)
    risk.add(c.riskAtAssessment)
    everHomeless.add(c.previouslyHomeless)
    sleptRough.add(c.previouslySleptRough)
    temporary.add(c.previouslyInTemporaryAccommodation)
    if (c.vulnerabilities !== null) {
      const listed = c.vulnerabilities
      let distinct = 0
      for (let i = 0; i < listed.length; i++) {
        const v = listed[i]
        if (v !== undefined && vulnerabilities.has(v) && listed.indexOf(v) === i) {
          distinct++
          vulnerabilities.add(v)
        }
      }
      vulnerabilitiesBase++
      vulnerabilityCount += distinct
      if (distinct >= 2) multiple++
    }
    primary.add(c.primaryVulnerability)
    routes.add(c.referralRoute)
    if (district !== undefined) {
      routesByDistrict[district]?.add(c.referralRoute)
      byDistrict.add(String(district))
    }
    if (referral !== null && c.referralDate !== null) {
      const month = Number(c.referralDate.slice(0, 4)) * 12 + Number(c.referralDate.slice(5, 7)) - 1
      months.set(month, (months.get(month) ?? 0) + 1)
    }

    const outcome = c.outcome
    if (!isCompleted(outcome)) return
    outcomes.add(outcome)
    if (district !== undefined) outcomesByDistrict[district]?.add(outcome)
    relief.add(c.reliefActivity)
    if (outcome === 'prevented' || outcome === 'relieved') accommodation.add(c.accommodationOutcome)
    if (outcome === 'prevented') countActivities(c.preventionActivityTypes)
    const end = dayOf(c.caseEndDate)
    if (referral !== null && end !== null && referral <= end && end <= asOfDay) {
      const days = end - referral
      durations[outcome].sum += days
      durations[outcome].n++
      if (BANDED.includes(outcome)) bands.add(DURATION_BANDS[durationBand(days)] ?? null)
    }
  }

  /** A prevented case's prevention activities: a case with none is outside the activity bands. */
  function countActivities(types: readonly string[]): void {
    const n = types.length
    if (n === 0) return
    activityBands.add(n === 1 ? '1' : n <= 8 ? '2_8' : '9_plus')
    activities += n
    fewestActivities = fewestActivities === null ? n : Math.min(fewestActivities, n)
    mostActivities = mostActivities === null ? n : Math.max(mostActivities, n)
    for (const type of types) activityTypes.add(type)
  }

  function addUnmatchedActivities(count: number): void {
    unmatched += count
  }

  function finish(): EvaluationReport {
    /** A list's rows as the report shows them: a code version 1.1 added only when some case holds it. */
    const shown = <K extends string>(keys: readonly K[]): K[] => keys.filter((key) => !addedIn11(key) || added.has(key))
    const relieved = added.has('relieved')
    const completedRows = shown(COMPLETED)
    const completedByDistrict = shown(COMPLETED_BY_DISTRICT)
    const successful = outcomes.n('prevented') + outcomes.n('relieved')
    let repeat = 0
    for (const h of households.values()) {
      repeat +=
        h.earliest !== null
          ? h.datedInPopulation - h.firstInPopulation + h.undatedInPopulation
          : h.undatedInPopulation - (h.lowestUndatedInPopulation ? 1 : 0)
    }
    const completed = outcomes.base
    const summaryBase = new Tally(['live', 'completed', 'repeat'])
    summaryBase.set('live', live).set('completed', completed).set('repeat', repeat)
    summaryBase.base = total

    const ageRows = rows(AGE_BANDS, ages)
    const rebased = (id: TableId, t: Tally) => {
      const known = t.n('yes') + t.n('no')
      return {
        title: TABLE_TITLES[id],
        base: known,
        missing: total - t.base,
        rows: YES_NO.map((key) => row(key, t.n(key), known)),
        dontKnow: t.n('dont_know'),
      }
    }

    const employed = employment.sum(['full_time', 'part_time', 'self_employed'])
    const fixed = housing.sum(FIXED_ACCOMMODATION)

    const monthKeys = [...months.keys()]
    const monthRows: MonthRow[] = []
    if (monthKeys.length > 0) {
      const first = monthKeys.reduce((a, b) => Math.min(a, b))
      const last = monthKeys.reduce((a, b) => Math.max(a, b))
      const dated = [...months.values()].reduce((s, n) => s + n, 0)
      const counts: number[] = []
      for (let m = first; m <= last; m++) {
        const n = months.get(m) ?? 0
        counts.push(n)
        const key = `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`
        const i = counts.length - 1
        const rolling3 = i < 2 ? null : mean1dp(n + (counts[i - 1] ?? 0) + (counts[i - 2] ?? 0), 3)
        monthRows.push({ ...row(key, n, dated), rolling3 })
      }
    }
    const monthsBase = monthRows.reduce((s, r) => s + r.n, 0)

    const bandRows: BandRow[] = []
    let cumulative = 0
    for (const key of DURATION_BANDS) {
      cumulative += bands.n(key)
      bandRows.push({ ...row(key, bands.n(key), bands.base), cumulativePct: percentage(cumulative, bands.base) })
    }
    const validDurations = COMPLETED.reduce((n, key) => n + durations[key].n, 0)
    const durationSum = COMPLETED.reduce((sum, key) => sum + durations[key].sum, 0)
    const meanDays = (key: Completed) => meanWhole(durations[key].sum, durations[key].n)
    const columns = (tallies: Tally[], keys: readonly string[]): ReportColumn[] =>
      options.districts.map((d, i) => {
        const t = tallies[i] ?? new Tally(keys)
        return { key: districtKey(d.name), label: districtLabel(d.name), base: t.base, rows: rows(keys, t) }
      })

    return {
      asOf,
      filters,
      tables: {
        summary: { ...table('summary', total, summaryBase, ['live', 'completed', 'repeat']), total, repeat, live, completed },
        outcomes: table('outcomes', completed, outcomes, completedRows),
        applicant_sex: table('applicant_sex', total, sex, SEXES),
        applicant_benefits: table('applicant_benefits', total, benefits, YES_NO),
        applicant_employment: {
          ...table('applicant_employment', total, employment, EMPLOYMENT),
          rows: [row('employed', employed, employment.base), ...rows(EMPLOYMENT, employment)],
        },
        applicant_uk_national: table('applicant_uk_national', total, ukNational, YES_NO),
        applicant_age: {
          ...table('applicant_age', total, ages, AGE_BANDS),
          rows: ageRows,
          mean: mean1dp(ageSum, ages.base),
          aged25To44Pct: percentage(ages.sum(['25_34', '35_44']), ages.base),
        },
        household_adults: table('household_adults', total, adults, SIZES),
        dependent_children: table('dependent_children', total, children, CHILDREN),
        household_type: table('household_type', total, householdTypes, HOUSEHOLD_TYPES),
        housing_status: {
          ...table('housing_status', total, housing, []),
          rows: [
            row('fixed_accommodation', fixed, housing.base),
            ...rows(FIXED_ACCOMMODATION, housing),
            row('temporary_or_other', housing.base - fixed, housing.base),
            ...rows(TEMPORARY_OR_OTHER, housing),
          ],
        },
        risk_at_assessment: {
          ...table('risk_at_assessment', total, risk, shown(RISKS)),
          atRiskPct: percentage(risk.base - risk.n('homeless') - risk.n('not_at_risk'), risk.base),
        },
        previously_homeless: rebased('previously_homeless', everHomeless),
        previously_slept_rough: rebased('previously_slept_rough', sleptRough),
        previously_in_temporary_accommodation: rebased('previously_in_temporary_accommodation', temporary),
        vulnerabilities: {
          title: TABLE_TITLES.vulnerabilities,
          base: vulnerabilitiesBase,
          missing: total - vulnerabilitiesBase,
          rows: VULNERABILITIES.map((key) => row(key, vulnerabilities.n(key), vulnerabilitiesBase)),
          multiple: { n: multiple, pct: percentage(multiple, vulnerabilitiesBase) },
          meanCount: mean1dp(vulnerabilityCount, vulnerabilitiesBase),
        },
        primary_vulnerability: table('primary_vulnerability', total, primary, VULNERABILITIES),
        referral_route: { ...table('referral_route', total, routes, REFERRAL_ROUTES), columns: columns(routesByDistrict, REFERRAL_ROUTES) },
        cases_by_district: {
          title: TABLE_TITLES.cases_by_district,
          base: byDistrict.base,
          missing: total - byDistrict.base,
          rows: options.districts.map((d, i) => ({
            ...row(districtKey(d.name), byDistrict.n(String(i)), byDistrict.base),
            label: districtLabel(d.name),
          })),
        },
        cases_by_month: { title: TABLE_TITLES.cases_by_month, base: monthsBase, missing: total - monthsBase, rows: monthRows },
        prevention_activities: {
          ...table('prevention_activities', outcomes.n('prevented'), activityBands, ACTIVITY_BANDS),
          activities,
          mean: mean1dp(activities, activityBands.base),
          min: fewestActivities,
          max: mostActivities,
          types: ACTIVITY_TYPES.map((key) => row(key, activityTypes.n(key), activities)),
          unmatched,
        },
        relief_activity: table('relief_activity', completed, relief, YES_NO),
        support_duration: {
          title: TABLE_TITLES.support_duration,
          base: validDurations,
          missing: completed - validDurations,
          rows: completedRows.map((key) => row(key, durations[key].n, validDurations)),
          meanDays: meanWhole(durationSum, validDurations),
          meanDaysByOutcome: {
            prevented: meanDays('prevented'),
            unsuccessful: meanDays('unsuccessful'),
            withdrawn: meanDays('withdrawn'),
            ...Object.fromEntries(completedRows.filter(addedIn11).map((key) => [key, meanDays(key)])),
          },
        },
        support_duration_bands: {
          title: relieved ? RELIEVED_TABLE_TITLES.support_duration_bands : TABLE_TITLES.support_duration_bands,
          base: bands.base,
          missing: BANDED.reduce((n, key) => n + outcomes.n(key), 0) - bands.base,
          rows: bandRows,
        },
        accommodation_outcome: {
          ...table('accommodation_outcome', successful, accommodation, []),
          title: relieved ? RELIEVED_TABLE_TITLES.accommodation_outcome : TABLE_TITLES.accommodation_outcome,
          rows: ACCOMMODATION_ROWS.map((key) =>
            row(key, key === 'another_tenancy' ? accommodation.sum(ANOTHER_TENANCY) : accommodation.n(key), accommodation.base),
          ),
        },
        outcomes_by_district: {
          ...table('outcomes_by_district', completed, outcomes, completedByDistrict),
          columns: columns(outcomesByDistrict, completedByDistrict),
        },
      },
    }
  }

  return { addCase, addUnmatchedActivities, finish }
}

/** The same report over arrays: for tests, and for callers that already hold the data. */
export function evaluationReport(input: {
  cases: Iterable<MonitoringCase>
  activities: Iterable<MonitoringActivity>
  asOf: string
  filters: EvaluationFilters
  districts: { name: string }[]
}): EvaluationReport {
  const tally = createEvaluationTally(input)
  const { cases, unmatchedActivities } = withPreventionActivities(input.cases, input.activities)
  for (const c of cases) tally.addCase(c)
  tally.addUnmatchedActivities(unmatchedActivities)
  return tally.finish()
}
