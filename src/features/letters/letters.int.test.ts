import { LocalDate } from '@js-joda/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { asActor, type Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { givenCase, type GivenCase } from '../../test-support/cases.ts'
import { agreedPlanOnBasildonCase } from '../../test-support/plans.ts'
import { useWorld } from '../../test-support/world.ts'
import { issueLetter, reviewDecisionFacts } from './service.ts'

/**
 * Letters issued as decisions are recorded, each test on a Basildon case of its own (Jade Turner's, in
 * prevention since 1 February 2026) or on one of the world's cases no other test changes. The world's
 * clock stands at 2 March 2026, so a review must be asked for by 22 March 2026. A test that needs a
 * letter has its decision recorded itself, so the tests run in any order.
 */
describe.each(testDatabaseKinds())('decision letters on $name', (kind) => {
  const current = useWorld(kind)
  let kase: GivenCase
  let casePath = ''
  beforeEach(async () => {
    kase = await givenCase(current())
    casePath = `/cases/${kase.reference}`
  })
  const letters = () => current().db.selectFrom('case_letters').selectAll().orderBy('issued_at').execute()
  /** The letters on this test's own case. */
  const caseLetters = () =>
    current().db.selectFrom('case_letters').where('case_id', '=', kase.id).selectAll().orderBy('issued_at').execute()

  async function postForm(agent: Agent, formPage: string, action: string, fields: Record<string, string>) {
    const form = await agent.get(formPage)
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }

  const endPreventionDuty = {
    version: '1',
    choice: 'end_prevention_duty',
    ground: 'application_withdrawn',
    day: '2',
    month: '3',
    year: '2026',
    letterReasons: 'You told us on 27 February <script>alert(1)</script> that you no longer need our help.',
  }

  /** The prevention duty ended on 2 March (the application withdrawn), with the notice it calls for. */
  async function preventionEnded() {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await postForm(caseworker, `${casePath}/decision`, `${casePath}/decision`, endPreventionDuty)
    if (sent.status !== 303) throw new Error(`could not end the prevention duty: ${String(sent.status)}`)
    const ended = (await caseLetters()).find((l) => l.kind === 'prevention_duty_ended')
    if (!ended) throw new Error('no letter')
    return ended
  }

  it('keeps a written warning on the case when a non-cooperation warning is given', async () => {
    const { applicantStep } = await agreedPlanOnBasildonCase(current(), kase.id)
    // The step's words as the officer wrote them, markup and all: the letter must quote them safely.
    await current()
      .db.updateTable('housing_plan_steps')
      .set({ text: 'Attend the viewing <b>arranged</b> with the landlord' })
      .where('id', '=', applicantStep)
      .execute()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const page = `${casePath}/non-cooperation`
    const response = await postForm(caseworker, page, `${page}/warning`, {
      stepId: applicantStep,
      day: '10',
      month: '2',
      year: '2026',
      reasonablePeriodDays: '14',
    })
    expect(response.status).toBe(303)
    const [warning] = await caseLetters()
    expect(warning?.kind).toBe('non_cooperation_warning')
    expect(warning?.body_text).toContain('section 193B(2)')
    expect(warning?.body_text).toContain('Attend the viewing <b>arranged</b> with the landlord')
    expect(warning?.body_html).toContain('Attend the viewing &lt;b&gt;arranged&lt;/b&gt; with the landlord')
    expect(warning?.body_text).toContain('until 23 February 2026')
    expect(warning?.review_request_by).toBeNull()
  })

  it('stores the notice ending the prevention duty, with its ground, the review deadline and the right to a review', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await postForm(caseworker, `${casePath}/decision`, `${casePath}/decision`, endPreventionDuty)
    expect(response.status).toBe(303)
    const ended = (await caseLetters()).find((l) => l.kind === 'prevention_duty_ended')
    expect(ended).toMatchObject({ issued_on: '2026-03-02', decided_on: '2026-03-02', review_request_by: '2026-03-22', template_version: 1 })
    expect(ended?.event_id).not.toBeNull()
    const text = ended?.body_text ?? ''
    expect(text).toContain('Basildon Borough Council')
    expect(text).toContain(kase.reference)
    expect(text).toContain('Dear Jade Turner')
    expect(text).toContain('Priya Shah')
    expect(text).toContain('section 195(5)')
    expect(text).toContain('You have withdrawn your application.')
    expect(text).toContain('Ask for a review by 22 March 2026')
    expect(text).toContain('section 202(1)(bc)(ii)')
    expect(text).toContain('within 3 weeks')
    expect(ended?.body_html).not.toContain('<script>')
    expect(ended?.body_html).toContain('&lt;script&gt;')
  })

  it('lists the letters on the case page and shows one, auditing the reading', async () => {
    const ended = await preventionEnded()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const casePage = await caseworker.get(casePath)
    expect(casePage.text).toContain('Notice that the prevention duty has ended')
    const shown = await caseworker.get(`${casePath}/letters/${ended.id}`)
    expect(shown.status).toBe(200)
    expect(shown.text).toContain('Ask for a review by 22 March 2026')
    expect(shown.text).toContain('app-no-print')
    const audit = await current()
      .db.selectFrom('audit_events')
      .where('subject_type', '=', 'case_letter')
      .where('subject_id', '=', ended.id)
      .where('action', '=', 'view')
      .selectAll()
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]?.details)).not.toContain('Jade')
  })

  it('never lets a letter be changed or removed, by the application or the table owner', async () => {
    const ended = await preventionEnded()
    const actor: Actor = {
      kind: 'user',
      userId: current().users.basildonCaseworker.id,
      organisationId: current().ids.basildon,
      role: 'caseworker',
      label: 'Priya Shah',
    }
    await expect(
      asActor(current().db, actor, (trx) =>
        trx.updateTable('case_letters').set({ body_text: 'changed' }).where('id', '=', ended.id).execute(),
      ),
    ).rejects.toThrow()
    await expect(
      current().db.updateTable('case_letters').set({ body_text: 'changed' }).where('id', '=', ended.id).execute(),
    ).rejects.toThrow(/never changed/)
    await expect(current().db.deleteFrom('case_letters').where('id', '=', ended.id).execute()).rejects.toThrow(/never changed/)
    expect((await letters()).find((l) => l.id === ended.id)?.body_text).toBe(ended.body_text)
  })

  it('keeps another authority out of the letters', async () => {
    const ended = await preventionEnded()
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(`${casePath}/letters/${ended.id}`)).status).toBe(404)
    expect((await harlow.get(`${casePath}/letters`)).status).toBe(404)
    expect((await harlow.get(`/cases/HAR-2026-00001/letters/${ended.id}`)).status).toBe(404)
    expect((await harlow.get('/cases/HAR-2026-00001/letters/not-a-letter')).status).toBe(404)
  })

  it('issues the letter for a decision recorded without one, then a corrected letter that names it', async () => {
    const { db, ids, users } = current()
    // A decision recorded before letters existed.
    await db
      .insertInto('case_events')
      .values({
        case_id: ids.harlowCase,
        authority_id: ids.harlow,
        kind: 'accept_prevention_duty',
        occurred_on: '2026-02-01',
        recorded_at: '2026-02-01T10:00:00Z',
        recorded_by: users.harlowCaseworker.id,
        details: JSON.stringify({ stage: 'prevention' }),
      })
      .execute()
    const event = await db.selectFrom('case_events').where('case_id', '=', ids.harlowCase).select('id').executeTakeFirstOrThrow()
    const harlow = await signedInAgent(current().app, users.harlowCaseworker.email)
    const page = '/cases/HAR-2026-00001/letters'
    expect((await harlow.get(page)).text).toContain('Decisions without a letter')
    const issued = await postForm(harlow, page, page, { eventId: event.id, reasons: '' })
    expect(issued.status).toBe(303)
    const first = (await letters()).find((l) => l.case_id === ids.harlowCase)
    expect(first).toMatchObject({
      kind: 'prevention_duty_owed',
      event_id: event.id,
      decided_on: '2026-02-01',
      review_request_by: '2026-03-22',
    })
    expect(first?.body_text).toContain('after 28 March 2026')
    expect(first?.body_text).toContain('section 189A')

    const again = await postForm(harlow, page, page, { eventId: event.id })
    expect(again.status).toBe(400)
    expect(again.text).toContain('This decision already has a letter')

    const corrected = await postForm(harlow, page, page, {
      eventId: event.id,
      replacesLetterId: first?.id ?? '',
      reasons: 'Corrected date.',
    })
    expect(corrected.status).toBe(303)
    const second = (await letters()).filter((l) => l.case_id === ids.harlowCase)
    expect(second).toHaveLength(2)
    expect(second[1]?.replaces_letter_id).toBe(first?.id)
    expect(second[1]?.body_text).toContain('Corrected date.')
    expect((await harlow.get('/cases/HAR-2026-00001')).text).toContain('Letter issued')
  })

  it('gives a provider’s mentor the letter when the household becomes homeless: relief owed, prevention ended', async () => {
    const mentor = await signedInAgent(current().app, current().users.phoenixMentor.email)
    const page = '/cases/HAR-2026-00002/decision'
    const response = await postForm(mentor, page, page, { version: '1', choice: 'became_homeless', day: '1', month: '3', year: '2026' })
    expect(response.status).toBe(303)
    const letter = (await letters()).find((l) => l.case_id === current().ids.providerCaseInHarlow)
    expect(letter).toMatchObject({
      kind: 'relief_duty_owed',
      provider_organisation_id: current().ids.phoenix,
      review_request_by: '2026-03-22',
    })
    expect(letter?.body_text).toContain('Harlow Council')
    expect(letter?.body_text).toContain('notice under section 195(5) that the prevention duty we owed you has ended')
    expect(letter?.body_text).toContain('section 202(1)(bc)(ii) and (ba)(i)')
    expect(letter?.body_text).toContain('until 25 April 2026')
    expect((await mentor.get(`/cases/HAR-2026-00002/letters/${letter?.id ?? ''}`)).status).toBe(200)
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(`/cases/HAR-2026-00002/letters/${letter?.id ?? ''}`)).status).toBe(200)
  })

  it('issues a review decision letter with the right of appeal to the county court when the decision is upheld', async () => {
    const actor: Actor = {
      kind: 'user',
      userId: current().users.basildonManager.id,
      organisationId: current().ids.basildon,
      role: 'team_manager',
      label: 'Martin Cole',
    }
    const { id } = await asActor(current().db, actor, (trx) =>
      issueLetter(trx, {
        caseId: current().ids.basildonCase,
        kind: 'review_decision',
        facts: reviewDecisionFacts({
          requestedOn: LocalDate.parse('2026-02-20'),
          decidedOn: LocalDate.parse('2026-03-02'),
          reviewedDecision: 'our decision to end the prevention duty',
          outcome: 'upheld',
          reasons: 'The application was withdrawn in writing.',
        }),
        issuedBy: actor.userId,
        now: current().clock.now(),
      }),
    )
    const letter = (await letters()).find((l) => l.id === id)
    expect(letter?.body_text).toContain('We have confirmed the original decision')
    expect(letter?.body_text).toContain('county court')
    expect(letter?.body_text).toContain('You must appeal by 22 March 2026')
    expect(letter?.review_request_by).toBeNull()
  })
})
