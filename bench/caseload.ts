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
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrator.ts'
import { hashPassword } from '../src/platform/passwords.ts'
import { time } from './measure.ts'

const root = path.resolve(import.meta.dirname, '..')
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
const AUTHORITIES = 14
const CASEWORKERS_PER_AUTHORITY = 30
const PASSWORD = 'bench-password-2026'
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
    const generated = await time(() => generate(url.toString()))
    console.log(`generated in ${(generated.ms / 1000).toFixed(1)} s`)

    const started = await startServer(url.toString())
    server = started.child
    const base = started.base
    const users = await Promise.all(
      Array.from({ length: USERS }, (_, i) => signIn(base, caseworkerEmail((i % AUTHORITIES) + 1, Math.floor(i / AUTHORITIES) + 1))),
    )
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

function caseworkerEmail(authority: number, n: number) {
  return `caseworker${String(n)}@authority${String(authority)}.bench`
}

/** Organisations, officers, households, people, cases and their timelines, made by the database itself. */
async function generate(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, dataDir: '', holder: 'bench' })
  await migrateToLatest(database.db)
  await database.close()
  const hash = await hashPassword(PASSWORD)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const q = (text: string, values: unknown[] = []) => client.query(text, values)
  await q('BEGIN')
  await q(
    `INSERT INTO organisations (type, name, ons_code)
     SELECT 'local_housing_authority', 'Bench Authority ' || lpad(a::text, 2, '0'), 'E0799' || lpad(a::text, 4, '0')
       FROM generate_series(1, $1) a`,
    [AUTHORITIES],
  )
  await q(`INSERT INTO organisations (type, name) VALUES ('provider', 'Bench Provider')`)
  await q(
    `INSERT INTO users (organisation_id, role, email, display_name, password_hash)
     SELECT o.id, CASE WHEN n <= $2 THEN 'caseworker' ELSE 'team_manager' END,
            CASE WHEN n <= $2 THEN 'caseworker' || n ELSE 'manager' || n END || '@authority' || ltrim(substr(o.name, 17), '0') || '.bench',
            'Officer ' || n || ' of ' || o.name, $1
       FROM organisations o CROSS JOIN generate_series(1, $2 + 3) n
      WHERE o.type = 'local_housing_authority'`,
    [hash, CASEWORKERS_PER_AUTHORITY],
  )
  // One household per case; the authority is case number modulo 14.
  await q(
    `CREATE TEMP TABLE g AS
    SELECT i, (i % $1) + 1 AS a,
           date '2026-11-20' - (i % 1400) AS approached_on,
           CASE WHEN i % 100 < 6 THEN 'prevention' WHEN i % 100 < 10 THEN 'relief' WHEN i % 100 < 12 THEN 'main_duty' ELSE 'closed' END AS stage,
           gen_random_uuid() AS household_id, gen_random_uuid() AS case_id
      FROM generate_series(1, $2) i`,
    [AUTHORITIES, CASES],
  )
  // Open cases are recent ones.
  await q(`UPDATE g SET approached_on = date '2026-11-20' - (i % 110) WHERE stage <> 'closed'`)
  await q(`CREATE TEMP TABLE auth AS SELECT row_number() OVER (ORDER BY name) AS a, id, upper(substr(md5(name), 1, 3)) AS prefix
             FROM organisations WHERE type = 'local_housing_authority'`)
  await q(`UPDATE auth SET prefix = chr(65 + a::int) || 'X' || chr(65 + a::int)`)
  await q(`INSERT INTO households (id, authority_id) SELECT g.household_id, auth.id FROM g JOIN auth USING (a)`)
  await q(
    `INSERT INTO people (household_id, authority_id, is_applicant, relationship_to_applicant, given_name, family_name, date_of_birth, sex)
     SELECT g.household_id, auth.id, m = 0, CASE WHEN m = 0 THEN NULL WHEN m = 1 THEN 'partner' ELSE 'child' END,
            (ARRAY['Alex','Sam','Jo','Chris','Pat','Lee','Kim','Ash','Jordan','Robin'])[1 + (i + m) % 10],
            (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Wright'])[1 + (i / 10) % 10] || (i % 997),
            date '1960-01-01' + ((i * 37 + m * 4000) % 20000), CASE WHEN (i + m) % 10 < 7 THEN 'female' ELSE 'male' END
       FROM g JOIN auth USING (a) CROSS JOIN generate_series(0, 2) m
      WHERE m <= i % 3`,
  )
  await q(`CREATE TEMP TABLE officer AS
    SELECT u.id, auth.a, row_number() OVER (PARTITION BY auth.a ORDER BY u.email) - 1 AS k
      FROM users u JOIN auth ON auth.id = u.organisation_id WHERE u.role = 'caseworker'`)
  await q(
    `INSERT INTO cases (id, reference, authority_id, officer_id, household_id, approached_on, approach_channel, stage,
                        prevention_started_on, relief_started_on, main_duty_started_on, outcome, closed_on)
     SELECT g.case_id,
            auth.prefix || '-' || extract(year FROM g.approached_on) || '-' ||
              lpad((row_number() OVER (PARTITION BY g.a, extract(year FROM g.approached_on) ORDER BY g.i))::text, 5, '0'),
            auth.id, officer.id, g.household_id, g.approached_on, 'in_person', g.stage,
            CASE WHEN g.stage IN ('prevention', 'closed') THEN g.approached_on END,
            CASE WHEN g.stage IN ('relief', 'main_duty') THEN g.approached_on END,
            CASE WHEN g.stage = 'main_duty' THEN g.approached_on + 56 END,
            CASE WHEN g.stage = 'closed' THEN 'suitable_accommodation_secured' END,
            CASE WHEN g.stage = 'closed' THEN g.approached_on + 40 END
       FROM g JOIN auth USING (a) JOIN officer ON officer.a = g.a AND officer.k = abs(hashtext(g.i::text)) % $1`,
    [CASEWORKERS_PER_AUTHORITY],
  )
  await q(
    `INSERT INTO case_events (case_id, authority_id, kind, occurred_on, recorded_at, recorded_by, details)
     SELECT c.id, c.authority_id, e.kind, c.approached_on + e.offset_days, c.created_at, c.officer_id, '{}'
       FROM cases c CROSS JOIN (VALUES ('approach_recorded', 0), ('accept_prevention_duty', 1), ('officer_reassigned', 20)) AS e(kind, offset_days)`,
  )
  await q('COMMIT')
  await q('ANALYZE')
  await client.end()
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [...(options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${options['cpu-prof']}`] : []), 'src/server.ts'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const base = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/localhost:\d+)/.exec(output)
      if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'))
    })
    child.once('exit', (code) => {
      reject(new Error(`the server stopped (${String(code)}): ${output}`))
    })
  })
  child.stdout.resume()
  return { child, base }
}

interface User {
  cookie: string
  cases: string[]
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

function get(base: string, pathname: string, cookie: string) {
  return request(base, 'GET', pathname, cookie)
}

function request(
  base: string,
  method: string,
  pathname: string,
  cookie: string,
  body?: string,
): Promise<{ status: number; body: string; cookies: string[]; ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie }
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      headers['content-length'] = String(Buffer.byteLength(body))
    }
    const req = http.request(new URL(pathname, base), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''),
          ms: performance.now() - started,
        })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function signIn(base: string, email: string): Promise<User> {
  const form = await get(base, '/sign-in', '')
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
  const jar = new Map(form.cookies.map((c) => [c.split('=')[0], c]))
  const cookieHeader = () => [...jar.values()].join('; ')
  const body = new URLSearchParams({ email, password: PASSWORD, _csrf: token }).toString()
  const response = await request(base, 'POST', '/sign-in', cookieHeader(), body)
  if (response.status !== 303) throw new Error(`sign-in as ${email} failed: ${String(response.status)}`)
  for (const c of response.cookies) jar.set(c.split('=')[0], c)
  return { cookie: cookieHeader(), cases: [] }
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
