/**
 * Importing a programme's monitoring data set (docs/monitoring-data.md) of 100,000 cases, then
 * re-importing it, then exporting it, on the PostgreSQL server (DATABASE_URL, or the local one) or on
 * embedded PGlite (--pglite). The data set comes from bench/monitoring-data.ts (Essex-shaped, with its
 * share of missing values, repeat households and unmatched activities). The baseline, measured in the
 * same run, is reading both files through csv-parse alone, without looking at the rows.
 *
 *   node bench/monitoring-import.ts [--cases 100000] [--pglite] [--keep] [--data FOLDER]
 *
 * --data reuses a data set written before (with --keep) instead of generating one.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'csv-parse'
import { openInMemory } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrator.ts'
import { openFreshServerDatabase } from '../src/db/testing.ts'
import { exportProgramme } from '../src/features/monitoring/export.ts'
import { filesInFolder, type ImportOutcome } from '../src/features/monitoring/import.ts'
import type { SystemActor } from '../src/platform/audit.ts'
import { systemClock } from '../src/platform/clock.ts'
import { loadConfig } from '../src/platform/config.ts'
import { createLogger } from '../src/platform/logging.ts'
import { createServices } from '../src/services.ts'
import { DISTRICTS, writeMonitoringData } from './monitoring-data.ts'

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    pglite: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    data: { type: 'string' },
  },
})
const CASES = Number(options.cases)
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres'
const actor: SystemActor = { kind: 'system', organisationId: null, label: 'monitoring import benchmark' }

const folder = options.data ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'upstream-monitoring-bench-')))
let started = performance.now()
if (options.data === undefined) {
  const { activities } = await writeMonitoringData(folder, CASES)
  console.log(`generated ${String(CASES)} cases and ${String(activities)} activities in ${seconds(started)}`)
}

started = performance.now()
for (const file of ['cases.csv', 'activities.csv']) {
  for await (const _ of createReadStream(path.join(folder, file)).pipe(parse({ bom: true, relax_column_count: true }))) {
    // Only the parsing is timed.
  }
}
const baseline = (performance.now() - started) / 1000
console.log(`baseline, csv-parse alone over both files: ${baseline.toFixed(2)} s`)

const database = options.pglite ? { ...(await openInMemory()), url: 'memory' } : await openFreshServerDatabase(serverUrl)
await migrateToLatest(database.db)
const config = loadConfig({ NODE_ENV: 'test' })
const services = createServices({ config, clock: systemClock, database, logger: createLogger('silent') })
let lead = ''
for (const [i, name] of DISTRICTS.entries()) {
  const row = await database.db
    .insertInto('organisations')
    .values({ type: 'local_housing_authority', name, ons_code: `E0799${String(i).padStart(4, '0')}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (i === 0) lead = row.id
}
await database.db.insertInto('programmes').values({ name: 'Essex Trailblazer', lead_organisation_id: lead }).execute()

const files = await filesInFolder(folder)
if ('error' in files) throw new Error(files.error)
const rss: number[] = []
for (const run of ['import', 're-import']) {
  started = performance.now()
  const outcome: ImportOutcome = await services.monitoringImport.importData(actor, 'Essex Trailblazer', files, {
    onProgress: () => rss.push(process.memoryUsage().rss),
  })
  const took = (performance.now() - started) / 1000
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome).slice(0, 2000))
  const s = outcome.summary
  console.log(
    `${run}: ${took.toFixed(2)} s (${(took / baseline).toFixed(1)} x baseline): ${String(s.casesCreated)} created, ${String(s.casesUpdated)} updated, ` +
      `${String(s.activities)} activities (${String(s.unmatchedActivities)} unmatched), ${String(s.warnings)} warnings`,
  )
}
console.log(`resident memory during the imports: ${mb(Math.min(...rss))} to ${mb(Math.max(...rss))}`)

const out = path.join(folder, 'export')
started = performance.now()
const exported = await exportProgramme(services.monitoringExport, actor, 'Essex Trailblazer', out)
if ('error' in exported) throw new Error(exported.error)
console.log(`export: ${seconds(started)} (${String(exported.cases)} cases, ${String(exported.activities)} activities)`)

await database.close()
if (!options.keep && options.data === undefined) await fs.rm(folder, { recursive: true, force: true })
else await fs.rm(out, { recursive: true, force: true })

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`
}
function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}
