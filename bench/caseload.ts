/**
 * A caseworker's caseload page and a case page under load, with 200,000 cases in PostgreSQL.
 *
 * Creates a fresh database on the PostgreSQL server (DATABASE_URL, or the local one), brings it up to
 * date, generates 14 housing authorities with 33 officers each and 200,000 households, cases and
 * timelines, starts the real server (`node src/server.ts`) against it, signs 50 caseworkers in, and
 * then each of them, concurrently, opens their caseload and one of their cases in turn. The baseline,
 * measured under the same load in the same run, is `GET /health`: the floor of Express, the network
 * and the load generator, with no database and no page.
 *
 *   node bench/caseload.ts [--cases 200000] [--users 50] [--seconds 30] [--think-ms 0] [--keep] [--cpu-prof DIR]
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { generate, get, signInAll, startServer, type User } from './load.ts'
import { time } from './measure.ts'

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '200000' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    'think-ms': { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
})
const CASES = Number(options.cases)
const USERS = Number(options.users)
const SECONDS = Number(options.seconds)
const THINK_MS = Number(options['think-ms'])
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres'

async function main() {
  const name = `upstream_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let server: ChildProcess | undefined
  try {
    console.log(`database ${name}: generating ${CASES.toLocaleString('en-GB')} cases`)
    const generated = await time(() => generate(url.toString(), CASES))
    console.log(`generated in ${(generated.ms / 1000).toFixed(1)} s`)

    const started = await startServer(url.toString(), options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${options['cpu-prof']}`] : [])
    server = started.child
    const base = started.base
    const users = await signInAll(base, USERS)
    const caseload = await get(base, '/cases', users[0]?.cookie ?? '')
    const rows = (caseload.body.match(/href="\/cases\/[A-Z]{3}-\d{4}-\d{5}"/g) ?? []).length
    console.log(`signed in ${String(users.length)} caseworkers; the first has ${String(rows)} open cases on their caseload page`)

    // Each user's own cases, read from their caseload page as a person would click them.
    for (const user of users) {
      const page = await get(base, '/cases', user.cookie)
      user.cases = [...page.body.matchAll(/href="\/cases\/([A-Z]{3}-\d{4}-\d{5})"/g)].map((m) => m[1] ?? '')
      if (user.cases.length === 0) throw new Error('a caseworker has no open cases')
    }

    const first = users[0]
    if (!first) throw new Error('no users')
    const single = {
      caseload: await sequential(base, first, () => '/cases', 50),
      case: await sequential(base, first, (i) => `/cases/${first.cases[i % first.cases.length] ?? ''}`, 50),
    }
    console.log(`one user alone: caseload p50 ${ms(percentile(single.caseload, 50))}, case p50 ${ms(percentile(single.case, 50))}`)

    await load(base, users, SECONDS / 6, THINK_MS) // warm up
    const health = await load(base, users, SECONDS / 3, THINK_MS, () => '/health')
    const pages = await load(base, users, SECONDS, THINK_MS)
    report({ single, health, pages, rows })
  } finally {
    if (server) {
      server.kill('SIGTERM')
      await new Promise((resolve) => server?.once('exit', resolve))
    }
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    else console.log(`kept database ${name}`)
    await admin.end()
  }
}

async function sequential(base: string, user: User, pathOf: (i: number) => string, n: number) {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const response = await get(base, pathOf(i), user.cookie)
    if (response.status !== 200) throw new Error(`${pathOf(i)} answered ${String(response.status)}`)
    times.push(response.ms)
  }
  return times
}

interface Measured {
  caseload: number[]
  case: number[]
  other: number[]
  seconds: number
  errors: number
}

/** Every user, at once, in a loop: their caseload, then one of their cases (or `only`), until time is up. */
async function load(base: string, users: User[], seconds: number, thinkMs: number, only?: () => string): Promise<Measured> {
  const measured: Measured = { caseload: [], case: [], other: [], seconds, errors: 0 }
  const until = performance.now() + seconds * 1000
  await Promise.all(
    users.map(async (user, u) => {
      // Users do not start in step with each other.
      await new Promise((resolve) => setTimeout(resolve, (u * 37) % Math.max(thinkMs, 50)))
      for (let i = 0; performance.now() < until; i++) {
        const caseload = i % 2 === 0
        const pathname = only ? only() : caseload ? '/cases' : `/cases/${user.cases[(i * 7 + u) % user.cases.length] ?? ''}`
        const response = await get(base, pathname, user.cookie)
        if (response.status !== 200) measured.errors++
        ;(only ? measured.other : caseload ? measured.caseload : measured.case).push(response.ms)
        if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs))
      }
    }),
  )
  return measured
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

function ms(value: number) {
  return `${value.toFixed(1)} ms`
}

function report(r: { single: { caseload: number[]; case: number[] }; health: Measured; pages: Measured; rows: number }) {
  const healthP95 = percentile(r.health.other, 95)
  const line = (what: string, values: number[], seconds: number) =>
    `| ${what.padEnd(22)} | ${String(values.length).padStart(7)} | ${(values.length / seconds).toFixed(0).padStart(6)} | ${ms(percentile(values, 50)).padStart(9)} | ${ms(percentile(values, 95)).padStart(9)} | ${ms(percentile(values, 99)).padStart(9)} | ${(percentile(values, 95) / healthP95).toFixed(1).padStart(5)} |`
  console.log(
    `\n${String(CASES)} cases, ${String(USERS)} concurrent users, think time ${String(THINK_MS)} ms, ${String(SECONDS)} s; errors ${String(r.pages.errors + r.health.errors)}`,
  )
  console.log('| request                | count   | per s  | p50       | p95       | p99       | p95 / health p95 |')
  console.log('| ---------------------- | ------- | ------ | --------- | --------- | --------- | ----- |')
  console.log(line('caseload page', r.pages.caseload, r.pages.seconds))
  console.log(line('case page', r.pages.case, r.pages.seconds))
  console.log(line('GET /health (baseline)', r.health.other, r.health.seconds))
  console.log(
    `one user alone: caseload p95 ${ms(percentile(r.single.caseload, 95))}, case p95 ${ms(percentile(r.single.case, 95))}; caseload rows ${String(r.rows)}`,
  )
}

await main()
