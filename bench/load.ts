/**
 * What the load benchmarks share (caseload.ts, soak.ts): a generated caseload in a fresh PostgreSQL
 * database, the real server started against it, and people signed in through the sign-in form.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrator.ts'
import { hashPassword } from '../src/platform/passwords.ts'

const root = path.resolve(import.meta.dirname, '..')
export const AUTHORITIES = 14
export const CASEWORKERS_PER_AUTHORITY = 30
export const PASSWORD = 'bench-password-2026'

export function caseworkerEmail(authority: number, n: number) {
  return `caseworker${String(n)}@authority${String(authority)}.bench`
}

/** The n-th of many caseworkers, spread over the authorities. */
export function nthCaseworker(i: number) {
  return caseworkerEmail((i % AUTHORITIES) + 1, Math.floor(i / AUTHORITIES) + 1)
}

/** Organisations, officers, households, people, cases and their timelines, made by the database itself. */
export async function generate(databaseUrl: string, cases: number) {
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
    [AUTHORITIES, cases],
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

export async function startServer(databaseUrl: string, nodeArgs: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [...nodeArgs, 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
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

export interface User {
  cookie: string
  cases: string[]
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

export function get(base: string, pathname: string, cookie: string) {
  return request(base, 'GET', pathname, cookie)
}

export function request(
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

/**
 * Many people signing in from one address, one after another as they arrive at work: at once, they
 * would be taken for a guessing attack on the address (accounts/throttle.ts).
 */
export async function signInAll(base: string, count: number): Promise<User[]> {
  const users: User[] = []
  for (let i = 0; i < count; i++) users.push(await signIn(base, nthCaseworker(i)))
  return users
}

export async function signIn(base: string, email: string): Promise<User> {
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
