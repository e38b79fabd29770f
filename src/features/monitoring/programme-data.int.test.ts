import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { Actor } from '../../db/actor.ts'
import { useWorld } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('a programme’s monitoring data on $name', (kind) => {
  const current = useWorld(kind)
  const analyst = (): Actor => ({
    kind: 'user',
    userId: current().users.basildonAnalyst.id,
    organisationId: current().ids.basildon,
    role: 'analyst',
    label: 'Amira Begum',
  })

  it('gives the programme lead its casework-recorded cases in the programmes’ vocabulary, and no one else', async () => {
    const { db, ids, services } = current()
    const programme = await db
      .insertInto('programmes')
      .values({ name: 'Basildon Upstream', lead_organisation_id: ids.basildon })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .updateTable('cases')
      .set({
        programme_id: programme.id,
        referral_route: 'referred_by_other_service',
        support_needs: ['mental_health', 'alcohol_dependency'],
      })
      .where('reference', '=', 'BAS-2026-00001')
      .execute()

    const data = await services.monitoring.programmeData(analyst(), { programmes: ['basildon upstream'] })
    if ('error' in data) throw new Error(data.error)
    expect(data.cases).toEqual([
      expect.objectContaining({
        caseRef: 'BAS-2026-00001',
        district: 'Basildon Borough Council',
        referralDate: '2026-02-01',
        referralRoute: 'partner_referral',
        applicantSex: 'female',
        applicantAge: 37,
        adults: 1,
        dependentChildren: 0,
        vulnerabilities: ['mental_health', 'drug_alcohol'],
        outcome: 'ongoing',
      }),
    ])
    expect(await services.monitoring.programmeData(analyst(), { programmes: ['Elsewhere'] })).toEqual({
      error: 'No programme you may see is called "Elsewhere"',
    })
    expect(await services.monitoring.programmeData(analyst(), { programmes: [], districts: ['Nowhere'] })).toEqual({
      error: 'No district is called "Nowhere"',
    })
    const harlow: Actor = { kind: 'user', userId: current().users.harlowAdmin.id, organisationId: ids.harlow, role: 'analyst', label: 'x' }
    expect(await services.monitoring.programmeData(harlow, { programmes: [] })).toEqual({
      error: 'You may not see any programme’s monitoring data',
    })
    const inHarlow = await services.monitoring.programmeData(analyst(), { programmes: [], districts: ['E07000073'] })
    expect('cases' in inHarlow && inHarlow.cases).toEqual([])
  })
})
