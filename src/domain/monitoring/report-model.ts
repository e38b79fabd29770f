/**
 * The evaluation report's JSON shape (docs/evaluation-report.md) and its arithmetic: percentages and
 * means rounded half up with integers only, so 12.5 is always 13 and never 12.499999.
 */

export interface ReportRow {
  key: string
  label: string
  n: number
  /** 100 × n ÷ base, a whole number rounded half up; null when the base is 0 (nothing to divide by). */
  pct: number | null
}

export interface MonthRow extends ReportRow {
  /** Mean of this month and the two before, one decimal place; null for the first two months. */
  rolling3: number | null
}

export interface BandRow extends ReportRow {
  /** From the cumulative count, not the sum of rounded percentages. */
  cumulativePct: number | null
}

export interface ReportTable<R extends ReportRow = ReportRow> {
  title: string
  base: number
  missing: number
  rows: R[]
}

/** One district's column of a matrix, based on that district's cases. */
export interface ReportColumn {
  key: string
  label: string
  base: number
  rows: ReportRow[]
}

export interface MatrixTable extends ReportTable {
  columns: ReportColumn[]
}

export interface SummaryTable extends ReportTable {
  total: number
  repeat: number
  live: number
  completed: number
}

export interface AgeTable extends ReportTable {
  mean: number | null
  aged25To44Pct: number | null
}

export interface RiskTable extends ReportTable {
  atRiskPct: number | null
}

/** A question with `dont_know`: `base` is the known answers, `dontKnow` beside it. */
export interface RebasedTable extends ReportTable {
  dontKnow: number
}

export interface VulnerabilitiesTable extends ReportTable {
  multiple: { n: number; pct: number | null }
  meanCount: number | null
}

export interface PreventionActivitiesTable extends ReportTable {
  activities: number
  mean: number | null
  min: number | null
  max: number | null
  types: ReportRow[]
  unmatched: number
}

export interface SupportDurationTable extends ReportTable {
  meanDays: number | null
  /** `relieved` and `no_duty_owed` (version 1.1) are given when the table lists their rows. */
  meanDaysByOutcome: {
    prevented: number | null
    unsuccessful: number | null
    withdrawn: number | null
    relieved?: number | null
    no_duty_owed?: number | null
  }
}

export interface EvaluationTables {
  summary: SummaryTable
  outcomes: ReportTable
  applicant_sex: ReportTable
  applicant_benefits: ReportTable
  applicant_employment: ReportTable
  applicant_uk_national: ReportTable
  applicant_age: AgeTable
  household_adults: ReportTable
  dependent_children: ReportTable
  household_type: ReportTable
  housing_status: ReportTable
  risk_at_assessment: RiskTable
  previously_homeless: RebasedTable
  previously_slept_rough: RebasedTable
  previously_in_temporary_accommodation: RebasedTable
  vulnerabilities: VulnerabilitiesTable
  primary_vulnerability: ReportTable
  referral_route: MatrixTable
  cases_by_district: ReportTable
  cases_by_month: ReportTable<MonthRow>
  prevention_activities: PreventionActivitiesTable
  relief_activity: ReportTable
  support_duration: SupportDurationTable
  support_duration_bands: ReportTable<BandRow>
  accommodation_outcome: ReportTable
  outcomes_by_district: MatrixTable
}

export type TableId = keyof EvaluationTables

/** The tables in the spec's order: the page, the CSV and the JSON all follow it. */
export const TABLE_IDS = [
  'summary',
  'outcomes',
  'applicant_sex',
  'applicant_benefits',
  'applicant_employment',
  'applicant_uk_national',
  'applicant_age',
  'household_adults',
  'dependent_children',
  'household_type',
  'housing_status',
  'risk_at_assessment',
  'previously_homeless',
  'previously_slept_rough',
  'previously_in_temporary_accommodation',
  'vulnerabilities',
  'primary_vulnerability',
  'referral_route',
  'cases_by_district',
  'cases_by_month',
  'prevention_activities',
  'relief_activity',
  'support_duration',
  'support_duration_bands',
  'accommodation_outcome',
  'outcomes_by_district',
] as const satisfies readonly TableId[]

export interface EvaluationFilters {
  programme: string[]
  /** YYYY-MM-DD, inclusive; null for no bound. */
  from: string | null
  to: string | null
  /** District names; empty for every district. */
  districts: string[]
}

export interface EvaluationReport {
  asOf: string
  filters: EvaluationFilters
  tables: EvaluationTables
}

/** 100 × n ÷ base rounded half up, in integers: floor((200n + base) ÷ 2base). Null for a base of 0. */
export function percentage(n: number, base: number): number | null {
  if (base === 0) return null
  return Math.floor((200 * n + base) / (2 * base))
}

/** sum ÷ count to one decimal place, half up, in integers (tenths first). Null for no values. */
export function mean1dp(sum: number, count: number): number | null {
  if (count === 0) return null
  return Math.floor((20 * sum + count) / (2 * count)) / 10
}

/** sum ÷ count to a whole number, half up. Null for no values. */
export function meanWhole(sum: number, count: number): number | null {
  if (count === 0) return null
  return Math.floor((2 * sum + count) / (2 * count))
}

/**
 * How a council's name reads in the report: "Epping Forest District Council" is "Epping Forest",
 * "Southend-on-Sea City Council" is "Southend-on-Sea". The evaluators name places, not councils.
 */
export function districtLabel(name: string): string {
  const stripped = name
    .trim()
    .replace(/\s+(Metropolitan\s+)?(Borough|District|City|County)?\s*Council$/i, '')
    .trim()
  return stripped === '' ? name.trim() : stripped
}

/** The district's key: its place name in lower snake_case (`epping_forest`, `southend_on_sea`). */
export function districtKey(name: string): string {
  return districtLabel(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}
