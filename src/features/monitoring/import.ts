import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { LocalDate } from '@js-joda/core'
import { parse } from 'csv-parse'
import type { Transaction } from 'kysely'
import type { Actor } from '../../db/actor.ts'
import type { DB } from '../../db/schema.ts'
import { IMPORT_WARNING_KINDS } from '../../domain/monitoring/flags.ts'
import {
  caseRefOf,
  caseWarnings,
  districtIndex,
  isBlankRow,
  readActivityRow,
  readCaseRow,
  readHeader,
  UNMATCHED_ACTIVITY_PREFIX,
  type CaseContext,
  type FileKind,
  type Header,
  type Problem,
} from '../../domain/monitoring/read-row.ts'
import { programmeStartProblem } from '../../domain/monitoring/programme.ts'
import type { MonitoringCase } from '../../domain/monitoring/record.ts'
import { recordAudit, SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import {
  createImport,
  createStagingTables,
  duplicateCaseRefs,
  finishImport,
  matchActivities,
  programmeNamed,
  raiseCaseFlags,
  setProgrammeStart,
  stageActivities,
  stageCases,
  stageWarnings,
  writeActivities,
  writeCases,
  writeRecords,
  type StagedActivity,
  type StagedCase,
  type StagedWarning,
} from './import-queries.ts'
import { districtsOf } from './queries.ts'
import { ProgrammeWork, readAs } from './service.ts'
import { asSystem } from '../../db/modes.ts'

/**
 * Importing a programme's monitoring data set (docs/monitoring-data.md): cases.csv and, optionally,
 * activities.csv, streamed row by row so memory stays flat whatever their size. Everything happens in
 * one transaction: any error anywhere and nothing is written, and every error is listed.
 */

export interface ImportProgress {
  file: string
  rows: number
  bytes: number
  totalBytes: number
}

export interface ImportFiles {
  /** Path of cases.csv. */
  cases: string
  /** Path of activities.csv, when the data set has one. */
  activities: string | null
  /** Where the data came from, as the import's record will say (a folder, or an upload's file names). */
  source: string
}

export interface ImportSummary {
  importId: string
  programme: string
  /** The day the programme began, as recorded once the import is done (null: not recorded). */
  programmeStartsOn: string | null
  casesCreated: number
  casesUpdated: number
  activities: number
  unmatchedActivities: number
  warnings: number
}

export type ImportOutcome =
  | { status: 'imported'; summary: ImportSummary }
  /** `problems` holds the first MAX_PROBLEMS; `problemCount` counts them all. */
  | { status: 'invalid'; problems: Problem[]; problemCount: number }
  | { status: 'refused'; message: string }

export const MAX_PROBLEMS = 1000
/** Rows per multi-row INSERT into the staging tables: about 16,000 parameters for cases.csv. */
const BATCH = 500
const PROGRESS_EVERY = 1000

/** Thrown inside the transaction to roll it back when the data has errors. */
class InvalidData extends Error {
  readonly problems: Problem[]
  readonly problemCount: number
  constructor(problems: Problem[], problemCount: number) {
    super('The monitoring data has errors')
    this.problems = problems
    this.problemCount = problemCount
  }
}

/** The problems found so far: all counted, the first MAX_PROBLEMS kept. */
class Problems {
  readonly list: Problem[] = []
  count = 0
  add(problems: readonly Problem[]): void {
    this.count += problems.length
    for (const p of problems) if (this.list.length < MAX_PROBLEMS) this.list.push(p)
  }
}

/** The data set in a folder: cases.csv, and activities.csv when there is one. */
export async function filesInFolder(folder: string): Promise<ImportFiles | { error: string }> {
  const cases = path.join(folder, 'cases.csv')
  const activities = path.join(folder, 'activities.csv')
  const exists = (file: string) =>
    fs.stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
  if (!(await exists(cases))) return { error: `There is no cases.csv in ${folder}` }
  return { cases, activities: (await exists(activities)) ? activities : null, source: path.resolve(folder) }
}

/** A case's reference in casework: stable, and unique across programmes (initials and part of the id). */
export function importedCaseReferencePrefix(programme: { id: string; name: string }): string {
  const initials = programme.name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 4)
  return `MON-${initials}${programme.id.replace(/-/g, '').slice(0, 4).toUpperCase()}-`
}

