import { afterAll, beforeAll } from 'vitest'
import type { Kysely } from 'kysely'
import { createLogger } from '../platform/logging.ts'
import { FixedClock } from '../platform/clock.ts'
import { loadConfig, type Config } from '../platform/config.ts'
import { hashPassword } from '../platform/passwords.ts'
import type { DB } from '../db/schema.ts'
import type { TestDatabaseKind } from '../db/testing.ts'
import { createServices, type Services } from '../services.ts'
import { createApp } from '../app.ts'
import type express from 'express'

export const PASSWORD = 'correct horse battery staple'

/**
 * A small, fixed world for integration tests: two housing authorities (Basildon and Harlow), a provider
 * whose mentor holds a case in each, a hospital that refers, and one person in every role.
 */
export interface World {
  app: express.Express
  services: Services
  db: Kysely<DB>
  clock: FixedClock
  config: Config
  ids: {
    basildon: string
    harlow: string
    phoenix: string
    hospital: string
    prison: string
    basildonCase: string
    harlowCase: string
    providerCaseInHarlow: string
    hospitalReferralToBasildon: string
    prisonReferralToHarlow: string
  }
  users: Record<
    | 'basildonCaseworker'
    | 'basildonManager'
    | 'basildonAnalyst'
    | 'basildonAdmin'
    | 'harlowCaseworker'
    | 'harlowAdmin'
    | 'phoenixMentor'
    | 'hospitalReferrer'
    | 'prisonReferrer',
    { id: string; email: string }
  >
  close(): Promise<void>
}

export async function createWorld(kind: TestDatabaseKind, configOverrides: Partial<Config> = {}): Promise<World> {
  const database = await kind.open()
  const db = database.db
  const clock = new FixedClock('2026-03-02T10:00:00Z')
  const config = { ...loadConfig({ NODE_ENV: 'test' }), ...configOverrides }
  const hash = await hashPassword(PASSWORD)

  const org = async (type: string, name: string, ons_code: string | null = null) =>
    (await db.insertInto('organisations').values({ type, name, ons_code }).returning('id').executeTakeFirstOrThrow()).id
  const basildon = await org('local_housing_authority', 'Basildon Borough Council', 'E07000066')
  const harlow = await org('local_housing_authority', 'Harlow Council', 'E07000073')
  const phoenix = await org('provider', 'Phoenix Futures')
  const hospital = await org('hospital', 'Princess Alexandra Hospital NHS Trust')
  const prison = await org('prison', 'HMP Chelmsford')

  const user = async (organisation_id: string, role: string, email: string, display_name: string) => ({
    id: (
      await db
        .insertInto('users')
        .values({ organisation_id, role, email, display_name, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    email,
  })
  const users = {
    basildonCaseworker: await user(basildon, 'caseworker', 'cw@basildon.test', 'Priya Shah'),
    basildonManager: await user(basildon, 'team_manager', 'tm@basildon.test', 'Martin Cole'),
    basildonAnalyst: await user(basildon, 'analyst', 'an@basildon.test', 'Amira Begum'),
    basildonAdmin: await user(basildon, 'administrator', 'admin@basildon.test', 'Dan Reeves'),
    harlowCaseworker: await user(harlow, 'caseworker', 'cw@harlow.test', 'Tom Walsh'),
    harlowAdmin: await user(harlow, 'administrator', 'admin@harlow.test', 'Grace Okafor'),
    phoenixMentor: await user(phoenix, 'caseworker', 'mentor@phoenix.test', 'Leah Price'),
    hospitalReferrer: await user(hospital, 'referrer', 'discharge@hospital.test', 'Ana Nurse'),
    prisonReferrer: await user(prison, 'referrer', 'resettlement@prison.test', 'Ola Reid'),
  }

  const household = async (authority_id: string, given_name: string, family_name: string) => {
    const id = (await db.insertInto('households').values({ authority_id }).returning('id').executeTakeFirstOrThrow()).id
    await db
      .insertInto('people')
      .values({ household_id: id, authority_id, is_applicant: true, given_name, family_name, date_of_birth: '1988-05-14', sex: 'female' })
      .execute()
    return id
  }
  const kase = async (
    reference: string,
    authority_id: string,
    officer_id: string,
    household_id: string,
    provider_organisation_id: string | null = null,
  ) =>
    (
      await db
        .insertInto('cases')
        .values({
          reference,
          authority_id,
          officer_id,
          household_id,
          provider_organisation_id,
          approached_on: '2026-02-01',
          approach_channel: 'phone',
          stage: 'prevention',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const basildonCase = await kase('BAS-2026-00001', basildon, users.basildonCaseworker.id, await household(basildon, 'Jade', 'Turner'))
  const harlowCase = await kase('HAR-2026-00001', harlow, users.harlowCaseworker.id, await household(harlow, 'Kirsty', 'Hughes'))
  const providerCaseInHarlow = await kase(
    'HAR-2026-00002',
    harlow,
    users.phoenixMentor.id,
    await household(harlow, 'Maya', 'Osei'),
    phoenix,
  )

  const hospitalReferralToBasildon = await givenReferral(db, 'REF-AAAA01', hospital, basildon)
  const prisonReferralToHarlow = await givenReferral(db, 'REF-AAAA02', prison, harlow)

  // UPSTREAM_TEST_LOG=error shows why a request failed with a 500.
  const services = createServices({ config, clock, database, logger: createLogger(process.env['UPSTREAM_TEST_LOG'] ?? 'silent') })
  return {
    app: createApp(services),
    services,
    db,
    clock,
    config,
    ids: {
      basildon,
      harlow,
      phoenix,
      hospital,
      prison,
      basildonCase,
      harlowCase,
      providerCaseInHarlow,
      hospitalReferralToBasildon,
      prisonReferralToHarlow,
    },
    users,
    close: () => database.close(),
  }
}

/** The world for one describe block, made before its tests and closed after them; call the getter in a test. */
/** A partner's referral of Sam Taylor, received on 1 March 2026 and not yet looked at. */
export async function givenReferral(
  db: Kysely<DB>,
  reference: string,
  referringOrganisationId: string,
  authorityId: string,
): Promise<string> {
  const row = await db
    .insertInto('referrals')
    .values({
      reference,
      referring_organisation_id: referringOrganisationId,
      authority_id: authorityId,
      channel: 'web',
      status: 'received',
      outcome: 'pending',
      received_at: '2026-03-01T09:00:00Z',
      consent_to_referral: true,
      consent_to_share_contact_details: true,
      authority_chosen_by_person: true,
      given_name: 'Sam',
      family_name: 'Taylor',
      preferred_contact: 'phone',
      phone: '07700 900123',
      reason: 'threatened_within_56_days',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export function useWorld(kind: TestDatabaseKind, configOverrides: Partial<Config> = {}): () => World {
  let world: World | undefined
  beforeAll(async () => {
    world = await createWorld(kind, configOverrides)
  })
  afterAll(async () => {
    await world?.close()
  })
  return () => {
    if (!world) throw new Error('the world is made in beforeAll: call this inside a test')
    return world
  }
}
