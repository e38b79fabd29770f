import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asActor, STAFF_ROLES } from '../db/actor.ts'
import type { Database } from '../db/database.ts'
import { testDatabaseKinds } from '../db/testing.ts'
import { may, rolesThatMay, type Permission, type Role } from './permissions.ts'

/** Policies that name roles outright, and the permission each grants. */
const POLICIES: Record<string, Permission> = {
  hclic_validation_runs_read: 'return.prepare',
  person_sensitive_details_return: 'return.prepare',
  outbox_messages_read: 'outbox.read',
  audit_events_read: 'audit.read',
  organisations_settings: 'referral.settings',
  referral_messages_send: 'referral.make',
  monitoring_imports_lead: 'monitoring.read',
  monitoring_records_lead: 'monitoring.read',
  monitoring_activities_lead: 'monitoring.read',
  data_quality_flags_lead: 'monitoring.read',
  cases_programme_lead: 'monitoring.read',
}
const ROLES: readonly Role[] = [...STAFF_ROLES, 'api_client', 'public']

/**
 * The database's policies and the permission table say the same: a role the table refuses is refused
 * by the policies too, so a page, the command line and a query that forgets its WHERE clause agree.
 */
describe.each(testDatabaseKinds())('the policies agree with the permission table, on $name', (kind) => {
  let database: Database

  beforeAll(async () => {
    database = await kind.open()
  })
  afterAll(async () => {
    await database.close()
  })

  it.each(STAFF_ROLES)('gives a %s the case rights the table gives them', async (role) => {
    const organisationId = '00000000-0000-0000-0000-000000000001'
    const actor = { kind: 'user' as const, userId: '00000000-0000-0000-0000-000000000002', organisationId, role, label: 'test' }
    const rights = await asActor(
      database.db,
      actor,
      async (trx) =>
        (
          await sql<{ read: boolean; change: boolean }>`select upstream_is_case_staff() as read,
                                                             upstream_may_change_cases() as change`.execute(trx)
        ).rows[0],
    )
    expect(rights).toEqual({ read: may(role, 'case.read'), change: may(role, 'case.change') })
  })

  it('names in each role-listing policy exactly the roles the table gives its permission', async () => {
    const { rows } = await sql<{ policyname: string; qual: string | null; with_check: string | null }>`
      select policyname, qual, with_check from pg_policies where policyname = any(${Object.keys(POLICIES)})`.execute(database.db)
    expect(rows.map((r) => r.policyname).sort()).toEqual(Object.keys(POLICIES).sort())
    for (const row of rows) {
      const text = `${row.qual ?? ''} ${row.with_check ?? ''}`
      const named = new Set([...text.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]).filter((r) => ROLES.includes(r as Role)))
      const permission = POLICIES[row.policyname]
      if (!permission) throw new Error(`no permission listed for ${row.policyname}`)
      expect({ policy: row.policyname, roles: [...named].sort() }).toEqual({
        policy: row.policyname,
        roles: [...rolesThatMay(permission)].sort(),
      })
    }
  })
})