function staged(c: MonitoringCase, row: number, authorityId: string): StagedCase {
  return {
    row,
    valid: true,
    case_ref: c.caseRef,
    authority_id: authorityId,
    household_ref: c.householdRef,
    district: c.district,
    provider: c.provider,
    worker: c.worker,
    referral_date: c.referralDate,
    recorded_date: c.recordedDate,
    referral_route: c.referralRoute,
    referral_agency: c.referralAgency,
    applicant_sex: c.applicantSex,
    applicant_age: c.applicantAge,
    applicant_uk_national: c.applicantUkNational,
    applicant_ethnicity: c.applicantEthnicity,
    applicant_receives_benefits: c.applicantReceivesBenefits,
    applicant_employment: c.applicantEmployment,
    adults: c.adults,
    dependent_children: c.dependentChildren,
    housing_status: c.housingStatus,
    risk_at_assessment: c.riskAtAssessment,
    previously_homeless: c.previouslyHomeless,
    previously_slept_rough: c.previouslySleptRough,
    previously_in_temporary_accommodation: c.previouslyInTemporaryAccommodation,
    vulnerabilities: c.vulnerabilities,
    primary_vulnerability: c.primaryVulnerability,
    outcome: c.outcome,
    case_end_date: c.caseEndDate,
    accommodation_outcome: c.accommodationOutcome,
    relief_activity: c.reliefActivity,
    comments: c.comments,
  }
}

/** A row that has problems, staged by its case_ref alone so that duplicates among all rows are found. */
function stagedRefOnly(caseRef: string, row: number): StagedCase {
  return { ...staged({ caseRef } as MonitoringCase, row, ''), valid: false, authority_id: null }
}

/**
 * Reads a CSV file record by record, calling `onRow` with each row's cells and its row number as a
 * spreadsheet shows it (the header is row 1; a quoted cell across lines is still one row). A file that
 * is not valid CSV stops with a problem at the row where it went wrong.
 */
async function eachRow(
  filePath: string,
  file: string,
  onRow: (cells: string[], row: number) => Promise<void>,
  progress: (rows: number, bytes: number, totalBytes: number) => void,
): Promise<Problem | null> {
  const totalBytes = (await fs.stat(filePath)).size
  const parser = createReadStream(filePath).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }))
  let row = 0
  progress(0, 0, totalBytes)
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++
      await onRow(cells, row)
      if (row % PROGRESS_EVERY === 0) progress(row - 1, parser.info.bytes, totalBytes)
    }
  } catch (error) {
    parser.destroy()
    // The parser reads ahead, so its own count of the records before the bad one is the row to name.
    const before = (error as { records?: unknown }).records
    return {
      file,
      row: (typeof before === 'number' ? before : row) + 1,
      column: '',
      value: '',
      message: `The file is not valid CSV from here: ${(error as Error).message}`,
    }
  }
  progress(Math.max(0, row - 1), totalBytes, totalBytes)
  if (row === 0) return { file, row: 1, column: '', value: '', message: `${file} is empty: it needs a header row naming its columns` }
  return null
}

export class MonitoringImportService extends ProgrammeWork {
  /** The programmes whose data the actor may import: those their organisation leads. */
  async programmesFor(actor: Actor | SystemActor) {
    return this.monitoring.programmesFor(actor)
  }

