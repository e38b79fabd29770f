import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent } from '../../test-support/browser.ts'
import { createWorld, PASSWORD, type World } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('signing in on $name', (kind) => {
  let world: World
  beforeAll(async () => {
    world = await createWorld(kind)
  })
  afterAll(async () => {
    await world.close()
  })

  async function attempt(email: string, password: string) {
    const agent = request.agent(world.app)
    const page = await agent.get('/sign-in')
    return agent
      .post('/sign-in')
      .type('form')
      .send({ email, password, _csrf: csrfTokenOf(page.text) })
  }

  it('sends a signed-out visitor to sign in, and back to the page they wanted afterwards', async () => {
    const agent = request.agent(world.app)
    const first = await agent.get('/cases')
    expect(first.status).toBe(303)
    expect(first.headers['location']).toBe('/sign-in')
    const page = await agent.get('/sign-in')
    const signIn = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: world.users.basildonCaseworker.email, password: PASSWORD, _csrf: csrfTokenOf(page.text) })
    expect(signIn.headers['location']).toBe('/cases')
    expect((await agent.get('/cases')).text).toContain('BAS-2026-00001')
  })

  it('refuses a wrong password with a GOV.UK error summary, and says nothing about which part was wrong', async () => {
    const response = await attempt(world.users.basildonAnalyst.email, 'not the password')
    expect(response.status).toBe(400)
    expect(response.text).toContain('govuk-error-summary')
    expect(response.text).toContain('Enter a correct email address and password')
    const unknown = await attempt('nobody@nowhere.test', 'whatever')
    expect(unknown.text).toContain('Enter a correct email address and password')
  })

  it('asks for both fields when they are empty', async () => {
    const response = await attempt('', '')
    expect(response.status).toBe(400)
    expect(response.text).toContain('Enter your email address')
    expect(response.text).toContain('Enter your password')
  })

  /** The error summary's message, so two answers can be compared whole. */
  const messageOf = (html: string) => /govuk-error-summary__list">\s*<li>\s*<a[^>]*>([^<]*)</.exec(html)?.[1]?.trim()
  const WRONG = 'Enter a correct email address and password'

  // OWASP ASVS 2.2.1: no lock an attacker can set; growing delays by account, capped, so the real person
  // waits at most the cap (60 seconds) before the right password works again.
  it('slows guessing at an account with growing delays, and never keeps the real person out past the cap', async () => {
    world.clock.advanceMinutes(16)
    const email = world.users.harlowAdmin.email
    for (let i = 0; i < 5; i++) expect(messageOf((await attempt(email, 'wrong')).text)).toBe(WRONG)
    const tooSoon = await attempt(email, PASSWORD)
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.headers['retry-after']).toBe('1')
    expect(messageOf(tooSoon.text)).toBe('There have been too many attempts to sign in. Wait 1 second, then try again')

    world.clock.advanceSeconds(1)
    expect((await attempt(email, 'wrong')).status).toBe(400)
    expect((await attempt(email, 'wrong')).headers['retry-after']).toBe('2')
    world.clock.advanceSeconds(2)
    expect((await attempt(email, 'wrong')).status).toBe(400)
    expect((await attempt(email, 'wrong')).headers['retry-after']).toBe('4')

    // An attacker who keeps trying as soon as allowed cannot push the wait past the cap.
    for (let i = 0; i < 10; i++) {
      world.clock.advanceSeconds(60)
      expect((await attempt(email, 'wrong')).status).toBe(400)
    }
    const capped = await attempt(email, PASSWORD)
    expect(capped.status).toBe(429)
    expect(capped.headers['retry-after']).toBe('60')
    world.clock.advanceSeconds(60)
    expect((await attempt(email, PASSWORD)).status).toBe(303)
    // Signing in forgives the account's failures: the next slip is not slowed.
    expect((await attempt(email, 'wrong')).status).toBe(400)

    const audit = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', world.users.harlowAdmin.id)
      .orderBy('id')
      .execute()
    const actions = audit.map((a) => a.action)
    expect(actions.filter((a) => a === 'sign_in_failed')).toHaveLength(18)
    expect(actions.filter((a) => a === 'sign_in_throttled')).toHaveLength(4)
    expect(actions).not.toContain('sign_in_refused_locked')
    expect(actions.at(-2)).toBe('sign_in')
  })

  it('lets only the free attempts through when many guesses arrive at once', async () => {
    world.clock.advanceMinutes(16)
    const email = world.users.basildonAdmin.email
    const answers = await Promise.all(Array.from({ length: 10 }, () => attempt(email, 'wrong')))
    expect(answers.filter((a) => a.status === 400)).toHaveLength(5)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5)
  })

  it('answers an unknown or closed account exactly as a wrong password, and slows guesses at it alike', async () => {
    world.clock.advanceMinutes(16)
    await world.db.updateTable('users').set({ disabled_at: world.clock.now() }).where('id', '=', world.users.prisonReferrer.id).execute()
    const wrong = await attempt(world.users.hospitalReferrer.email, 'wrong')
    const unknown = await attempt('nobody@nowhere.test', 'wrong')
    const closed = await attempt(world.users.prisonReferrer.email, PASSWORD)
    for (const answer of [wrong, unknown, closed]) {
      expect(answer.status).toBe(400)
      expect(messageOf(answer.text)).toBe(WRONG)
    }
    expect(closed.text).not.toContain('closed')

    for (let i = 0; i < 4; i++) await attempt('nobody@nowhere.test', 'wrong')
    for (let i = 0; i < 4; i++) await attempt(world.users.hospitalReferrer.email, 'wrong')
    const unknownSlowed = await attempt('nobody@nowhere.test', 'wrong')
    const knownSlowed = await attempt(world.users.hospitalReferrer.email, 'wrong')
    expect(unknownSlowed.status).toBe(429)
    expect(knownSlowed.status).toBe(429)
    expect(messageOf(unknownSlowed.text)).toBe(messageOf(knownSlowed.text))
    expect(unknownSlowed.headers['retry-after']).toBe(knownSlowed.headers['retry-after'])
  })

  it('slows an address that guesses at many accounts, but not past the cap', async () => {
    world.clock.advanceMinutes(16)
    for (let i = 0; i < 20; i++) expect((await attempt(`guess${String(i)}@nowhere.test`, 'wrong')).status).toBe(400)
    const fromThatAddress = await attempt(world.users.harlowCaseworker.email, PASSWORD)
    expect(fromThatAddress.status).toBe(429)
    expect(fromThatAddress.headers['retry-after']).toBe('1')
    world.clock.advanceSeconds(60)
    expect((await attempt(world.users.harlowCaseworker.email, PASSWORD)).status).toBe(303)
  })

  it('ends a session after 30 minutes without activity and says so', async () => {
    const agent = await signedInAgent(world.app, world.users.basildonManager.email)
    expect((await agent.get('/')).status).toBe(200)
    world.clock.advanceMinutes(31)
    const after = await agent.get('/')
    expect(after.status).toBe(303)
    expect(after.headers['location']).toBe('/sign-in?ended=1')
    const page = await agent.get('/sign-in?ended=1')
    expect(page.text).toContain('Your session ended')
  })

  it('ends a session after its absolute lifetime even when active', async () => {
    const agent = await signedInAgent(world.app, world.users.basildonManager.email)
    for (let hour = 0; hour < 13; hour++) {
      world.clock.advanceMinutes(25)
      world.clock.advanceMinutes(25)
      await agent.get('/')
    }
    expect((await agent.get('/')).status).toBe(303)
  })

  it('refuses a form with a forged CSRF token and changes nothing', async () => {
    const agent = request.agent(world.app)
    await agent.get('/sign-in')
    const before = await world.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: world.users.basildonManager.email, password: PASSWORD, _csrf: 'forged-token' })
    expect(response.status).toBe(403)
    expect(response.text).toContain('Your form could not be sent')
    expect(response.text).not.toMatch(/at .*\.ts:\d+/)
    const after = await world.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('signs out, and the old session cookie no longer works', async () => {
    const agent = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const home = await agent.get('/')
    const out = await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfTokenOf(home.text) })
    expect(out.headers['location']).toBe('/signed-out')
    expect((await agent.get('/')).status).toBe(303)
  })
})
