import { describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { givenReferral, useWorld } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }

/**
 * Referrals by setting: adult and children's social care are different partners with different duties
 * (s213B; the 2018 Regulations' Schedule names social services authorities), so the figures count them
 * apart. Social care bodies are added as the command line adds them, including by the old type
 * `social_services`. The world's referrals to Basildon: one from the hospital.
 */
describe.each(testDatabaseKinds())('referrals by setting on $name', (kind) => {
  const current = useWorld(kind)

  it('counts adult and children’s social care apart, and shows a social services body whose side is not recorded', async () => {
    const { db, ids, services, users } = current()
    const added = {
      children: await services.organisations.add({ type: 'social_services', name: 'Essex Children’s Social Care' }, system),
      adults: await services.organisations.add({ type: 'adult_social_care', name: 'Essex Adults' }, system),
      unknown: await services.organisations.add({ type: 'social_services', name: 'Essex Social Services' }, system),
    }
    const types = await db.selectFrom('organisations').select(['name', 'type']).where('name', 'like', 'Essex %').orderBy('name').execute()
    expect(types).toEqual([
      { name: 'Essex Adults', type: 'adult_social_care' },
      { name: 'Essex Children’s Social Care', type: 'childrens_social_care' },
      { name: 'Essex Social Services', type: 'social_services' },
    ])

    let n = 10
    for (const from of [added.children, added.children, added.adults, added.unknown])
      await givenReferral(db, `REF-SOC${String(n++)}`, from.id, ids.basildon)

    const analyst: Actor = {
      kind: 'user',
      userId: users.basildonAnalyst.id,
      organisationId: ids.basildon,
      role: 'analyst',
      label: 'Amira Begum',
    }
    const result = await services.referrals.figures(analyst, {
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-03-02T23:59:59Z'),
    })
    const bySetting = Object.fromEntries((result?.figures.bySetting ?? []).map((row) => [row.label, row.count]))
    expect(bySetting).toMatchObject({
      Health: 1,
      'Adult social care': 1,
      'Children’s social care': 2,
      'Social services (adult or children’s not recorded)': 1,
    })
    expect(bySetting).not.toHaveProperty('Children’s services')
  })
})
