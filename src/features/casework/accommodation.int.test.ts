import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * Temporary accommodation on BAS-2026-00001 (prevention since 1 February 2026; the world's clock stands
 * at 2 March 2026). The tests share one world: a test that needs the household homeless or placed
 * records it itself when no earlier test has, so any one can be run alone.
 */
/** Section 188(1): reason to believe the applicant may be homeless, eligible and in priority need, and which. */
const BELIEF = {
  reasonToBelieve: ['may_be_homeless', 'may_be_eligible', 'may_have_priority_need'],
  apparentPriorityNeed: 'vulnerable_physical_disability_or_ill_health',
}

describe.each(testDatabaseKinds())('temporary accommodation on $name', (kind) => {
  const current = useWorld(kind)
  const page = '/cases/BAS-2026-00001/temporary-accommodation'
  const placements = () => current().db.selectFrom('accommodation_placements').selectAll().execute()
  async function post(agent: Agent, path: string, fields: Record<string, string | string[]>) {
    const form = await agent.get(page)
    return agent
      .post(`${page}/${path}`)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }
  async function decide(agent: Agent, fields: Record<string, string>) {
    const form = await agent.get('/cases/BAS-2026-00001/decision')
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post('/cases/BAS-2026-00001/decision')
      .type('form')
      .send({ ...fields, version, _csrf: csrfTokenOf(form.text) })
  }

  /** The household homeless since 20 February, recorded now if no test has recorded it. */
  async function homeless(agent: Agent) {
    const { stage } = await current()
      .db.selectFrom('cases')
      .select('stage')
      .where('reference', '=', 'BAS-2026-00001')
      .executeTakeFirstOrThrow()
    if (stage !== 'prevention') return
    const sent = await decide(agent, { choice: 'became_homeless', day: '20', month: '2', year: '2026' })
    if (sent.status !== 303) throw new Error(`could not record the household homeless: ${String(sent.status)}`)
  }

  /** The bed and breakfast placement of 20 February, made now if no test has made it. */
  async function placed(agent: Agent) {
    await homeless(agent)
    if ((await placements()).length > 0) return
    const sent = await post(agent, 'placement', {
      ...BELIEF,
      accommodationType: 'bed_and_breakfast',
      bedrooms: '1',
      inAnotherDistrict: 'no',
      day: '20',
      month: '2',
      year: '2026',
    })
    if (sent.status !== 303) throw new Error(`could not place the household: ${String(sent.status)}`)
  }

  it('refuses interim accommodation while only the prevention duty is owed', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const refused = await post(caseworker, 'placement', { accommodationType: 'hostel', day: '1', month: '3', year: '2026' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('record that they have become homeless (the relief duty) first')
    expect(await placements()).toHaveLength(0)
  })

  it('lists every problem with a placement at once and saves nothing', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await decide(caseworker, { choice: 'became_homeless', day: '20', month: '2', year: '2026' })).status).toBe(303)
    const bad = await post(caseworker, 'placement', { bedrooms: 'two', day: '31', month: '2', year: '2026' })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Select the type of accommodation')
    expect(bad.text).toContain('Enter the number of bedrooms as a whole number from 0 to 10')
    expect(bad.text).toContain('Date of the placement must be a real date')
    const early = await post(caseworker, 'placement', { accommodationType: 'hostel', day: '31', month: '1', year: '2026' })
    expect(early.text).toContain('on or after the day the household approached')
    expect(await placements()).toHaveLength(0)
  })

  it('refuses interim accommodation without the reason to believe it is owed (s188(1)), naming each field', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    await homeless(caseworker)
    const form = await caseworker.get(page)
    expect(form.text).toContain('name="reasonToBelieve"')
    expect(form.text).toContain('id="apparent-priority-need"')
    const refused = await post(caseworker, 'placement', {
      accommodationType: 'hostel',
      reasonToBelieve: ['may_be_homeless', 'may_be_eligible'],
      day: '1',
      month: '3',
      year: '2026',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('govuk-error-summary')
    expect(refused.text).toContain('href="#reason-to-believe"')
    expect(refused.text).toContain('href="#apparent-priority-need"')
    expect(refused.text).toContain('reason to believe the applicant may be homeless, eligible and in priority need')
    expect(await placements()).toHaveLength(0)
  })

  it('places the household in interim accommodation (s188) and shows it on the case', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    await homeless(caseworker)
    const placed = await post(caseworker, 'placement', {
      ...BELIEF,
      accommodationType: 'bed_and_breakfast',
      bedrooms: '1',
      inAnotherDistrict: 'no',
      day: '20',
      month: '2',
      year: '2026',
    })
    expect(placed.status).toBe(303)
    expect(await placements()).toMatchObject([
      {
        duty: 's188',
        accommodation_type: 'bed_and_breakfast',
        bedrooms: 1,
        ended_on: null,
        reason_to_believe: BELIEF.reasonToBelieve,
        apparent_priority_need: 'vulnerable_physical_disability_or_ill_health',
      },
    ])
    expect((await caseworker.get(page)).text).toContain('reason to believe the applicant may be homeless, eligible and in priority need')
    const shown = await caseworker.get('/cases/BAS-2026-00001')
    expect(shown.text).toContain('Since 20 February 2026, section 188 (interim)')
    expect(shown.text).toContain('Placed in temporary accommodation')
    const again = await post(caseworker, 'placement', { ...BELIEF, accommodationType: 'hostel', day: '1', month: '3', year: '2026' })
    expect(again.text).toContain('already in a placement')
  })

  it('ends the placement, not before it began', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    await placed(caseworker)
    const early = await post(caseworker, 'ending', { ending: 'settled_accommodation_secured', day: '19', month: '2', year: '2026' })
    expect(early.text).toContain('on or after the day it began')
    const ended = await post(caseworker, 'ending', { ending: 'settled_accommodation_secured', day: '1', month: '3', year: '2026' })
    expect(ended.status).toBe(303)
    expect(await placements()).toMatchObject([{ ended_on: '2026-03-01', ending: 'settled_accommodation_secured' }])
    expect((await caseworker.get('/cases/BAS-2026-00001')).text).toContain('Temporary accommodation ended: settled accommodation secured')
  })

  it('keeps another authority and an analyst out', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(page)).status).toBe(404)
    const analyst = await signedInAgent(current().app, current().users.basildonAnalyst.email)
    expect((await analyst.get(page)).status).toBe(403)
  })
})

