import { readDate } from './dates.ts'
import { FLAG_KINDS, type IMPORT_WARNING_KINDS } from './flags.ts'
import { ACTIVITY_COLUMNS, CASE_COLUMNS, type MonitoringActivity, type MonitoringCase } from './record.ts'
import {
  ACCOMMODATION_OUTCOMES,
  ACTIVITY_STAGES,
  ACTIVITY_TYPES,
  COMPLETED_OUTCOMES,
  EMPLOYMENT,
  ETHNICITIES,
  HOUSING_STATUSES,
  OUTCOMES,
  REFERRAL_ROUTES,
  RISKS,
  SEXES,
  VULNERABILITIES,
  YES_NO,
  YES_NO_DONT_KNOW,
} from './vocabulary.ts'

/**
 * Reading one row of a programme's cases.csv or activities.csv (docs/monitoring-data.md) into its
 * typed record, or into every problem it has, each said so that the person who keeps the spreadsheet
 * can find the cell and put it right. Pure: the districts the platform knows and the date of the
 * import are passed in.
 */

/** One reason a file cannot be imported, pointing at a cell as a spreadsheet shows it (header = row 1). */
export interface Problem {
  file: string
  row: number
  /** The column's name as the header gives it; empty for a problem with the row as a whole. */
  column: string
  value: string
  message: string
}

export type ImportWarningKind = (typeof IMPORT_WARNING_KINDS)[number]

/** Imported anyway, and raised as a data-quality flag on the record. */
export interface Warning {
  kind: ImportWarningKind
  field: string | null
  message: string
}

export interface District {
  id: string
  name: string
  onsCode: string | null
}

/** The districts by lower-case name and by ONS code, for matching a `district` cell. */
export type DistrictIndex = ReadonlyMap<string, District>

export function districtIndex(districts: readonly District[]): DistrictIndex {
  const index = new Map<string, District>()
  for (const d of districts) {
    index.set(d.name.toLowerCase(), d)
    if (d.onsCode !== null) index.set(d.onsCode.toLowerCase(), d)
  }
  return index
}

export type FileKind = 'cases' | 'activities'

const COLUMNS: Record<FileKind, readonly string[]> = { cases: CASE_COLUMNS, activities: ACTIVITY_COLUMNS }

/** Which known column each position of the file holds (null where the header's name is not one). */
export interface Header {
  kind: FileKind
  file: string
  columns: readonly (string | null)[]
}

export const MAX_CASE_REF_LENGTH = 64
/** Larger than any plausible age or household size, and well inside a database integer. */
const MAX_NUMBER = 999

const quoted = (value: string) => `'${value}'`

