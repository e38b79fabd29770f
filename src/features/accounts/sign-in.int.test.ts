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

  it('locks an account after five failures in a row, even against the right password, until the lock runs out', async () => {
    const email = world.users.harlowAdmin.email
    for (let i = 0; i < 4; i++) expect((await attempt(email, 'wrong')).text).toContain('Enter a correct email address and password')
    const fifth = await attempt(email, 'wrong')
    expect(fifth.text).toContain('Your account is locked')
    const right = await attempt(email, PASSWORD)
    expect(right.status).toBe(400)
    expect(right.text).toContain('Your account is locked')

    world.clock.advanceMinutes(16)
    const later = await attempt(email, PASSWORD)
    expect(later.status).toBe(303)

    const audit = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', world.users.harlowAdmin.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_refused_locked',
      'sign_in_refused_locked',
      'sign_in',
    ])
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
