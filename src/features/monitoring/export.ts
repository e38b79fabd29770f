import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import type { Actor } from '../../db/actor.ts'
import { monitoringFromCasework } from '../../domain/monitoring/casework.ts'
import { neutraliseFormula } from '../../domain/monitoring/read-row.ts'
import { ACTIVITY_COLUMNS, CASE_COLUMNS, type MonitoringActivity, type MonitoringCase } from '../../domain/monitoring/record.ts'
import { recordAudit, SYSTEM_ORIGIN, type Origin, type SystemActor } from '../../platform/audit.ts'
import { importedActivitiesAfter } from './export-queries.ts'
import { caseworkActivities, caseworkCases, importedCases } from './queries.ts'
import { NO_PROGRAMME, ProgrammeWork, readAs, streamAs } from './service.ts'

/**
 * Exporting a programme's monitoring data to the interchange files (docs/monitoring-data.md): every
 * case, imported or recorded through casework, in the same columns the import reads, so that the
 * export imports back to the same rows. Imported data is read a page at a time and streamed out.
 *
 * Text a person typed (references, names of providers and workers, agencies, comments) is written
 * with a leading apostrophe when it begins with = + - or @, so that a spreadsheet shows it rather than
 * running it as a formula; the import drops that apostrophe again (read-row.ts, restoreFormula).
 */

export type ExportFile = 'cases' | 'activities'
export const EXPORT_FILE_NAMES: Record<ExportFile, string> = { cases: 'cases.csv', activities: 'activities.csv' }

const PAGE = 5000

const text = (value: string | null) => (value === null ? '' : neutraliseFormula(value))
const plain = (value: string | number | null) => (value === null ? '' : String(value))

/** A case as a cases.csv row, in CASE_COLUMNS' order. */
export function caseRow(c: MonitoringCase): string[] {
  return [
    text(c.caseRef),
    text(c.householdRef),
    text(c.district),
    text(c.provider),
    text(c.worker),
    plain(c.referralDate),
    plain(c.recordedDate),
    plain(c.referralRoute),
    text(c.referralAgency),
    plain(c.applicantSex),
    plain(c.applicantAge),
    plain(c.applicantUkNational),
    plain(c.applicantEthnicity),
    plain(c.applicantReceivesBenefits),
    plain(c.applicantEmployment),
    plain(c.adults),
    plain(c.dependentChildren),
    plain(c.housingStatus),
    plain(c.riskAtAssessment),
    plain(c.previouslyHomeless),
    plain(c.previouslySleptRough),
    plain(c.previouslyInTemporaryAccommodation),
    c.vulnerabilities === null ? '' : c.vulnerabilities.length === 0 ? 'none' : c.vulnerabilities.join(';'),
    plain(c.primaryVulnerability),
    plain(c.outcome),
    plain(c.caseEndDate),
    plain(c.accommodationOutcome),
    plain(c.reliefActivity),
    text(c.comments),
  ]
}

/** An activity as an activities.csv row, in ACTIVITY_COLUMNS' order. */
export function activityRow(a: MonitoringActivity): string[] {
  return [text(a.caseRef), text(a.householdRef), plain(a.activityDate), a.activityType, a.stage, text(a.comment)]
}

export interface ExportStream {
  programme: { id: string; name: string }
  /** The file's CSV, header first, produced as it is read. */
  stream: Readable
  /** How many rows it held, once the stream has ended. */
  rows: () => number
}

export class MonitoringExportService extends ProgrammeWork {
  async programmesFor(actor: Actor | SystemActor) {
    return this.monitoring.programmesFor(actor)
  }

  /**
   * One of the programme's two files, for someone who may see its data (audited as they ask for it).
   */
  async open(
    actor: Actor | SystemActor,
    programmeName: string,
    file: ExportFile,
    origin: Origin = SYSTEM_ORIGIN,
  ): Promise<ExportStream | { error: string }> {
    const visible = await this.monitoring.programmesFor(actor)
    if (visible.length === 0) return { error: NO_PROGRAMME }
    const programme = visible.find((p) => p.name.toLowerCase() === programmeName.trim().toLowerCase())
    if (!programme) return { error: `No programme you may see is called "${programmeName}"` }
    await readAs(this.db, actor, (db) =>
      recordAudit(
        db,
        actor,
        {
          action: 'export',
          subjectType: 'monitoring_data',
          subjectId: programme.id,
          subjectOrganisationId: programme.lead_organisation_id,
          details: { file: EXPORT_FILE_NAMES[file] },
        },
        origin,
        this.clock.now(),
      ),
    )
    let rows = 0
    const counted = async function* (source: AsyncIterable<string[]>) {
      for await (const row of source) {
        rows++
        yield row
      }
    }
    const source = file === 'cases' ? this.caseRows(actor, programme.id) : this.activityRows(actor, programme.id)
    const columns = file === 'cases' ? CASE_COLUMNS : ACTIVITY_COLUMNS
    const stream = Readable.from(counted(source)).pipe(stringify({ header: true, columns: [...columns], record_delimiter: 'unix' }))
    return { programme: { id: programme.id, name: programme.name }, stream, rows: () => rows }
  }

  private async *caseRows(actor: Actor | SystemActor, programmeId: string): AsyncGenerator<string[]> {
    for await (const c of streamAs(this.db, actor, (db) => importedCases(db, [programmeId], null))) yield caseRow(c)
    for (const c of await readAs(this.db, actor, (db) => caseworkCases(db, [programmeId], null))) yield caseRow(monitoringFromCasework(c))
  }

  private async *activityRows(actor: Actor | SystemActor, programmeId: string): AsyncGenerator<string[]> {
    let after: string | null = null
    for (;;) {
      const from = after
      const page: Awaited<ReturnType<typeof importedActivitiesAfter>> = await readAs(this.db, actor, (db) =>
        importedActivitiesAfter(db, programmeId, from, PAGE),
      )
      for (const a of page) yield activityRow(a)
      if (page.length < PAGE) break
      after = page[page.length - 1]?.id ?? null
    }
    for (const a of await readAs(this.db, actor, (db) => caseworkActivities(db, [programmeId], null))) yield activityRow(a)
  }
}

/** Writes the programme's cases.csv and activities.csv into a folder (made if need be). */
export async function exportProgramme(
  service: MonitoringExportService,
  actor: Actor | SystemActor,
  programmeName: string,
  folder: string,
): Promise<{ programme: string; cases: number; activities: number; files: string[] } | { error: string }> {
  await fs.mkdir(folder, { recursive: true })
  const counts: Record<ExportFile, number> = { cases: 0, activities: 0 }
  const files: string[] = []
  let name = programmeName
  for (const file of ['cases', 'activities'] as const) {
    const opened = await service.open(actor, programmeName, file)
    if ('error' in opened) return opened
    const target = path.join(folder, EXPORT_FILE_NAMES[file])
    await pipeline(opened.stream, createWriteStream(target))
    counts[file] = opened.rows()
    files.push(target)
    name = opened.programme.name
  }
  return { programme: name, cases: counts.cases, activities: counts.activities, files }
}
