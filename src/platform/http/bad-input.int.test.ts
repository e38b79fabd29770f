import { Writable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'
import { createLogger } from '../logging.ts'

/** A logger writing into a string, as the server's would into its log. */
function capturedLogger() {
  let written = ''
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString()
      done()
    },
  })
  return { logger: createLogger('info', sink), written: () => written }
}

const SELF = {
  'consent.toReferral': 'yes',
  'consent.toShareContactDetails': 'yes',
  'consent.authorityChosenByPerson': 'yes',
  localAuthority: 'E07000066',
  'person.givenName': 'Robin',
  'person.familyName': 'Ashby',
  'person.dateOfBirth-day': '14',
  'person.dateOfBirth-month': '7',
  'person.dateOfBirth-year': '1979',
  'person.email': 'robin@example.org',
  'person.preferredContact': 'email',
  reason: 'threatened_within_56_days',
  'expectedHomelessOn-day': '20',
  'expectedHomelessOn-month': '3',
  'expectedHomelessOn-year': '2026',
  'household.adults': '1',
  'household.children': '0',
  risks: 'I am fleeing domestic abuse at 4 Acacia Avenue',
}

describe.each(testDatabaseKinds())('bad input and the log, on $name', (kind) => {
  const current = useWorld(kind)

  it('logs a failed statement by its code and shape, never its values', async () => {
    const { logger, written } = capturedLogger()
    const failure = await sql`select ${'Robin Ashby, fleeing domestic abuse at 4 Acacia Avenue'}::uuid`.execute(current().db).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toBeDefined()
    logger.error({ err: failure }, 'request failed')
    const line = JSON.parse(written()) as { err: Record<string, unknown> }
    expect(line.err).toMatchObject({ type: 'DatabaseError', code: '22P02' })
    expect(written()).not.toMatch(/Robin|Acacia|fleeing/)
  })

  it('refuses a NUL character on the public form with a 400, saving and logging nothing of it', async () => {
    const agent = request.agent(current().app)
    const before = await current()
      .db.selectFrom('referrals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    const page = await agent.get('/refer-yourself')
    const sent = await agent
      .post('/refer-yourself')
      .type('form')
      .send({ ...SELF, 'person.givenName': 'Rob\u0000in', _csrf: csrfTokenOf(page.text) })
    expect(sent.status).toBe(400)
    expect(sent.text).toContain('person.givenName&quot; contains a NUL character, which cannot be stored')
    const after = await current()
      .db.selectFrom('referrals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('refuses hidden direction controls and zero-width spaces, and stores names in NFC', async () => {
    const agent = request.agent(current().app)
    const post = async (fields: Record<string, string>) => {
      const page = await agent.get('/refer-yourself')
      return agent
        .post('/refer-yourself')
        .type('form')
        .send({ ...SELF, ...fields, _csrf: csrfTokenOf(page.text) })
    }
    const override = await post({ 'person.familyName': 'Ash\u202Eby' })
    expect(override.status).toBe(400)
    expect(override.text).toContain('contains a hidden text direction control character')
    const zeroWidth = await post({ 'person.familyName': 'Ash\u200Bby' })
    expect(zeroWidth.status).toBe(400)
    expect(zeroWidth.text).toContain('contains a hidden zero-width space')

    // "Zoë" typed as e and a combining diaeresis is stored as the one character ë.
    const decomposed = await post({ 'person.givenName': 'Zoe\u0308', 'person.familyName': 'Normalform' })
    expect(decomposed.status).toBe(200)
    const stored = await current()
      .db.selectFrom('referrals')
      .where('family_name', '=', 'Normalform')
      .select('given_name')
      .executeTakeFirstOrThrow()
    expect(stored.given_name).toBe('Zo\u00EB')
  })

  it('answers what the parsers cannot read with a 4xx, not a 500', async () => {
    const app = current().app
    const path = await request(app).get('/cases/%FF')
    expect(path.status).toBe(400)

    const agent = await signedInAgent(app, current().users.basildonCaseworker.email)
    const latin1 = await agent.post('/cases/new').set('Content-Type', 'application/x-www-form-urlencoded; charset=latin1').send('a=b')
    expect(latin1.status).toBe(415)
    expect(latin1.text).toContain('character set other than UTF-8')

    const corrupt = await agent
      .post('/cases/new')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Content-Encoding', 'gzip')
      .send(Buffer.from('this is not gzip'))
    expect(corrupt.status).toBeGreaterThanOrEqual(400)
    expect(corrupt.status).toBeLessThan(500)

    const many = await agent
      .post('/cases/new')
      .type('form')
      .send(Array.from({ length: 1_100 }, (_, i) => `f${String(i)}=x`).join('&'))
    expect(many.status).toBe(413)
    expect(many.text).toContain('more fields than any form')

    const gzip = await agent
      .post('/cases/new')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Content-Encoding', 'gzip')
      .send(gzipSync('a=%00'))
    expect(gzip.status).toBe(400)
  })

  it('refuses deeply nested or NUL-carrying JSON in the API at the field it concerns', async () => {
    const app = current().app
    const system = { kind: 'system' as const, organisationId: null, label: 'test' }
    const { key } = await current().services.apiKeys.create('Princess Alexandra Hospital NHS Trust', system)
    let nested: unknown = 'deep'
    for (let i = 0; i < 40; i++) nested = { next: nested }
    const deep = await request(app).post('/api/v1/referrals').set('Authorization', `Bearer ${key}`).send({ person: nested })
    expect(deep.status).toBe(400)
    expect((deep.body as { errors: { message: string }[] }).errors[0]?.message).toContain('nested more than')

    const nul = await request(app)
      .post('/api/v1/referrals')
      .set('Authorization', `Bearer ${key}`)
      .send({ person: { givenName: 'Rob\u0000in' }, household: { members: [{ name: 'A\u202Eb' }] } })
    expect(nul.status).toBe(400)
    expect(nul.body).toEqual({
      errors: [{ path: 'person.givenName', message: 'The field "person.givenName" contains a NUL character, which cannot be stored' }],
    })
  })

  it('tells browsers and proxies not to keep pages with personal data', async () => {
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const page = await agent.get('/cases/BAS-2026-00001')
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    const asset = await request(current().app).get('/assets/govuk-frontend.min.js')
    expect(asset.headers['cache-control']).not.toBe('no-store')
  })
})
