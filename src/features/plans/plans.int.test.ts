import { beforeEach, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { givenCase, type GivenCase } from '../../test-support/cases.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * A personalised housing plan, and the case's activities and contacts, each test on a Basildon case of
 * its own (Jade Turner's, in prevention since 1 February 2026). The world's clock stands at 2 March 2026.
 * A test that needs a plan, steps or work recorded first records them itself, so the tests run in any order.
 */
describe.each(testDatabaseKinds())('housing plans, activities and contacts on $name', (kind) => {
  const current = useWorld(kind)
  const caseworker = () => signedInAgent(current().app, current().users.basildonCaseworker.email)
  let kase: GivenCase
  let casePath = ''
  let plan = ''
  beforeEach(async () => {
    kase = await givenCase(current())
    casePath = `/cases/${kase.reference}`
    plan = `${casePath}/plan`
  })

  /** Posts a form as a browser would: with the CSRF token (and the plan's version) of the page it came from. */
  async function post(agent: Agent, page: string, path: string, fields: Record<string, string>) {
    const form = await agent.get(page)
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post(path)
      .type('form')
      .send({ version, ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const plans = () => current().db.selectFrom('housing_plans').where('case_id', '=', kase.id).selectAll().execute()
  const steps = () => current().db.selectFrom('housing_plan_steps').where('case_id', '=', kase.id).selectAll().orderBy('position').execute()
  const contacts = () => current().db.selectFrom('case_contacts').where('case_id', '=', kase.id).selectAll().execute()
  const activities = () => current().db.selectFrom('case_activities').where('case_id', '=', kase.id).selectAll().execute()

  /** Posts through the pages, as a test's setup, failing loudly if the page refuses. */
  async function given(agent: Agent, page: string, path: string, fields: Record<string, string>) {
    const sent = await post(agent, page, path, fields)
    if (sent.status !== 303) throw new Error(`${path} answered ${String(sent.status)}`)
  }
  /** The plan made on 20 February. */
  const planMade = (agent: Agent) => given(agent, plan, plan, { 'made-on-day': '20', 'made-on-month': '2', 'made-on-year': '2026' })
  /** The three steps from the library, personalised: the applicant's, the council's and a partner's. */
  const stepsSaved = (agent: Agent) => given(agent, newSteps(), `${plan}/steps`, stepFields())
  /** The applicant's agreement, recorded on 2 March. */
  const agreed = (agent: Agent) =>
    given(agent, plan, `${plan}/agreement`, {
      agreement: 'agreed',
      reasons: '',
      'agreed-on-day': '2',
      'agreed-on-month': '3',
      'agreed-on-year': '2026',
    })
  const contactRecorded = (agent: Agent, kind: string, direction: string) =>
    given(agent, `${casePath}/activities`, `${casePath}/contacts`, {
      kind,
      direction,
      'contact-on-day': '2',
      'contact-on-month': '3',
      'contact-on-year': '2026',
    })
  /** The negotiation with the landlord on 27 February, a phone call to the household and a missed appointment. */
  async function workRecorded(agent: Agent) {
    const page = `${casePath}/activities`
    await given(agent, page, page, {
      activity: 'negotiation_mediation_advocacy_prevent_eviction',
      'done-on-day': '27',
      'done-on-month': '2',
      'done-on-year': '2026',
      doneBy: 'Priya Shah',
    })
    await contactRecorded(agent, 'phone_call', 'to_household')
    await contactRecorded(agent, 'missed_appointment', '')
  }

  it('lists what is wrong with the plan’s date and saves nothing', async () => {
    const agent = await caseworker()
    expect((await agent.get(plan)).text).toContain('Make the plan')
    const empty = await post(agent, plan, plan, { 'made-on-day': '', 'made-on-month': '', 'made-on-year': '' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Enter the date of the plan')
    const future = await post(agent, plan, plan, { 'made-on-day': '3', 'made-on-month': '3', 'made-on-year': '2026' })
    expect(future.status).toBe(400)
    expect(future.text).toContain('The date of the plan must be today or in the past')
    expect(await plans()).toHaveLength(0)
  })

  it('makes the plan, with its first review due four weeks later in what is due on the case', async () => {
    const agent = await caseworker()
    const made = await post(agent, plan, plan, { 'made-on-day': '20', 'made-on-month': '2', 'made-on-year': '2026' })
    expect(made.status).toBe(303)
    expect((await plans())[0]?.next_review_on).toBe('2026-03-20')
    const page = (await agent.get(casePath)).text
    expect(page).toContain('Review the personalised housing plan')
    expect(page).toContain('20 March 2026')
    expect(page).toContain('Personalised housing plan made')
  })

  it('offers the library, then the chosen steps ready to personalise', async () => {
    const agent = await caseworker()
    await planMade(agent)
    const library = await agent.get(`${plan}/library`)
    expect(library.text).toContain('Register with at least three letting agents')
    expect(library.text).toContain('Negotiate with the landlord')
    const chosen = await agent.get(`${plan}/steps/new?step=register_letting_agents&step=negotiate_with_landlord&step=debt_advice`)
    expect(chosen.status).toBe(200)
    expect(chosen.text).toContain('name="count" value="3"')
    expect(chosen.text).toContain('Give debt advice and help to set up affordable repayments')
    // The council's step is the named officer's until the officer says otherwise.
    expect(chosen.text).toContain('value="Priya Shah"')
  })

  const newSteps = () => `${plan}/steps/new?step=register_letting_agents&step=negotiate_with_landlord&step=debt_advice`
  const stepFields = (overrides: Record<string, string> = {}) => ({
    count: '3',
    'library-0': 'register_letting_agents',
    'owner-0': 'applicant',
    'text-0': 'Register with Castle Lettings, Homes4U and Parkers and ask for two-bedroom homes in Basildon',
    'due-0-day': '16',
    'due-0-month': '3',
    'due-0-year': '2026',
    'library-1': 'negotiate_with_landlord',
    'owner-1': 'council',
    'ownerName-1': 'Priya Shah',
    'text-1': 'Negotiate with Mr Evans to keep the tenancy going, with an arrears plan of £40 a month',
    'due-1-day': '9',
    'due-1-month': '3',
    'due-1-year': '2026',
    'library-2': 'debt_advice',
    'owner-2': 'partner',
    'ownerName-2': 'Citizens Advice Basildon',
    'text-2': 'Give debt advice on the council tax arrears',
    'due-2-day': '23',
    'due-2-month': '3',
    'due-2-year': '2026',
    ...overrides,
  })

  it('lists every problem with the steps, keeps what was written, and saves none of them', async () => {
    const agent = await caseworker()
    await planMade(agent)
    const response = await post(
      agent,
      newSteps(),
      `${plan}/steps`,
      stepFields({ 'due-0-day': '19', 'due-0-month': '2', 'ownerName-2': '', 'text-1': ' ' }),
    )
    expect(response.status).toBe(400)
    expect(response.text).toContain('Step 1: The step’s due date must be on or after the date of the plan')
    expect(response.text).toContain('Step 2: Enter what is to be done')
    expect(response.text).toContain('Step 3: Enter the name of the partner organisation taking this step')
    expect(response.text).toContain('href="#due-0-day"')
    expect(response.text).toContain('Register with Castle Lettings')
    expect(await steps()).toHaveLength(0)
  })

  it('saves personalised steps from the library, the applicant’s first', async () => {
    const agent = await caseworker()
    await planMade(agent)
    const response = await post(agent, newSteps(), `${plan}/steps`, stepFields())
    expect(response.status).toBe(303)
    const saved = await steps()
    expect(saved.map((s) => [s.owner, s.owner_name, s.library_code, s.status])).toEqual([
      ['applicant', null, 'register_letting_agents', 'not_started'],
      ['council', 'Priya Shah', 'negotiate_with_landlord', 'not_started'],
      ['partner', 'Citizens Advice Basildon', 'debt_advice', 'not_started'],
    ])
    const page = (await agent.get(plan)).text
    expect(page.indexOf('Castle Lettings')).toBeLessThan(page.indexOf('Mr Evans'))
    expect((await plans())[0]?.version).toBe(2)
  })

  it('records the applicant’s view, asking for reasons when they disagree', async () => {
    const agent = await caseworker()
    await planMade(agent)
    await stepsSaved(agent)
    const date = { 'agreed-on-day': '2', 'agreed-on-month': '3', 'agreed-on-year': '2026' }
    const noReasons = await post(agent, plan, `${plan}/agreement`, { agreement: 'disagreed', reasons: '', ...date })
    expect(noReasons.status).toBe(400)
    expect(noReasons.text).toContain('Enter why the applicant does not agree the steps')
    expect((await plans())[0]?.agreement).toBeNull()
    const agreed = await post(agent, plan, `${plan}/agreement`, { agreement: 'agreed', reasons: '', ...date })
    expect(agreed.status).toBe(303)
    expect((await plans())[0]).toMatchObject({ agreement: 'agreed', agreement_recorded_on: '2026-03-02' })
    expect((await agent.get(casePath)).text).toContain('The applicant’s view of the housing plan recorded')
  })

  it('refuses a change made on a plan someone else changed since, saving nothing', async () => {
    const first = await caseworker()
    await planMade(first)
    await stepsSaved(first)
    await agreed(first)
    const second = await signedInAgent(current().app, current().users.basildonManager.email)
    const firstForm = await first.get(plan)
    const secondForm = await second.get(plan)
    const version = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''
    const reviewed = await first
      .post(`${plan}/review`)
      .type('form')
      .send({
        version: version(firstForm.text),
        'reviewed-on-day': '2',
        'reviewed-on-month': '3',
        'reviewed-on-year': '2026',
        _csrf: csrfTokenOf(firstForm.text),
      })
    expect(reviewed.status).toBe(303)
    expect((await plans())[0]).toMatchObject({ last_reviewed_on: '2026-03-02', next_review_on: '2026-03-30' })
    const stale = await second
      .post(`${plan}/agreement`)
      .type('form')
      .send({
        version: version(secondForm.text),
        agreement: 'disagreed',
        reasons: 'Cannot afford the agents’ fees',
        'agreed-on-day': '2',
        'agreed-on-month': '3',
        'agreed-on-year': '2026',
        _csrf: csrfTokenOf(secondForm.text),
      })
    expect(stale.status).toBe(409)
    expect(stale.text).toContain('Someone else changed this plan')
    expect((await plans())[0]?.agreement).toBe('agreed')

    // Steps written on a form opened before the review are refused too, and none is added.
    const staleSteps = await second
      .post(`${plan}/steps`)
      .type('form')
      .send({ ...stepFields(), version: version(secondForm.text), _csrf: csrfTokenOf(secondForm.text) })
    expect(staleSteps.status).toBe(409)
    expect(staleSteps.text).toContain('Register with Castle Lettings')
    expect(await steps()).toHaveLength(3)
  })

  it('changes a step’s progress, refusing a due date before the plan', async () => {
    const agent = await caseworker()
    await planMade(agent)
    await stepsSaved(agent)
    const step = (await steps())[0]
    if (!step) throw new Error('no step')
    const page = `${plan}/steps/${step.id}`
    const fields = { 'text-0': step.text, 'due-0-day': '16', 'due-0-month': '3', 'due-0-year': '2026', status: 'done' }
    const early = await post(agent, page, page, { ...fields, 'due-0-day': '1', 'due-0-month': '1' })
    expect(early.status).toBe(400)
    expect(early.text).toContain('The step’s due date must be on or after the date of the plan')
    expect((await post(agent, page, page, fields)).status).toBe(303)
    expect((await steps())[0]?.status).toBe('done')
    expect((await agent.get(`${plan}/steps/00000000-0000-0000-0000-000000000000`)).status).toBe(404)
  })

  it('prints a copy for the applicant: their steps first, in plain words, with their review rights', async () => {
    const agent = await caseworker()
    await planMade(agent)
    await stepsSaved(agent)
    const print = await agent.get(`${plan}/print`)
    expect(print.status).toBe(200)
    expect(print.text).toContain('Your personalised housing plan')
    expect(print.text).toContain('Jade Turner')
    expect(print.text.indexOf('What you will do')).toBeLessThan(print.text.indexOf('What the council will do'))
    expect(print.text).toContain('You can ask us to review the steps')
    expect(print.text).not.toContain('Sign out')
  })

  it('records activities and contacts apart, so activities are counted without contacts', async () => {
    const agent = await caseworker()
    const page = `${casePath}/activities`
    const wrong = await post(agent, page, page, {
      activity: '',
      'done-on-day': '31',
      'done-on-month': '1',
      'done-on-year': '2026',
      doneBy: '',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Select the activity')
    expect(wrong.text).toContain('Enter who did it')
    const early = await post(agent, page, page, {
      activity: 'negotiation_mediation_advocacy_prevent_eviction',
      'done-on-day': '3',
      'done-on-month': '3',
      'done-on-year': '2026',
      doneBy: 'Priya Shah',
    })
    expect(early.text).toContain('The date of the activity must be today or in the past')
    const noDirection = await post(agent, page, `${casePath}/contacts`, {
      kind: 'phone_call',
      'contact-on-day': '2',
      'contact-on-month': '3',
      'contact-on-year': '2026',
    })
    expect(noDirection.status).toBe(400)
    expect(noDirection.text).toContain('Select whether the contact was from or to the household')
    expect(await activities()).toHaveLength(0)
    expect(await contacts()).toHaveLength(0)

    const activity = await post(agent, page, page, {
      activity: 'negotiation_mediation_advocacy_prevent_eviction',
      'done-on-day': '27',
      'done-on-month': '2',
      'done-on-year': '2026',
      doneBy: 'Priya Shah',
      note: 'Landlord agreed to hold off while the arrears plan starts',
    })
    expect(activity.status).toBe(303)
    for (const [kind, direction] of [
      ['phone_call', 'to_household'],
      ['missed_appointment', ''],
    ]) {
      const contact = await post(agent, page, `${casePath}/contacts`, {
        kind: kind ?? '',
        direction: direction ?? '',
        'contact-on-day': '2',
        'contact-on-month': '3',
        'contact-on-year': '2026',
      })
      expect(contact.status).toBe(303)
    }
    expect((await activities()).map((a) => [a.activity, a.duty, a.done_on])).toEqual([
      ['negotiation_mediation_advocacy_prevent_eviction', 'prevention', '2026-02-27'],
    ])
    const recorded = await current()
      .db.selectFrom('case_contacts')
      .where('case_id', '=', kase.id)
      .select(['kind', 'direction'])
      .orderBy('kind')
      .execute()
    expect(recorded).toEqual([
      { kind: 'missed_appointment', direction: null },
      { kind: 'phone_call', direction: 'to_household' },
    ])
    const casePage = (await agent.get(casePath)).text
    expect(casePage).toContain('<dd class="govuk-summary-list__value" id="activity-count">1</dd>')
    expect(casePage).toContain('<dd class="govuk-summary-list__value" id="contact-count">2</dd>')
    expect(casePage).toContain('Prevention or relief activity recorded')
  })

  it('stops the plan and activities when the duty ends, but still records contacts', async () => {
    const agent = await caseworker()
    await planMade(agent)
    await workRecorded(agent)
    const decision = await agent.get(`${casePath}/decision`)
    const ended = await agent
      .post(`${casePath}/decision`)
      .type('form')
      .send({
        version: '1',
        choice: 'end_prevention_duty',
        ground: 'contact_lost',
        day: '2',
        month: '3',
        year: '2026',
        _csrf: csrfTokenOf(decision.text),
      })
    expect(ended.status).toBe(303)
    const casePage = (await agent.get(casePath)).text
    expect(casePage).not.toContain('Review the personalised housing plan')
    const review = await post(agent, plan, `${plan}/review`, {
      'reviewed-on-day': '2',
      'reviewed-on-month': '3',
      'reviewed-on-year': '2026',
    })
    expect(review.status).toBe(400)
    expect(review.text).toContain('The plan can be changed only while the prevention, relief or main housing duty is owed')
    const page = `${casePath}/activities`
    const activity = await post(agent, page, page, {
      activity: 'other',
      'done-on-day': '2',
      'done-on-month': '3',
      'done-on-year': '2026',
      doneBy: 'Priya Shah',
    })
    expect(activity.status).toBe(400)
    const letter = await post(agent, page, `${casePath}/contacts`, {
      kind: 'letter',
      direction: 'to_household',
      'contact-on-day': '2',
      'contact-on-month': '3',
      'contact-on-year': '2026',
    })
    expect(letter.status).toBe(303)
    expect(await contacts()).toHaveLength(3)
    expect(await activities()).toHaveLength(1)
  })

  it('keeps another authority out of the plan, its printed copy and the activities', async () => {
    const agent = await caseworker()
    await planMade(agent)
    await stepsSaved(agent)
    await workRecorded(agent)
    await contactRecorded(agent, 'letter', 'to_household')
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(plan)).status).toBe(404)
    expect((await harlow.get(`${plan}/print`)).status).toBe(404)
    expect((await harlow.get(`${casePath}/activities`)).status).toBe(404)
    const own = await harlow.get('/cases/HAR-2026-00001/plan')
    const sneaked = await harlow
      .post(`${casePath}/contacts`)
      .type('form')
      .send({
        kind: 'letter',
        direction: 'to_household',
        'contact-on-day': '2',
        'contact-on-month': '3',
        'contact-on-year': '2026',
        _csrf: csrfTokenOf(own.text),
      })
    expect(sneaked.status).toBe(404)
    expect(await contacts()).toHaveLength(3)
  })

  it('lets a provider’s mentor keep the plan and record the work on a case they hold', async () => {
    const mentor = await signedInAgent(current().app, current().users.phoenixMentor.email)
    const page = '/cases/HAR-2026-00002/plan'
    expect((await post(mentor, page, page, { 'made-on-day': '2', 'made-on-month': '3', 'made-on-year': '2026' })).status).toBe(303)
    const activities = '/cases/HAR-2026-00002/activities'
    const recorded = await post(mentor, activities, activities, {
      activity: 'helped_secure_without_financial_payment',
      'done-on-day': '2',
      'done-on-month': '3',
      'done-on-year': '2026',
      doneBy: 'Leah Price',
    })
    expect(recorded.status).toBe(303)
    const saved = await current()
      .db.selectFrom('housing_plans')
      .where('case_id', '=', current().ids.providerCaseInHarlow)
      .selectAll()
      .execute()
    expect(saved[0]?.provider_organisation_id).toBe(current().ids.phoenix)
  })
})
