import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { createWorld, type World } from '../../test-support/world.ts'

/** The handles of the sessions a page offers to sign out, in the order shown. */
const handlesOn = (html: string) => [...html.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1] ?? '')
const stillSignedIn = async (agent: Agent) => (await agent.get('/')).status === 200

describe.each(testDatabaseKinds())('a person’s sessions on $name', (kind) => {
  let world: World
  beforeAll(async () => {
    world = await createWorld(kind)
  })
  afterAll(async () => {
    await world.close()
  })

  it('ends the oldest session when a person signs in a sixth time, even in the same instant', async () => {
    const email = world.users.basildonCaseworker.email
    const oldest = await signedInAgent(world.app, email)
    const agents: Agent[] = []
    for (let i = 0; i < 5; i++) agents.push(await signedInAgent(world.app, email))
    const first = await oldest.get('/')
    expect(first.status).toBe(303)
    expect(first.headers['location']).toBe('/sign-in?ended=1')
    for (const agent of agents) expect(await stillSignedIn(agent)).toBe(true)
    const rows = await world.db.selectFrom('sessions').select('id').where('user_id', '=', world.users.basildonCaseworker.id).execute()
    expect(rows).toHaveLength(5)
  })

  it('shows a person their own sessions, when each started and was last active, and which is this one', async () => {
    const other = await signedInAgent(world.app, world.users.basildonManager.email)
    world.clock.advanceMinutes(5)
    const agent = await signedInAgent(world.app, world.users.basildonManager.email)
    await signedInAgent(world.app, world.users.basildonAnalyst.email)
    expect((await agent.get('/')).text).toContain('href="/account/sessions"')
    const page = await agent.get('/account/sessions')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Your sessions')
    expect(page.text.match(/class="govuk-table__row"/g)).toHaveLength(3) // the header and two sessions
    expect(page.text).toContain('This session')
    expect(handlesOn(page.text)).toHaveLength(1)
    expect(page.text).toContain('Sign out everywhere else')
    expect(await stillSignedIn(other)).toBe(true)
  })

  it('signs out one other session, and records it', async () => {
    const other = await signedInAgent(world.app, world.users.harlowCaseworker.email)
    const agent = await signedInAgent(world.app, world.users.harlowCaseworker.email)
    const page = await agent.get('/account/sessions')
    const [handle] = handlesOn(page.text)
    const ended = await agent
      .post('/account/sessions/end')
      .type('form')
      .send({ session: handle, _csrf: csrfTokenOf(page.text) })
    expect(ended.status).toBe(303)
    expect(ended.headers['location']).toBe('/account/sessions?ended=1')
    expect((await agent.get('/account/sessions?ended=1')).text).toContain('Signed out of 1 session')
    expect(await stillSignedIn(other)).toBe(false)
    expect(await stillSignedIn(agent)).toBe(true)
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', world.users.harlowCaseworker.id)
      .where('action', '=', 'sessions_ended')
      .execute()
    expect(audit).toEqual([{ action: 'sessions_ended', details: { count: 1 } }])
  })

  it('signs out everywhere else, keeping this session', async () => {
    const others = [
      await signedInAgent(world.app, world.users.harlowAdmin.email),
      await signedInAgent(world.app, world.users.harlowAdmin.email),
    ]
    const agent = await signedInAgent(world.app, world.users.harlowAdmin.email)
    const page = await agent.get('/account/sessions')
    const response = await agent
      .post('/account/sessions/end-others')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text) })
    expect(response.headers['location']).toBe('/account/sessions?ended=2')
    for (const other of others) expect(await stillSignedIn(other)).toBe(false)
    expect(await stillSignedIn(agent)).toBe(true)
    expect(handlesOn((await agent.get('/account/sessions')).text)).toEqual([])
  })

  it('cannot end another person’s session, nor its own through the list', async () => {
    const victim = await signedInAgent(world.app, world.users.phoenixMentor.email)
    const victimSecond = await signedInAgent(world.app, world.users.phoenixMentor.email)
    const victimHandle = handlesOn((await victimSecond.get('/account/sessions')).text)[0]
    expect(victimHandle).toBeDefined()
    const attacker = await signedInAgent(world.app, world.users.hospitalReferrer.email)
    const page = await attacker.get('/account/sessions')
    const response = await attacker
      .post('/account/sessions/end')
      .type('form')
      .send({ session: victimHandle, _csrf: csrfTokenOf(page.text) })
    expect(response.headers['location']).toBe('/account/sessions?ended=0')
    expect((await attacker.get('/account/sessions?ended=0')).text).toContain('That session had already ended')
    expect(await stillSignedIn(victim)).toBe(true)
    expect(await stillSignedIn(victimSecond)).toBe(true)
  })

  it('asks which session when none is named', async () => {
    const agent = await signedInAgent(world.app, world.users.prisonReferrer.email)
    const page = await agent.get('/account/sessions')
    const response = await agent
      .post('/account/sessions/end')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text) })
    expect(response.status).toBe(400)
    expect(response.text).toContain('govuk-error-summary')
    expect(response.text).toContain('Choose a session to end')
  })

  it('refuses a forged CSRF token and ends nothing', async () => {
    const other = await signedInAgent(world.app, world.users.basildonAdmin.email)
    const agent = await signedInAgent(world.app, world.users.basildonAdmin.email)
    await agent.get('/account/sessions')
    const response = await agent.post('/account/sessions/end-others').type('form').send({ _csrf: 'forged-token' })
    expect(response.status).toBe(403)
    expect(await stillSignedIn(other)).toBe(true)
  })

  it('sends a signed-out visitor to sign in', async () => {
    const response = await request(world.app).get('/account/sessions')
    expect(response.status).toBe(303)
    expect(response.headers['location']).toBe('/sign-in')
  })
})
