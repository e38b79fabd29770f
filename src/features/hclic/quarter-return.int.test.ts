import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { quarterOf } from '../../domain/hclic/quarter.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { createWorld, type World } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }

/**
 * A case built through the casework API (as an officer's case system would), then read as the
 * statutory return reads it: every section's answers come from what the officer recorded.
 * The world's clock stands at 2 March 2026.
 */
describe.each(testDatabaseKinds())('the H-CLIC return built from casework on $name', (kind) => {
  let world: World
  let key: string
  let reference: string
  beforeAll(async () => {
    world = await createWorld(kind)
    key = (await world.services.apiKeys.create('Basildon Borough Council', system, 'cw@basildon.test')).key
    const post = async (path: string, body: Record<string, unknown>) => {
      const response = await request(world.app).post(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body)
      if (response.status >= 300) throw new Error(`${path}: ${String(response.status)} ${JSON.stringify(response.body)}`)
      return response.body as Record<string, unknown>
    }
    const get = async (path: string) =>
      (await request(world.app).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`)).body as Record<string, unknown>

    // Live through the case: each step on its own day, back to 2 March at the end.
    world.clock.advanceDays(-47)
    const opened = await post('/cases', {
      applicant: { givenName: 'Mia', familyName: 'Clarke', dateOfBirth: '1994-06-30', sex: 'female' },
      approachedOn: '2026-01-12',
      channel: 'phone',
      referralRoute: 'self_referral',
    })
    reference = String(opened['reference'])
    const base = `/cases/${reference}`
    await post(`${base}/household/members`, {
      givenName: 'Ava',
      familyName: 'Clarke',
      relationship: 'child',
      dateOfBirth: '2019-02-01',
      sex: 'female',
    })
    const members = (await get(`${base}/household`))['members'] as { id: string; applicant: boolean }[]
    const applicant = members.find((m) => m.applicant)?.id ?? ''
    const child = members.find((m) => !m.applicant)?.id ?? ''
    await post(`${base}/household/members/${applicant}/personal-details`, {
      ethnicGroup: 'white_british',
      nationality: 'uk',
      sexualOrientation: 'heterosexual',
      genderSameAsAtBirth: 'yes',
      version: 0,
    })
    const sections: [string, Record<string, unknown>][] = [
      ['eligibility', { eligibility: 'eligible' }],
      [
        'homelessness',
        {
          status: 'threatened_within_56_days',
          expectedHomelessOn: '2026-03-01',
          possessionNotice: 'section_21',
          noticeServedOn: '2026-01-01',
          noticeExpiresOn: '2026-03-01',
          noticeValidity: 'valid',
          onlyAccommodation: 'yes',
        },
      ],
      [
        'circumstances',
        {
          lastSettledAccommodation: 'private_rented_self_contained',
          reasonForLoss: 'end_of_assured_shorthold_tenancy',
          circumstances: 'The landlord is selling.',
        },
      ],
      ['accommodation', { accommodationAtApplication: 'private_rented_self_contained' }],
      ['housing_needs', { bedrooms: 2 }],
      ['support_needs', { needs: { [applicant]: ['mental_health'], [child]: [] } }],
      ['employment', { applicantEmployment: 'part_time', housingCostBenefits: 'yes', livingCostBenefits: 'no' }],
      ['strengths', { skills: 'Organised' }],
    ]
    for (const [name, body] of sections) {
      const { version } = (await get(`${base}/assessment`)) as { version: number }
      await post(`${base}/assessment/sections/${name}`, { ...body, version })
    }
    const { version: assessed } = (await get(`${base}/assessment`)) as { version: number }
    await post(`${base}/assessment/completion`, { date: '2026-01-14', version: assessed })
    const caseVersion = async () => ((await get(base)) as { version: number }).version
    await post(`${base}/decisions`, { decision: 'accept_prevention_duty', date: '2026-01-14', version: await caseVersion() })
    world.clock.advanceDays(19)
    await post(`${base}/activities`, {
      activity: 'negotiation_mediation_advocacy_prevent_eviction',
      doneBy: 'Priya Shah',
      date: '2026-02-02',
    })
    world.clock.advanceDays(18)
    await post(`${base}/decisions`, {
      decision: 'end_prevention_duty',
      ground: 'suitable_accommodation_secured',
      accommodationOutcome: 'stayed_in_existing_home',
      accommodationSecured: 'private_rented_self_contained',
      date: '2026-02-20',
      version: await caseVersion(),
    })
    world.clock.advanceDays(10)
  })
  afterAll(async () => {
    await world.close()
  })

  const quarterReturn = async (label: 'Q1' | 'Q4') => {
    const quarter = label === 'Q1' ? quarterOf(2026, 1) : quarterOf(2025, 4)
    const result = await world.services.hclic.quarterReturn(system, 'E07000066', quarter)
    if ('error' in result) throw new Error(result.error)
    return result
  }

  it('puts the case in the quarter its duty began and ended, with every section’s answers from the casework', async () => {
    const { cases, personalDetails } = await quarterReturn('Q1')
    const record = cases.find((c) => c.reference === reference)
    expect(record).toMatchObject({
      authorityCode: 'E07000066',
      appliedOn: '2026-01-12',
      assessedOn: '2026-01-14',
      eligibility: 'eligible',
      initialDuty: 'prevention',
      section21: true,
      applicantEmployment: 'part_time',
      housingCostBenefits: 'yes',
      livingCostBenefits: 'no',
      accommodationAtApplication: 'private_rented_self_contained',
      lastSettledAccommodation: 'private_rented_self_contained',
      reasonForLoss: 'end_of_assured_shorthold_tenancy',
      referred: false,
      prevention: {
        startedOn: '2026-01-14',
        endedOn: '2026-02-20',
        endingGround: 'suitable_accommodation_secured',
        accommodationSecured: 'private_rented_self_contained',
        activities: ['negotiation_mediation_advocacy_prevent_eviction'],
      },
      relief: null,
      mainDuty: null,
    })
    expect(record?.people).toEqual([
      expect.objectContaining({
        isApplicant: true,
        sex: 'female',
        ageAtApplication: 31,
        ethnicGroup: 'white_british',
        supportNeeds: ['mental_health'],
      }),
      expect.objectContaining({ isApplicant: false, relationship: 'child', ageAtApplication: 6, ageAtQuarterEnd: 7, supportNeeds: [] }),
    ])
    expect(personalDetails.filter((p) => record?.people.some((q) => q.personId === p.personId)).map((p) => p.familyName)).toEqual([
      'Clarke',
      'Clarke',
    ])
  })

  it('leaves the case out of a quarter in which nothing happened to it, and audits each request', async () => {
    const { cases } = await quarterReturn('Q4')
    expect(cases.map((c) => c.reference)).not.toContain(reference)
    const audits = await world.db.selectFrom('audit_events').where('subject_type', '=', 'hclic_return').select('subject_id').execute()
    expect(audits.map((a) => a.subject_id)).toEqual(expect.arrayContaining(['E07000066:2026-Q1', 'E07000066:2025-Q4']))
  })

  it('shows the data team the quarter’s cases and why each enters, and refuses a malformed quarter', async () => {
    const analyst = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const hub = await analyst.get('/hclic?quarter=2026-Q1')
    expect(hub.status).toBe(200)
    expect(hub.text).toContain(reference)
    expect(hub.text).toContain('duty decided, case closed')
    const bad = await analyst.get('/hclic?quarter=2026-5')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('is not a quarter: write it as YYYY-QN')
    const caseworker = await signedInAgent(world.app, world.users.basildonCaseworker.email)
    expect((await caseworker.get('/hclic')).status).toBe(403)
    expect((await caseworker.get('/hclic/export/cases.xml?quarter=2026-Q1')).status).toBe(403)
  })

  it('gives the data team the quarter’s files, checked against the schema', async () => {
    const analyst = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const cases = await analyst.get('/hclic/export/cases.xml?quarter=2026-Q1')
    expect(cases.status).toBe(200)
    expect(cases.headers['content-disposition']).toContain('hclic-E07000066-2026-Q1-cases.xml')
    expect(cases.text).toContain(reference)
    const personal = await analyst.get('/hclic/export/personal.xml?quarter=2026-Q1')
    expect(personal.status).toBe(200)
    expect(personal.text).toContain('Clarke')
    expect((await analyst.get('/hclic/export/cases.xml?quarter=2026-Q9')).status).toBe(400)
    expect((await analyst.get('/hclic/export/other.xml?quarter=2026-Q1')).status).toBe(404)
  })

  it('refuses an unknown authority and another authority’s staff', async () => {
    expect(await world.services.hclic.quarterReturn(system, 'E07999999', quarterOf(2026, 1))).toEqual({
      error: 'No housing authority with the code E07999999 is on the platform',
    })
    const harlowAdmin = {
      kind: 'user' as const,
      userId: world.users.harlowAdmin.id,
      organisationId: world.ids.harlow,
      role: 'analyst' as const,
      label: 'x',
    }
    expect(await world.services.hclic.quarterReturn(harlowAdmin, 'E07000066', quarterOf(2026, 1))).toEqual({
      error: 'Only the data team of Basildon Borough Council may prepare its return',
    })
  })
})
