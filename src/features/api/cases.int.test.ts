import request from 'supertest'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { givenCase, type GivenCase } from '../../test-support/cases.ts'
import { agreedPlanOnBasildonCase } from '../../test-support/plans.ts'
import { createWorld, type World } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
interface ApiErrors {
  errors: { path: string; message: string }[]
}

/**
 * The case commands through the API, each test on a Basildon case of its own (Jade Turner's, in
 * prevention since 1 February 2026; the world's clock stands at 2 March 2026). A case system acts as a
 * named officer, through the same services and checks as the pages. A test that needs the case further
 * on (homeless, say) records that itself first, so the tests run in any order.
 */
describe.each(testDatabaseKinds())('the case API on $name', (kind) => {
  let world: World
  let caseworkerKey: string
  let managerKey: string
  let organisationKey: string
  beforeAll(async () => {
    world = await createWorld(kind)
  })
  afterAll(async () => {
    await world.close()
  })
  let kase: GivenCase
  let base = ''
  // Every test its own keys too: a key's requests are limited per minute, and the world's clock stands still.
  beforeEach(async () => {
    caseworkerKey = (await world.services.apiKeys.create('Basildon Borough Council', system, 'cw@basildon.test')).key
    managerKey = (await world.services.apiKeys.create('Basildon Borough Council', system, 'tm@basildon.test')).key
    organisationKey = (await world.services.apiKeys.create('Basildon Borough Council', system)).key
    kase = await givenCase(world)
    base = `/cases/${kase.reference}`
  })
  const get = (path: string, key = caseworkerKey) => request(world.app).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`)
  const post = (path: string, body: unknown, key = caseworkerKey) =>
    request(world.app)
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${key}`)
      .send(body as object)
  const basildonCase = () => world.db.selectFrom('cases').where('id', '=', kase.id).select(['stage', 'version']).executeTakeFirstOrThrow()
  /** Sends a command a test needs done before what it checks, failing loudly if it is refused. */
  async function given(path: string, body: unknown) {
    const response = await post(path, body)
    if (response.status !== 200) throw new Error(`${path} answered ${String(response.status)}: ${JSON.stringify(response.body)}`)
  }
  const becameHomeless = () => given(`${base}/decisions`, { decision: 'became_homeless', date: '2026-03-01', version: 1 })

  it('refuses an organisation’s key, which has no officer to act as', async () => {
    const response = await get('/cases', organisationKey)
    expect(response.status).toBe(403)
    expect((response.body as ApiErrors).errors[0]?.message).toContain('--person EMAIL')
  })

  it('refuses to issue a key for a person of another organisation', async () => {
    await expect(world.services.apiKeys.create('Basildon Borough Council', system, 'cw@harlow.test')).rejects.toThrow(
      'Basildon Borough Council has no active account with the email address cw@harlow.test',
    )
  })

  it('gives the officer their caseload and a case, auditing the read as theirs through the key', async () => {
    const caseload = await get('/cases')
    expect(caseload.status).toBe(200)
    expect((caseload.body as { cases: { reference: string }[] }).cases.map((c) => c.reference)).toContain(kase.reference)
    const found = await get(base)
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ reference: kase.reference, stage: 'prevention', version: 1, namedOfficer: 'Priya Shah' })
    // This test's reads: of its case, and of a caseload that listed it.
    const audit = (
      await world.db
        .selectFrom('audit_events')
        .where('action', '=', 'view')
        .where('subject_type', 'in', ['case', 'case_list'])
        .where('actor_user_id', '=', world.users.basildonCaseworker.id)
        .where('actor_api_key_id', 'is not', null)
        .selectAll()
        .execute()
    ).filter((a) => a.subject_id === kase.id || JSON.stringify(a.details).includes(kase.id))
    // The caseload names the applicants, so its read is audited as well as the case's.
    expect(audit.map((a) => a.subject_type).sort()).toEqual(['case', 'case_list'])
  })

  it('answers another authority’s case as not found', async () => {
    const harlows = `/cases/${(await givenCase(world, { authority: 'harlow' })).reference}`
    expect((await get(harlows)).status).toBe(404)
    expect((await post(`${harlows}/decisions`, { decision: 'end_prevention_duty', date: '2026-03-01', version: 1 })).status).toBe(404)
  })

  it('lists every problem with a body at once, by path, and changes nothing', async () => {
    const response = await post(`${base}/decisions`, { decision: 'nonsense', date: '2026-13-01' })
    expect(response.status).toBe(422)
    const paths = (response.body as ApiErrors).errors.map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['decision', 'date', 'version']))
    expect(await basildonCase()).toEqual({ stage: 'prevention', version: 1 })
  })

  it('refuses an unlawful move and a missing ground in the law’s words, naming the field', async () => {
    const unlawful = await post(`${base}/decisions`, {
      decision: 'main_duty_owed',
      date: '2026-03-01',
      priorityNeed: 'in_priority_need',
      priorityNeedCategory: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
      version: 1,
    })
    expect(unlawful.status).toBe(422)
    expect((unlawful.body as ApiErrors).errors[0]?.path).toBe('decision')
    const noGround = await post(`${base}/decisions`, { decision: 'end_prevention_duty', date: '2026-03-01', version: 1 })
    expect(noGround.status).toBe(422)
    expect((noGround.body as ApiErrors).errors).toEqual([{ path: 'ground', message: 'Select the ground for ending the duty' }])
    const future = await post(`${base}/decisions`, { decision: 'became_homeless', date: '2026-04-01', version: 1 })
    expect(future.status).toBe(422)
    expect((future.body as ApiErrors).errors[0]?.path).toBe('date')
    expect(await basildonCase()).toEqual({ stage: 'prevention', version: 1 })
  })

  it('records a lawful decision, and refuses one made on a version someone else has changed', async () => {
    const recorded = await post(`${base}/decisions`, { decision: 'became_homeless', date: '2026-03-01', version: 1 })
    expect(recorded.status).toBe(200)
    expect(recorded.body).toEqual({ reference: kase.reference, stage: 'relief' })
    const stale = await post(`${base}/decisions`, {
      decision: 'end_relief_duty',
      date: '2026-03-02',
      ground: 'contact_lost',
      version: 1,
    })
    expect(stale.status).toBe(409)
    const timeline = (await get(base)).body as { timeline: { kind: string }[]; version: number }
    expect(timeline.version).toBe(2)
    expect(timeline.timeline.map((e) => e.kind)).toContain('became_homeless')
  })

  it('opens a case from an approach, refusing an impossible date of birth', async () => {
    const body = {
      applicant: { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '2027-01-01' },
      approachedOn: '2026-03-02',
      channel: 'phone',
      referralRoute: 'self_referral',
    }
    const refused = await post('/cases', body)
    expect(refused.status).toBe(422)
    expect((refused.body as ApiErrors).errors.map((e) => e.path)).toEqual(['applicant.dateOfBirth'])
    const created = await post('/cases', {
      ...body,
      applicant: { ...body.applicant, dateOfBirth: '1990-05-04' },
      emergencies: ['rough_sleeping_tonight'],
    })
    expect(created.status).toBe(201)
    const reference = (created.body as { reference: string }).reference
    expect(reference).toMatch(/^BAS-2026-\d{5}$/)
    expect((await get(`/cases/${reference}`)).body).toMatchObject({
      stage: 'approach',
      emergencies: ['rough_sleeping_tonight'],
      namedOfficer: 'Priya Shah',
    })
  })

  it('lets only a team manager name another officer', async () => {
    await becameHomeless()
    const body = { officerId: world.users.basildonManager.id, version: 2 }
    expect((await post(`${base}/officer`, body)).status).toBe(403)
    const moved = await post(`${base}/officer`, body, managerKey)
    expect(moved.status).toBe(200)
    expect((await get(base, managerKey)).body).toMatchObject({ namedOfficer: 'Martin Cole' })
  })

  it('gives a non-cooperation warning, with the form’s checks', async () => {
    await becameHomeless()
    const bad = await post(`${base}/non-cooperation/warning`, {
      stepId: '',
      date: '2026-03-01',
      reasonablePeriodDays: 0,
    })
    expect(bad.status).toBe(422)
    expect((bad.body as ApiErrors).errors.map((e) => e.path)).toEqual(['stepId', 'reasonablePeriodDays'])
    const { applicantStep, councilStep } = await agreedPlanOnBasildonCase(world, kase.id)
    const councils = await post(`${base}/non-cooperation/warning`, {
      stepId: councilStep,
      date: '2026-03-02',
      reasonablePeriodDays: 7,
    })
    expect(councils.status).toBe(422)
    expect((councils.body as ApiErrors).errors.map((e) => e.path)).toEqual(['stepId'])
    const warned = await post(`${base}/non-cooperation/warning`, {
      stepId: applicantStep,
      date: '2026-03-02',
      reasonablePeriodDays: 7,
    })
    expect(warned.status).toBe(200)
  })

  it('places the household in interim accommodation once homeless, and ends the placement', async () => {
    await becameHomeless()
    const unbelieved = await post(`${base}/temporary-accommodation/placement`, {
      accommodationType: 'hostel',
      date: '2026-03-01',
    })
    expect(unbelieved.status).toBe(422)
    expect((unbelieved.body as ApiErrors).errors.map((e) => e.path)).toEqual(['reasonToBelieve', 'apparentPriorityNeed'])
    const placed = await post(`${base}/temporary-accommodation/placement`, {
      accommodationType: 'hostel',
      // Section 188(1): reason to believe the applicant may be homeless, eligible and in priority need.
      reasonToBelieve: ['may_be_homeless', 'may_be_eligible', 'may_have_priority_need'],
      apparentPriorityNeed: 'vulnerable_mental_health',
      date: '2026-03-01',
    })
    expect(placed.status).toBe(200)
    const wrong = await post(`${base}/temporary-accommodation/ending`, {
      ending: 'settled_accommodation_secured',
      date: '2026-02-28',
    })
    expect(wrong.status).toBe(422)
    expect((wrong.body as ApiErrors).errors).toEqual([
      { path: 'date', message: 'The date the placement ended must be on or after the day it began' },
    ])
    const ended = await post(`${base}/temporary-accommodation/ending`, {
      ending: 'settled_accommodation_secured',
      date: '2026-03-02',
    })
    expect(ended.status).toBe(200)
  })

  it('records a review request within 21 days and its decision by a senior officer not involved', async () => {
    await becameHomeless()
    const request = {
      decision: 'relief_steps',
      originalDecisionBy: world.users.basildonCaseworker.id,
      notifiedOn: '2026-02-02',
      receivedOn: '2026-03-02',
      requestedBy: 'applicant',
      reviewer: 'authority',
    }
    const late = await post(`${base}/reviews`, request)
    expect(late.status).toBe(422)
    expect((late.body as ApiErrors).errors[0]?.message).toContain('21 days')
    const recorded = await post(`${base}/reviews`, { ...request, notifiedOn: '2026-02-20' })
    expect(recorded.status).toBe(200)
    const id = (recorded.body as { id: string }).id
    const decision = { outcome: 'upheld', date: '2026-03-02', reasons: 'The steps were reasonable' }
    const byOriginalOfficer = await post(`${base}/reviews/${id}/decision`, decision)
    expect(byOriginalOfficer.status).toBe(422)
    expect((await post(`${base}/reviews/${id}/decision`, decision, managerKey)).status).toBe(200)
    expect((await post(`${base}/reviews/not-an-id/decision`, decision, managerKey)).status).toBe(404)
  })

  it('describes every case command in the OpenAPI document', async () => {
    const document = (await request(world.app).get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    for (const path of [
      '/cases',
      '/cases/{reference}',
      '/cases/{reference}/decisions',
      '/cases/{reference}/non-cooperation/notice',
      '/cases/{reference}/household',
      '/cases/{reference}/household/members/{personId}/personal-details',
      '/cases/{reference}/assessment/sections/support_needs',
      '/cases/{reference}/assessment/completion',
      '/cases/{reference}/plan/steps/{stepId}',
      '/cases/{reference}/activities',
      '/cases/{reference}/contacts',
      '/cases/{reference}/letters/{id}',
    ])
      expect(Object.keys(document.paths)).toContain(path)
    expect(Object.keys(document.paths['/cases/{reference}/decisions'] ?? {})).toEqual(['post'])
  })
})
