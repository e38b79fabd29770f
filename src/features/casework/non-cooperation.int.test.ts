import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * A non-cooperation notice from warning to the end of the duty, on BAS-2026-00001 (prevention since
 * 1 February 2026). The world's clock stands at 2 March 2026. The tests share one world: a test that
 * needs a warning or a notice gives it itself when no earlier test has, so any one can be run alone.
 */
describe.each(testDatabaseKinds())('non-cooperation on $name', (kind) => {
  const current = useWorld(kind)
  const page = '/cases/BAS-2026-00001/non-cooperation'

  async function post(agent: Agent, path: string, fields: Record<string, string>) {
    const form = await agent.get(page)
    return agent
      .post(`${page}/${path}`)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const warnings = () => current().db.selectFrom('non_cooperation_warnings').selectAll().execute()

  /** The warning of 10 February with 14 days to act, given now if no test has given it. */
  async function warned() {
    if ((await warnings()).length > 0) return
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await post(caseworker, 'warning', {
      stepRefused: 'Attend the viewing arranged with the landlord',
      day: '10',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    if (sent.status !== 303) throw new Error(`could not give the warning: ${String(sent.status)}`)
  }

  /** The caseworker's notice of 1 March on that warning, decided now if no test has decided it. */
  async function noticeDecided() {
    await warned()
    if ((await warnings())[0]?.notice_decided_on) return
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await post(caseworker, 'notice', { reasons: 'Refused every viewing without reason', day: '1', month: '3', year: '2026' })
    if (sent.status !== 303) throw new Error(`could not decide the notice: ${String(sent.status)}`)
  }

  it('asks for the step, the date and the period, saving nothing until they are right', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await post(caseworker, 'warning', { stepRefused: '', day: '', month: '', year: '', reasonablePeriodDays: '0' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Enter the step the applicant has refused to take')
    expect(response.text).toContain('Enter the date of the warning')
    expect(response.text).toContain('Enter the reasonable period as a whole number of days from 1 to 90')
    expect(await warnings()).toHaveLength(0)
  })

  it('gives a warning', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await post(caseworker, 'warning', {
      stepRefused: 'Attend the viewing arranged with the landlord',
      day: '10',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    expect(response.status).toBe(303)
    const shown = await caseworker.get(page)
    expect(shown.text).toContain('a notice can be decided from 24 February 2026')
  })

  it('refuses a notice before the reasonable period has passed, then records one after it', async () => {
    await warned()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const early = await post(caseworker, 'notice', { reasons: 'Refused every viewing', day: '23', month: '2', year: '2026' })
    expect(early.status).toBe(400)
    expect(early.text).toContain('a notice can be decided from 2026-02-24')
    const decided = await post(caseworker, 'notice', {
      reasons: 'Refused every viewing without reason',
      day: '1',
      month: '3',
      year: '2026',
    })
    expect(decided.status).toBe(303)
    expect((await caseworker.get(page)).text).toContain('Waiting for a second officer')
  })

  it('does not let the deciding officer authorise their own notice, nor end the duty before it is authorised', async () => {
    await noticeDecided()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const own = await post(caseworker, 'authorisation', {})
    expect(own.status).toBe(400)
    expect(own.text).toContain('cannot also authorise')
    const decision = await caseworker.get('/cases/BAS-2026-00001/decision')
    const ended = await caseworker
      .post('/cases/BAS-2026-00001/decision')
      .type('form')
      .send({
        version: '1',
        choice: 'end_prevention_duty',
        ground: 'non_cooperation',
        day: '2',
        month: '3',
        year: '2026',
        _csrf: csrfTokenOf(decision.text),
      })
    expect(ended.status).toBe(400)
    expect((await warnings())[0]?.authorised_by).toBeNull()
  })

  it('is authorised by a second, senior officer, after which the duty can end for non-cooperation', async () => {
    await noticeDecided()
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    expect((await manager.get(page)).text).toContain('Authorise the notice')
    expect((await post(manager, 'authorisation', {})).status).toBe(303)
    expect((await warnings())[0]?.authorised_by).toBe(current().users.basildonManager.id)

    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const decision = await caseworker.get('/cases/BAS-2026-00001/decision')
    const ended = await caseworker
      .post('/cases/BAS-2026-00001/decision')
      .type('form')
      .send({
        version: '1',
        choice: 'end_prevention_duty',
        ground: 'non_cooperation',
        day: '2',
        month: '3',
        year: '2026',
        _csrf: csrfTokenOf(decision.text),
      })
    expect(ended.status).toBe(303)
    const timeline = (await caseworker.get('/cases/BAS-2026-00001')).text
    expect(timeline).toContain('Non-cooperation warning given')
    expect(timeline).toContain('Non-cooperation notice authorised')
    expect(timeline).toContain('Prevention duty ended: non cooperation')
  })

  it('keeps another authority out', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(page)).status).toBe(404)
  })
})
