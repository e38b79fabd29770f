/**
 * The soak test: 50 signed-in caseworkers using the service for 10 minutes against PostgreSQL, each in
 * a loop with a moment's thought between pages: their caseload, one of their cases, its assessment, and
 * every fourth round a contact with the household recorded through the form. It reports the server's
 * resident memory every 30 seconds, and fails when any request answers other than it should or memory
 * grows by more than a quarter between the first and the last half of the run.
 *
 *   node bench/soak.ts [--cases 20000] [--users 50] [--minutes 10] [--think-ms 250] [--keep]
 */
import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { generate, get, request, signInAll, startServer, type User } from './load.ts'

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '20000' },
    users: { type: 'string', default: '50' },
    minutes: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '250' },
    keep: { type: 'boolean', default: false },
  },
})
const USERS = Number(options.users)
const SECONDS = Number(options.minutes) * 60
const THINK_MS = Number(options['think-ms'])
const SAMPLE_SECONDS = 30
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres'

/** The server's resident memory, in MB, as the operating system counts it. */
function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${String(pid)}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024
}

async function recordContact(base: string, user: User, reference: string): Promise<number> {
  const form = await get(base, `/cases/${reference}/activities`, user.cookie)
  if (form.status !== 200) return form.status
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
  const body = new URLSearchParams({
    _csrf: token,
    kind: 'phone_call',
    direction: 'to_household',
    'contact-on-day': '20',
    'contact-on-month': '11',
    'contact-on-year': '2026',
    note: 'Called to check how the search for a new home is going',
  }).toString()
  return (await request(base, 'POST', `/cases/${reference}/contacts`, user.cookie, body)).status
}

async function main() {
  const name = `upstream_soak_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const started = await startServer((await generate(url.toString(), Number(options.cases)), url.toString()))
  const { child, base } = started
  try {
    const users = await signInAll(base, USERS)
    for (const user of users) {
      const page = await get(base, '/cases', user.cookie)
      user.cases = [...page.body.matchAll(/href="\/cases\/([A-Z]{3}-\d{4}-\d{5})"/g)].map((m) => m[1] ?? '')
    }
    console.log(`${String(users.length)} caseworkers signed in; ${String(SECONDS / 60)} minutes, think time ${String(THINK_MS)} ms`)

    const samples: { second: number; mb: number; requests: number; errors: number }[] = []
    let requests = 0
    const errors: string[] = []
    const until = performance.now() + SECONDS * 1000
    const startedAt = performance.now()
    const sampler = setInterval(() => {
      const sample = {
        second: Math.round((performance.now() - startedAt) / 1000),
        mb: residentMb(child.pid ?? 0),
        requests,
        errors: errors.length,
      }
      samples.push(sample)
      console.log(
        `${String(sample.second).padStart(4)} s  ${sample.mb.toFixed(0).padStart(5)} MB  ${String(requests).padStart(7)} requests  ${String(errors.length)} errors`,
      )
    }, SAMPLE_SECONDS * 1000)
    await Promise.all(
      users.map(async (user, u) => {
        for (let round = 0; performance.now() < until; round++) {
          const reference = user.cases[(round * 7 + u) % Math.max(user.cases.length, 1)] ?? ''
          const steps: [string, () => Promise<number>, number][] = [
            ['caseload', async () => (await get(base, '/cases', user.cookie)).status, 200],
          ]
          // A caseworker with no open case has only their (empty) caseload to look at.
          if (reference !== '') {
            steps.push(
              ['case', async () => (await get(base, `/cases/${reference}`, user.cookie)).status, 200],
              ['assessment', async () => (await get(base, `/cases/${reference}/assessment`, user.cookie)).status, 200],
            )
            if (round % 4 === 3) steps.push(['contact', () => recordContact(base, user, reference), 303])
          }
          for (const [what, step, expected] of steps) {
            const status = await step().catch(() => 0)
            requests++
            if (status !== expected) errors.push(`${what} ${reference}: ${String(status)}`)
            await new Promise((resolve) => setTimeout(resolve, THINK_MS))
          }
        }
      }),
    )
    clearInterval(sampler)
    const half = Math.floor(samples.length / 2)
    const mean = (xs: typeof samples) => xs.reduce((n, s) => n + s.mb, 0) / Math.max(xs.length, 1)
    const growth = mean(samples.slice(half)) / mean(samples.slice(0, half)) - 1
    console.log(
      `\n${String(requests)} requests in ${String(SECONDS)} s by ${String(USERS)} users; ${String(errors.length)} errors; resident memory ${samples
        .map((s) => s.mb.toFixed(0))
        .join(', ')} MB; the second half's mean is ${(growth * 100).toFixed(1)} % above the first's`,
    )
    for (const e of errors.slice(0, 10)) console.log(`  ${e}`)
    if (errors.length > 0 || growth > 0.25) process.exitCode = 1
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

await main()
