import { LocalDate } from '@js-joda/core'
import { UsageError, type Command, type Values } from '../../platform/command-line.ts'
import { describeProblem } from '../../domain/monitoring/read-row.ts'
import { RefusedError } from '../../platform/refused.ts'
import { exportProgramme, type MonitoringExportService } from './export.ts'
import { filesInFolder, type ImportProgress, type MonitoringImportService } from './import.ts'

/**
 * `import monitoring` and `export monitoring` on the command line, for data teams moving years of a
 * programme's spreadsheets in and evaluators taking them out (docs/monitoring-data.md).
 */

const text = (values: Values, key: string): string | undefined => {
  const value = values[key]
  return typeof value === 'string' ? value : undefined
}

function oneFolder(values: Values): string {
  const folder = text(values, '_0')
  if (folder === undefined || values['_1'] !== undefined) throw new UsageError('Give one folder')
  return folder
}

/** Files smaller than this import in a moment: no progress lines for them. */
const PROGRESS_FROM_BYTES = 5_000_000
const PROGRESS_STEP = 5

/** A line at every 5% of a large file read, as a person at a terminal wants to see it move. */
export function progressLines(err: (line: string) => void): (p: ImportProgress) => void {
  const shown = new Map<string, number>()
  return (p) => {
    if (p.totalBytes < PROGRESS_FROM_BYTES) return
    const percent = Math.floor((p.bytes / p.totalBytes) * 100)
    const step = percent - (percent % PROGRESS_STEP)
    if (step <= (shown.get(p.file) ?? -1)) return
    shown.set(p.file, step)
    err(`${p.file}: ${String(step)}% read (${p.rows.toLocaleString('en-GB')} rows)`)
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** `--starts-on YYYY-MM-DD`: the day the programme began, recorded with the data. */
function startsOn(values: Values): LocalDate | undefined {
  const given = text(values, 'starts-on')
  if (given === undefined) return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new UsageError('--starts-on must be a date like 2025-10-01')
  try {
    return LocalDate.parse(given)
  } catch {
    throw new UsageError('--starts-on must be a real date')
  }
}

export const importMonitoringCommand: Command<{ monitoringImport: MonitoringImportService }> = {
  name: 'import monitoring',
  usage: 'import monitoring FOLDER --programme NAME [--starts-on DATE]',
  summary:
    "imports a programme's cases.csv and activities.csv from FOLDER: all of it, or nothing and every error; --starts-on records the day the programme began",
  options: { programme: { type: 'string' }, 'starts-on': { type: 'string' } },
  required: ['programme'],
  positionals: true,
  async run(values, { services, actor, out, err }) {
    const folder = oneFolder(values)
    const programmeStartsOn = startsOn(values)
    const files = await filesInFolder(folder)
    if ('error' in files) throw new RefusedError(files.error)
    const outcome = await services.monitoringImport.importData(actor, text(values, 'programme') ?? '', files, {
      onProgress: progressLines(err),
      ...(programmeStartsOn ? { programmeStartsOn } : {}),
    })
    if (outcome.status === 'refused') throw new RefusedError(outcome.message)
    if (outcome.status === 'invalid') {
      const more = outcome.problemCount - outcome.problems.length
      throw new RefusedError(
        [
          `Nothing was imported: the data has ${plural(outcome.problemCount, 'error')}.`,
          ...outcome.problems.map(describeProblem),
          ...(more > 0 ? [`... and ${plural(more, 'more error')}.`] : []),
        ].join('\n'),
      )
    }
    const s = outcome.summary
    out(
      `${s.programme}: ${plural(s.casesCreated + s.casesUpdated, 'case')} imported (${s.casesCreated.toLocaleString('en-GB')} new, ` +
        `${s.casesUpdated.toLocaleString('en-GB')} updated), ${plural(s.activities, 'activity', 'activities')} ` +
        `(${s.unmatchedActivities.toLocaleString('en-GB')} matching no case), ${plural(s.warnings, 'warning')} raised as data-quality flags.`,
    )
    if (programmeStartsOn) out(`${s.programme} began on ${programmeStartsOn.toString()}.`)
  },
}

export const exportMonitoringCommand: Command<{ monitoringExport: MonitoringExportService }> = {
  name: 'export monitoring',
  usage: 'export monitoring FOLDER --programme NAME',
  summary: "writes a programme's cases (imported and from casework) to cases.csv and activities.csv in FOLDER",
  options: { programme: { type: 'string' } },
  required: ['programme'],
  positionals: true,
  async run(values, { services, actor, out }) {
    const folder = oneFolder(values)
    const exported = await exportProgramme(services.monitoringExport, actor, text(values, 'programme') ?? '', folder)
    if ('error' in exported) throw new RefusedError(exported.error)
    out(`${exported.programme}: ${plural(exported.cases, 'case')} and ${plural(exported.activities, 'activity', 'activities')}.`)
    for (const file of exported.files) out(`Wrote ${file}`)
  },
}
