import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { agreedPlanOnBasildonCase } from '../../test-support/plans.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * A non-cooperation notice from warning to the end of the duty, on BAS-2026-00001 (prevention since
 * 1 February 2026, with a plan agreed on 5 February). The world's clock stands at 2 March 2026. The tests share one world: a test that
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
    const { applicantStep } = await agreedPlanOnBasildonCase(current())
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await post(caseworker, 'warning', {
      stepId: applicantStep,
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

  it('refuses a warning while the case has no plan: a warning is about a step in it (s193B(2))', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await caseworker.get(page)).text).toContain('Make the plan and record its steps first')
    const response = await post(caseworker, 'warning', {
      stepId: '3f1c2b6e-8a4d-4c1e-9b7a-2d5e6f708192',
      day: '10',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('A warning must be about a step in the personalised housing plan')
    expect(response.text).toContain('href="#step-id"')
    expect(await warnings()).toHaveLength(0)
  })

  it('asks for the step, the date and the period, saving nothing until they are right', async () => {
    await agreedPlanOnBasildonCase(current())
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await post(caseworker, 'warning', { day: '', month: '', year: '', reasonablePeriodDays: '0' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Select the step in the plan that the applicant has refused to take')
    expect(response.text).toContain('Enter the date of the warning')
    expect(response.text).toContain('Enter the reasonable period as a whole number of days from 1 to 90')
    expect(await warnings()).toHaveLength(0)
  })

  it('refuses a warning about the council’s step, or dated before the steps were agreed', async () => {
    const { councilStep, applicantStep } = await agreedPlanOnBasildonCase(current())
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const councils = await post(caseworker, 'warning', {
      stepId: councilStep,
      day: '10',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    expect(councils.status).toBe(400)
    expect(councils.text).toContain('A warning can be about only a step the applicant is to take')
    const early = await post(caseworker, 'warning', {
      stepId: applicantStep,
      day: '4',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    expect(early.status).toBe(400)
    expect(early.text).toContain('The date of the warning must be on or after 2026-02-05')
    expect(await warnings()).toHaveLength(0)
  })

  it('gives a warning about the applicant’s step, keeping the step and its words', async () => {
    const { applicantStep } = await agreedPlanOnBasildonCase(current())
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const form = (await caseworker.get(page)).text
    expect(form).toContain('Attend the viewing arranged with the landlord')
    expect(form).not.toContain('Negotiate with the landlord')
    const response = await post(caseworker, 'warning', {
      stepId: applicantStep,
      day: '10',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    expect(response.status).toBe(303)
    const shown = await caseworker.get(page)
    expect(shown.text).toContain('a notice can be decided from 24 February 2026')
    expect(await warnings()).toMatchObject([{ plan_step_id: applicantStep, step_refused: 'Attend the viewing arranged with the landlord' }])
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
    const end = (day: string) =>
      caseworker
        .post('/cases/BAS-2026-00001/decision')
        .type('form')
        .send({
          version: '1',
          choice: 'end_prevention_duty',
          ground: 'non_cooperation',
          day,
          month: '3',
          year: '2026',
          _csrf: csrfTokenOf(decision.text),
        })
    // Authorised today, 2 March: the duty cannot have ended the day before.
    const early = await end('1')
    expect(early.status).toBe(400)
    expect(early.text).toContain('The duty cannot end for non-cooperation before the notice was authorised, on 2026-03-02')
    const ended = await end('2')
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

/**
 * After a non-cooperation notice the main housing duty does not apply (s193(1A)(b)); the s193C(4) duty
 * does instead. BAS-2026-00001 is put in relief from 5 January 2026, its relief duty's notice authorised
 * on 20 February, so that the main duty decision falls due on 2 March, the world's today.
 */
describe.each(testDatabaseKinds())('the main duty after a non-cooperation notice on $name', (kind) => {
  const current = useWorld(kind)

  it('refuses the main duty as owed, and records it as not owed', async () => {
    const { db, ids, users } = current()
    await db.updateTable('cases').set({ stage: 'relief', relief_started_on: '2026-01-05' }).where('id', '=', ids.basildonCase).execute()
    const { applicantStep } = await agreedPlanOnBasildonCase(current())
    await db
      .insertInto('non_cooperation_warnings')
      .values({
        case_id: ids.basildonCase,
        authority_id: ids.basildon,
        duty: 'relief',
        step_refused: 'Attend the viewing arranged with the landlord',
        plan_step_id: applicantStep,
        warned_on: '2026-02-06',
        warned_by: users.basildonCaseworker.id,
        reasonable_period_days: 7,
        notice_decided_on: '2026-02-16',
        notice_decided_by: users.basildonCaseworker.id,
        notice_decided_by_role: 'caseworker',
        notice_reasons: 'Refused every viewing without reason',
        authorised_on: '2026-02-20',
        authorised_by: users.basildonManager.id,
      })
      .execute()
    const caseworker = await signedInAgent(current().app, users.basildonCaseworker.email)
    const decide = async (fields: Record<string, string>) => {
      const form = await caseworker.get('/cases/BAS-2026-00001/decision')
      return caseworker
        .post('/cases/BAS-2026-00001/decision')
        .type('form')
        .send({ version: '1', day: '2', month: '3', year: '2026', ...fields, _csrf: csrfTokenOf(form.text) })
    }
    const owed = await decide({
      choice: 'main_duty_owed',
      priorityNeed: 'in_priority_need',
      priorityNeedCategory: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
    })
    expect(owed.status).toBe(400)
    expect(owed.text).toContain('cannot be owed after a non-cooperation notice (s193(1A)(b))')
    const notOwed = await decide({
      choice: 'main_duty_not_owed',
      priorityNeed: 'in_priority_need',
      priorityNeedCategory: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
      letterReasons: 'A notice under section 193B was given on 20 February 2026.',
    })
    expect(notOwed.status).toBe(303)
    expect(await db.selectFrom('cases').select(['stage', 'outcome']).where('id', '=', ids.basildonCase).executeTakeFirst()).toEqual({
      stage: 'closed',
      outcome: 'main_duty_not_owed',
    })
  })
})
