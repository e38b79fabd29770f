import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { createWorld, type World } from '../../test-support/world.ts'

/**
 * Recording decisions on a case through its pages. The world's clock stands at 2 March 2026. The
 * tests share one world: refusals first (they change nothing), then decisions; a test that needs an
 * earlier decision records it itself when no earlier test has, so any one can be run alone.
 */
describe.each(testDatabaseKinds())('recording a decision on $name', (kind) => {
  let world: World | undefined
  beforeAll(async () => {
    world = await createWorld(kind)
  })
  afterAll(async () => {
    await world?.close()
  })

  const current = () => {
    if (!world) throw new Error('no world')
    return world
  }

  async function caseRow(reference: string) {
    return current().db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow()
  }

  async function submit(agent: Agent, reference: string, fields: Record<string, string>) {
    const form = await agent.get(`/cases/${reference}/decision`)
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post(`/cases/${reference}/decision`)
      .type('form')
      .send({ version, ...fields, _csrf: csrfTokenOf(form.text) })
  }

  /** BAS-2026-00001 moved to relief by its caseworker on 2 March, now if no test has moved it. */
  async function inRelief() {
    if ((await caseRow('BAS-2026-00001')).stage !== 'prevention') return
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await submit(agent, 'BAS-2026-00001', { choice: 'became_homeless', day: '2', month: '3', year: '2026' })
    if (sent.status !== 303) throw new Error(`could not move the case to relief: ${String(sent.status)}`)
  }

  it.each([
    [
      { choice: 'end_prevention_duty', ground: 'fifty_six_days_elapsed', day: '2', month: '3', year: '2026' },
      '56 days have not yet passed',
    ],
    [{ choice: 'became_homeless', day: '3', month: '3', year: '2026' }, 'must be today or in the past'],
    [{ choice: 'became_homeless', day: '31', month: '1', year: '2026' }, 'on or after the day the household approached'],
    [{ choice: 'became_homeless', day: '30', month: '2', year: '2026' }, 'Date of decision must be a real date'],
    [{ choice: 'accept_prevention_duty', day: '1', month: '3', year: '2026' }, 'Select the decision'],
    [{ choice: 'end_prevention_duty', day: '1', month: '3', year: '2026' }, 'Select the ground for ending the duty'],
    [
      { choice: 'end_prevention_duty', ground: 'suitable_accommodation_secured', day: '1', month: '3', year: '2026' },
      'Select where the household is living now',
    ],
    [
      {
        choice: 'end_prevention_duty',
        ground: 'suitable_accommodation_secured',
        accommodationOutcome: 'moved_to_alternative_accommodation',
        day: '1',
        month: '3',
        year: '2026',
      },
      'Select the type of accommodation secured',
    ],
    [{ choice: 'end_prevention_duty', ground: 'non_cooperation', day: '1', month: '3', year: '2026' }, 'authorised by a second'],
  ])('refuses %j with a GOV.UK error, saving nothing', async (fields, message) => {
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await submit(agent, 'BAS-2026-00001', fields)
    expect(response.status).toBe(400)
    expect(response.text).toContain('govuk-error-summary')
    expect(response.text).toContain(message)
    expect(await caseRow('BAS-2026-00001')).toMatchObject({ stage: 'prevention', version: 1 })
    const events = await current().db.selectFrom('case_events').selectAll().execute()
    expect(events).toHaveLength(0) // the refusals run first, before any decision is recorded
  })

  it('lists every problem at once', async () => {
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await submit(agent, 'BAS-2026-00001', { choice: 'end_prevention_duty', day: '', month: '3', year: '2026' })
    expect(response.text).toContain('Select the ground for ending the duty')
    expect(response.text).toContain('Date of decision must include a day')
  })

  it('refuses decisions across the line: another authority’s case is not found, and analysts cannot decide', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get('/cases/BAS-2026-00001/decision')).status).toBe(404)
    const page = await harlow.get('/cases/HAR-2026-00001/decision')
    const forged = await harlow
      .post('/cases/BAS-2026-00001/decision')
      .type('form')
      .send({ version: '1', choice: 'became_homeless', day: '2', month: '3', year: '2026', _csrf: csrfTokenOf(page.text) })
    expect(forged.status).toBe(404)
    const analyst = await signedInAgent(current().app, current().users.basildonAnalyst.email)
    expect((await analyst.get('/cases/BAS-2026-00001/decision')).status).toBe(403)
    expect(await caseRow('BAS-2026-00001')).toMatchObject({ stage: 'prevention', version: 1 })
  })

  it('ends a prevention duty with the household staying at home, on the case, its timeline and the audit trail', async () => {
    const agent = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    const page = await agent.get('/cases/HAR-2026-00001/decision')
    expect(page.status).toBe(200)
    expect(page.text).toContain('End the prevention duty')
    expect(page.text).not.toContain('Prevention duty owed (section 195)')

    const response = await submit(agent, 'HAR-2026-00001', {
      choice: 'end_prevention_duty',
      ground: 'suitable_accommodation_secured',
      accommodationOutcome: 'stayed_in_existing_home',
      accommodationSecured: 'private_rented_self_contained',
      day: '1',
      month: '3',
      year: '2026',
    })
    expect(response.status).toBe(303)
    const row = await caseRow('HAR-2026-00001')
    expect(row).toMatchObject({
      stage: 'closed',
      outcome: 'suitable_accommodation_secured',
      accommodation_outcome: 'stayed_in_existing_home',
      accommodation_secured: 'private_rented_self_contained',
      closed_on: '2026-03-01',
      version: 2,
    })
    const casePage = await agent.get('/cases/HAR-2026-00001')
    expect(casePage.text).toContain('Prevention duty ended: suitable accommodation secured')
    expect(casePage.text).toContain('stayed in existing home (private rented self contained)')
    const audit = await current()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'update')
      .where('subject_id', '=', row.id)
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('moves a prevention case to relief when the household becomes homeless, and shows relief’s clock', async () => {
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await submit(agent, 'BAS-2026-00001', { choice: 'became_homeless', day: '2', month: '3', year: '2026' })).status).toBe(303)
    expect(await caseRow('BAS-2026-00001')).toMatchObject({ stage: 'relief', relief_started_on: '2026-03-02' })
    const casePage = await agent.get('/cases/BAS-2026-00001')
    expect(casePage.text).toContain('Main housing duty decision due (day 57)')
    expect(casePage.text).toContain('27 April 2026')
  })

  it('does not let a second officer overwrite a decision made since their form was opened', async () => {
    // The caseworker has moved BAS-2026-00001 to relief (version 2); the manager's form said version 1.
    await inRelief()
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const form = await manager.get('/cases/BAS-2026-00001/decision')
    const stale = await manager
      .post('/cases/BAS-2026-00001/decision')
      .type('form')
      .send({
        version: '1',
        choice: 'end_relief_duty',
        ground: 'contact_lost',
        day: '2',
        month: '3',
        year: '2026',
        _csrf: csrfTokenOf(form.text),
      })
    expect(stale.status).toBe(409)
    expect(stale.text).toContain('Someone else changed this case')
    expect(await caseRow('BAS-2026-00001')).toMatchObject({ stage: 'relief', version: 2 })
  })

  it('lets a provider’s mentor decide on the case they hold in another authority', async () => {
    const mentor = await signedInAgent(current().app, current().users.phoenixMentor.email)
    expect((await submit(mentor, 'HAR-2026-00002', { choice: 'became_homeless', day: '2', month: '3', year: '2026' })).status).toBe(303)
    expect(await caseRow('HAR-2026-00002')).toMatchObject({ stage: 'relief' })
  })
})
