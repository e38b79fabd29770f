import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { createWorld, type World } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
interface ApiErrors {
  errors: { path: string; message: string }[]
}
const pathsOf = (body: unknown) => (body as ApiErrors).errors.map((e) => e.path)

/**
 * The page commands the API once lacked, through the API: the officers a command may name (by id or
 * email), decisions against the applicant with their letter's reasons, the steps during a review
 * (reg 7 and reg 9(1) of the Homelessness (Review Procedure etc.) Regulations 2018), and the housing
 * authority's side of a referral. The world's clock stands at 2 March 2026. The tests run in order.
 */
describe.each(testDatabaseKinds())('every page command through the API, on $name', (kind) => {
  let world: World
  const keys = { caseworker: '', manager: '', analyst: '', harlow: '', hospital: '' }
  beforeAll(async () => {
    world = await createWorld(kind)
    const key = async (organisation: string, person?: string) => (await world.services.apiKeys.create(organisation, system, person)).key
    keys.caseworker = await key('Basildon Borough Council', 'cw@basildon.test')
    keys.manager = await key('Basildon Borough Council', 'tm@basildon.test')
    keys.analyst = await key('Basildon Borough Council', 'an@basildon.test')
    keys.harlow = await key('Harlow Council', 'cw@harlow.test')
    keys.hospital = await key('Princess Alexandra Hospital NHS Trust')
  })
  afterAll(async () => {
    await world.close()
  })
  const get = (path: string, key = keys.caseworker) => request(world.app).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`)
  const post = (path: string, body: unknown, key = keys.caseworker) =>
    request(world.app)
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${key}`)
      .send(body as object)
  const version = async (reference: string) =>
    (await world.db.selectFrom('cases').where('reference', '=', reference).select('version').executeTakeFirstOrThrow()).version
  const approach = async (givenName: string, approachedOn: string) => {
    const opened = await post('/cases', {
      applicant: { givenName, familyName: 'Adeyemi', dateOfBirth: '1990-06-01' },
      approachedOn,
      channel: 'phone',
    })
    expect(opened.status).toBe(201)
    return (opened.body as { reference: string }).reference
  }

  describe('officers', () => {
    it('lists the organisation’s officers with the id and email a command names them by, and only its own', async () => {
      const listed = await get('/officers')
      expect(listed.status).toBe(200)
      expect(listed.body).toEqual({
        officers: [
          { id: world.users.basildonManager.id, name: 'Martin Cole', email: 'tm@basildon.test', role: 'team_manager' },
          { id: world.users.basildonCaseworker.id, name: 'Priya Shah', email: 'cw@basildon.test', role: 'caseworker' },
        ],
      })
      expect(((await get('/officers', keys.harlow)).body as { officers: { email: string }[] }).officers.map((o) => o.email)).toEqual([
        'cw@harlow.test',
      ])
      // The pages let only the officers running cases choose an officer.
      expect((await get('/officers', keys.analyst)).status).toBe(403)
      expect((await get('/officers', keys.hospital)).status).toBe(403)
    })

    it('names an officer on a case by their email address, and refuses another organisation’s', async () => {
      const elsewhere = await post('/cases/BAS-2026-00001/officer', { officerId: 'cw@harlow.test', version: 1 }, keys.manager)
      expect(elsewhere.status).toBe(422)
      expect(elsewhere.body).toEqual({ errors: [{ path: 'officerId', message: 'Select an officer from your organisation' }] })
      const named = await post('/cases/BAS-2026-00001/officer', { officerId: 'TM@Basildon.test', version: 1 }, keys.manager)
      expect(named.status).toBe(200)
      const officer = await world.db
        .selectFrom('cases')
        .where('reference', '=', 'BAS-2026-00001')
        .select('officer_id')
        .executeTakeFirstOrThrow()
      expect(officer.officer_id).toBe(world.users.basildonManager.id)
      // And by id, as the page sends it.
      const back = await post(
        '/cases/BAS-2026-00001/officer',
        { officerId: world.users.basildonCaseworker.id, version: await version('BAS-2026-00001') },
        keys.manager,
      )
      expect(back.status).toBe(200)
      expect(pathsOf((await post('/cases/BAS-2026-00001/officer', { officerId: 'someone', version: 3 }, keys.manager)).body)).toEqual([
        'officerId',
      ])
    })
  })

  describe('decisions against the applicant, with the reasons their letter must give (s184(3))', () => {
    it('records that no duty is owed, refusing it without reasons', async () => {
      const reference = await approach('Tunde', '2026-03-01')
      const decision = { decision: 'no_duty_owed', reason: 'not_homeless_or_threatened', date: '2026-03-02', version: 1 }
      const bare = await post(`/cases/${reference}/decisions`, decision)
      expect(bare.status).toBe(422)
      expect(pathsOf(bare.body)).toEqual(['letterReasons'])
      const recorded = await post(`/cases/${reference}/decisions`, {
        ...decision,
        letterReasons: 'Your tenancy continues: your landlord withdrew the notice on 27 February',
      })
      expect(recorded.status).toBe(200)
      expect(recorded.body).toEqual({ reference, stage: 'closed' })
      const letters = (await get(`/cases/${reference}/letters`)).body as { letters: { kind: string; id: string }[] }
      const letter = letters.letters.find((l) => l.kind === 'no_duty_owed')
      expect((await get(`/cases/${reference}/letters/${String(letter?.id)}`)).text).toContain('your landlord withdrew the notice')
    })

    it('records that the main housing duty is not owed once relief has run its 56 days', async () => {
      const reference = await approach('Kemi', '2026-01-02')
      expect((await post(`/cases/${reference}/decisions`, { decision: 'accept_relief_duty', date: '2026-01-02', version: 1 })).status).toBe(
        200,
      )
      const decision = { decision: 'main_duty_not_owed', date: '2026-03-02', version: 2 }
      expect(pathsOf((await post(`/cases/${reference}/decisions`, decision)).body)).toEqual(['letterReasons'])
      const recorded = await post(`/cases/${reference}/decisions`, { ...decision, letterReasons: 'You are not in priority need' })
      expect(recorded.status).toBe(200)
      expect(recorded.body).toEqual({ reference, stage: 'closed' })
    })
  })

  describe('a review of a decision not in the case’s timeline', () => {
    let review = ''
    const request = {
      decision: 'prevention_steps',
      notifiedOn: '2026-02-20',
      receivedOn: '2026-02-24',
      requestedBy: 'applicant',
      reviewer: 'authority',
    }

    it('names the officer who made the decision by email', async () => {
      const unknown = await post('/cases/BAS-2026-00001/reviews', { ...request, originalDecisionBy: 'nobody@basildon.test' })
      expect(unknown.status).toBe(422)
      expect(pathsOf(unknown.body)).toEqual(['originalDecisionBy'])
      const recorded = await post('/cases/BAS-2026-00001/reviews', { ...request, originalDecisionBy: 'cw@basildon.test' })
      expect(recorded.status).toBe(200)
      review = (recorded.body as { id: string }).id
      const listed = await get('/cases/BAS-2026-00001/reviews')
      expect(listed.status).toBe(200)
      expect(listed.body).toMatchObject({
        reference: 'BAS-2026-00001',
        reviews: [
          { id: review, decision: 'prevention_steps', reviewPeriodWeeks: 3, decisionDueOn: '2026-03-16', mindedToNotifiedOn: null },
        ],
      })
      expect((await world.db.selectFrom('reviews').select('original_decision_by').executeTakeFirstOrThrow()).original_decision_by).toBe(
        world.users.basildonCaseworker.id,
      )
    })

    it('records the reviewer’s “minded to” notice with every problem at once, and only by an officer who may review', async () => {
      const path = `/cases/BAS-2026-00001/reviews/${review}/minded-to-notice`
      expect(pathsOf((await post(path, {}, keys.manager)).body)).toEqual(['date', 'reasons'])
      const own = await post(path, { date: '2026-02-27', reasons: 'Minded to uphold' })
      expect(own.status).toBe(422)
      expect((own.body as ApiErrors).errors[0]?.message).toContain('The officer who made the original decision cannot give the notice')
      const given = await post(
        path,
        { date: '2026-02-27', reasons: 'The plan was not discussed with you, but its steps are reasonable' },
        keys.manager,
      )
      expect(given.status).toBe(200)
      expect(given.body).toEqual({ reference: 'BAS-2026-00001', id: review })
      const letter = await world.db
        .selectFrom('case_letters')
        .select('body_text')
        .where('kind', '=', 'review_minded_to')
        .executeTakeFirstOrThrow()
      expect(letter.body_text).toContain('The plan was not discussed with you')
    })

    it('records the applicant’s representations, starting the three weeks again (reg 9(1)(a))', async () => {
      const path = `/cases/BAS-2026-00001/reviews/${review}/representations`
      expect(pathsOf((await post(path, { receivedOn: '2026-02-26', means: 'by pigeon' })).body)).toEqual(['means'])
      const early = await post(path, { receivedOn: '2026-02-26', means: 'in_writing' })
      expect(pathsOf(early.body)).toEqual(['receivedOn'])
      expect((await post(path, { receivedOn: '2026-03-02', means: 'in_writing', summary: 'I can do the steps' })).status).toBe(200)
      expect(
        ((await get('/cases/BAS-2026-00001/reviews')).body as { reviews: { decisionDueOn: string }[] }).reviews[0]?.decisionDueOn,
      ).toBe('2026-03-22')
    })

    it('records a longer period agreed in writing, which must end after the decision is due', async () => {
      const path = `/cases/BAS-2026-00001/reviews/${review}/longer-period`
      const shorter = await post(path, { agreedOn: '2026-03-02', extendedTo: '2026-03-20' })
      expect(shorter.body).toEqual({
        errors: [{ path: 'extendedTo', message: 'A longer period must end after the decision is now due, on 2026-03-22' }],
      })
      expect((await post(path, { agreedOn: '2026-03-02', extendedTo: '2026-04-30' })).status).toBe(200)
      const found = (await get('/cases/BAS-2026-00001')).body as { deadlines: { what: string; due: string }[] }
      expect(found.deadlines.find((d) => d.what.startsWith('Review decision due'))?.due).toBe('2026-04-30')
    })

    it('answers an unknown review, and another authority, as not found', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000'
      expect(
        (await post(`/cases/BAS-2026-00001/reviews/${unknown}/longer-period`, { agreedOn: '2026-03-02', extendedTo: '2026-05-30' })).status,
      ).toBe(404)
      expect(
        (
          await post(
            `/cases/BAS-2026-00001/reviews/${review}/longer-period`,
            { agreedOn: '2026-03-02', extendedTo: '2026-05-30' },
            keys.harlow,
          )
        ).status,
      ).toBe(404)
    })
  })

  describe('the housing authority’s side of a referral', () => {
    const id = () => world.ids.hospitalReferralToBasildon
    const referralVersion = async () => ((await get(`/referrals/${id()}`)).body as { version: number }).version

    it('lists the inbox and reads a referral as received, with its version', async () => {
      const inbox = await get('/referrals')
      expect(inbox.status).toBe(200)
      expect((inbox.body as { referrals: { id: string }[] }).referrals.map((r) => r.id)).toEqual([id()])
      const received = await get(`/referrals/${id()}`)
      expect(received.status).toBe(200)
      expect(received.body).toMatchObject({
        id: id(),
        reference: 'REF-AAAA01',
        status: 'received',
        version: 1,
        referringOrganisation: 'Princess Alexandra Hospital NHS Trust',
        person: { givenName: 'Sam', familyName: 'Taylor', phone: '07700 900123', preferredContact: 'phone' },
        caseReference: null,
      })
      // The referrer still reads it as made, without the person's details.
      const asMade = await get(`/referrals/${id()}`, keys.hospital)
      expect(asMade.status).toBe(200)
      expect(asMade.body).not.toHaveProperty('person')
      expect((await get(`/referrals/${id()}`, keys.harlow)).status).toBe(404)
    })

    it('acknowledges it, refusing a step on a stale version and one the referrer may not take', async () => {
      expect((await post(`/referrals/${id()}/steps`, { action: 'acknowledge' }, keys.hospital)).status).toBe(403)
      expect(pathsOf((await post(`/referrals/${id()}/steps`, { action: 'dance' })).body)).toEqual(['action'])
      const done = await post(`/referrals/${id()}/steps`, { action: 'acknowledge', version: 1 })
      expect(done.status).toBe(200)
      expect(done.body).toEqual({ id: id(), caseReference: null })
      expect((await post(`/referrals/${id()}/steps`, { action: 'record_contact', version: 1 })).status).toBe(409)
      expect((await get(`/referrals/${id()}`, keys.hospital)).body).toMatchObject({ status: 'acknowledged' })
    })

    it('carries messages both ways', async () => {
      expect(pathsOf((await post(`/referrals/${id()}/messages`, { message: ' ' })).body)).toEqual(['message'])
      expect((await post(`/referrals/${id()}/messages`, { message: 'We will phone Sam today' })).status).toBe(200)
      expect((await post(`/referrals/${id()}/messages`, { message: 'Thank you' }, keys.hospital)).status).toBe(200)
      const messages = await world.db.selectFrom('referral_messages').select(['from_side', 'body']).orderBy('sent_at').execute()
      expect(messages.map((m) => [m.from_side, m.body])).toEqual([
        ['authority', 'We will phone Sam today'],
        ['referrer', 'Thank you'],
      ])
    })

    it('opens a case from the referral, its approach refused by path first', async () => {
      const approachOf = (dateOfBirth: string) => ({
        applicant: { givenName: 'Sam', familyName: 'Taylor', dateOfBirth },
        approachedOn: '2026-03-02',
        channel: 'referral',
      })
      const refused = await post(`/referrals/${id()}/conversion`, { approach: approachOf('2030-01-01'), version: await referralVersion() })
      expect(refused.status).toBe(422)
      expect(pathsOf(refused.body)).toEqual(['approach.applicant.dateOfBirth'])
      const opened = await post(`/referrals/${id()}/conversion`, { approach: approachOf('1990-04-01'), version: await referralVersion() })
      expect(opened.status).toBe(200)
      const caseReference = (opened.body as { caseReference: string }).caseReference
      expect(caseReference).toMatch(/^BAS-/)
      expect((await get(`/referrals/${id()}`)).body).toMatchObject({ caseReference })
      expect((await get(`/cases/${caseReference}`)).status).toBe(200)
    })

    it('links another authority’s referral to one of its cases, and only its own', async () => {
      const prison = world.ids.prisonReferralToHarlow
      expect((await post(`/referrals/${prison}/link`, { caseReference: 'HAR-2026-00001' })).status).toBe(404)
      expect(pathsOf((await post(`/referrals/${prison}/link`, { caseReference: 'BAS-2026-00001' }, keys.harlow)).body)).toEqual([
        'caseReference',
      ])
      const linked = await post(`/referrals/${prison}/link`, { caseReference: 'HAR-2026-00001' }, keys.harlow)
      expect(linked.status).toBe(200)
      expect(linked.body).toEqual({ id: prison, caseReference: 'HAR-2026-00001' })
    })
  })
})
