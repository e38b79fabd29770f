import { recordAudit, SYSTEM_ORIGIN, type SystemActor } from '../platform/audit.ts'
import type { Clock } from '../platform/clock.ts'
import { hashPassword } from '../platform/passwords.ts'
import { countOrganisations } from '../features/organisations/queries.ts'
import { DEMO_PASSWORD, generateDemoData } from './generate.ts'
import { insertRows } from './queries.ts'
import { asSystem, type OwnerDb } from '../db/modes.ts'

/** Demonstration data only ever goes into an empty database: it must never mix with a council's records. */
export class DemoDataRefusedError extends Error {}

export interface DemoSummary {
  organisations: number
  users: number
  households: number
  people: number
  cases: number
  referrals: number
}

/**
 * Loads the demonstration data in one transaction: all of it or, if anything fails, none of it. Every
 * demonstration account signs in with DEMO_PASSWORD.
 */
export async function seedDemoData(db: OwnerDb, options: { clock: Clock; seed?: number; actor?: SystemActor }): Promise<DemoSummary> {
  const data = generateDemoData({ today: options.clock.today(), seed: options.seed })
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const actor = options.actor ?? { kind: 'system', organisationId: null, label: 'Demonstration data' }
  const summary: DemoSummary = {
    organisations: data.organisations.length,
    users: data.users.length,
    households: data.households.length,
    people: data.people.length,
    cases: data.cases.length,
    referrals: data.referrals.length,
  }
  // Audited below, in the same transaction, as the data it loaded.
  await asSystem(db, { reason: actor.label, noRecordBecause: 'audited with what it loaded' }, async (trx) => {
    const existing = await countOrganisations(trx)
    if (existing > 0) {
      throw new DemoDataRefusedError(
        `The database already holds ${String(existing)} organisation${existing === 1 ? '' : 's'}. Demonstration data is only loaded into an empty database; use a new data folder (UPSTREAM_DATA_DIR) or an empty DATABASE_URL.`,
      )
    }
    await insertRows(trx, 'organisations', data.organisations)
    await insertRows(trx, 'programmes', data.programmes)
    await insertRows(
      trx,
      'users',
      data.users.map(({ organisationName: _, ...user }) => ({ ...user, password_hash: passwordHash })),
    )
    await insertRows(trx, 'households', data.households)
    await insertRows(trx, 'people', data.people)
    await insertRows(trx, 'cases', data.cases)
    await insertRows(trx, 'case_events', data.caseEvents)
    await insertRows(trx, 'referrals', data.referrals)
    await insertRows(trx, 'referral_status_changes', data.referralStatusChanges)
    await recordAudit(
      trx,
      actor,
      { action: 'demo_data_loaded', subjectType: 'database', details: { ...summary } },
      SYSTEM_ORIGIN,
      options.clock.now(),
    )
  })
  return summary
}