/** The closest known column to a mistyped one, when it is close enough to be the likely meaning. */
function likelyColumn(name: string, known: readonly string[]): string | null {
  let best: string | null = null
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1
  for (const candidate of known) {
    const distance = editDistance(name, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The header row: columns in any order, named case-insensitively. An unknown column is an error (it is
 * almost always a typo, and its data would otherwise be lost without anyone noticing).
 */
export function readHeader(kind: FileKind, file: string, cells: readonly string[]): { header: Header; problems: Problem[] } {
  const known = COLUMNS[kind]
  const problems: Problem[] = []
  const seen = new Set<string>()
  const columns = cells.map((cell) => {
    const name = cell.trim().toLowerCase()
    if (name === '') {
      problems.push({ file, row: 1, column: '', value: cell, message: 'A column has no name in the header row' })
      return null
    }
    if (!known.includes(name)) {
      const likely = likelyColumn(name, known)
      problems.push({
        file,
        row: 1,
        column: cell.trim(),
        value: cell.trim(),
        message: `${quoted(cell.trim())} is not a column of ${file}${likely ? `: did you mean ${likely}?` : ''}`,
      })
      return null
    }
    if (seen.has(name)) {
      problems.push({ file, row: 1, column: name, value: cell.trim(), message: `The column ${name} appears more than once in the header` })
      return null
    }
    seen.add(name)
    return name
  })
  const required = kind === 'cases' ? ['case_ref'] : ['activity_type']
  for (const name of required) {
    if (!seen.has(name)) problems.push({ file, row: 1, column: name, value: '', message: `The required column ${name} is missing` })
  }
  if (kind === 'activities' && !seen.has('case_ref') && !seen.has('household_ref'))
    problems.push({
      file,
      row: 1,
      column: 'case_ref',
      value: '',
      message: 'activities.csv needs a case_ref or household_ref column to link activities to cases',
    })
  return { header: { kind, file, columns }, problems }
}

/** True for a row with nothing in it (a blank line at the end of a spreadsheet's export). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}

/**
 * Text cells beginning with = + - or @ are written by the export with a leading apostrophe, so that a
 * spreadsheet shows them as text instead of running them as formulas. Reading undoes exactly that: one
 * apostrophe is dropped where apostrophes are followed by one of those characters, which is also what
 * the apostrophe means to a person typing into a spreadsheet. Every text survives the round trip.
 */
const FORMULA_START = /^'*[=+\-@]/
const ESCAPED_FORMULA = /^'+[=+\-@]/

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function restoreFormula(text: string): string {
  return ESCAPED_FORMULA.test(text) ? text.slice(1) : text
}

/** The cells of one row by column name, and the problems collected while reading them. */
class RowReader {
  readonly problems: Problem[] = []
  private readonly values = new Map<string, string>()
  private readonly file: string
  private readonly row: number

  constructor(header: Header, cells: readonly string[], row: number) {
    this.file = header.file
    this.row = row
    if (cells.length > header.columns.length)
      this.problem(
        '',
        cells.slice(header.columns.length).join(','),
        `This row has ${cells.length} values but the header names ${header.columns.length} columns`,
      )
    header.columns.forEach((column, i) => {
      const value = cells[i]?.trim() ?? ''
      if (column !== null && value !== '') this.values.set(column, value)
    })
  }

  problem(column: string, value: string, message: string): void {
    this.problems.push({ file: this.file, row: this.row, column, value, message })
  }

  raw(column: string): string | null {
    return this.values.get(column) ?? null
  }

  text(column: string): string | null {
    const value = this.raw(column)
    return value === null ? null : restoreFormula(value)
  }

  code<T extends string>(column: string, codes: readonly T[]): T | null {
    const value = this.raw(column)
    if (value === null) return null
    const code = value.toLowerCase() as T
    if (codes.includes(code)) return code
    this.problem(column, value, `${quoted(value)} is not a code for ${column}: use ${listOf(codes)}`)
    return null
  }

  date(column: string): string | null {
    const value = this.raw(column)
    if (value === null) return null
    const date = readDate(value)
    if (date === null) this.problem(column, value, `${quoted(value)} is not a date: use YYYY-MM-DD or DD/MM/YYYY`)
    return date
  }

  wholeNumber(column: string, least: number): number | null {
    const value = this.raw(column)
    if (value === null) return null
    if (!/^\d+$/.test(value)) {
      this.problem(column, value, `${quoted(value)} is not a whole number`)
      return null
    }
    const n = Number(value)
    if (n < least) {
      this.problem(column, value, `${quoted(value)} is too small: ${column} is at least ${least}`)
      return null
    }
    if (n > MAX_NUMBER) {
      this.problem(column, value, `${quoted(value)} is too large for ${column}`)
      return null
    }
    return n
  }
}

function listOf(codes: readonly string[]): string {
  return codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1] ?? ''}`
}

export type ReadResult<T> = { ok: true; record: T } | { ok: false; problems: Problem[] }

export interface ReadCase {
  case: MonitoringCase
  /** The housing authority that holds the case: its district, else the programme's lead. */
  authorityId: string
}

export interface CaseContext {
  districts: DistrictIndex
  /**
   * The programme's lead organisation, which holds the cases that name no district (the district is
   * optional in the spec): a county leading a programme then sees them among its own.
   */
  lead: { id: string; name: string }
}

/** The case_ref cell of a row, as read, whatever else is wrong with the row (for finding duplicates). */
export function caseRefOf(header: Header, cells: readonly string[]): string | null {
  const value = cells[header.columns.indexOf('case_ref')]?.trim() ?? ''
  return value === '' ? null : restoreFormula(value)
}

/** One row of cases.csv. */
export function readCaseRow(header: Header, cells: readonly string[], row: number, context: CaseContext): ReadResult<ReadCase> {
  const { districts, lead } = context
  const r = new RowReader(header, cells, row)
  const caseRef = r.text('case_ref')
  if (caseRef === null) {
    if (header.columns.includes('case_ref')) r.problem('case_ref', '', 'case_ref is required: every case needs one')
  } else if (caseRef.length > MAX_CASE_REF_LENGTH)
    r.problem('case_ref', caseRef, `case_ref is ${caseRef.length} characters long: at most ${MAX_CASE_REF_LENGTH}`)

  const districtText = r.raw('district')
  const district = districtText === null ? null : (districts.get(districtText.toLowerCase()) ?? null)
  if (districtText !== null && district === null)
    r.problem(
      'district',
      districtText,
      `${quoted(districtText)} is not a local housing authority known to the platform: give its name or its ONS code`,
    )

  const vulnerabilities = readVulnerabilities(r)
  const record: MonitoringCase = {
    caseRef: caseRef ?? '',
    householdRef: r.text('household_ref'),
    district: district?.name ?? null,
    provider: r.text('provider'),
    worker: r.text('worker'),
    referralDate: r.date('referral_date'),
    recordedDate: r.date('recorded_date'),
    referralRoute: r.code('referral_route', REFERRAL_ROUTES),
    referralAgency: r.text('referral_agency'),
    applicantSex: r.code('applicant_sex', SEXES),
    applicantAge: r.wholeNumber('applicant_age', 0),
    applicantUkNational: r.code('applicant_uk_national', YES_NO),
    applicantEthnicity: r.code('applicant_ethnicity', ETHNICITIES),
    applicantReceivesBenefits: r.code('applicant_receives_benefits', YES_NO),
    applicantEmployment: r.code('applicant_employment', EMPLOYMENT),
    adults: r.wholeNumber('adults', 1),
    dependentChildren: r.wholeNumber('dependent_children', 0),
    housingStatus: r.code('housing_status', HOUSING_STATUSES),
    riskAtAssessment: r.code('risk_at_assessment', RISKS),
    previouslyHomeless: r.code('previously_homeless', YES_NO_DONT_KNOW),
    previouslySleptRough: r.code('previously_slept_rough', YES_NO_DONT_KNOW),
    previouslyInTemporaryAccommodation: r.code('previously_in_temporary_accommodation', YES_NO_DONT_KNOW),
    vulnerabilities,
    primaryVulnerability: r.code('primary_vulnerability', VULNERABILITIES),
    outcome: r.code('outcome', OUTCOMES),
    caseEndDate: r.date('case_end_date'),
    accommodationOutcome: r.code('accommodation_outcome', ACCOMMODATION_OUTCOMES),
    reliefActivity: r.code('relief_activity', YES_NO),
    comments: r.text('comments'),
  }
  return r.problems.length > 0
    ? { ok: false, problems: r.problems }
    : { ok: true, record: { case: record, authorityId: district?.id ?? lead.id } }
}

/** A `;`-list of vulnerabilities; `none` records that there are none (unlike an empty cell). */
function readVulnerabilities(r: RowReader): string[] | null {
  const value = r.raw('vulnerabilities')
  if (value === null) return null
  const items = value
    .split(';')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '')
  if (items.includes('none')) {
    if (items.length > 1) r.problem('vulnerabilities', value, `${quoted(value)} lists vulnerabilities and none: use one or the other`)
    return []
  }
  const unknown = items.filter((item) => !(VULNERABILITIES as readonly string[]).includes(item))
  for (const item of unknown)
    r.problem('vulnerabilities', value, `${quoted(item)} is not a code for vulnerabilities: use ${listOf([...VULNERABILITIES, 'none'])}`)
  if (items.length === 0) r.problem('vulnerabilities', value, `${quoted(value)} names no vulnerability: use none if there are none`)
  return [...new Set(items)]
}

/** One row of activities.csv. */
export function readActivityRow(header: Header, cells: readonly string[], row: number): ReadResult<MonitoringActivity> {
  const r = new RowReader(header, cells, row)
  const caseRef = r.text('case_ref')
  const householdRef = r.text('household_ref')
  if (caseRef === null && householdRef === null && (header.columns.includes('case_ref') || header.columns.includes('household_ref')))
    r.problem(
      header.columns.includes('case_ref') ? 'case_ref' : 'household_ref',
      '',
      'Give a case_ref or a household_ref: an activity must say whose it is',
    )
  const activityType = r.code('activity_type', ACTIVITY_TYPES)
  if (r.raw('activity_type') === null && header.columns.includes('activity_type'))
    r.problem('activity_type', '', 'activity_type is required: say what was done')
  const record: MonitoringActivity = {
    caseRef,
    householdRef,
    activityDate: r.date('activity_date'),
    activityType: activityType ?? '',
    stage: r.code('stage', ACTIVITY_STAGES) ?? 'prevention',
    comment: r.text('comment'),
  }
  return r.problems.length > 0 ? { ok: false, problems: r.problems } : { ok: true, record }
}

/**
 * What an imported case's figures should be doubted for (the spec's warnings), on the date of the
 * import. Dates are YYYY-MM-DD, so they compare as text.
 */
export function caseWarnings(c: MonitoringCase, importedOn: string): Warning[] {
  const warnings: Warning[] = []
  const warn = (kind: ImportWarningKind, field: string | null, detail: string) => {
    warnings.push({ kind, field, message: `${FLAG_KINDS[kind]}: ${detail}` })
  }
  if (c.caseEndDate !== null && c.referralDate !== null && c.caseEndDate < c.referralDate)
    warn('end_before_referral', 'case_end_date', `ended ${c.caseEndDate}, referred ${c.referralDate}`)
  if (c.caseEndDate !== null && c.caseEndDate > importedOn)
    warn('end_after_import', 'case_end_date', `ends ${c.caseEndDate}, imported ${importedOn}`)
  if (c.applicantAge !== null && (c.applicantAge < 16 || c.applicantAge > 110))
    warn('age_out_of_range', 'applicant_age', `recorded as ${c.applicantAge}`)
  if (c.primaryVulnerability !== null && !(c.vulnerabilities ?? []).includes(c.primaryVulnerability))
    warn(
      'primary_not_among_vulnerabilities',
      'primary_vulnerability',
      `${c.primaryVulnerability}, but the vulnerabilities are ${c.vulnerabilities === null ? 'not recorded' : c.vulnerabilities.length === 0 ? 'none' : c.vulnerabilities.join(', ')}`,
    )
  if (c.outcome !== null && (COMPLETED_OUTCOMES as readonly string[]).includes(c.outcome) && c.caseEndDate === null)
    warn('final_outcome_without_end_date', 'case_end_date', `the outcome is ${c.outcome}`)
  return warnings
}

/**
 * The warning on an activity that matched no case: kept, counted as unmatched, and flagged. The
 * message is its field's prefix followed by the reference, so the database can raise it for many
 * activities at once (import-queries.ts) with the very same words.
 */
export const UNMATCHED_ACTIVITY_PREFIX = {
  case_ref: `${FLAG_KINDS.unmatched_activity}: no case has the case_ref `,
  household_ref: `${FLAG_KINDS.unmatched_activity}: no case has the household_ref `,
} as const

export function unmatchedActivityWarning(a: Pick<MonitoringActivity, 'caseRef' | 'householdRef'>): Warning {
  const field = a.caseRef !== null ? 'case_ref' : 'household_ref'
  return { kind: 'unmatched_activity', field, message: UNMATCHED_ACTIVITY_PREFIX[field] + (a.caseRef ?? a.householdRef ?? '') }
}

/** A problem as one line: "cases.csv row 12, column referral_date: '31/02/2024' is not a date ...". */
export function describeProblem(p: Problem): string {
  return `${p.file} row ${p.row}${p.column === '' ? '' : `, column ${p.column}`}: ${p.message}`
}
