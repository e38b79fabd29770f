import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * A review (s202) of the end of the prevention duty on BAS-2026-00001, through the pages. The world's
 * clock stands at 2 March 2026. The duty is ended on 5 February, so the 21 days for asking end on 25
 * February. The tests share one world: a test that needs the duty ended or a review requested does it
 * itself when no earlier test has, so any one of them can be run alone.
 */
describe.each(testDatabaseKinds())('reviews on $name', (kind) => {
  const current = useWorld(kind)
  const casePage = '/cases/BAS-2026-00001'
  const reviewsPage = `${casePage}/reviews`
  const reviews = () => current().db.selectFrom('reviews').selectAll().execute()

  async function request(agent: Agent, fields: Record<string, string>) {
    const form = await agent.get(`${reviewsPage}/new`)
    expect(form.status).toBe(200)
    return agent
      .post(`${reviewsPage}/new`)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }
  async function decide(agent: Agent, reviewId: string, fields: Record<string, string>) {
    const form = await agent.get(`${reviewsPage}/${reviewId}`)
    expect(form.status).toBe(200)
    return agent
      .post(`${reviewsPage}/${reviewId}`)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const dates = (prefix: string, iso: string) => {
    const [year = '', month = '', day = ''] = iso.split('-')
    return { [`${prefix}-day`]: day, [`${prefix}-month`]: month, [`${prefix}-year`]: year }
  }
  const endPrevention = (agent: Agent, form: string) =>
    agent
      .post(`${casePage}/decision`)
      .type('form')
      .send({
        version: '1',
        choice: 'end_prevention_duty',
        ground: 'application_withdrawn',
        day: '5',
        month: '2',
        year: '2026',
        _csrf: csrfTokenOf(form),
      })

  /** The review form's value for the ended prevention duty, ending it first if no test has yet. */
  async function endedDecision(): Promise<string> {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const { stage } = await current()
      .db.selectFrom('cases')
      .select('stage')
      .where('reference', '=', 'BAS-2026-00001')
      .executeTakeFirstOrThrow()
    if (stage === 'prevention') {
      const ended = await endPrevention(caseworker, (await caseworker.get(`${casePage}/decision`)).text)
      if (ended.status !== 303) throw new Error(`could not end the duty: ${String(ended.status)}`)
    }
    const value = /value="(event:[0-9a-f-]{36})"/.exec((await caseworker.get(`${reviewsPage}/new`)).text)?.[1]
    if (value === undefined) throw new Error('no decision to review')
    return value
  }

  /** The review of that decision, requested late with the council's agreement if no test has yet. */
  async function requestedReview() {
    const [existing] = await reviews()
    if (existing) return existing
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const recorded = await request(caseworker, {
      decision: await endedDecision(),
      requestedBy: 'representative',
      grounds: 'The applicant did not withdraw',
      reviewer: 'authority',
      ...dates('notifiedOn', '2026-02-05'),
      ...dates('receivedOn', '2026-02-26'),
      ...dates('extendedInWritingTo', '2026-03-06'),
    })
    const [review] = await reviews()
    if (recorded.status !== 303 || !review) throw new Error(`could not request a review: ${String(recorded.status)}`)
    return review
  }

  it('offers the case’s recorded decisions once the prevention duty has ended', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const decision = await caseworker.get(`${casePage}/decision`)
    const ended = await caseworker
      .post(`${casePage}/decision`)
      .type('form')
      .send({
        version: '1',
        choice: 'end_prevention_duty',
        ground: 'application_withdrawn',
        day: '5',
        month: '2',
        year: '2026',
        _csrf: csrfTokenOf(decision.text),
      })
    expect(ended.status).toBe(303)
    expect((await caseworker.get(casePage)).text).toContain(`href="${reviewsPage}"`)
    const form = await caseworker.get(`${reviewsPage}/new`)
    const value = /value="(event:[0-9a-f-]{36})"/.exec(form.text)?.[1]
    expect(value).toBeDefined()
    expect(form.text).toContain('Prevention duty ended: application withdrawn, 5 February 2026')
  })

  it('lists every problem and saves nothing', async () => {
    await endedDecision()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const response = await request(caseworker, {
      decision: '',
      requestedBy: '',
      'receivedOn-day': '',
      'receivedOn-month': '',
      'receivedOn-year': '',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toContain('Select the decision the applicant wants reviewed')
    expect(response.text).toContain('Enter the date the applicant was notified of the decision')
    expect(response.text).toContain('Enter the date the request was received')
    expect(response.text).toContain('Select who asked for the review')
    expect(response.text).toContain('href="#notifiedOn-day"')
    expect(await reviews()).toHaveLength(0)
  })

  it('refuses impossible dates: a request before the notification, a date in the future', async () => {
    const eventOption = await endedDecision()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const before = await request(caseworker, {
      decision: eventOption,
      requestedBy: 'applicant',
      ...dates('notifiedOn', '2026-02-10'),
      ...dates('receivedOn', '2026-02-09'),
    })
    expect(before.status).toBe(400)
    expect(before.text).toContain('The request cannot have been received before the applicant was notified of the decision')
    const future = await request(caseworker, {
      decision: eventOption,
      requestedBy: 'applicant',
      ...dates('notifiedOn', '2026-02-10'),
      ...dates('receivedOn', '2026-03-03'),
    })
    expect(future.status).toBe(400)
    expect(future.text).toContain('The date the request was received must be today or in the past')
    expect(await reviews()).toHaveLength(0)
  })

  it('refuses a request made after the 21 days, keeping what was entered', async () => {
    const eventOption = await endedDecision()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const late = await request(caseworker, {
      decision: eventOption,
      requestedBy: 'representative',
      grounds: 'The applicant did not withdraw',
      ...dates('notifiedOn', '2026-02-05'),
      ...dates('receivedOn', '2026-02-26'),
    })
    expect(late.status).toBe(400)
    expect(late.text).toContain('The request was received after the 21 days for asking for a review ended on 2026-02-25')
    expect(late.text).toContain('The applicant did not withdraw')
    expect(await reviews()).toHaveLength(0)
  })

  it('records a late request the council agreed in writing to accept, due three weeks after it', async () => {
    const eventOption = await endedDecision()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const recorded = await request(caseworker, {
      decision: eventOption,
      requestedBy: 'representative',
      grounds: 'The applicant did not withdraw',
      reviewer: 'authority',
      ...dates('notifiedOn', '2026-02-05'),
      ...dates('receivedOn', '2026-02-26'),
      ...dates('extendedInWritingTo', '2026-03-06'),
    })
    expect(recorded.status).toBe(303)
    const [review] = await reviews()
    expect(review).toMatchObject({
      decision: 'prevention_duty_ended',
      original_decision_by: current().users.basildonCaseworker.id,
      received_on: '2026-02-26',
      extended_in_writing_to: '2026-03-06',
      review_period: 'prevention_stage',
      decision_due_on: '2026-03-18',
      outcome: null,
    })
    expect(recorded.headers['location']).toBe(`${reviewsPage}/${String(review?.id)}`)

    const shown = (await caseworker.get(casePage)).text
    expect(shown).toContain('Review decision due (section 202): Notice ending the prevention duty (section 195(5))')
    expect(shown).toContain('18 March 2026')
    expect(shown).toContain('Review requested (section 202)')
    // The case is closed, but stays on the caseload while its review is open.
    expect((await caseworker.get('/cases')).text).toContain('BAS-2026-00001')
    // And on the team's open cases, where a manager sees what is due.
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    expect((await manager.get('/cases')).text).toContain('BAS-2026-00001')
    const audit = await current().db.selectFrom('audit_events').where('action', '=', 'update').select('details').execute()
    expect(audit.some((a) => a.details['change'] === 'review_requested')).toBe(true)
  })

  it('refuses a second request for the same decision while the first is open', async () => {
    await requestedReview()
    const eventOption = await endedDecision()
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const again = await request(caseworker, {
      decision: eventOption,
      requestedBy: 'applicant',
      ...dates('notifiedOn', '2026-02-05'),
      ...dates('receivedOn', '2026-02-20'),
    })
    expect(again.status).toBe(400)
    expect(again.text).toContain('A review of this decision has already been requested')
    expect(await reviews()).toHaveLength(1)
  })

  it('does not let the officer who made the original decision decide the review', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    await requestedReview()
    const [review] = await reviews()
    const own = await decide(caseworker, String(review?.id), {
      outcome: 'upheld',
      reasons: 'Right first time',
      ...dates('decidedOn', '2026-03-02'),
    })
    expect(own.status).toBe(400)
    expect(own.text).toContain('The officer who made the original decision cannot review it')
    const missing = await decide(caseworker, String(review?.id), {
      outcome: '',
      reasons: '',
      'decidedOn-day': '',
      'decidedOn-month': '',
      'decidedOn-year': '',
    })
    expect(missing.text).toContain('Select the decision on review')
    expect(missing.text).toContain('Enter the date of the decision')
    expect((await reviews())[0]?.decided_on).toBeNull()
  })

  it('records the decision on review by a senior officer not involved', async () => {
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    await requestedReview()
    const [review] = await reviews()
    const decided = await decide(manager, String(review?.id), {
      outcome: 'overturned',
      reasons: 'The applicant never withdrew the application',
      ...dates('decidedOn', '2026-03-02'),
    })
    expect(decided.status).toBe(303)
    expect((await reviews())[0]).toMatchObject({
      outcome: 'overturned',
      decided_on: '2026-03-02',
      decided_by: current().users.basildonManager.id,
    })
    const shown = (await manager.get(casePage)).text
    expect(shown).not.toContain('Review decision due')
    expect(shown).toContain('Review decided: overturned')
    expect((await manager.get(reviewsPage)).text).toContain('Overturned on 2 March 2026')
    // The decision on review is notified by a letter kept on the case, with its reasons.
    const letters = await current()
      .db.selectFrom('case_letters')
      .select(['kind', 'body_text'])
      .where('kind', '=', 'review_decision')
      .execute()
    expect(letters).toHaveLength(1)
    expect(letters[0]?.body_text).toContain('The applicant never withdrew the application')
    const again = await decide(manager, String(review?.id), { outcome: 'upheld', reasons: 'x', ...dates('decidedOn', '2026-03-02') })
    expect(again.status).toBe(400)
  })

  it('keeps another authority out', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    await requestedReview()
    const [review] = await reviews()
    expect((await harlow.get(reviewsPage)).status).toBe(404)
    expect((await harlow.get(`${reviewsPage}/new`)).status).toBe(404)
    expect((await harlow.get(`${reviewsPage}/${String(review?.id)}`)).status).toBe(404)
    const own = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    const form = await own.get('/cases/HAR-2026-00001/reviews/new')
    const posted = await own
      .post(`${reviewsPage}/${String(review?.id)}`)
      .type('form')
      .send({ outcome: 'upheld', reasons: 'x', ...dates('decidedOn', '2026-03-02'), _csrf: csrfTokenOf(form.text) })
    expect(posted.status).toBe(404)
  })
})
