import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('changing a case’s named officer on $name', (kind) => {
  const current = useWorld(kind)
  const officerOf = async (reference: string) =>
    await current().db.selectFrom('cases').select(['officer_id', 'version']).where('reference', '=', reference).executeTakeFirstOrThrow()

  async function post(agent: Agent, reference: string, fields: Record<string, string>) {
    const form = await agent.get(`/cases/${reference}/officer`)
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post(`/cases/${reference}/officer`)
      .type('form')
      .send({ version, ...fields, _csrf: csrfTokenOf(form.text) })
  }

  it('lets only team managers change it', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await caseworker.get('/cases/BAS-2026-00001/officer')).status).toBe(403)
  })

  it('refuses an officer from another organisation, and another authority’s case, changing nothing', async () => {
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const response = await post(manager, 'BAS-2026-00001', { officerId: current().users.harlowCaseworker.id })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Select an officer from your organisation')
    expect((await manager.get('/cases/HAR-2026-00001/officer')).status).toBe(404)
    expect(await officerOf('BAS-2026-00001')).toEqual({ officer_id: current().users.basildonCaseworker.id, version: 1 })
  })

  it('names the new officer, keeping the change in the timeline and the audit trail', async () => {
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const response = await post(manager, 'BAS-2026-00001', { officerId: current().users.basildonManager.id })
    expect(response.status).toBe(303)
    expect(await officerOf('BAS-2026-00001')).toEqual({ officer_id: current().users.basildonManager.id, version: 2 })
    const page = await manager.get('/cases/BAS-2026-00001')
    expect(page.text).toContain('Named officer changed: now Martin Cole, before Priya Shah')
    const audit = await current()
      .db.selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'update')
      .where('subject_type', '=', 'case')
      .execute()
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ change: 'officer_reassigned' }))
  })

  it('refuses a change made on a form that is out of date', async () => {
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const form = await manager.get('/cases/BAS-2026-00001/officer')
    const stale = await manager
      .post('/cases/BAS-2026-00001/officer')
      .type('form')
      .send({ version: '1', officerId: current().users.basildonCaseworker.id, _csrf: csrfTokenOf(form.text) })
    expect(stale.status).toBe(409)
    expect(await officerOf('BAS-2026-00001')).toEqual({ officer_id: current().users.basildonManager.id, version: 2 })
  })
})
