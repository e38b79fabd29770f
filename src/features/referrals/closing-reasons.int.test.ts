import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * A referral may be turned away as "intentionally homeless" or "no local connection" only once the
 * person's case has decided it: the prevention and relief duties are owed regardless of either
 * (s195, s189B). The hospital's referral REF-AAAA01 to Basildon; Basildon's case BAS-2026-00001 is the
 * same person's, in prevention since 1 February 2026. The world's clock stands at 2 March 2026.
 */
describe.each(testDatabaseKinds())('closing reasons that rest on a decision, on $name', (kind) => {
  const current = useWorld(kind)
  const referral = () => `/referrals/${current().ids.hospitalReferralToBasildon}`
  const stored = () =>
    current()
      .db.selectFrom('referrals')
      .select(['status', 'outcome', 'case_id'])
      .where('id', '=', current().ids.hospitalReferralToBasildon)
      .executeTakeFirstOrThrow()

  async function post(agent: Agent, page: string, action: string, fields: Record<string, string>) {
    const form = await agent.get(page)
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post(action)
      .type('form')
      .send({ version, ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const close = (agent: Agent, outcome: string) => post(agent, referral(), `${referral()}/steps`, { action: 'close', outcome })
  const decide = (agent: Agent, fields: Record<string, string>) =>
    post(agent, '/cases/BAS-2026-00001/decision', '/cases/BAS-2026-00001/decision', { day: '2', month: '3', year: '2026', ...fields })

  it('refuses both before anyone has assessed the person, saving nothing', async () => {
    const officer = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const intentional = await close(officer, 'rejected_intentionally_homeless')
    expect(intentional.status).toBe(400)
    expect(intentional.text).toContain('Close as intentionally homeless only once the person’s case has decided')
    const connection = await close(officer, 'rejected_no_local_connection')
    expect(connection.status).toBe(400)
    expect(connection.text).toContain('Close for no local connection only once the person’s case has been referred')
    expect(await stored()).toMatchObject({ status: 'received', outcome: 'pending' })
  })

  it('refuses them on a linked case that has decided neither, and allows the one its decision supports', async () => {
    const officer = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const linked = await post(officer, `${referral()}/convert`, `${referral()}/convert`, { caseReference: 'BAS-2026-00001' })
    expect(linked.status).toBe(303)
    expect((await close(officer, 'rejected_no_local_connection')).status).toBe(400)

    // The household becomes homeless, and the relief duty ends on a local connection referral (s198(A1)).
    expect((await decide(officer, { choice: 'became_homeless' })).status).toBe(303)
    expect((await decide(officer, { choice: 'end_relief_duty', ground: 'local_connection_referral_accepted' })).status).toBe(303)

    const intentional = await close(officer, 'rejected_intentionally_homeless')
    expect(intentional.status).toBe(400)
    expect(intentional.text).toContain('Close as intentionally homeless only once')
    const connection = await close(officer, 'rejected_no_local_connection')
    expect(connection.status).toBe(303)
    expect(await stored()).toMatchObject({ status: 'closed', outcome: 'rejected_no_local_connection', case_id: current().ids.basildonCase })
  })
})
