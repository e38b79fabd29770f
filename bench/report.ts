/**
 * The evaluation report of a programme with 10,000, 100,000 and 1,000,000 cases, and the import of
 * its monitoring data.
 *
 * For each scale: creates a fresh database on the PostgreSQL server (DATABASE_URL, or the local one),
 * brings it up to date, adds the county leading the programme and its twelve districts, writes a
 * monitoring data set of that many cases (bench/monitoring-data.ts: about five activities a case) and
 * imports it as the command line does (`MonitoringImportService.importData`, timed). Then, runs times
 * after a warm-up, it times the whole evaluation report as the page, CSV and JSON make it
 * (`EvaluationReportService.report`: the audited feed of every imported record with its prevention
 * activities' types, read through a cursor, and every casework-recorded case, then every table)
 * against the baseline, measured in the same run: reading every one of the programme's rows of `cases`
 * once, a sequential scan streamed to the client. The monitoring records' own table, wider, is read
 * once too, for comparison, and so is the report's feed alone (the rest is the counting).
 *
 *   node bench/report.ts [--scales 10000,100000,1000000] [--runs 3] [--keep]
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { LocalDate } from '@js-joda/core'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrator.ts'
import type { DB } from '../src/db/schema.ts'
import { filesInFolder, MonitoringImportService } from '../src/features/monitoring/import.ts'
import { EvaluationReportService } from '../src/features/monitoring/report-service.ts'
import { MonitoringService } from '../src/features/monitoring/service.ts'
import type { SystemActor } from '../src/platform/audit.ts'
import type { Actor } from '../src/db/actor.ts'
import { FixedClock } from '../src/platform/clock.ts'
import { median, planOf, seconds, time } from './measure.ts'
import { DISTRICTS, writeMonitoringData } from './monitoring-data.ts'
import { ownerDb } from '../src/db/modes.ts'

const { values: options } = parseArgs({
  options: {
    scales: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
})
const SCALES = options.scales.split(',').map(Number)
const RUNS = Number(options.runs)
const TARGET_RATIO = 3
const TODAY = '2026-11-23'
const PROGRAMME = 'Essex Trailblazer'
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres'
const systemActor: SystemActor = { kind: 'system', organisationId: null, label: 'evaluation report benchmark' }

interface Scale {
  cases: number
  activities: number
  importMs: number
  importRate: number
  runs: { report: number; asSystem: number; casesScan: number; recordsScan: number; feed: number }[]
  plan: string
}

async function main() {
  const results: Scale[] = []
  for (const cases of SCALES) results.push(await atScale(cases))
  print(results)
}

async function atScale(cases: number): Promise<Scale> {
  const name = `upstream_bench_report_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'upstream-bench-report-'))
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', holder: 'bench' })
  try {
    await migrateToLatest(database.db)
    const analyst = await organisations(database.db)
    const written = await writeMonitoringData(folder, cases)
    console.log(`${cases.toLocaleString('en-GB')} cases: data set written (${written.activities.toLocaleString('en-GB')} activities)`)
    const monitoring = new MonitoringService({ db: ownerDb(database.db), clock })
    const importer = new MonitoringImportService({ db: ownerDb(database.db), clock, monitoring })
    const reports = new EvaluationReportService({ db: ownerDb(database.db), clock, monitoring })
    const files = await filesInFolder(folder)
    if ('error' in files) throw new Error(files.error)
    let shown = 0
    const imported = await time(() =>
      importer.importData(systemActor, PROGRAMME, files, {
        onProgress: (p) => {
          if (p.file === 'cases.csv' && p.rows >= shown + Math.max(100_000, cases / 4)) {
            shown = p.rows
            console.log(`  import: ${p.rows.toLocaleString('en-GB')} rows of ${p.file}`)
          }
        },
      }),
    )
    if (imported.value.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(imported.value).slice(0, 500)}`)
    console.log(`  imported in ${seconds(imported.ms)}: ${JSON.stringify(imported.value.summary)}`)
    await sql`ANALYZE`.execute(database.db)

    const programme = await database.db.selectFrom('programmes').select('id').where('name', '=', PROGRAMME).executeTakeFirstOrThrow()
    const query = { programmes: [PROGRAMME], districts: [], from: null, to: null, asOf: LocalDate.parse(TODAY) }
    const runOnce = async () => {
      const casesScan = await time(() => scan(url.toString(), 'SELECT * FROM cases WHERE programme_id = $1', programme.id))
      // As the county's analyst would read it: under row-level security, for the declared purpose.
      const report = await time(() => reports.report(analyst, query))
      // The same report read by the owner connection, as the command line does: what row-level security costs.
      const asSystem = await time(() => reports.report(systemActor, query))
      const recordsScan = await time(() => scan(url.toString(), 'SELECT * FROM monitoring_records WHERE programme_id = $1', programme.id))
      const feed = await time(() => readFeed(monitoring, analyst))
      if ('error' in report.value) throw new Error(report.value.error)
      if (casesScan.value !== cases) throw new Error(`the baseline read ${String(casesScan.value)} cases, not ${String(cases)}`)
      if (feed.value !== cases) throw new Error(`the feed read ${String(feed.value)} cases, not ${String(cases)}`)
      return {
        report: report.ms,
        asSystem: asSystem.ms,
        casesScan: casesScan.ms,
        recordsScan: recordsScan.ms,
        feed: feed.ms,
        summary: report.value.tables.summary,
      }
    }
    const warm = await runOnce()
    if (warm.summary.total !== cases) throw new Error(`the report counted ${String(warm.summary.total)} cases, not ${String(cases)}`)
    const runs = []
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce())
    return {
      cases,
      activities: written.activities,
      importMs: imported.ms,
      importRate: cases / (imported.ms / 1000),
      runs,
      plan: await planOf(url.toString(), 'SELECT * FROM cases WHERE programme_id = $1', [programme.id]),
    }
  } finally {
    await database.close()
    await fs.rm(folder, { recursive: true, force: true })
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    else console.log(`kept database ${name}`)
    await admin.end()
  }
}

const clock = new FixedClock(new Date(`${TODAY}T09:00:00Z`))

/** The county leading the programme, its analyst, and the twelve districts the data set's cases are in. */
async function organisations(db: Kysely<DB>): Promise<Actor> {
  const county = await db
    .insertInto('organisations')
    .values({ type: 'county_council', name: 'Essex County Council', ons_code: 'E10000012' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('organisations')
    .values(
      DISTRICTS.map((district, i) => ({
        type: 'local_housing_authority',
        name: district,
        ons_code: `E0700${String(66 + i).padStart(4, '0')}`,
        parent_id: county.id,
      })),
    )
    .execute()
  await db.insertInto('programmes').values({ name: PROGRAMME, lead_organisation_id: county.id }).execute()
  const analyst = await db
    .insertInto('users')
    .values({ organisation_id: county.id, role: 'analyst', email: 'analyst@essex.bench', display_name: 'Bench Analyst' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { kind: 'user', userId: analyst.id, organisationId: county.id, role: 'analyst', label: 'Bench Analyst' }
}

/** The report's reading alone: every case the feed gives, counted and let go. */
async function readFeed(monitoring: MonitoringService, analyst: Actor): Promise<number> {
  const feed = await monitoring.programmeFeed(analyst, { programmes: [PROGRAMME] })
  if ('error' in feed) throw new Error(feed.error)
  let cases = 0
  for await (const page of feed.reportedCases()) cases += page.length
  return cases
}

/** One query reading every row it selects to the client, row by row as they arrive, keeping none. */
async function scan(databaseUrl: string, text: string, programmeId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await new Promise<number>((resolve, reject) => {
      let rows = 0
      const query = client.query(new pg.Query(text, [programmeId]))
      query.on('row', () => rows++)
      query.on('end', () => {
        resolve(rows)
      })
      query.on('error', reject)
    })
  } finally {
    await client.end()
  }
}

function print(results: Scale[]) {
  console.log(`\n${String(RUNS)} runs after a warm-up at each scale; medians`)
  console.log(
    '| cases     | activities | import  | import rate  | report  | baseline: `cases` scan | ratio | `monitoring_records` scan | ratio | target |',
  )
  console.log(
    '| --------- | ---------- | ------- | ------------ | ------- | ---------------------- | ----- | ------------------------- | ----- | ------ |',
  )
  for (const r of results) {
    const report = median(r.runs.map((x) => x.report))
    const casesScan = median(r.runs.map((x) => x.casesScan))
    const recordsScan = median(r.runs.map((x) => x.recordsScan))
    console.log(
      `| ${r.cases.toLocaleString('en-GB').padEnd(9)} | ${r.activities.toLocaleString('en-GB').padEnd(10)} | ${seconds(r.importMs).padEnd(7)} | ${Math.round(r.importRate).toLocaleString('en-GB')} cases/s | ${seconds(report).padEnd(7)} | ${`${seconds(casesScan)} (${r.plan})`.padEnd(22)} | ${(report / casesScan).toFixed(2)} | ${seconds(recordsScan).padEnd(25)} | ${(report / recordsScan).toFixed(2)} | ${r.cases >= 1_000_000 ? `≤ ${String(TARGET_RATIO)}` : ''} |`,
    )
    console.log(
      `    runs: report ${r.runs.map((x) => seconds(x.report)).join(', ')}; cases scan ${r.runs.map((x) => seconds(x.casesScan)).join(', ')}; the report's feed alone ${r.runs.map((x) => seconds(x.feed)).join(', ')}; as the system ${r.runs.map((x) => seconds(x.asSystem)).join(', ')}`,
    )
  }
  const largest = results.at(-1)
  if (largest && largest.cases >= 1_000_000) {
    const ratio = median(largest.runs.map((x) => x.report)) / median(largest.runs.map((x) => x.casesScan))
    console.log(
      `\nat ${largest.cases.toLocaleString('en-GB')} cases the report takes ${ratio.toFixed(2)} times one scan: ${ratio <= TARGET_RATIO ? 'within' : 'OVER'} the target of ${String(TARGET_RATIO)}`,
    )
  }
}

await main()
