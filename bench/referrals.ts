/**
 * Referral intake under the duty to refer (`POST /api/v1/referrals`) under sustained load, with
 * 100,000 referrals already stored in PostgreSQL.
 *
 * Creates a fresh database on the PostgreSQL server (DATABASE_URL, or the local one), brings it up to
 * date, has the database generate 14 housing authorities, 8 referring organisations and 100,000
 * referrals spread over two years with their status changes and idempotency keys, makes an API key for
 * each referring organisation with the service's own ApiKeyService, starts the real server
 * (`node src/server.ts`) against it, and has 20 partner systems at once POST referrals for 30 s: every
 * body different, every other request with an Idempotency-Key. The baseline, measured under the same
 * load in the same run, is `GET /health`. Afterwards the database must hold exactly one new referral
 * for each 201, and a retry of an earlier request must answer 200 with the same referral.
 *
 *   node bench/referrals.ts [--referrals 100000] [--clients 20] [--seconds 30] [--keep]
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrator.ts'
import { ApiKeyService } from '../src/features/api/api-keys.ts'
import { systemClock } from '../src/platform/clock.ts'
import { hashPassword } from '../src/platform/passwords.ts'
import { ownerDb } from '../src/db/modes.ts'
import { startServer } from './load.ts'

const { values: options } = parseArgs({
  options: {
    referrals: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
  },
})
const REFERRALS = Number(options.referrals)
const CLIENTS = Number(options.clients)
const SECONDS = Number(options.seconds)
const AUTHORITIES = 14
const REFERRERS: [type: string, name: string][] = [
  ['hospital', 'Bench General Hospital'],
  ['hospital', 'Bench District Hospital'],
  ['emergency_department', 'Bench Emergency Department'],
  ['prison', 'HMP Bench'],
  ['probation', 'Bench Probation Service'],
  ['jobcentre_plus', 'Bench Jobcentre Plus'],
  ['social_services', 'Bench Adult Social Care'],
  ['voluntary_sector', 'Bench Advice Centre'],
]
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres'

async function main() {
  const name = `upstream_bench_referrals_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  let server: ChildProcess | undefined
  const owner = new pg.Client({ connectionString: databaseUrl })
  try {
    console.log(`database ${name}: generating ${REFERRALS.toLocaleString('en-GB')} referrals`)
    const started = performance.now()
    const keys = await generate(databaseUrl)
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    await owner.connect()
    const codes = (
      await owner.query<{ ons_code: string }>(`SELECT ons_code FROM organisations WHERE ons_code IS NOT NULL ORDER BY name`)
    ).rows.map((r) => r.ons_code)

    const spawned = await startServer(databaseUrl)
    server = spawned.child
    const base = spawned.base
    // Partner systems spread over the referring organisations' keys.
    const clients: Client[] = Array.from({ length: CLIENTS }, (_, u) => ({ u, key: keys[u % keys.length] ?? '', sent: [] }))
    const first = clients[0]
    if (!first) throw new Error('no clients')
    const runId = randomBytes(3).toString('hex')

    const single: number[] = []
    for (let i = 0; i < 50; i++) {
      const response = await postReferral(base, first, codes, `${runId}a`, i)
      if (response.status !== 201) throw new Error(`a referral alone answered ${String(response.status)}: ${response.body}`)
      single.push(response.ms)
    }
    console.log(`one client alone: p50 ${ms(percentile(single, 50))}`)

    await load(clients, SECONDS / 6, (c, i) => postReferral(base, c, codes, `${runId}w`, i)) // warm up
    const health = await load(clients, SECONDS / 3, () => get(base, '/health'))
    const before = await countReferrals(owner)
    for (const c of clients) c.sent = []
    const intake = await load(clients, SECONDS, (c, i) => postReferral(base, c, codes, `${runId}m`, i))
    const after = await countReferrals(owner)

    // A partner system retrying requests it already sent gets the referral it made, not a second one.
    const retried = clients.flatMap((c) => c.sent.filter((s) => s.idempotencyKey !== undefined && s.id !== undefined).slice(0, 5))
    let replayedSame = 0
    for (const s of retried) {
      const client = clients.find((c) => c.key === s.key)
      if (!client) continue
      const response = await request(base, 'POST', '/api/v1/referrals', s.body, {
        authorization: `Bearer ${s.key}`,
        'content-type': 'application/json',
        ...(s.idempotencyKey ? { 'idempotency-key': s.idempotencyKey } : {}),
      })
      if (response.status === 200 && (JSON.parse(response.body) as { id: string }).id === s.id) replayedSame++
    }
    const afterRetries = await countReferrals(owner)
    report({ single, health, intake, before, after, afterRetries, retried: retried.length, replayedSame })
  } finally {
    if (server) {
      server.kill('SIGTERM')
      await new Promise((resolve) => server?.once('exit', resolve))
    }
    await owner.end().catch(() => undefined)
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    else console.log(`kept database ${name}`)
    await admin.end()
  }
}

async function countReferrals(client: pg.Client) {
  const result = await client.query<{ referrals: string; changes: string; keys: string }>(
    `SELECT (SELECT count(*) FROM referrals) AS referrals, (SELECT count(*) FROM referral_status_changes) AS changes,
            (SELECT count(*) FROM referral_idempotency_keys) AS keys`,
  )
  const row = result.rows[0]
  return { referrals: Number(row?.referrals), changes: Number(row?.changes), keys: Number(row?.keys) }
}

/**
 * Authorities, referring organisations and referrals made by the database itself; the API keys by the
 * service's ApiKeyService, as `cli api-key create` makes them. Returns one key per referring organisation.
 */
