import request from 'supertest'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { Actor } from '../../db/actor.ts'
import { SYSTEM_ORIGIN, type SystemActor } from '../../platform/audit.ts'
import { createWorld, type World } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
interface ApiErrors {
  errors: { path: string; message: string }[]
}
interface Receipt {
  id: string
  reference: string
  status: string
  receivedAt: string
}

/** A referral as the spec shows it, with the expected date inside the 56 days from the world's 2 March 2026. */
function validReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    localAuthority: 'E07000073',
    consent: { toReferral: true, toShareContactDetails: true, authorityChosenByPerson: true },
    person: {
      givenName: 'Sam',
      familyName: 'Taylor',
      dateOfBirth: '1990-04-01',
      phone: '07700 900123',
      email: 'sam@example.org',
      preferredContact: 'phone',
      address: { line1: '1 High Street', town: 'Harlow', postcode: 'CM20 1AA' },
    },
    reason: 'threatened_within_56_days',
    expectedHomelessOn: '2026-04-01',
    dischargeOrReleaseOn: null,
    household: { adults: 1, children: 2 },
    supportNeeds: ['mental_health'],
    risks: 'None known',
    referrer: { name: 'A. Nurse', role: 'Discharge coordinator', phone: '01279 000000', email: 'a.nurse@example.nhs.uk' },
    notes: 'Discharge planned for next week',
    ...overrides,
  }
}

/**
 * The duty to refer through the API (docs/interfaces.md, "Duty to refer"), from the hospital's system.
 * Each test sends the referrals it looks at itself, with keys of its own, and counts only what it sent, so
 * the tests run in any order.
 */