describe.each(testDatabaseKinds())('two officers placing a household at once on $name', (kind) => {
  const current = useWorld(kind)

  it('records one placement and refuses the other with a message, not an error', async () => {
    const world = current()
    const app = world.app
    const caseworker = await signedInAgent(app, world.users.basildonCaseworker.email)
    const manager = await signedInAgent(app, world.users.basildonManager.email)
    const decision = await caseworker.get('/cases/BAS-2026-00001/decision')
    await caseworker
      .post('/cases/BAS-2026-00001/decision')
      .type('form')
      .send({ choice: 'became_homeless', day: '20', month: '2', year: '2026', version: '1', _csrf: csrfTokenOf(decision.text) })
    const page = '/cases/BAS-2026-00001/temporary-accommodation'
    const place = async (agent: Agent) => {
      const form = await agent.get(page)
      return agent
        .post(`${page}/placement`)
        .type('form')
        .send({ ...BELIEF, accommodationType: 'hostel', day: '1', month: '3', year: '2026', _csrf: csrfTokenOf(form.text) })
    }
    const statuses = (await Promise.all([place(caseworker), place(manager)])).map((r) => r.status).sort()
    expect(statuses).toEqual([303, 400])
    expect(await world.db.selectFrom('accommodation_placements').selectAll().execute()).toHaveLength(1)
  })
})