  async importData(
    actor: Actor | SystemActor,
    programmeName: string,
    files: ImportFiles,
    options: {
      onProgress?: (progress: ImportProgress) => void
      origin?: Origin
      /** The day the programme began, to record with the data (in the same transaction: with it, or not at all). */
      programmeStartsOn?: LocalDate
    } = {},
  ): Promise<ImportOutcome> {
    const visible = await this.monitoring.programmesFor(actor)
    if (visible.length === 0) return { status: 'refused', message: 'You may not import any programme’s monitoring data' }
    const target = visible.find((p) => p.name.toLowerCase() === programmeName.trim().toLowerCase())
    if (!target) return { status: 'refused', message: `No programme you may import into is called "${programmeName}"` }
    const programme = await readAs(this.db, actor, (db) => programmeNamed(db, target.name))
    if (!programme) return { status: 'refused', message: `No programme is called "${programmeName}"` }

    const now = this.clock.now()
    const importedOn = this.clock.today().toString()
    const startProblem = options.programmeStartsOn && programmeStartProblem(options.programmeStartsOn, this.clock.today())
    if (startProblem) return { status: 'refused', message: startProblem }
    const startsOn = options.programmeStartsOn?.toString() ?? programme.starts_on
    const context: CaseContext = {
      districts: districtIndex((await readAs(this.db, actor, districtsOf)).map((d) => ({ id: d.id, name: d.name, onsCode: d.ons_code }))),
      lead: { id: programme.lead_organisation_id, name: programme.lead_name },
    }
    const report = (file: string) => (rows: number, bytes: number, totalBytes: number) =>
      options.onProgress?.({ file, rows, bytes, totalBytes })

    try {
      // Staging and writing are the system's: the application role has no access to monitoring tables.
      return await asSystem(this.db, `monitoring import into ${programme.name}`, async (trx) => {
        await createStagingTables(trx)
        const problems = new Problems()
        await this.stageCasesFile(trx, files.cases, context, importedOn, problems, report('cases.csv'))
        if (files.activities !== null) await this.stageActivitiesFile(trx, files.activities, problems, report('activities.csv'))
        const duplicates = await duplicateCaseRefs(trx, MAX_PROBLEMS)
        problems.add(
          duplicates.rows.map((d) => ({
            file: 'cases.csv',
            row: d.row,
            column: 'case_ref',
            value: d.case_ref,
            message: `'${d.case_ref}' is also the case_ref of row ${d.first_row}: each case_ref must be unique in the file`,
          })),
        )
        problems.count += duplicates.total - duplicates.rows.length
        if (problems.count > 0) throw new InvalidData(sortProblems(problems.list), problems.count)

        const importId = await createImport(trx, {
          programmeId: programme.id,
          importedAt: now,
          importedBy: actor.label,
          source: files.source,
        })
        if (options.programmeStartsOn) await setProgrammeStart(trx, programme.id, options.programmeStartsOn.toString())
        const cases = await writeCases(trx, {
          programmeId: programme.id,
          importId,
          referencePrefix: importedCaseReferencePrefix(programme),
          importedOn,
          now,
        })
        if (files.activities !== null) await matchActivities(trx, { programmeId: programme.id })
        await writeRecords(trx, { programmeId: programme.id, importId, activitiesReplaced: files.activities !== null })
        // Even with no warnings now: the re-imported cases' earlier unreviewed import flags must go.
        const caseFlags = await raiseCaseFlags(trx, { programmeId: programme.id, kinds: IMPORT_WARNING_KINDS, now })
        const activities =
          files.activities === null
            ? { activities: 0, unmatched: 0, flags: 0 }
            : await writeActivities(trx, { programmeId: programme.id, importId, now, unmatchedPrefix: UNMATCHED_ACTIVITY_PREFIX })
        const summary: ImportSummary = {
          importId,
          programme: programme.name,
          programmeStartsOn: startsOn,
          casesCreated: cases.created,
          casesUpdated: cases.updated,
          activities: activities.activities,
          unmatchedActivities: activities.unmatched,
          warnings: caseFlags + activities.flags,
        }
        await finishImport(trx, importId, {
          cases: cases.created + cases.updated,
          activities: activities.activities,
          warnings: summary.warnings,
        })
        await recordAudit(
          trx,
          actor,
          {
            action: 'import',
            subjectType: 'monitoring_data',
            subjectId: programme.id,
            subjectOrganisationId: programme.lead_organisation_id,
            details: {
              importId,
              ...(options.programmeStartsOn ? { programmeStartsOn: startsOn } : {}),
              casesCreated: cases.created,
              casesUpdated: cases.updated,
              activities: activities.activities,
              warnings: summary.warnings,
            },
          },
          options.origin ?? SYSTEM_ORIGIN,
          now,
        )
        return { status: 'imported' as const, summary }
      })
    } catch (error) {
      if (error instanceof InvalidData) return { status: 'invalid', problems: error.problems, problemCount: error.problemCount }
      throw error
    }
  }

