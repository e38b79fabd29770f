import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/database.ts'
import { testDatabaseKinds } from '../db/testing.ts'
import { FixedClock } from '../platform/clock.ts'
import { loadConfig } from '../platform/config.ts'
import { createLogger } from '../platform/logging.ts'
import { createServices, type Services } from '../services.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './generate.ts'
import { DemoDataRefusedError, seedDemoData } from './seed.ts'
import { ownerDb } from '../db/modes.ts'
import { SYSTEM_ORIGIN } from '../platform/audit.ts'

describe.each(testDatabaseKinds())('loading the demonstration data on $name', (kind) => {
  let database: Database
  let services: Services
  const clock = new FixedClock('2026-11-23T09:00:00Z')

  beforeAll(async () => {
    database = await kind.open()
    services = createServices({ config: loadConfig({ NODE_ENV: 'test' }), clock, database, logger: createLogger('silent') })
  })
  afterAll(async () => {
    await database.close()
  })

  it('loads everything, and records that it did in the audit trail', async () => {
    const summary = await seedDemoData(ownerDb(database.db), { clock })
    const count = async (table: 'organisations' | 'users' | 'households' | 'people' | 'cases' | 'referrals') =>
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    expect(summary.organisations).toBe(await count('organisations'))
    expect(summary.users).toBe(await count('users'))
    expect(summary.people).toBe(await count('people'))
    expect(summary.cases).toBe(await count('cases'))
    expect(summary.referrals).toBe(await count('referrals'))
    expect(summary.households).toBeGreaterThanOrEqual(300)
    const audit = await database.db.selectFrom('audit_events').selectAll().where('action', '=', 'demo_data_loaded').execute()
    expect(audit).toHaveLength(1)
  })

  it('lets every printed demonstration account sign in with the printed password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await services.accounts.signInWithPassword(account.email, DEMO_PASSWORD, { ip: null })
      expect(result.outcome, account.email).toBe('signed_in')
    }
  })

  it('shows a caseworker their own open cases and a mentor cases in more than one authority', async () => {
    const caseworker = await services.accounts.userByEmail('caseworker.basildon@upstream.example')
    const mentor = await services.accounts.userByEmail('mentor.phoenix-futures@upstream.example')
    if (!caseworker || !mentor) throw new Error('demonstration accounts missing')
    const own = await services.casework.caseload(caseworker.actor, SYSTEM_ORIGIN)
    expect(own.length).toBeGreaterThan(0)
    expect(new Set(own.map((c) => c.authority_name))).toEqual(new Set(['Basildon Borough Council']))
    const mentored = await services.casework.caseload(mentor.actor, SYSTEM_ORIGIN)
    expect(new Set(mentored.map((c) => c.authority_name)).size).toBeGreaterThanOrEqual(2)
  })

  it('refuses to load into a database that already has organisations, and changes nothing', async () => {
    const before = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    await expect(seedDemoData(ownerDb(database.db), { clock })).rejects.toThrow(DemoDataRefusedError)
    await expect(seedDemoData(ownerDb(database.db), { clock })).rejects.toThrow(/only loaded into an empty database/)
    const after = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})