async function generate(databaseUrl: string): Promise<string[]> {
  const database = await openDatabase({ databaseUrl, dataDir: '', holder: 'bench' })
  await migrateToLatest(database.db)
  const hash = await hashPassword('bench-password-2026')
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
  await q(`INSERT INTO organisations (type, name) SELECT t, n FROM unnest($1::text[], $2::text[]) AS r(t, n)`, [
    REFERRERS.map(([type]) => type),
    REFERRERS.map(([, n]) => n),
  ])
  // Half the authorities send alerts to a shared inbox; the others to their two team managers.
  await q(`UPDATE organisations SET referral_contact_email = 'housing.options@authority' || right(ons_code, 2) || '.bench'
            WHERE type = 'local_housing_authority' AND right(ons_code, 1)::int % 2 = 0`)
  await q(
    `INSERT INTO users (organisation_id, role, email, display_name, password_hash)
     SELECT o.id, 'team_manager', 'manager' || n || '@authority' || right(o.ons_code, 2) || '.bench', 'Manager ' || n || ' of ' || o.name, $1
       FROM organisations o CROSS JOIN generate_series(1, 2) n
      WHERE o.type = 'local_housing_authority'`,
    [hash],
  )
  await q(
    `CREATE TEMP TABLE auth AS SELECT row_number() OVER (ORDER BY name) AS a, id FROM organisations WHERE type = 'local_housing_authority'`,
  )
  await q(`CREATE TEMP TABLE ref AS SELECT row_number() OVER (ORDER BY name) AS r, id FROM organisations WHERE ons_code IS NULL`)
  // Authorities differ in size (the first about four times the last); referrals arrive over two years,
  // so the older ones are closed and the last few weeks' still open; 60% come from partner systems,
  // 25% from partners' forms and 15% from the people themselves.
  await q(
    `CREATE TEMP TABLE g AS
     SELECT i, 1 + floor($2 * power(((i * 7919) % 10007) / 10007.0, 1.6))::int AS a, 1 + (i * 31) % $3 AS r,
            timestamptz '2026-11-23 09:00+00' - make_interval(days => (i * 730) / $1, secs => (i * 3571) % 28800) AS received_at,
            CASE WHEN i % 100 < 60 THEN 'api' WHEN i % 100 < 85 THEN 'web' ELSE 'self_referral' END AS channel,
            gen_random_uuid() AS id
       FROM generate_series(1, $1) i`,
    [REFERRALS, AUTHORITIES, REFERRERS.length],
  )
  await q(`ALTER TABLE g ADD COLUMN status text, ADD COLUMN outcome text, ADD COLUMN step int, ADD COLUMN reason text`)
  await q(
    `UPDATE g SET
       step = CASE WHEN received_at > timestamptz '2026-11-23' - interval '2 days' THEN i % 2
                   WHEN received_at > timestamptz '2026-11-23' - interval '30 days' THEN 1 + i % 3
                   ELSE 4 END,
       reason = (ARRAY['homeless', 'threatened_within_56_days', 'at_risk_later'])[1 + i % 3]`,
  )
  await q(
    `UPDATE g SET status = (ARRAY['received', 'acknowledged', 'contacted', 'assessed', 'closed'])[1 + step],
                  outcome = CASE WHEN step < 3 THEN 'pending'
                                 ELSE (ARRAY['prevention_duty_accepted', 'relief_duty_accepted', 'main_duty_accepted', 'not_homeless_or_threatened',
                                             'no_contact', 'withdrawn', 'rejected_no_local_connection'])[1 + i % 7] END`,
  )
  await q(
    `INSERT INTO referrals (id, reference, referring_organisation_id, authority_id, channel, status, outcome, received_at,
                            consent_to_referral, consent_to_share_contact_details, authority_chosen_by_person,
                            given_name, family_name, date_of_birth, phone, email, preferred_contact,
                            address_line1, address_town, address_postcode, reason, expected_homeless_on,
                            adults, children, support_needs, referrer_name, referrer_role, referrer_phone, referrer_email,
                            notes, acknowledged_at, first_contact_at, closed_at)
     SELECT g.id, 'REF-' || translate(lpad(g.i::text, 8, '0'), '0123456789', 'ABCDEFGHJK'), CASE WHEN g.channel <> 'self_referral' THEN ref.id END,
            auth.id, g.channel, g.status, g.outcome, g.received_at, true, true, true,
            (ARRAY['Alex','Sam','Jo','Chris','Pat','Lee','Kim','Ash','Jordan','Robin'])[1 + g.i % 10],
            (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Wright'])[1 + (g.i / 10) % 10] || (g.i % 997),
            date '1960-01-01' + ((g.i * 37) % 20000), '07700 9' || lpad((g.i % 100000)::text, 5, '0'),
            CASE WHEN g.i % 3 = 0 THEN 'person' || g.i || '@example.org' END, (ARRAY['phone','email','post','phone'])[1 + g.i % 4],
            g.i % 500 || ' High Street', 'Bench Town', 'CM20 1AA', g.reason,
            CASE WHEN g.reason = 'threatened_within_56_days' THEN (g.received_at + interval '30 days')::date
                 WHEN g.reason = 'at_risk_later' THEN (g.received_at + interval '90 days')::date END,
            1 + g.i % 2, g.i % 4, CASE WHEN g.i % 5 = 0 THEN ARRAY['mental_health'] ELSE '{}' END,
            CASE WHEN g.channel <> 'self_referral' THEN 'Referrer ' || g.r END, 'Discharge coordinator',
            '01279 000000', CASE WHEN g.channel <> 'self_referral' THEN 'referrer' || g.r || '@partner.bench' END,
            'Generated for the benchmark',
            CASE WHEN g.step >= 1 THEN g.received_at + interval '1 day' END,
            CASE WHEN g.step >= 2 THEN g.received_at + interval '2 days' END,
            CASE WHEN g.step = 4 THEN g.received_at + interval '20 days' END
       FROM g JOIN auth USING (a) JOIN ref USING (r)`,
  )
  // One change per step the referral has taken, as the authority's inbox records them.
  await q(
    `INSERT INTO referral_status_changes (referral_id, authority_id, referring_organisation_id, status, outcome, changed_at)
     SELECT r.id, r.authority_id, r.referring_organisation_id, (ARRAY['received', 'acknowledged', 'contacted', 'assessed', 'closed'])[1 + s],
            CASE WHEN s >= 3 THEN r.outcome ELSE 'pending' END, r.received_at + make_interval(days => s * 5)
       FROM referrals r JOIN g USING (id) CROSS JOIN generate_series(0, 4) s
      WHERE s <= g.step`,
  )
  // Partner systems sent an Idempotency-Key with half their referrals.
  await q(
    `INSERT INTO referral_idempotency_keys (organisation_id, key, request_hash, referral_id, created_at)
     SELECT r.referring_organisation_id, 'earlier-' || g.i, md5(g.i::text), r.id, r.received_at
       FROM referrals r JOIN g USING (id) WHERE g.channel = 'api' AND g.i % 2 = 0`,
  )
  await q('COMMIT')
  await q('ANALYZE')
  await client.end()

  const apiKeys = new ApiKeyService({ db: ownerDb(database.db), clock: systemClock })
  const keys: string[] = []
  for (const [, organisation] of REFERRERS) {
    const made = await apiKeys.create(organisation, { kind: 'system', organisationId: null, label: 'Benchmark' })
    keys.push(made.key)
  }
  await database.close()
  return keys
}