  /** Reads and stages cases.csv, with the warnings its rows raise. */
  private async stageCasesFile(
    trx: Transaction<DB>,
    filePath: string,
    context: CaseContext,
    importedOn: string,
    problems: Problems,
    progress: (rows: number, bytes: number, totalBytes: number) => void,
  ): Promise<void> {
    let header: Header | null = null
    let cases: StagedCase[] = []
    let warnings: StagedWarning[] = []
    const flush = async () => {
      await stageCases(trx, cases)
      await stageWarnings(trx, warnings)
      cases = []
      warnings = []
    }
    const broken = await eachRow(
      filePath,
      'cases.csv',
      async (cells, row) => {
        if (header === null) {
          header = readHeaderRow('cases', 'cases.csv', cells, problems)
          return
        }
        if (isBlankRow(cells)) return
        const result = readCaseRow(header, cells, row, context)
        if (result.ok) {
          const c = result.record.case
          cases.push(staged(c, row, result.record.authorityId))
          for (const w of caseWarnings(c, importedOn)) {
            warnings.push({ case_ref: c.caseRef, kind: w.kind, field: w.field, message: w.message })
          }
        } else {
          problems.add(result.problems)
          const caseRef = caseRefOf(header, cells)
          if (caseRef !== null) cases.push(stagedRefOnly(caseRef, row))
        }
        if (cases.length >= BATCH || warnings.length >= BATCH) await flush()
      },
      progress,
    )
    if (broken) problems.add([broken])
    await flush()
  }

  private async stageActivitiesFile(
    trx: Transaction<DB>,
    filePath: string,
    problems: Problems,
    progress: (rows: number, bytes: number, totalBytes: number) => void,
  ): Promise<void> {
    let header: Header | null = null
    let batch: StagedActivity[] = []
    const broken = await eachRow(
      filePath,
      'activities.csv',
      async (cells, row) => {
        if (header === null) {
          header = readHeaderRow('activities', 'activities.csv', cells, problems)
          return
        }
        if (isBlankRow(cells)) return
        const result = readActivityRow(header, cells, row)
        if (!result.ok) {
          problems.add(result.problems)
          return
        }
        const a = result.record
        // Once the data is known to have errors nothing will be written: only keep reading for them.
        if (problems.count === 0)
          batch.push({
            row,
            case_ref: a.caseRef,
            household_ref: a.householdRef,
            activity_date: a.activityDate,
            activity_type: a.activityType,
            stage: a.stage,
            comment: a.comment,
          })
        if (batch.length >= BATCH) {
          await stageActivities(trx, batch)
          batch = []
        }
      },
      progress,
    )
    if (broken) problems.add([broken])
    await stageActivities(trx, batch)
  }
}

function readHeaderRow(kind: FileKind, file: string, cells: string[], problems: Problems): Header {
  const { header, problems: found } = readHeader(kind, file, cells)
  problems.add(found)
  return header
}

const FILE_ORDER: Record<string, number> = { 'cases.csv': 0, 'activities.csv': 1 }

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (FILE_ORDER[a.file] ?? 2) - (FILE_ORDER[b.file] ?? 2) || a.row - b.row)
}
