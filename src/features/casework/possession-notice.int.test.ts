import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * The possession-notice bar (s195(6)) from the page where the officer records the notice (the
 * assessment's homelessness section) to the decision that would end the prevention duty because 56 days
 * have passed. BAS-2026-00001 has been in prevention since 1 February 2026; the tests move the clock to
 * 30 March 2026, day 58, when that ground is otherwise open.
 */
describe.each(testDatabaseKinds())('the possession-notice bar on $name', (kind) => {
  const current = useWorld(kind)
  const reference = 'BAS-2026-00001'

  async function post(agent: Agent, path: string, fields: Record<string, string>) {
    const form = await agent.get(path)
    const version = /name="version" (?:id="version" )?value="(\d*)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post(path)
      .type('form')
      .send({ version, ...fields, _csrf: csrfTokenOf(form.text) })
  }

  const notice = (validity: string) => ({
    status: 'threatened_within_56_days',
    expectedHomelessOnDay: '10',
    expectedHomelessOnMonth: '4',
    expectedHomelessOnYear: '2026',
    possessionNotice: 'section_21',
    noticeServedOnDay: '1',
    noticeServedOnMonth: '2',
    noticeServedOnYear: '2026',
    noticeExpiresOnDay: '10',
    noticeExpiresOnMonth: '4',
    noticeExpiresOnYear: '2026',
    noticeValidity: validity,
    onlyAccommodation: 'yes',
    action: 'continue',
  })
  const endFor56Days = { choice: 'end_prevention_duty', ground: 'fifty_six_days_elapsed', day: '30', month: '3', year: '2026' }
  const stage = async () =>
    await current().db.selectFrom('cases').select(['stage', 'outcome']).where('reference', '=', reference).executeTakeFirstOrThrow()

  it('asks whether a section 21 notice is valid and for the only home before the section is complete', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const { noticeValidity: _v, onlyAccommodation: _o, ...withoutAnswers } = notice('valid')
    const response = await post(caseworker, `/cases/${reference}/assessment/homelessness`, withoutAnswers)
    expect(response.status).toBe(400)
    expect(response.text).toContain('Select whether the notice is valid, or that it has not been checked yet')
    expect(response.text).toContain('Select whether the home the notice is about is the only accommodation available to them')
    expect(response.text).toContain('href="#noticeValidity"')
  })

  it('keeps the prevention duty from ending on 56 days while a valid section 21 notice for the only home runs, and not once it is found invalid', async () => {
    let caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await post(caseworker, `/cases/${reference}/assessment/homelessness`, notice('valid'))).status).toBe(303)
    current().clock.advanceDays(28) // 30 March 2026: a new day, a new sign-in
    caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)

    const barred = await post(caseworker, `/cases/${reference}/decision`, endFor56Days)
    expect(barred.status).toBe(400)
    expect(barred.text).toContain('section 21 of the Housing Act 1988')
    expect(barred.text).toContain('(s195(6))')
    expect(await stage()).toEqual({ stage: 'prevention', outcome: null })

    // The officer checks the notice and finds it invalid: the ground is open again.
    expect((await post(caseworker, `/cases/${reference}/assessment/homelessness`, notice('not_valid'))).status).toBe(303)
    const ended = await post(caseworker, `/cases/${reference}/decision`, endFor56Days)
    expect(ended.status).toBe(303)
    expect(await stage()).toEqual({ stage: 'closed', outcome: 'fifty_six_days_elapsed' })
  })
})