interface Sent {
  key: string
  body: string
  idempotencyKey: string | undefined
  id: string | undefined
}

interface Client {
  u: number
  key: string
  sent: Sent[]
}

interface Response {
  status: number
  body: string
  ms: number
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

function get(base: string, pathname: string) {
  return request(base, 'GET', pathname, undefined, {})
}

function request(
  base: string,
  method: string,
  pathname: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<Response> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
    const req = http.request(new URL(pathname, base), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10)

/** A valid referral, different for every client and request; the reasons, contact routes and authorities vary. */
function referralBody(codes: string[], u: number, i: number, tag: string): string {
  const reason = (['homeless', 'threatened_within_56_days', 'at_risk_later'] as const)[i % 3]
  const preferred = (['phone', 'email', 'post', 'via_referrer'] as const)[(i + u) % 4]
  return JSON.stringify({
    localAuthority: codes[(i * 7 + u) % codes.length],
    consent: { toReferral: true, toShareContactDetails: true, authorityChosenByPerson: true },
    person: {
      givenName: ['Sam', 'Alex', 'Jo', 'Chris', 'Pat'][i % 5],
      familyName: `Bench${tag}c${String(u)}n${String(i)}`,
      dateOfBirth: `19${String(60 + (i % 40))}-0${String(1 + (i % 9))}-1${String(i % 10)}`,
      phone: '07700 900123',
      email: `person${String(u)}.${String(i)}@example.org`,
      preferredContact: preferred,
      address: { line1: `${String(1 + (i % 200))} High Street`, town: 'Harlow', postcode: 'CM20 1AA' },
    },
    reason,
    expectedHomelessOn: reason === 'homeless' ? null : reason === 'threatened_within_56_days' ? isoDay(20) : isoDay(120),
    dischargeOrReleaseOn: i % 4 === 0 ? isoDay(7) : null,
    household: { adults: 1 + (i % 2), children: i % 3 },
    supportNeeds: i % 2 === 0 ? ['mental_health'] : [],
    risks: i % 5 === 0 ? 'None known' : null,
    referrer: { name: 'A. Nurse', role: 'Discharge coordinator', phone: '01279 000000', email: 'a.nurse@example.nhs.uk' },
    notes: `Benchmark referral ${String(i)} from client ${String(u)}`,
  })
}

async function postReferral(base: string, client: Client, codes: string[], tag: string, i: number): Promise<Response> {
  const body = referralBody(codes, client.u, i, tag)
  const idempotencyKey = i % 2 === 0 ? `bench-${tag}-${String(client.u)}-${String(i)}` : undefined
  const response = await request(base, 'POST', '/api/v1/referrals', body, {
    authorization: `Bearer ${client.key}`,
    'content-type': 'application/json',
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  })
  const id = response.status === 201 ? (JSON.parse(response.body) as { id: string }).id : undefined
  client.sent.push({ key: client.key, body, idempotencyKey, id })
  return response
}

interface Measured {
  times: number[]
  seconds: number
  statuses: Map<number, number>
  /** The first answer of each status other than 2xx, to report the exact error. */
  examples: Map<number, string>
}

/** Every client, at once, in a loop, until time is up. */
async function load(clients: Client[], seconds: number, send: (client: Client, i: number) => Promise<Response>): Promise<Measured> {
  const measured: Measured = { times: [], seconds, statuses: new Map(), examples: new Map() }
  const until = performance.now() + seconds * 1000
  await Promise.all(
    clients.map(async (client) => {
      await new Promise((resolve) => setTimeout(resolve, (client.u * 37) % 50))
      for (let i = 0; performance.now() < until; i++) {
        const response = await send(client, i)
        measured.times.push(response.ms)
        measured.statuses.set(response.status, (measured.statuses.get(response.status) ?? 0) + 1)
        if ((response.status < 200 || response.status > 299) && !measured.examples.has(response.status))
          measured.examples.set(response.status, response.body.slice(0, 500))
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

function report(r: {
  single: number[]
  health: Measured
  intake: Measured
  before: { referrals: number; changes: number; keys: number }
  after: { referrals: number; changes: number; keys: number }
  afterRetries: { referrals: number; changes: number; keys: number }
  retried: number
  replayedSame: number
}) {
  const healthP95 = percentile(r.health.times, 95)
  const statuses = (m: Measured) =>
    [...m.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${String(status)}: ${String(n)}`)
      .join(', ')
  const line = (what: string, m: Measured) =>
    `| ${what.padEnd(26)} | ${String(m.times.length).padStart(6)} | ${(m.times.length / m.seconds).toFixed(0).padStart(5)} | ${ms(percentile(m.times, 50)).padStart(9)} | ${ms(percentile(m.times, 95)).padStart(9)} | ${ms(percentile(m.times, 99)).padStart(9)} | ${(percentile(m.times, 95) / healthP95).toFixed(1).padStart(5)} |`
  const created = r.intake.statuses.get(201) ?? 0
  const newRows = r.after.referrals - r.before.referrals
  console.log(
    `\n${String(REFERRALS)} referrals stored, ${String(CLIENTS)} concurrent clients, ${String(SECONDS)} s; answers ${statuses(r.intake)}; health ${statuses(r.health)}`,
  )
  console.log('| request                    | count  | per s | p50       | p95       | p99       | p95 / health p95 |')
  console.log('| -------------------------- | ------ | ----- | --------- | --------- | --------- | ----- |')
  console.log(line('POST /api/v1/referrals', r.intake))
  console.log(line('GET /health (baseline)', r.health))
  console.log(`one client alone: p50 ${ms(percentile(r.single, 50))}, p95 ${ms(percentile(r.single, 95))}`)
  for (const [status, body] of [...r.intake.examples, ...r.health.examples]) console.log(`first ${String(status)} answer: ${body}`)
  console.log(
    `new referral rows ${String(newRows)} for ${String(created)} answers 201: ${newRows === created ? 'equal' : 'NOT EQUAL'}; ` +
      `status changes +${String(r.after.changes - r.before.changes)}, idempotency keys +${String(r.after.keys - r.before.keys)}`,
  )
  console.log(
    `retries of ${String(r.retried)} earlier requests with their Idempotency-Key: ${String(r.replayedSame)} answered 200 with the same referral; ` +
      `new rows ${String(r.afterRetries.referrals - r.after.referrals)}`,
  )
  if (newRows !== created || r.replayedSame !== r.retried || r.afterRetries.referrals !== r.after.referrals) process.exitCode = 1
}

await main()
