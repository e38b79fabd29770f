import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { createWorld, type World } from '../../test-support/world.ts'

/** A team manager's view of the team: caseloads, what is overdue, and one officer's caseload. */
describe.each(testDatabaseKinds())('the team page on $name', (kind) => {
  let world: World | undefined
  beforeAll(async () => {
    world = await createWorld(kind)
    // A relief case that began 70 days before the world's 2 March 2026: its day-57 decision is overdue.
    const household = await world.db
      .selectFrom('cases')
      .where('reference', '=', 'BAS-2026-00001')
      .select(['household_id', 'authority_id'])
      .executeTakeFirstOrThrow()
    await world.db
      .insertInto('cases')
      .values({
        reference: 'BAS-2025-00099',
        authority_id: household.authority_id,
        officer_id: world.users.basildonManager.id,
        household_id: household.household_id,
        approached_on: '2025-12-22',
        approach_channel: 'in_person',
        stage: 'relief',
        relief_started_on: '2025-12-22',
      })
      .execute()
  })
  afterAll(async () => {
    await world?.close()
  })
  const current = () => {
    if (!world) throw new Error('no world')
    return world
  }

  it('shows each officer’s open cases, how many have something overdue, and what is due this week', async () => {
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const home = await manager.get('/')
    expect(home.status).toBe(200)
    const row = (name: string) => {
      const match = new RegExp(`${name}</a></td>([\\s\\S]*?)</tr>`).exec(home.text)
      return [...(match?.[1] ?? '').matchAll(/>(\d+)</g)].map((m) => Number(m[1]))
    }
    expect(row('Martin Cole')).toEqual([1, 1, 0])
    expect(row('Priya Shah')).toEqual([1, 0, 0])
  })

  it('opens one officer’s caseload, and no one else’s', async () => {
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const theirs = await manager.get(`/cases?officer=${current().users.basildonManager.id}`)
    expect(theirs.status).toBe(200)
    expect(theirs.text).toContain('Caseload of Martin Cole')
    expect(theirs.text).toContain('BAS-2025-00099')
    expect(theirs.text).not.toContain('BAS-2026-00001')
    expect((await manager.get(`/cases?officer=${current().users.harlowCaseworker.id}`)).status).toBe(404)
    expect((await manager.get('/cases?officer=nobody')).status).toBe(404)
  })
})
