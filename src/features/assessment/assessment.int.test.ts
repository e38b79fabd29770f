import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * The assessment of BAS-2026-00001 (approached 1 February 2026; applicant Jade Turner), section by
 * section to "Complete the assessment". The world's clock stands at 2 March 2026. The tests share one
 * world: a test that needs a section saved saves it itself when no earlier test has, so any one can be
 * run alone.
 */
describe.each(testDatabaseKinds())('the assessment on $name', (kind) => {
  const current = useWorld(kind)
  const base = '/cases/BAS-2026-00001/assessment'

  /** Opens the section's form and sends it back with the fields, as a browser would: CSRF token and version from the page. */
  async function save(agent: Agent, slug: string, fields: Record<string, string | string[]>, action = 'continue') {
    const form = await agent.get(`${base}/${slug}`)
    const version = /name="version" id="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    return agent
      .post(`${base}/${slug}`)
      .type('form')
      .send({ version, action, ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const assessment = () => current().db.selectFrom('case_assessments').selectAll().executeTakeFirst()
  const people = () =>
    current()
      .db.selectFrom('people')
      .innerJoin('cases', 'cases.household_id', 'people.household_id')
      .where('cases.reference', '=', 'BAS-2026-00001')
      .select(['people.id', 'people.is_applicant'])
      .orderBy('people.is_applicant', 'desc')
      .execute()

  /** The assessment started by saving eligibility for later (version 1), if no test has started it. */
  async function started() {
    if (await assessment()) return
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await save(caseworker, 'eligibility', {}, 'later')
    if (sent.status !== 303) throw new Error(`could not start the assessment: ${String(sent.status)}`)
  }

  /** Eligibility saved as eligible (version 2), if no test has saved it. */
  async function eligibilitySaved() {
    await started()
    if ((await assessment())?.version !== 1) return
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await save(caseworker, 'eligibility', { eligibility: 'eligible', immigrationStatus: 'Awaiting a Home Office decision' })
    if (sent.status !== 303) throw new Error(`could not save eligibility: ${String(sent.status)}`)
  }

  it('starts with every section not started', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const page = await caseworker.get(base)
    expect(page.status).toBe(200)
    expect(page.text.match(/Not started/g)).toHaveLength(8)
    expect(page.text).toContain('0 of 8 sections completed')
  })

  it('lists every problem and saves nothing when a section is wrong', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const empty = await save(caseworker, 'homelessness', {})
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Select whether the household is homeless or threatened with homelessness')
    expect(empty.text).toContain('Select the type of notice served, or that no notice has been served')
    const dates = await save(caseworker, 'homelessness', {
      status: 'threatened_within_56_days',
      expectedHomelessOnDay: '1',
      expectedHomelessOnMonth: '4',
      expectedHomelessOnYear: '2026',
      possessionNotice: 'section_21',
      noticeServedOnDay: '1',
      noticeServedOnMonth: '2',
      noticeServedOnYear: '2026',
      noticeExpiresOnDay: '31',
      noticeExpiresOnMonth: '1',
      noticeExpiresOnYear: '2026',
    })
    expect(dates.status).toBe(400)
    expect(dates.text).toContain('The date the notice expires must be on or after the date it was served')
    expect(dates.text).toContain('href="#noticeExpiresOn-day"')
    const unreal = await save(
      caseworker,
      'homelessness',
      { status: 'homeless', homelessSinceDay: '31', homelessSinceMonth: '2', homelessSinceYear: '2026' },
      'later',
    )
    expect(unreal.status).toBe(400)
    expect(unreal.text).toContain('Date they became homeless must be a real date')
    expect(await assessment()).toBeUndefined()
  })

  it('keeps a section in progress when saved for later', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await save(caseworker, 'eligibility', {}, 'later')).status).toBe(303)
    const page = await caseworker.get(base)
    expect(page.text).toContain('In progress')
    expect((await assessment())?.version).toBe(1)
  })

  it('refuses a second officer’s save over the first, telling them to reload', async () => {
    await started()
    const first = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const second = await signedInAgent(current().app, current().users.basildonManager.email)
    const firstForm = await first.get(`${base}/eligibility`)
    const secondForm = await second.get(`${base}/eligibility`)
    const send = (agent: Agent, form: string, eligibility: string) =>
      agent
        .post(`${base}/eligibility`)
        .type('form')
        .send({
          version: '1',
          action: 'continue',
          eligibility,
          immigrationStatus: 'Awaiting a Home Office decision',
          _csrf: csrfTokenOf(form),
        })
    expect(secondForm.text.includes('name="version" id="version" value="1"')).toBe(true)
    expect((await send(first, firstForm.text, 'eligible')).status).toBe(303)
    const refused = await send(second, secondForm.text, 'not_yet_known')
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('Someone else saved this assessment after you opened it. Reload the page')
    const saved = await assessment()
    expect(saved?.eligibility).toEqual({ eligibility: 'eligible', immigrationStatus: 'Awaiting a Home Office decision' })
    expect(saved?.version).toBe(2)
  })

  it('refuses to complete an assessment with sections still to do', async () => {
    await eligibilitySaved()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const check = await caseworker.get(`${base}/check`)
    const refused = await caseworker
      .post(`${base}/complete`)
      .type('form')
      .send({ version: '2', day: '2', month: '3', year: '2026', _csrf: csrfTokenOf(check.text) })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Complete the section “Housing needs”')
    expect(refused.text).toContain('href="#section-housing_needs"')
    expect((await assessment())?.assessed_on).toBeNull()
  })

  it('completes every section, then the assessment through check your answers', async () => {
    await eligibilitySaved()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    // A child joins the household, so support needs are needed for two people.
    const household = await caseworker.get('/cases/BAS-2026-00001/household/add')
    await caseworker
      .post('/cases/BAS-2026-00001/household/add')
      .type('form')
      .send({
        givenName: 'Leo',
        familyName: 'Turner',
        relationship: 'child',
        dobDay: '3',
        dobMonth: '9',
        dobYear: '2015',
        sex: 'male',
        _csrf: csrfTokenOf(household.text),
      })
    const [applicant, child] = await people()
    if (!applicant || !child) throw new Error('expected two people')

    const saves: [string, Record<string, string | string[]>][] = [
      [
        'homelessness',
        {
          status: 'threatened_within_56_days',
          expectedHomelessOnDay: '20',
          expectedHomelessOnMonth: '3',
          expectedHomelessOnYear: '2026',
          possessionNotice: 'section_21',
          noticeServedOnDay: '15',
          noticeServedOnMonth: '1',
          noticeServedOnYear: '2026',
          noticeExpiresOnDay: '20',
          noticeExpiresOnMonth: '3',
          noticeExpiresOnYear: '2026',
          noticeValidity: 'valid',
          onlyAccommodation: 'yes',
        },
      ],
      [
        'circumstances',
        {
          lastSettledAccommodation: 'private_rented_self_contained',
          reasonForLoss: 'end_of_assured_shorthold_tenancy',
          circumstances: 'The landlord is selling the flat.',
        },
      ],
      ['accommodation', { accommodationAtApplication: 'private_rented_self_contained' }],
      ['housing-needs', { bedrooms: '2', location: 'Near Leo’s school in Pitsea' }],
      ['support-needs', { [`needs-${applicant.id}`]: ['mental_health', 'difficulties_budgeting'], [`needs-${child.id}`]: 'none' }],
      ['employment', { applicantEmployment: 'part_time', housingCostBenefits: 'yes', livingCostBenefits: 'yes' }],
      ['strengths', { skills: 'Works part time at the school', networks: 'Her mother lives in Laindon' }],
    ]
    for (const [slug, fields] of saves) {
      const response = await save(caseworker, slug, fields)
      expect(response.status, `${slug}: ${response.text.slice(0, 0)}`).toBe(303)
    }
    const list = await caseworker.get(base)
    expect(list.text).toContain('8 of 8 sections completed')

    const check = await caseworker.get(`${base}/check`)
    expect(check.text).toContain('Section 21 notice (no-fault, assured shorthold tenancy)')
    expect(check.text).toContain('20 March 2026')
    expect(check.text).toContain('History of mental health problems; Difficulties budgeting')
    expect(check.text).toContain('No support needs')
    const version = /name="version" id="version" value="(\d+)"/.exec(check.text)?.[1] ?? ''
    const future = await caseworker
      .post(`${base}/complete`)
      .type('form')
      .send({ version, day: '3', month: '3', year: '2026', _csrf: csrfTokenOf(check.text) })
    expect(future.status).toBe(400)
    expect(future.text).toContain('The date of the assessment must be today or in the past')
    const completed = await caseworker
      .post(`${base}/complete`)
      .type('form')
      .send({ version, day: '2', month: '3', year: '2026', _csrf: csrfTokenOf(check.text) })
    expect(completed.status).toBe(303)

    expect((await assessment())?.assessed_on).toBe('2026-03-02')
    const kase = await current().db.selectFrom('cases').where('reference', '=', 'BAS-2026-00001').selectAll().executeTakeFirstOrThrow()
    expect(kase).toMatchObject({
      housing_status: 'private_rented_self_contained',
      risk_at_assessment: 'threatened_within_28_days',
      reason_for_loss_of_home: 'end_of_assured_shorthold_tenancy',
      support_needs: ['mental_health', 'difficulties_budgeting'],
    })
    const needs = await current().db.selectFrom('person_support_needs').selectAll().execute()
    expect(needs.find((n) => n.person_id === child.id)?.needs).toEqual([])
    const casePage = (await caseworker.get('/cases/BAS-2026-00001')).text
    expect(casePage).toContain('Assessment (section 189A) completed')
    expect(casePage).toContain('Threatened with homelessness within 28 days')
    expect(casePage).toContain('End of assured shorthold tenancy')
    const events = await current().db.selectFrom('case_events').where('kind', '=', 'assessment_completed').selectAll().execute()
    expect(events).toHaveLength(1)
    expect(events[0]?.occurred_on).toBe('2026-03-02')
    // The applicant is told in writing what the assessment found (s189A(3)).
    const letters = await current().db.selectFrom('case_letters').where('kind', '=', 'assessment_notification').selectAll().execute()
    expect(letters).toHaveLength(1)
    expect(letters[0]?.body_text).toContain('End of private rented tenancy (assured shorthold)')
    expect(letters[0]?.body_text).toContain('2 bedrooms')
    expect(letters[0]?.body_text).toContain('Near Leo’s school in Pitsea')
    expect(letters[0]?.event_id).toBe(events[0]?.id)
  })

  it('shows another authority nothing: 404', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(base)).status).toBe(404)
    expect((await harlow.get(`${base}/eligibility`)).status).toBe(404)
    expect((await harlow.get(`${base}/check`)).status).toBe(404)
    const own = await harlow.get('/cases/HAR-2026-00001/assessment')
    const refused = await harlow
      .post(`${base}/eligibility`)
      .type('form')
      .send({ version: '0', action: 'continue', eligibility: 'eligible', _csrf: csrfTokenOf(own.text) })
    expect(refused.status).toBe(404)
  })

  it('lets the provider’s mentor assess the case they hold', async () => {
    const mentor = await signedInAgent(current().app, current().users.phoenixMentor.email)
    const page = await mentor.get('/cases/HAR-2026-00002/assessment/eligibility')
    expect(page.status).toBe(200)
    const saved = await mentor
      .post('/cases/HAR-2026-00002/assessment/eligibility')
      .type('form')
      .send({ version: '0', action: 'continue', eligibility: 'eligible', _csrf: csrfTokenOf(page.text) })
    expect(saved.status).toBe(303)
  })
})