describe.each(testDatabaseKinds())('the referral API on $name', (kind) => {
  let world: World
  let hospitalKey: string
  let prisonKey: string
  let authorityKey: string
  let providerKey: string

  beforeAll(async () => {
    world = await createWorld(kind)
  })
  afterAll(async () => {
    await world.close()
  })
  // Every test its own keys: a key's writes are limited per minute, and the world's clock stands still.
  beforeEach(async () => {
    hospitalKey = (await world.services.apiKeys.create('Princess Alexandra Hospital NHS Trust', system)).key
    prisonKey = (await world.services.apiKeys.create('HMP Chelmsford', system)).key
    authorityKey = (await world.services.apiKeys.create('Harlow Council', system)).key
    providerKey = (await world.services.apiKeys.create('Phoenix Futures', system)).key
  })

  const post = (body: unknown, options: { key?: string; idempotencyKey?: string } = {}) => {
    const call = request(world.app)
      .post('/api/v1/referrals')
      .set('Authorization', `Bearer ${options.key ?? hospitalKey}`)
    if (options.idempotencyKey !== undefined) call.set('Idempotency-Key', options.idempotencyKey)
    return call.send(body as object)
  }
  const get = (id: string, key = hospitalKey) => request(world.app).get(`/api/v1/referrals/${id}`).set('Authorization', `Bearer ${key}`)
  const paths = (body: unknown) => (body as ApiErrors).errors.map((e) => e.path)
  async function harlowReferrals(): Promise<number> {
    const row = await world.db
      .selectFrom('referrals')
      .where('authority_id', '=', world.ids.harlow)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  async function referralCount(): Promise<number> {
    const row = await world.db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('receives a referral, says where it is, and shows its status and history to the referrer', async () => {
    const response = await post(validReferral())
    expect(response.status).toBe(201)
    const receipt = response.body as Receipt
    expect(receipt).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      reference: expect.stringMatching(/^REF-[A-Z2-9]{8}$/) as unknown,
      status: 'received',
      receivedAt: '2026-03-02T10:00:00.000Z',
    })
    expect(response.headers['location']).toBe(`/api/v1/referrals/${receipt.id}`)

    const found = await get(receipt.id)
    expect(found.status).toBe(200)
    expect(found.body).toEqual({
      id: receipt.id,
      reference: receipt.reference,
      localAuthority: 'E07000073',
      status: 'received',
      outcome: 'pending',
      outcomeDetails: null,
      receivedAt: receipt.receivedAt,
      history: [{ status: 'received', outcome: 'pending', details: null, changedAt: receipt.receivedAt }],
    })

    const stored = await world.db
      .selectFrom('referrals')
      .where('id', '=', receipt.id)
      .select(['authority_id', 'referring_organisation_id', 'channel', 'given_name', 'address_postcode'])
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({
      authority_id: world.ids.harlow,
      referring_organisation_id: world.ids.hospital,
      channel: 'api',
      given_name: 'Sam',
      address_postcode: 'CM20 1AA',
    })
  })

  it('queues a receipt to the referrer and the person, and alerts the authority’s team managers when it has no contact address', async () => {
    const outbox = async (id: string) =>
      (
        await world.db
          .selectFrom('outbox_messages')
          .where('about_type', '=', 'referral')
          .where('about_id', '=', id)
          .select(['kind', 'recipient', 'channel'])
          .execute()
      ).sort((a, b) => (a.kind + a.recipient < b.kind + b.recipient ? -1 : 1))

    // The person's own email and phone: receipts to one address are limited to a few a day.
    const person = { ...(validReferral()['person'] as object), email: 'queued@example.org', phone: '07700 900456' }

    // Harlow has no team manager and no referral contact address: only the receipts go.
    const toHarlow = await post(validReferral({ person }))
    expect(toHarlow.status).toBe(201)
    expect(await outbox((toHarlow.body as Receipt).id)).toEqual([
      { kind: 'referral_receipt_to_person', recipient: 'queued@example.org', channel: 'email' },
      { kind: 'referral_receipt_to_referrer', recipient: 'a.nurse@example.nhs.uk', channel: 'email' },
    ])

    const toBasildon = await post(validReferral({ localAuthority: 'E07000066', person }))
    expect(toBasildon.status).toBe(201)
    expect(await outbox((toBasildon.body as Receipt).id)).toEqual([
      { kind: 'referral_alert_to_authority', recipient: 'tm@basildon.test', channel: 'email' },
      { kind: 'referral_receipt_to_person', recipient: 'queued@example.org', channel: 'email' },
      { kind: 'referral_receipt_to_referrer', recipient: 'a.nurse@example.nhs.uk', channel: 'email' },
    ])
  })

  it('answers 401 without a key or with a key that is not valid', async () => {
    const none = await request(world.app).post('/api/v1/referrals').send(validReferral())
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toBe('Bearer')
    expect(paths(none.body)).toEqual([''])
    const bad = await post(validReferral(), { key: 'upk_not-a-key-anyone-was-given' })
    expect(bad.status).toBe(401)
    expect((bad.body as ApiErrors).errors[0]?.message).toContain('not valid')
    expect((await request(world.app).get(`/api/v1/referrals/${world.ids.prisonReferralToHarlow}`)).status).toBe(401)
  })

  it('answers 403 to a housing authority’s or a provider’s key, which may not refer', async () => {
    for (const key of [authorityKey, providerKey]) {
      const response = await post(validReferral(), { key })
      expect(response.status).toBe(403)
      expect((response.body as ApiErrors).errors[0]?.message).toContain('not a referring organisation')
    }
  })

  it('lists every problem at once with its path, keeping only the attempt’s metadata', async () => {
    const before = await referralCount()
    const refusedAttempts = () =>
      world.db
        .selectFrom('referral_attempts')
        .where('organisation_id', '=', world.ids.hospital)
        .where('result', '=', 'refused')
        .selectAll()
        .execute()
    const earlier = new Set((await refusedAttempts()).map((a) => a.id))
    const body = validReferral({
      consent: { toReferral: false, toShareContactDetails: true, authorityChosenByPerson: true },
      person: {
        familyName: 'Taylor',
        email: 'not an email',
        phone: '07700 900123',
        preferredContact: 'phone',
      },
    })
    const response = await post(body)
    expect(response.status).toBe(422)
    expect(paths(response.body)).toEqual(expect.arrayContaining(['consent.toReferral', 'person.givenName', 'person.email']))
    expect(paths(response.body)).toHaveLength(3)
    for (const error of (response.body as ApiErrors).errors) expect(error.message).not.toBe('')
    expect(await referralCount()).toBe(before)

    const attempts = (await refusedAttempts()).filter((a) => !earlier.has(a.id))
    // Nothing about the person: only when, how, who referred, and which fields were wrong.
    expect(attempts).toEqual([
      {
        id: expect.anything() as unknown,
        attempted_at: expect.any(Date) as unknown,
        channel: 'api',
        organisation_id: world.ids.hospital,
        address_hash: null,
        result: 'refused',
        problems: ['consent.toReferral', 'person.givenName', 'person.email'],
      },
    ])
  })

  it('lists the problems across fields too, whatever else is wrong with the body, in one answer', async () => {
    const before = await referralCount()
    const body = validReferral({
      person: {
        givenName: 'Sam',
        familyName: '',
        phone: null,
        email: null,
        preferredContact: 'email',
        address: { line1: '1 High Street', town: 'Harlow', postcode: 'nowhere' },
      },
      // 1 June is more than 56 days after 2 March: "at risk later", not "threatened".
      expectedHomelessOn: '2026-06-01',
      colour: 'blue',
    })
    const response = await post(body)
    expect(response.status).toBe(422)
    expect(response.body).toEqual({
      errors: [
        { path: 'person.familyName', message: 'Enter the person’s last name' },
        { path: 'person.address.postcode', message: 'Enter a real postcode, like CM20 1AA' },
        { path: 'colour', message: 'There is no field "colour" here; see the API description at /api/v1/openapi.json' },
        { path: 'person.email', message: 'Enter the person’s email address, as they prefer email' },
        { path: 'expectedHomelessOn', message: 'That date is more than 56 days away (after 2026-04-26): choose “at risk later”' },
      ],
    })
    expect(await referralCount()).toBe(before)
  })

  it('refuses a code of no housing authority on the platform, naming localAuthority', async () => {
    const response = await post(validReferral({ localAuthority: 'E07000099' }))
    expect(response.status).toBe(422)
    expect(paths(response.body)).toEqual(['localAuthority'])
  })

  it('refuses HTML in free text and fields it does not know, naming them', async () => {
    const script = await post(validReferral({ notes: 'Please help <script>alert(1)</script>' }))
    expect(script.status).toBe(422)
    expect(paths(script.body)).toEqual(['notes'])
    const unknown = await post(validReferral({ nhsNumber: '9434765919', person: { ...(validReferral()['person'] as object), age: 35 } }))
    expect(unknown.status).toBe(422)
    expect(paths(unknown.body).sort()).toEqual(['nhsNumber', 'person.age'])
  })

  it('answers in JSON to a body too large, not JSON, or not sent as JSON', async () => {
    const large = await post(validReferral({ notes: 'x'.repeat(101 * 1024) }))
    expect(large.status).toBe(413)
    expect(large.type).toBe('application/json')
    expect(paths(large.body)).toEqual([''])

    const malformed = await request(world.app)
      .post('/api/v1/referrals')
      .set('Authorization', `Bearer ${hospitalKey}`)
      .set('Content-Type', 'application/json')
      .send('{"localAuthority": "E07000073",')
    expect(malformed.status).toBe(400)
    expect(malformed.type).toBe('application/json')
    expect((malformed.body as ApiErrors).errors[0]?.message).toContain('not a valid JSON object')

    for (const [type, body] of [
      ['text/plain', JSON.stringify(validReferral())],
      ['application/x-www-form-urlencoded', 'localAuthority=E07000073&reason=homeless'],
    ] as const) {
      const response = await request(world.app)
        .post('/api/v1/referrals')
        .set('Authorization', `Bearer ${hospitalKey}`)
        .set('Content-Type', type)
        .send(body)
      expect(response.status).toBe(415)
      expect(response.type).toBe('application/json')
    }
  })

  it('answers a retry with the same Idempotency-Key and body with the same referral, and a different body with 409', async () => {
    const first = await post(validReferral(), { idempotencyKey: 'retry-1' })
    expect(first.status).toBe(201)
    const id = (first.body as Receipt).id
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(validReferral()).reverse())
    const again = await post(reordered, { idempotencyKey: 'retry-1' })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)

    const before = await referralCount()
    const different = await post(validReferral({ notes: 'Something else' }), { idempotencyKey: 'retry-1' })
    expect(different.status).toBe(409)
    expect(paths(different.body)).toEqual(['Idempotency-Key'])
    expect(await referralCount()).toBe(before)

    // Keys are each organisation's own: the prison's 'retry-1' is a referral of its own.
    const prisons = await post(validReferral(), { key: prisonKey, idempotencyKey: 'retry-1' })
    expect(prisons.status).toBe(201)
    expect((prisons.body as Receipt).id).not.toBe(id)
  })

  it('makes one referral however many identical retries arrive at once', async () => {
    const body = validReferral({ notes: 'Sent by a system that retries eagerly' })
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(body, { idempotencyKey: 'burst-1' })))
    expect(responses.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([])
    expect(responses.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1)
    const ids = new Set(responses.map((r) => (r.body as Receipt).id))
    expect(ids.size).toBe(1)
    const rows = await world.db.selectFrom('referrals').where('notes', '=', 'Sent by a system that retries eagerly').select('id').execute()
    expect(rows.map((r) => r.id)).toEqual([...ids])
  })

  it('shows the referrer what the authority has done with the referral, with the date of each change', async () => {
    const caseworker: Actor = {
      kind: 'user',
      userId: world.users.harlowCaseworker.id,
      organisationId: world.ids.harlow,
      role: 'caseworker',
      label: 'Tom Walsh (Harlow Council)',
    }
    const sent = await post(validReferral())
    expect(sent.status).toBe(201)
    const id = (sent.body as Receipt).id
    // An hour between changes; the clock is put back after, as other tests expect the world's 10am.
    let advanced = 0
    const anHourLater = () => {
      world.clock.advanceMinutes(60)
      advanced += 60
    }
    try {
      anHourLater()
      expect(await world.services.referrals.takeStep(caseworker, id, { action: 'acknowledge' }, SYSTEM_ORIGIN)).toEqual({ outcome: 'done' })
      anHourLater()
      expect(await world.services.referrals.takeStep(caseworker, id, { action: 'record_contact' }, SYSTEM_ORIGIN)).toEqual({
        outcome: 'done',
      })
      anHourLater()
      const recorded = await world.services.referrals.takeStep(
        caseworker,
        id,
        { action: 'record_outcome', outcome: 'not_homeless_or_threatened', details: 'Staying with family' },
        SYSTEM_ORIGIN,
      )
      expect(recorded).toEqual({ outcome: 'done' })
    } finally {
      world.clock.advanceMinutes(-advanced)
    }
    const found = await get(id)
    expect(found.status).toBe(200)
    const view = found.body as {
      status: string
      outcome: string
      outcomeDetails: string
      history: { status: string; outcome: string; changedAt: string }[]
    }
    expect(view).toMatchObject({ status: 'assessed', outcome: 'not_homeless_or_threatened', outcomeDetails: 'Staying with family' })
    expect(view.history.map((h) => [h.status, h.outcome])).toEqual([
      ['received', 'pending'],
      ['acknowledged', 'pending'],
      ['contacted', 'pending'],
      ['assessed', 'not_homeless_or_threatened'],
    ])
    expect(new Set(view.history.map((h) => h.changedAt)).size).toBe(4)
    // The prison, which did not make this referral, still cannot see it.
    expect((await get(id, prisonKey)).status).toBe(404)
  })

  it('answers another organisation’s referral, or no referral, as not found', async () => {
    const others = await get(world.ids.prisonReferralToHarlow)
    expect(others.status).toBe(404)
    expect(others.body).toEqual({ errors: [{ path: '', message: 'Your organisation has no referral with that id' }] })
    expect((await get(world.ids.prisonReferralToHarlow, prisonKey)).status).toBe(200)
    expect((await get('00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await get('not-a-uuid')).status).toBe(404)
  })

  it('leaves in Harlow’s inbox only the referrals it accepted', async () => {
    const harlowReferralsAtStart = await harlowReferrals()
    const alreadyThere = new Set(
      (await world.db.selectFrom('referrals').where('authority_id', '=', world.ids.harlow).select('id').execute()).map((r) => r.id),
    )
    const accepted = new Set<string>()
    const accept = (response: request.Response, statuses = [201]) => {
      expect(statuses).toContain(response.status)
      accepted.add((response.body as Receipt).id)
    }

    // Refused in each way the API refuses: none of these may reach the inbox.
    expect((await request(world.app).post('/api/v1/referrals').send(validReferral())).status).toBe(401)
    expect((await post(validReferral(), { key: authorityKey })).status).toBe(403)
    expect(
      (await post(validReferral({ consent: { toReferral: false, toShareContactDetails: true, authorityChosenByPerson: true } }))).status,
    ).toBe(422)
    expect((await post(validReferral({ localAuthority: 'E07000099' }))).status).toBe(422)
    expect((await post(validReferral({ notes: 'Please help <script>alert(1)</script>' }))).status).toBe(422)
    expect((await post(validReferral({ notes: 'x'.repeat(101 * 1024) }))).status).toBe(413)
    const malformed = await request(world.app)
      .post('/api/v1/referrals')
      .set('Authorization', `Bearer ${hospitalKey}`)
      .set('Content-Type', 'application/json')
      .send('{"localAuthority": "E07000073",')
    expect(malformed.status).toBe(400)
    const plainText = await request(world.app)
      .post('/api/v1/referrals')
      .set('Authorization', `Bearer ${hospitalKey}`)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(validReferral()))
    expect(plainText.status).toBe(415)

    // Accepted, with retries and a burst that must each count once.
    accept(await post(validReferral()))
    const retried = validReferral({ notes: 'Counted once in the inbox' })
    accept(await post(retried, { idempotencyKey: 'inbox-1' }))
    accept(await post(retried, { idempotencyKey: 'inbox-1' }), [200])
    expect((await post(validReferral({ notes: 'Not the same' }), { idempotencyKey: 'inbox-1' })).status).toBe(409)
    accept(await post(retried, { key: prisonKey, idempotencyKey: 'inbox-1' }))
    const burst = validReferral({ notes: 'Sent in a burst to the inbox' })
    for (const response of await Promise.all(Array.from({ length: 4 }, () => post(burst, { idempotencyKey: 'inbox-burst' }))))
      accept(response, [200, 201])

    expect(await harlowReferrals()).toBe(harlowReferralsAtStart + accepted.size)
    const toHarlow = await world.db.selectFrom('referrals').where('authority_id', '=', world.ids.harlow).select('id').execute()
    expect(
      toHarlow
        .map((r) => r.id)
        .filter((id) => !alreadyThere.has(id))
        .sort(),
    ).toEqual([...accepted].sort())
  })

  it('describes POST /referrals and its request body in the OpenAPI document', async () => {
    const response = await request(world.app).get('/api/v1/openapi.json')
    expect(response.status).toBe(200)
    const document = response.body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>
    }
    const schema = document.paths['/referrals']?.['post']?.requestBody?.content['application/json']?.schema as
      { properties?: Record<string, unknown>; required?: string[] } | undefined
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(['localAuthority', 'consent', 'person', 'reason']))
    expect(schema?.required).toEqual(expect.arrayContaining(['localAuthority', 'consent', 'person', 'reason']))
  })
})
