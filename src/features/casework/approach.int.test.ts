import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

const VALID = {
  givenName: 'Jade',
  familyName: 'Turner',
  dobDay: '14',
  dobMonth: '5',
  dobYear: '1988',
  sex: 'female',
  approachedDay: '2',
  approachedMonth: '3',
  approachedYear: '2026',
  channel: 'phone',
  referralRoute: 'proactive',
  emergencies: 'rough_sleeping_tonight',
}

/** The world's clock stands at 2 March 2026; Basildon already has case BAS-2026-00001, for Jade Turner born 14 May 1988. */
describe.each(testDatabaseKinds())('recording a new approach on $name', (kind) => {
  const current = useWorld(kind)
  const countCases = async () =>
    (
      await current()
        .db.selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n

  async function submit(agent: Agent, fields: Record<string, string | string[]>) {
    const form = await agent.get('/cases/new')
    return agent
      .post('/cases/new')
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(form.text) })
  }

  it('opens a case at approach with the next reference, the officer named, triage recorded, and a repeat approach recognised', async () => {
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const form = await agent.get('/cases/new')
    expect(form.status).toBe(200)
    expect(form.text).toContain('value="2026"') // today is prefilled as the date of approach
    const response = await submit(agent, VALID)
    expect(response.status).toBe(303)
    expect(response.headers['location']).toBe('/cases/BAS-2026-00002')
    const created = await current().db.selectFrom('cases').selectAll().where('reference', '=', 'BAS-2026-00002').executeTakeFirstOrThrow()
    expect(created).toMatchObject({
      stage: 'approach',
      officer_id: current().users.basildonCaseworker.id,
      approach_channel: 'phone',
      referral_route: 'proactive',
      emergencies: ['rough_sleeping_tonight'],
    })
    const page = await agent.get('/cases/BAS-2026-00002')
    expect(page.text).toContain('Triage found: rough sleeping tonight')
    expect(page.text).toContain('Repeat approach')
    expect(page.text).toContain('BAS-2026-00001')
    expect(page.text).toContain('Approach recorded')
    const next = await submit(agent, { ...VALID, familyName: 'Osei', emergencies: [] })
    expect(next.headers['location']).toBe('/cases/BAS-2026-00003')
  })

  it.each([
    [{ givenName: '' }, 'Enter the applicant’s first name'],
    [{ dobDay: '', dobMonth: '', dobYear: '' }, 'Enter the date of birth'],
    [{ dobDay: '3', dobMonth: '3', dobYear: '2026' }, 'Date of birth must be in the past'],
    [{ dobDay: '3', dobMonth: '3', dobYear: '2015' }, 'The applicant must be 16 or over'],
    [{ approachedDay: '3' }, 'Date of approach must be today or in the past'],
    [{ approachedMonth: '13' }, 'Date of approach must be a real date'],
    [{ channel: '' }, 'Select how they approached'],
    [{ channel: 'carrier_pigeon' }, 'Select how they approached'],
    [{ referralRoute: '' }, 'Select how the household came to us'],
    [{ referralRoute: 'walked_in' }, 'Select how the household came to us'],
    [{ channel: 'referral', referralRoute: 'self_referral' }, 'Another organisation referred them, so this is not a self-referral'],
    [{ emergencies: 'alien_invasion' }, 'Select only the emergencies listed'],
  ])('refuses %j with a GOV.UK error, keeping what was typed and saving nothing', async (change, message) => {
    const agent = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const before = await countCases()
    const response = await submit(agent, { ...VALID, ...change })
    expect(response.status).toBe(400)
    expect(response.text).toContain('govuk-error-summary')
    expect(response.text).toContain(message)
    expect(response.text).toContain('value="Turner"')
    expect(await countCases()).toBe(before)
  })

  it('lets only housing authorities’ caseworkers and managers open cases', async () => {
    const mentor = await signedInAgent(current().app, current().users.phoenixMentor.email)
    const before = await countCases()
    expect((await submit(mentor, VALID)).status).toBe(403)
    const analyst = await signedInAgent(current().app, current().users.basildonAnalyst.email)
    expect((await analyst.get('/cases/new')).status).toBe(403)
    expect(await countCases()).toBe(before)
  })
})
