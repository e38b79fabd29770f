import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../testing.ts'
import { useWorld } from '../../test-support/world.ts'
import { warningStepAndApproachRoute } from './0024_warning_step_and_approach_route.ts'
import { socialCareSplit } from './0025_social_care_split.ts'
import { socialCareSideOfName } from '../../domain/organisations.ts'

/**
 * The data corrections of migrations 0024 and 0025, on rows as older versions stored them. The schema
 * is already at its latest, so only each migration's data statements run again here: they must be
 * correct, and harmless to run twice, on PGlite and PostgreSQL alike.
 */
const dataStatements = (statements: readonly string[]) => statements.filter((s) => /^\s*UPDATE\b/i.test(s))

describe.each(testDatabaseKinds())('data corrections on $name', (kind) => {
  const current = useWorld(kind)

  it('0024: every approach’s route in the monitoring codes, a partner’s referral where the channel says so, and no invented self-referrals', async () => {
    const { db, ids, users } = current()
    const household = async () =>
      (await db.insertInto('households').values({ authority_id: ids.basildon }).returning('id').executeTakeFirstOrThrow()).id
    const stored: [string, string, string | null][] = [
      ['BAS-2025-00001', 'phone', 'identified_by_council_or_partner'],
      ['BAS-2025-00002', 'referral', 'referred_by_other_service'],
      ['BAS-2025-00003', 'referral', null],
      ['BAS-2025-00004', 'in_person', null],
      ['BAS-2025-00005', 'phone', null],
      ['BAS-2025-00006', 'email', 'self_referral'],
      ['BAS-2025-00007', 'referral', 'proactive'],
    ]
    for (const [reference, channel, route] of stored)
      await db
        .insertInto('cases')
        .values({
          reference,
          authority_id: ids.basildon,
          officer_id: users.basildonCaseworker.id,
          household_id: await household(),
          approached_on: '2025-06-01',
          approach_channel: channel,
          referral_route: route,
          stage: 'prevention',
        })
        .execute()
    for (let run = 0; run < 2; run++)
      for (const statement of dataStatements(warningStepAndApproachRoute.statements)) await sql.raw(statement).execute(db)
    const routes = await db
      .selectFrom('cases')
      .select(['reference', 'referral_route'])
      .where('reference', 'like', 'BAS-2025-%')
      .orderBy('reference')
      .execute()
    expect(routes.map((r) => r.referral_route)).toEqual([
      'proactive',
      'partner_referral',
      'partner_referral',
      null,
      null,
      'self_referral',
      'proactive',
    ])
  })

  it('0025: each social services organisation on the side its name shows, as the command line now stores one', async () => {
    const { db } = current()
    const names = [
      'Essex Children’s Social Care',
      "Oxfordshire CHILDREN'S SERVICES",
      'Adult Social Care, Thurrock',
      'Hart Adults and Children’s Services',
      'Essex Social Services',
    ]
    for (const name of names) await db.insertInto('organisations').values({ type: 'social_services', name }).execute()
    await db.insertInto('organisations').values({ type: 'hospital', name: 'Children’s Hospital' }).execute()
    for (let run = 0; run < 2; run++)
      for (const statement of dataStatements(socialCareSplit.statements)) await sql.raw(statement).execute(db)
    const stored = await db
      .selectFrom('organisations')
      .select(['name', 'type'])
      .where('name', 'in', [...names, 'Children’s Hospital'])
      .execute()
    const typeOf = (name: string) => stored.find((o) => o.name === name)?.type
    expect(names.map(typeOf)).toEqual([
      'childrens_social_care',
      'childrens_social_care',
      'adult_social_care',
      'social_services',
      'social_services',
    ])
    expect(names.map((name) => socialCareSideOfName(name) ?? 'social_services')).toEqual(names.map(typeOf))
    expect(typeOf('Children’s Hospital')).toBe('hospital')
  })
})
