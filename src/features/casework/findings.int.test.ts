import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld, type World } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }

/**
 * Priority need (s189) and intentionality (s191) recorded at the relief and main duty decisions, through
 * the casework API, and what follows: how the relief duty ends (s189B(4)-(5)), interim accommodation's
 * reason to believe (s188(1)), the letters (s184(3)) and the statutory return's MD1 and MD3 (H-CLIC 7.3,
 * 7.5). Then the threat, judged on the date of the prevention duty decision (s175(4)). The world's clock
 * stands at 2 March 2026; the relief duties here began on 5 January, so their 56th day is 1 March.
 */
describe.each(testDatabaseKinds())('priority need and intentionality on $name', (kind) => {
  const world = useWorld(kind)
  let api: Api | undefined

  interface Api {
    post(path: string, body: Record<string, unknown>): Promise<request.Response>
    get(path: string): Promise<Record<string, unknown>>
  }

  async function caseworker(): Promise<Api> {
    if (api) return api
    const w = world()
    const { key } = await w.services.apiKeys.create('Basildon Borough Council', system, 'cw@basildon.test')
    api = {
      post: (path, body) => request(w.app).post(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body),
      get: async (path) =>
        (await request(w.app).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`)).body as Record<string, unknown>,
    }
    return api
  }

  /** Posts a decision on the case's current version; the response as it is. */
  async function decide(reference: string, body: Record<string, unknown>) {
    const a = await caseworker()
    const { version } = (await a.get(`/cases/${reference}`)) as { version: number }
    return a.post(`/cases/${reference}/decisions`, { ...body, version })
  }

  /** A household that approached on 5 January 2026, recorded then, with the clock put back for it. */
  async function approachedOn5January(w: World, givenName: string, then: (reference: string) => Promise<void>) {
    w.clock.advanceDays(-56)
    try {
      const opened = await (
        await caseworker()
      ).post('/cases', {
        applicant: { givenName, familyName: 'Okafor', dateOfBirth: '1990-04-02', sex: 'female' },
        approachedOn: '2026-01-05',
        channel: 'in_person',
        referralRoute: 'self_referral',
      })
      expect(opened.status).toBe(201)
      const reference = (opened.body as { reference: string }).reference
      await then(reference)
      return reference
    } finally {
      w.clock.advanceDays(56)
    }
  }

  const caseRow = (reference: string) =>
    world()
      .db.selectFrom('cases')
      .select(['stage', 'priority_need', 'intentionality', 'intentionality_reasons'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
  const lettersOf = (reference: string) =>
    world()
      .db.selectFrom('case_letters as letters')
      .innerJoin('cases', 'cases.id', 'letters.case_id')
      .where('cases.reference', '=', reference)
      .select(['letters.kind', 'letters.body_text', 'letters.template_version'])
      .orderBy('letters.issued_at')
      .execute()
  const errorsOf = (response: request.Response) => (response.body as { errors: { path: string; message: string }[] }).errors

  const owed: string[] = []

  it('records priority need with the relief duty, and interim accommodation on the reason to believe', async () => {
    const w = world()
    const reference = await approachedOn5January(w, 'Ada', async (ref) => {
      const relief = await decide(ref, {
        decision: 'accept_relief_duty',
        date: '2026-01-05',
        priorityNeed: 'in_priority_need',
        priorityNeedCategory: 'dependent_children',
      })
      expect(relief.status).toBe(200)

      const a = await caseworker()
      const unbelieved = await a.post(`/cases/${ref}/temporary-accommodation/placement`, {
        accommodationType: 'hostel',
        reasonToBelieve: ['may_be_homeless'],
        date: '2026-01-05',
      })
      expect(unbelieved.status).toBe(422)
      expect(errorsOf(unbelieved)).toEqual([{ path: 'reasonToBelieve', message: expect.stringContaining('section 188(1)') as string }])
      const placed = await a.post(`/cases/${ref}/temporary-accommodation/placement`, {
        accommodationType: 'hostel',
        reasonToBelieve: ['may_be_homeless', 'may_be_eligible', 'may_have_priority_need'],
        date: '2026-01-05',
      })
      expect(placed.status).toBe(200)
    })
    owed.push(reference)

    expect(await caseRow(reference)).toEqual({
      stage: 'relief',
      priority_need: 'dependent_children',
      intentionality: null,
      intentionality_reasons: null,
    })
    const placement = await w.db
      .selectFrom('accommodation_placements')
      .innerJoin('cases', 'cases.id', 'accommodation_placements.case_id')
      .where('cases.reference', '=', reference)
      .select(['duty', 'reason_to_believe', 'apparent_priority_need'])
      .executeTakeFirstOrThrow()
    // The priority need decided with the relief duty is the one the placement rests on.
    expect(placement).toEqual({
      duty: 's188',
      reason_to_believe: ['may_be_homeless', 'may_be_eligible', 'may_have_priority_need'],
      apparent_priority_need: 'dependent_children',
    })
    const [relief] = await lettersOf(reference)
    expect(relief?.kind).toBe('relief_duty_owed')
    expect(relief?.body_text).toContain('because dependent children live with you')
    expect(relief?.body_text).toContain('it ends by itself at the end of those 56 days (section 189B(4))')
  })

  it('refuses a notice ending that relief duty because 56 days have passed: it ended by itself (s189B(4))', async () => {
    const [reference = ''] = owed
    const notice = await decide(reference, { decision: 'end_relief_duty', ground: 'fifty_six_days_elapsed', date: '2026-03-02' })
    expect(notice.status).toBe(422)
    expect(errorsOf(notice)).toEqual([{ path: 'ground', message: expect.stringContaining('ends by itself') as string }])
    const unfounded = await decide(reference, { decision: 'main_duty_owed', date: '2026-03-02', priorityNeed: 'not_in_priority_need' })
    expect(unfounded.status).toBe(422)
    expect(errorsOf(unfounded)).toEqual([{ path: 'priorityNeed', message: expect.stringContaining('section 193(1)') as string }])
    expect((await caseRow(reference)).stage).toBe('relief')
  })

  it('records the main duty owed with the findings it rests on, and says so in its letter', async () => {
    const [reference = ''] = owed
    const decided = await decide(reference, {
      decision: 'main_duty_owed',
      date: '2026-03-02',
      priorityNeed: 'in_priority_need',
      priorityNeedCategory: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
    })
    expect(decided.status).toBe(200)
    expect(await caseRow(reference)).toMatchObject({ stage: 'main_duty', intentionality: 'not_intentionally_homeless' })
    expect(await (await caseworker()).get(`/cases/${reference}`)).toMatchObject({
      priorityNeed: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
    })
    const event = await world()
      .db.selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .where('cases.reference', '=', reference)
      .where('case_events.kind', '=', 'main_duty_decision')
      .select('case_events.details')
      .executeTakeFirstOrThrow()
    expect(event.details).toMatchObject({
      owed: true,
      priorityNeed: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
      reliefEnded: 'automatically',
    })
    const letter = (await lettersOf(reference)).find((l) => l.kind === 'main_duty_owed')
    expect(letter?.template_version).toBe(2)
    expect(letter?.body_text).toContain('We are not satisfied that you became homeless intentionally (section 191')
  })

  it('ends the relief duty of an applicant not in priority need with the decision that no main duty is owed (s189B(5))', async () => {
    const w = world()
    const reference = await approachedOn5January(w, 'Bea', async (ref) => {
      expect((await decide(ref, { decision: 'accept_relief_duty', date: '2026-01-05' })).status).toBe(200)
    })
    const missing = await decide(reference, { decision: 'main_duty_not_owed', date: '2026-03-02', letterReasons: 'Not vulnerable.' })
    expect(missing.status).toBe(422)
    expect(errorsOf(missing).map((e) => e.path)).toEqual(['priorityNeed'])
    const decided = await decide(reference, {
      decision: 'main_duty_not_owed',
      date: '2026-03-02',
      priorityNeed: 'not_in_priority_need',
      letterReasons: 'You are not vulnerable as the law means it, though we know how hard this is.',
    })
    expect(decided.status).toBe(200)
    expect(await caseRow(reference)).toMatchObject({ stage: 'closed', priority_need: 'not_in_priority_need', intentionality: null })
    const letter = (await lettersOf(reference)).find((l) => l.kind === 'main_duty_not_owed')
    expect(letter?.body_text).toContain('We are not satisfied that you have a priority need for accommodation')
    expect(letter?.body_text).toContain('also notice under section 189B(5)')
    expect(letter?.body_text).toContain('section 202(1)(b) and (ba)(ii)')
  })

  it('keeps the reasons for a finding of intentional homelessness and gives them in the letter (s184(3))', async () => {
    const w = world()
    const reference = await approachedOn5January(w, 'Cleo', async (ref) => {
      expect((await decide(ref, { decision: 'accept_relief_duty', date: '2026-01-05' })).status).toBe(200)
    })
    const withoutReasons = await decide(reference, {
      decision: 'main_duty_not_owed',
      date: '2026-03-02',
      priorityNeed: 'in_priority_need',
      priorityNeedCategory: 'pregnant',
      intentionality: 'intentionally_homeless',
    })
    expect(withoutReasons.status).toBe(422)
    expect(errorsOf(withoutReasons).map((e) => e.path)).toEqual(['letterReasons', 'intentionalityReasons'])
    const decided = await decide(reference, {
      decision: 'main_duty_not_owed',
      date: '2026-03-02',
      priorityNeed: 'in_priority_need',
      priorityNeedCategory: 'pregnant',
      intentionality: 'intentionally_homeless',
      intentionalityReasons: 'You left a secure tenancy you could afford without a reason the law accepts.',
    })
    expect(decided.status).toBe(200)
    expect(await caseRow(reference)).toEqual({
      stage: 'closed',
      priority_need: 'pregnant',
      intentionality: 'intentionally_homeless',
      intentionality_reasons: 'You left a secure tenancy you could afford without a reason the law accepts.',
    })
    const letter = (await lettersOf(reference)).find((l) => l.kind === 'main_duty_not_owed')
    expect(letter?.body_text).toContain('We are satisfied that you became homeless intentionally because: You left a secure tenancy')
  })

  it('fills MD1 and MD3 from the decisions, and the relief duty’s end from how it ended', async () => {
    const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)
    const csv = await analyst.get('/hclic/tables.csv?quarter=2026-Q1')
    expect(csv.status).toBe(200)
    const lines = csv.text.split('\r\n')
    const count = (table: string, label: string) =>
      lines
        .find((l) => l.startsWith(`${table},`) && (l.includes(`,${label},`) || l.includes(`,"${label}",`)))
        ?.split(',')
        .at(-1)
    expect(count('MD1', 'Eligible, unintentionally homeless and in priority need – main duty owed')).toBe('1')
    expect(count('MD1', 'Eligible and homeless, but not in priority need')).toBe('1')
    expect(count('MD1', 'Eligible, homeless and in priority need, but intentionally homeless')).toBe('1')
    expect(count('MD1', 'Total')).toBe('3')
    expect(count('MD3', 'Dependent children live with the applicant, or might reasonably be expected to')).toBe('1')
    expect(count('MD3', 'Total')).toBe('1')
    // By itself on the 56th day for the one owed the main duty; by the decision's notice for the other two.
    expect(count('R1', '56 days elapsed')).toBe('1')
    expect(count('R1', 'Fifty six days elapsed')).toBe('2')
  })

  it('judges the threat on the date of the prevention duty decision, not on the day it is recorded (s175(4))', async () => {
    const a = await caseworker()
    const opened = await a.post('/cases', {
      applicant: { givenName: 'Dina', familyName: 'Shah', dateOfBirth: '1985-09-09', sex: 'female' },
      approachedOn: '2026-01-05',
      channel: 'phone',
      referralRoute: 'self_referral',
    })
    const reference = (opened.body as { reference: string }).reference
    const base = `/cases/${reference}`
    const saveThreat = async (expectedHomelessOn: string) => {
      const { version } = (await a.get(`${base}/assessment`)) as { version: number }
      return a.post(`${base}/assessment/sections/homelessness`, {
        status: 'threatened_within_56_days',
        expectedHomelessOn,
        possessionNotice: 'none',
        version,
      })
    }
    // Saved today: 18 days away.
    expect((await saveThreat('2026-03-20')).status).toBe(200)
    // Decided on 5 January, recorded today: 74 days before the household expected to lose their home.
    const tooEarly = await decide(reference, { decision: 'accept_prevention_duty', date: '2026-01-05' })
    expect(tooEarly.status).toBe(422)
    expect(errorsOf(tooEarly)).toEqual([
      { path: 'date', message: expect.stringContaining('On 2026-01-05 the household was not threatened') as string },
    ])
    // Decided on 1 February: 47 days before.
    expect((await decide(reference, { decision: 'accept_prevention_duty', date: '2026-02-01' })).status).toBe(200)
    // The section corrected today to 1 March, a day now past but 28 days after the decision it serves.
    expect((await saveThreat('2026-03-01')).status).toBe(200)
    const late = await saveThreat('2026-03-31')
    expect(late.status).toBe(422)
    expect(errorsOf(late)).toEqual([
      {
        path: 'expectedHomelessOn',
        message: expect.stringContaining('on the date of the prevention duty decision (2026-02-01)') as string,
      },
    ])
  })
})
