import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * What happens during a review, through the pages: the reviewer's "minded to" notice and the
 * applicant's representations (reg 7 of the Homelessness (Review Procedure etc.) Regulations 2018),
 * and a longer period agreed in writing (reg 9(1)). The world's clock stands at 2 March 2026. The
 * caseworker ends BAS-2026-00001's prevention duty on 5 February; the applicant's request, received on
 * 26 February within a longer period for asking, is a three-week review (reg 9(1)(a)) due on 18 March.
 * The tests run in order.
 */
describe.each(testDatabaseKinds())('during a review, on $name', (kind) => {
  const current = useWorld(kind)
  const casePage = '/cases/BAS-2026-00001'
  const reviewsPage = `${casePage}/reviews`
  let reviewPage = ''
  const review = async () => await current().db.selectFrom('reviews').selectAll().executeTakeFirstOrThrow()
  const dates = (prefix: string, iso: string) => {
    const [year = '', month = '', day = ''] = iso.split('-')
    return { [`${prefix}-day`]: day, [`${prefix}-month`]: month, [`${prefix}-year`]: year }
  }
  async function submit(agent: Agent, page: string, fields: Record<string, string>) {
    const form = await agent.get(page)
    expect(form.status).toBe(200)
    return agent
      .post(page)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const caseworker = () => signedInAgent(current().app, current().users.basildonCaseworker.email)
  const manager = () => signedInAgent(current().app, current().users.basildonManager.email)

  it('starts with a three-week review due on 18 March', async () => {
    const agent = await caseworker()
    const ended = await submit(agent, `${casePage}/decision`, {
      version: '1',
      choice: 'end_prevention_duty',
      ground: 'application_withdrawn',
      day: '5',
      month: '2',
      year: '2026',
    })
    expect(ended.status).toBe(303)
    const decision = /value="(event:[0-9a-f-]{36})"/.exec((await agent.get(`${reviewsPage}/new`)).text)?.[1] ?? ''
    const requested = await submit(agent, `${reviewsPage}/new`, {
      decision,
      requestedBy: 'applicant',
      reviewer: 'authority',
      ...dates('notifiedOn', '2026-02-05'),
      ...dates('receivedOn', '2026-02-26'),
      ...dates('extendedInWritingTo', '2026-03-06'),
    })
    expect(requested.status).toBe(303)
    reviewPage = String(requested.headers['location'])
    expect(await review()).toMatchObject({ review_period: 'prevention_stage', decision_due_on: '2026-03-18' })
    const page = (await agent.get(reviewPage)).text
    expect(page).toContain('Record a longer period agreed in writing')
    // The caseworker made the original decision, so the notice is not theirs to give.
    expect(page).not.toContain('Record a “minded to” notice')
  })

  it('refuses representations before any “minded to” notice, saving nothing', async () => {
    const refused = await submit(await manager(), `${reviewPage}/representations`, {
      ...dates('representationsOn', '2026-03-02'),
      means: 'in_writing',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('record that notice first')
    expect((await review()).representations_received_on).toBeNull()
  })

  it('lists every problem with a notice at once, and keeps the officer who made the decision from giving it', async () => {
    const blank = await submit(await manager(), `${reviewPage}/minded-to`, {
      'mindedToOn-day': '',
      'mindedToOn-month': '',
      'mindedToOn-year': '',
      mindedToReasons: ' ',
    })
    expect(blank.status).toBe(400)
    expect(blank.text).toContain('Enter the date the applicant was notified')
    expect(blank.text).toContain('Enter why the reviewer is minded to decide against the applicant')
    expect(blank.text).toContain('href="#mindedToOn-day"')
    expect(blank.text).toContain('href="#mindedToReasons"')

    const own = await submit(await caseworker(), `${reviewPage}/minded-to`, {
      ...dates('mindedToOn', '2026-03-01'),
      mindedToReasons: 'The applicant was not asked whether they withdrew',
    })
    expect(own.status).toBe(400)
    expect(own.text).toContain('The officer who made the original decision cannot give the notice')
    expect((await review()).minded_to_notified_on).toBeNull()
  })

  it('records the reviewer’s notice with its letter, once', async () => {
    const agent = await manager()
    const given = await submit(agent, `${reviewPage}/minded-to`, {
      ...dates('mindedToOn', '2026-03-01'),
      mindedToReasons: 'The applicant was not asked whether they withdrew, but their emails say they no longer need help',
    })
    expect(given.status).toBe(303)
    expect(await review()).toMatchObject({
      minded_to_notified_on: '2026-03-01',
      minded_to_by: current().users.basildonManager.id,
      decision_due_on: '2026-03-18',
    })
    const [letter] = await current().db.selectFrom('case_letters').select('body_text').where('kind', '=', 'review_minded_to').execute()
    expect(letter?.body_text).toContain('their emails say they no longer need help')
    expect(letter?.body_text).toContain('by talking to them, in writing, or both')
    const page = (await agent.get(reviewPage)).text
    expect(page).toContain('Given on 1 March 2026 by Martin Cole')
    expect(page).toContain('Record the applicant’s representations')
    expect((await agent.get(casePage)).text).toContain('Applicant told the reviewer is minded to decide against them (regulation 7)')

    const again = await submit(agent, `${reviewPage}/minded-to`, { ...dates('mindedToOn', '2026-03-02'), mindedToReasons: 'Again' })
    expect(again.status).toBe(400)
    expect(again.text).toContain('The applicant was already told on 2026-03-01')
  })

  it('records the representations, and the three weeks start again from them (reg 9(1)(a))', async () => {
    const agent = await caseworker()
    const early = await submit(agent, `${reviewPage}/representations`, { ...dates('representationsOn', '2026-02-28'), means: 'orally' })
    expect(early.status).toBe(400)
    expect(early.text).toContain('href="#representationsOn-day"')
    const recorded = await submit(agent, `${reviewPage}/representations`, {
      ...dates('representationsOn', '2026-03-02'),
      means: 'orally_and_in_writing',
      representationsSummary: 'I never withdrew: I was in hospital',
    })
    expect(recorded.status).toBe(303)
    expect(await review()).toMatchObject({
      representations_received_on: '2026-03-02',
      representations_means: 'orally_and_in_writing',
      decision_due_on: '2026-03-22',
    })
    const shown = (await agent.get(casePage)).text
    expect(shown).toContain('Review decision due (section 202)')
    expect(shown).toContain('22 March 2026')
    expect((await agent.get(reviewPage)).text).toContain(
      'Received orally and in writing on 2 March 2026: I never withdrew: I was in hospital',
    )
  })

  it('records a longer period agreed in writing, refusing one that ends before the decision is due anyway', async () => {
    const agent = await caseworker()
    const shorter = await submit(agent, `${reviewPage}/longer-period`, {
      ...dates('agreedOn', '2026-03-02'),
      ...dates('extendedTo', '2026-03-20'),
    })
    expect(shorter.status).toBe(400)
    expect(shorter.text).toContain('A longer period must end after the decision is now due, on 2026-03-22')
    expect(shorter.text).toContain('href="#extendedTo-day"')
    expect((await review()).extended_to).toBeNull()

    const longer = await submit(agent, `${reviewPage}/longer-period`, {
      ...dates('agreedOn', '2026-03-02'),
      ...dates('extendedTo', '2026-04-30'),
    })
    expect(longer.status).toBe(303)
    expect(await review()).toMatchObject({ extension_agreed_on: '2026-03-02', extended_to: '2026-04-30', decision_due_on: '2026-04-30' })
    const shown = (await agent.get(casePage)).text
    expect(shown).toContain('30 April 2026')
    expect(shown).toContain('Longer period for the review decision agreed in writing')
  })

  it('keeps another authority out', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    for (const step of ['minded-to', 'representations', 'longer-period'])
      expect((await harlow.get(`${reviewPage}/${step}`)).status).toBe(404)
  })
})
