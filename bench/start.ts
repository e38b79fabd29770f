/**
 * How long `npm start` takes to serve its first page: on an empty data folder (create the embedded
 * database, migrate, load the demonstration data) and on an existing one. The baseline, measured in the
 * same run, is PGlite alone creating or opening the same kind of folder: the floor our start stands on.
 *
 *   node bench/start.ts [runs]
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'

const root = path.resolve(import.meta.dirname, '..')
const runs = Number(process.argv[2] ?? '3')
const port = 3900 + Math.floor(Math.random() * 90)

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now()
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), UPSTREAM_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  })
  try {
    for (;;) {
      try {
        const response = await fetch(`http://localhost:${String(port)}/sign-in`)
        if (response.ok) return performance.now() - started
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error('the server did not serve a page within 60 s')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  } finally {
    process.kill(-(child.pid ?? 0), 'SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

async function timePGlite(dataDir: string): Promise<number> {
  const started = performance.now()
  const db = await PGlite.create(dataDir)
  const elapsed = performance.now() - started
  await db.close()
  return elapsed
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

const fresh: number[] = []
const existing: number[] = []
const pgliteFresh: number[] = []
const pgliteExisting: number[] = []
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-bench-start-'))
  fresh.push(await timeStart(dir))
  existing.push(await timeStart(dir))
  const baselineDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-bench-pglite-'))
  pgliteFresh.push(await timePGlite(baselineDir))
  pgliteExisting.push(await timePGlite(baselineDir))
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(baselineDir, { recursive: true, force: true })
}

const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`
console.log(`npm start to first page, median of ${String(runs)} runs (${os.cpus().length} cores, Node ${process.version})`)
console.log(
  `  empty data folder:    ${f(median(fresh))}   (target < 5 s)   PGlite creating a database alone: ${f(median(pgliteFresh))}, ratio ${(median(fresh) / median(pgliteFresh)).toFixed(2)}`,
)
console.log(
  `  existing data folder: ${f(median(existing))}   (target < 2 s)   PGlite opening a database alone:  ${f(median(pgliteExisting))}, ratio ${(median(existing) / median(pgliteExisting)).toFixed(2)}`,
)
console.log(`  all runs: empty ${fresh.map(f).join(', ')}; existing ${existing.map(f).join(', ')}`)
