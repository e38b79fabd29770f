import request from 'supertest'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { givenCase, type GivenCase } from '../../test-support/cases.ts'
import { createWorld, type World } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
interface ApiErrors {
  errors: { path: string; message: string }[]
}
const pathsOf = (body: unknown) => (body as ApiErrors).errors.map((e) => e.path)

/**
 * The household, the assessment, the housing plan, activities, contacts and letters through the case
 * API, each test on a Basildon case of its own (Jade Turner's, approached and in prevention since
 * 1 February 2026; the world's clock stands at 2 March 2026). Each command calls the page's own service,
 * so a refusal is the page's, by JSON path. A test that needs a member, a section, a plan, steps or a
 * letter first adds them itself through the API, so the tests run in any order.
 */
describe.each(testDatabaseKinds())('the case API’s household, assessment, plan and letters on $name', (kind) => {
  let world: World
  let key: string
  let managerKey: string
  let analystKey: string
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
    key = (await world.services.apiKeys.create('Basildon Borough Council', system, 'cw@basildon.test')).key
    managerKey = (await world.services.apiKeys.create('Basildon Borough Council', system, 'tm@basildon.test')).key
    analystKey = (await world.services.apiKeys.create('Basildon Borough Council', system, 'an@basildon.test')).key
    kase = await givenCase(world)
    base = `/cases/${kase.reference}`
  })
  const get = (path: string, as = key) => request(world.app).get(`/api/v1${path}`).set('Authorization', `Bearer ${as}`)
  const post = (path: string, body: unknown, as = key) =>
    request(world.app)
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${as}`)
      .send(body as object)
  const count = async (table: 'people' | 'case_letters') =>
    Number(
      (
        await world.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  /** How many rows of a table are this test's case's. */
  const countOnCase = async (table: 'case_assessments' | 'housing_plan_steps' | 'case_activities') =>
    Number(
      (
        await world.db
          .selectFrom(table)
          .where('case_id', '=', kase.id)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  /** Sends a command a test needs done before what it checks, failing loudly if it is refused. */
  async function given(path: string, body: unknown) {
    const response = await post(path, body)
    if (response.status !== 200) throw new Error(`${path} answered ${String(response.status)}: ${JSON.stringify(response.body)}`)
    return response.body as unknown
  }
  const leo = { givenName: 'Leo', familyName: 'Turner', relationship: 'child', dateOfBirth: '2015-09-03', sex: 'male' }

  interface Member {
    id: string
    version: number
    applicant: boolean
    givenName: string
  }
  const members = async () => ((await get(`${base}/household`)).body as { members: Member[] }).members

  describe('the household', () => {
    it('lists the members, auditing the read', async () => {
      const response = await get(`${base}/household`)
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({
        reference: kase.reference,
        members: [{ givenName: 'Jade', familyName: 'Turner', applicant: true, relationship: null, dateOfBirth: '1988-05-14' }],
      })
      const audit = await world.db
        .selectFrom('audit_events')
        .where('subject_type', '=', 'household')
        .where('subject_id', '=', kase.householdId)
        .where('actor_api_key_id', 'is not', null)
        .selectAll()
        .execute()
      expect(audit).toHaveLength(1)
    })

    it('refuses a member with every problem at once, by path, and adds nobody', async () => {
      const before = await count('people')
      const response = await post(`${base}/household/members`, { ...leo, givenName: ' ', dateOfBirth: '2027-01-01' })
      expect(response.status).toBe(422)
      expect(pathsOf(response.body)).toEqual(['givenName', 'dateOfBirth'])
      const shape = await post(`${base}/household/members`, { ...leo, relationship: 'cousin', sex: undefined })
      expect(shape.status).toBe(422)
      expect(pathsOf(shape.body)).toEqual(expect.arrayContaining(['relationship', 'sex']))
      expect(await count('people')).toBe(before)
    })

    it('adds a member and changes them, refusing a change on a stale version', async () => {
      const added = await post(`${base}/household/members`, leo)
      expect(added.status).toBe(200)
      const id = (added.body as { id: string }).id
      const child = (await members()).find((m) => m.id === id)
      expect(child).toMatchObject({ givenName: 'Leo', relationship: 'child', sex: 'male', applicant: false })
      const changed = await post(`${base}/household/members/${id}`, { ...leo, givenName: 'Leon', version: child?.version })
      expect(changed.status).toBe(200)
      const stale = await post(`${base}/household/members/${id}`, { ...leo, givenName: 'Leonard', version: child?.version })
      expect(stale.status).toBe(409)
      expect(pathsOf(stale.body)).toEqual(['version'])
      expect((await members()).find((m) => m.id === id)?.givenName).toBe('Leon')
      const applicant = (await members()).find((m) => m.applicant)
      const noRelationship = await post(`${base}/household/members/${applicant?.id ?? ''}`, {
        givenName: 'Jade',
        familyName: 'Turner',
        dateOfBirth: '1988-05-14',
        sex: 'female',
        version: applicant?.version,
      })
      expect(noRelationship.status).toBe(200)
    })

    it('records and reads personal details through their own endpoint, auditing each read', async () => {
      const [applicant] = await members()
      const path = `${base}/household/members/${applicant?.id ?? ''}/personal-details`
      const none = await get(path)
      expect(none.status).toBe(200)
      expect(none.body).toMatchObject({ version: 0, ethnicGroup: null })
      const saved = await post(path, { ethnicGroup: 'white_british', religion: null, version: 0 })
      expect(saved.status).toBe(200)
      expect((await post(path, { ethnicGroup: 'white_irish', version: 0 })).status).toBe(409)
      const read = await get(path)
      expect(read.body).toMatchObject({ personId: applicant?.id, version: 1, ethnicGroup: 'white_british', religion: null })
      const reads = await world.db
        .selectFrom('audit_events')
        .where('subject_type', '=', 'person_sensitive_details')
        .where('subject_id', '=', applicant?.id ?? '')
        .where('action', '=', 'view')
        .where('actor_user_id', '=', world.users.basildonCaseworker.id)
        .where('actor_api_key_id', 'is not', null)
        .selectAll()
        .execute()
      expect(reads).toHaveLength(2)
      const timeline = await world.db.selectFrom('case_events').where('kind', '=', 'personal_details_recorded').selectAll().execute()
      expect(JSON.stringify(timeline)).not.toContain('white_british')
    })

    it('answers another authority’s case, and an unknown member, as not found', async () => {
      expect((await get('/cases/HAR-2026-00001/household')).status).toBe(404)
      expect((await post('/cases/HAR-2026-00001/household/members', leo)).status).toBe(404)
      const [applicant] = await members()
      expect((await get(`/cases/HAR-2026-00001/household/members/${applicant?.id ?? ''}/personal-details`)).status).toBe(404)
      expect((await post(`${base}/household/members/not-a-person`, { ...leo, version: 1 })).status).toBe(404)
    })

    it('lets only the officers running cases in, as the pages do', async () => {
      expect((await get(`${base}/household`, analystKey)).status).toBe(403)
      expect((await post(`${base}/household/members`, leo, analystKey)).status).toBe(403)
    })
  })

  describe('the assessment', () => {
    interface Assessment {
      version: number
      assessedOn: string | null
      sections: { section: string; status: string; answers: Record<string, unknown> | null }[]
      incomplete: string[]
    }
    const assessment = async () => (await get(`${base}/assessment`)).body as Assessment
    const section = (name: string, body: Record<string, unknown>, as = key) => post(`${base}/assessment/sections/${name}`, body, as)
    /** A child in the household, so support needs are asked for two people. */
    const childAdded = () => given(`${base}/household/members`, leo)
    const eligibilitySaved = async () =>
      given(`${base}/assessment/sections/eligibility`, { eligibility: 'eligible', version: (await assessment()).version })

    it('starts with every section not started', async () => {
      const response = await get(`${base}/assessment`)
      expect(response.status).toBe(200)
      const body = response.body as Assessment
      expect(body.version).toBe(0)
      expect(body.sections.map((s) => s.status)).toEqual(Array<string>(8).fill('not_started'))
      expect(body.incomplete).toHaveLength(8)
    })

    it('refuses a section with every problem at once, by path, and saves nothing', async () => {
      await childAdded()
      const empty = await section('homelessness', { version: 0 })
      expect(empty.status).toBe(422)
      expect(pathsOf(empty.body)).toEqual(['status', 'possessionNotice'])
      const dates = await section('homelessness', {
        status: 'threatened_within_56_days',
        expectedHomelessOn: '2026-04-01',
        possessionNotice: 'section_21',
        noticeServedOn: '2026-02-01',
        noticeExpiresOn: '2026-01-31',
        version: 0,
      })
      expect(dates.status).toBe(422)
      expect(pathsOf(dates.body)).toEqual(['noticeExpiresOn'])
      const [applicant, child] = await members()
      const needs = await section('support_needs', { needs: {}, version: 0 })
      expect(needs.status).toBe(422)
      expect(pathsOf(needs.body)).toEqual([`needs.${applicant?.id ?? ''}`, `needs.${child?.id ?? ''}`])
      expect(await countOnCase('case_assessments')).toBe(0)
    })

    it('keeps a section in progress when saved for later, and refuses a save on a stale version', async () => {
      expect((await section('eligibility', { complete: false, version: 0 })).status).toBe(200)
      expect((await assessment()).sections[0]).toMatchObject({ section: 'eligibility', status: 'in_progress' })
      const saved = await section('eligibility', { eligibility: 'eligible', version: 1 })
      expect(saved.status).toBe(200)
      const stale = await section('eligibility', { eligibility: 'not_yet_known', immigrationStatus: 'Unknown', version: 1 }, managerKey)
      expect(stale.status).toBe(409)
      expect(pathsOf(stale.body)).toEqual(['version'])
      expect((await assessment()).sections[0]).toMatchObject({ status: 'completed', answers: { eligibility: 'eligible' } })
    })

    it('refuses to complete with sections still to do, naming each section', async () => {
      await eligibilitySaved()
      const { version } = await assessment()
      const refused = await post(`${base}/assessment/completion`, { date: '2026-03-02', version })
      expect(refused.status).toBe(422)
      expect(pathsOf(refused.body)).toContain('sections.housing_needs')
      expect(pathsOf(refused.body)).not.toContain('sections.eligibility')
      expect((await assessment()).assessedOn).toBeNull()
    })

    it('saves every section and completes the assessment, bringing the case’s summary in step', async () => {
      await childAdded()
      await eligibilitySaved()
      const [applicant, child] = await members()
      const saves: [string, Record<string, unknown>][] = [
        [
          'homelessness',
          {
            status: 'threatened_within_56_days',
            expectedHomelessOn: '2026-03-20',
            possessionNotice: 'section_21',
            noticeServedOn: '2026-01-15',
            noticeExpiresOn: '2026-03-20',
            noticeValidity: 'valid',
            onlyAccommodation: 'yes',
          },
        ],
        [
          'circumstances',
          {
            lastSettledAccommodation: 'private_rented_self_contained',
            reasonForLoss: 'end_of_assured_shorthold_tenancy',
            circumstances: 'The landlord is selling the flat.',
          },
        ],
        ['accommodation', { accommodationAtApplication: 'private_rented_self_contained' }],
        ['housing_needs', { bedrooms: 2, location: 'Near the school in Pitsea' }],
        ['support_needs', { needs: { [applicant?.id ?? '']: ['mental_health'], [child?.id ?? '']: [] } }],
        ['employment', { applicantEmployment: 'part_time', housingCostBenefits: 'yes', livingCostBenefits: 'yes' }],
        ['strengths', { skills: 'Works part time at the school' }],
      ]
      for (const [name, body] of saves) {
        const { version } = await assessment()
        const response = await section(name, { ...body, version })
        expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBe(200)
      }
      const done = await assessment()
      expect(done.incomplete).toEqual([])
      expect(done.sections.find((s) => s.section === 'homelessness')?.answers).toMatchObject({ noticeServedOn: '2026-01-15' })
      expect(done.sections.find((s) => s.section === 'support_needs')?.answers).toEqual({
        [applicant?.id ?? '']: ['mental_health'],
        [child?.id ?? '']: [],
      })
      const future = await post(`${base}/assessment/completion`, { date: '2026-03-03', version: done.version })
      expect(future.status).toBe(422)
      expect(pathsOf(future.body)).toEqual(['date'])
      const stale = await post(`${base}/assessment/completion`, { date: '2026-03-02', version: done.version - 1 })
      expect(stale.status).toBe(409)
      const completed = await post(`${base}/assessment/completion`, { date: '2026-03-02', version: done.version })
      expect(completed.status).toBe(200)
      expect((await assessment()).assessedOn).toBe('2026-03-02')
      const summary = await world.db.selectFrom('cases').where('reference', '=', kase.reference).selectAll().executeTakeFirstOrThrow()
      expect(summary).toMatchObject({ housing_status: 'private_rented_self_contained', support_needs: ['mental_health'] })
    })

    it('answers another authority’s case as not found, and other roles as forbidden', async () => {
      expect((await get('/cases/HAR-2026-00001/assessment')).status).toBe(404)
      expect((await post('/cases/HAR-2026-00001/assessment/sections/eligibility', { eligibility: 'eligible', version: 0 })).status).toBe(
        404,
      )
      expect((await post('/cases/HAR-2026-00001/assessment/completion', { date: '2026-03-02', version: 0 })).status).toBe(404)
      expect((await get(`${base}/assessment`, analystKey)).status).toBe(403)
    })
  })

  describe('the housing plan, activities and contacts', () => {
    interface Plan {
      plan: { version: number; agreement: string | null; lastReviewedOn: string | null; nextReviewOn: string } | null
      steps: { id: string; owner: string; text: string; status: string; dueOn: string }[]
      mayMakePlan: boolean
    }
    const plan = async () => (await get(`${base}/plan`)).body as Plan
    const version = async () => (await plan()).plan?.version ?? -1
    const planMade = () => given(`${base}/plan`, { date: '2026-03-02' })
    /** The applicant's step and the council's, as the caseworker adds them. */
    const stepsAdded = async () =>
      given(`${base}/plan/steps`, {
        steps: [
          { owner: 'applicant', text: 'Register with three letting agents', due: '2026-03-16', library: 'register_letting_agents' },
          { owner: 'council', ownerName: 'Priya Shah', text: 'Ask the landlord to wait', due: '2026-03-09' },
        ],
        version: await version(),
      })

    it('makes the plan once, on a date that may be', async () => {
      expect(await plan()).toMatchObject({ plan: null, steps: [], mayMakePlan: true })
      const future = await post(`${base}/plan`, { date: '2026-03-03' })
      expect(future.status).toBe(422)
      expect((future.body as ApiErrors).errors).toEqual([{ path: 'date', message: 'The date of the plan must be today or in the past' }])
      expect((await post(`${base}/plan`, { date: '2026-03-02' })).status).toBe(200)
      expect((await plan()).plan).toMatchObject({ agreement: null, nextReviewOn: expect.any(String) as string })
      expect((await post(`${base}/plan`, { date: '2026-03-02' })).status).toBe(409)
    })

    it('adds steps all together or not at all, naming each wrong step by its place', async () => {
      await planMade()
      const steps = [
        { owner: 'applicant', text: 'Register with three letting agents', due: '2026-03-16', library: 'register_letting_agents' },
        { owner: 'council', ownerName: '', text: ' ', due: '2026-03-01' },
      ]
      const refused = await post(`${base}/plan/steps`, { steps, version: await version() })
      expect(refused.status).toBe(422)
      expect(pathsOf(refused.body)).toEqual(['steps[1].text', 'steps[1].ownerName', 'steps[1].due'])
      expect(await countOnCase('housing_plan_steps')).toBe(0)
      const stale = await post(`${base}/plan/steps`, { steps: [steps[0]], version: (await version()) - 1 })
      expect(stale.status).toBe(409)
      const added = await post(`${base}/plan/steps`, {
        steps: [steps[0], { owner: 'council', ownerName: 'Priya Shah', text: 'Ask the landlord to wait', due: '2026-03-09' }],
        version: await version(),
      })
      expect(added.status).toBe(200)
      expect((await plan()).steps.map((s) => s.owner)).toEqual(['applicant', 'council'])
    })

    it('changes a step, refusing a change on a stale version or to an unknown step', async () => {
      await planMade()
      await stepsAdded()
      const [step] = (await plan()).steps
      const change = { text: 'Register with four letting agents', due: '2026-03-16', status: 'in_progress' }
      const stale = await post(`${base}/plan/steps/${step?.id ?? ''}`, { ...change, version: (await version()) - 1 })
      expect(stale.status).toBe(409)
      const wrong = await post(`${base}/plan/steps/${step?.id ?? ''}`, { ...change, text: '', version: await version() })
      expect(pathsOf(wrong.body)).toEqual(['text'])
      expect((await post(`${base}/plan/steps/${step?.id ?? ''}`, { ...change, version: await version() })).status).toBe(200)
      expect((await plan()).steps[0]).toMatchObject({ text: 'Register with four letting agents', status: 'in_progress' })
      expect((await post(`${base}/plan/steps/not-a-step`, { ...change, version: await version() })).status).toBe(404)
    })

    it('records the applicant’s disagreement with its reasons, and a review', async () => {
      await planMade()
      await stepsAdded()
      const withoutReasons = await post(`${base}/plan/agreement`, { agreement: 'disagreed', date: '2026-03-02', version: await version() })
      expect(withoutReasons.status).toBe(422)
      expect(pathsOf(withoutReasons.body)).toEqual(['reasons'])
      const agreed = await post(`${base}/plan/agreement`, {
        agreement: 'disagreed',
        reasons: 'Wants to stay in Pitsea',
        date: '2026-03-02',
        version: await version(),
      })
      expect(agreed.status).toBe(200)
      const early = await post(`${base}/plan/reviews`, { date: '2026-02-01', version: await version() })
      expect(early.status).toBe(422)
      expect(pathsOf(early.body)).toEqual(['date'])
      expect((await post(`${base}/plan/reviews`, { date: '2026-03-02', version: await version() })).status).toBe(200)
      expect((await plan()).plan).toMatchObject({ agreement: 'disagreed', lastReviewedOn: '2026-03-02' })
    })

    it('records an activity and a contact, kept apart, with every problem at once', async () => {
      const refused = await post(`${base}/activities`, {
        activity: 'negotiation_mediation_advocacy_prevent_eviction',
        doneBy: '',
        note: 'x'.repeat(2001),
        date: '2026-03-03',
      })
      expect(refused.status).toBe(422)
      expect(pathsOf(refused.body)).toEqual(['doneBy', 'note', 'date'])
      expect(await countOnCase('case_activities')).toBe(0)
      const activity = await post(`${base}/activities`, {
        activity: 'negotiation_mediation_advocacy_prevent_eviction',
        doneBy: 'Priya Shah',
        date: '2026-03-02',
      })
      expect(activity.status).toBe(200)
      const noDirection = await post(`${base}/contacts`, { kind: 'phone_call', date: '2026-03-02' })
      expect(pathsOf(noDirection.body)).toEqual(['direction'])
      expect((await post(`${base}/contacts`, { kind: 'phone_call', direction: 'to_household', date: '2026-03-02' })).status).toBe(200)
      const both = await get(`${base}/activities`)
      expect(both.status).toBe(200)
      expect(both.body).toMatchObject({
        activities: [{ activity: 'negotiation_mediation_advocacy_prevent_eviction', duty: 'prevention', doneBy: 'Priya Shah' }],
        contacts: [{ kind: 'phone_call', direction: 'to_household', contactOn: '2026-03-02', recordedBy: 'Priya Shah' }],
      })
    })

    it('answers another authority’s case as not found', async () => {
      expect((await get('/cases/HAR-2026-00001/plan')).status).toBe(404)
      expect((await get('/cases/HAR-2026-00001/activities')).status).toBe(404)
      expect((await post('/cases/HAR-2026-00001/plan', { date: '2026-03-02' })).status).toBe(404)
      expect((await post('/cases/HAR-2026-00001/plan/reviews', { date: '2026-03-02', version: 1 })).status).toBe(404)
      expect((await post('/cases/HAR-2026-00001/contacts', { kind: 'email', direction: 'to_household', date: '2026-03-02' })).status).toBe(
        404,
      )
    })
  })

  describe('letters', () => {
    interface Letters {
      letters: { id: string; kind: string; eventId: string | null; replacesLetterId: string | null }[]
      withoutLetter: { eventId: string; letterKind: string }[]
    }
    // A completed assessment has its own letter (s189A(3)); these tests are about decisions' letters.
    const decisionLetters = async () =>
      ((await get(`${base}/letters`)).body as Letters).letters.filter((l) => l.kind !== 'assessment_notification')
    /** A decision recorded before letters existed: the prevention duty accepted on 1 February. */
    const decisionWithoutLetter = async () =>
      (
        await world.db
          .insertInto('case_events')
          .values({
            case_id: kase.id,
            authority_id: world.ids.basildon,
            kind: 'accept_prevention_duty',
            occurred_on: '2026-02-01',
            recorded_at: '2026-02-01T10:00:00Z',
            recorded_by: world.users.basildonCaseworker.id,
            details: JSON.stringify({ stage: 'prevention' }),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    /** That decision, with its letter issued. */
    const decisionWithLetter = async () => {
      const eventId = await decisionWithoutLetter()
      await given(`${base}/letters`, { eventId })
      return eventId
    }

    it('lists a decision without a letter, and issues it', async () => {
      const eventId = await decisionWithoutLetter()
      const before = (await get(`${base}/letters`)).body as Letters
      expect(before.withoutLetter).toEqual([expect.objectContaining({ eventId, letterKind: 'prevention_duty_owed' })])
      const lettersBefore = await count('case_letters')
      const tooLong = await post(`${base}/letters`, { eventId, reasons: 'x'.repeat(5001) })
      expect(tooLong.status).toBe(422)
      expect(pathsOf(tooLong.body)).toEqual(['reasons'])
      expect(await count('case_letters')).toBe(lettersBefore)
      const issued = await post(`${base}/letters`, { eventId })
      expect(issued.status).toBe(200)
      const again = await post(`${base}/letters`, { eventId })
      expect(again.status).toBe(422)
      expect((again.body as ApiErrors).errors).toEqual([
        { path: 'eventId', message: 'This decision already has a letter: open it to issue a corrected one' },
      ])
      const after = (await get(`${base}/letters`)).body as Letters
      expect(after.withoutLetter).toEqual([])
      expect(await decisionLetters()).toEqual([expect.objectContaining({ id: (issued.body as { id: string }).id, eventId })])
    })

    it('reads one letter as text and HTML, auditing the read, and issues a correction', async () => {
      const eventId = await decisionWithLetter()
      const [first] = await decisionLetters()
      const letter = await get(`${base}/letters/${first?.id ?? ''}`, analystKey)
      expect(letter.status).toBe(200)
      expect(letter.body).toMatchObject({ kind: 'prevention_duty_owed', reference: kase.reference, decidedOn: '2026-02-01' })
      const body = letter.body as { text: string; html: string }
      expect(body.text).toContain('Dear Jade Turner')
      expect(body.html).toContain('Jade Turner')
      const reads = await world.db
        .selectFrom('audit_events')
        .where('subject_type', '=', 'case_letter')
        .where('subject_id', '=', first?.id ?? '')
        .where('action', '=', 'view')
        .where('actor_user_id', '=', world.users.basildonAnalyst.id)
        .selectAll()
        .execute()
      expect(reads).toHaveLength(1)
      expect((await post(`${base}/letters`, { eventId, replacesLetterId: first?.id }, analystKey)).status).toBe(403)
      const corrected = await post(`${base}/letters`, { eventId, replacesLetterId: first?.id, reasons: 'Corrected date.' })
      expect(corrected.status).toBe(200)
      const list = await decisionLetters()
      expect(list).toHaveLength(2)
      expect(list.find((l) => l.id === (corrected.body as { id: string }).id)?.replacesLetterId).toBe(first?.id)
    })

    it('answers another authority’s case, and another case’s letter, as not found', async () => {
      const eventId = await decisionWithLetter()
      const [first] = ((await get(`${base}/letters`)).body as Letters).letters
      expect((await get('/cases/HAR-2026-00001/letters')).status).toBe(404)
      expect((await get(`/cases/HAR-2026-00001/letters/${first?.id ?? ''}`)).status).toBe(404)
      expect((await get(`${base}/letters/not-a-letter`)).status).toBe(404)
      expect((await post('/cases/HAR-2026-00001/letters', { eventId })).status).toBe(404)
    })
  })
})
