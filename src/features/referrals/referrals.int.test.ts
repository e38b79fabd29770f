import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'
import { SELF_REFERRAL_LIMITS } from './intake.ts'

/** A complete partner referral to Harlow, as the form sends it (the world's today is 2 March 2026). */
const FORM = {
  'consent.toReferral': 'yes',
  'consent.toShareContactDetails': 'yes',
  'consent.authorityChosenByPerson': 'yes',
  localAuthority: 'E07000073',
  'person.givenName': 'Robin',
  'person.familyName': 'Ashby',
  'person.dateOfBirth-day': '14',
  'person.dateOfBirth-month': '7',
  'person.dateOfBirth-year': '1979',
  'person.phone': '07700 900456',
  'person.preferredContact': 'phone',
  reason: 'threatened_within_56_days',
  'expectedHomelessOn-day': '20',
  'expectedHomelessOn-month': '3',
  'expectedHomelessOn-year': '2026',
  'dischargeOrReleaseOn-day': '6',
  'dischargeOrReleaseOn-month': '3',
  'dischargeOrReleaseOn-year': '2026',
  'household.adults': '1',
  'household.children': '0',
  supportNeeds: 'mental_health',
  risks: 'Lives alone; ward staff to be told before any visit',
  'referrer.name': 'Ana Nurse',
  'referrer.role': 'Discharge coordinator',
  'referrer.email': 'discharge@hospital.test',
}

describe.each(testDatabaseKinds())('the referral route on $name', (kind) => {
  const current = useWorld(kind)
  const referralsTo = async (authorityId: string) =>
    (await current().db.selectFrom('referrals').where('authority_id', '=', authorityId).select('id').execute()).length

  async function submit(agent: Agent, path: string, fields: Record<string, string>) {
    const page = await agent.get(path)
    return agent
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(page.text) })
  }

  async function step(agent: Agent, id: string, fields: Record<string, string>) {
    const page = await agent.get(`/referrals/${id}`)
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? ''
    return agent
      .post(`/referrals/${id}/steps`)
      .type('form')
      .send({ version, ...fields, _csrf: csrfTokenOf(page.text) })
  }

  it('refuses a referral without consent, explaining what consent means, and keeps nothing about the person', async () => {
    const referrer = await signedInAgent(current().app, current().users.hospitalReferrer.email)
    const before = await referralsTo(current().ids.harlow)
    const { ['consent.toReferral']: _dropped, ...withoutConsent } = FORM
    const response = await submit(referrer, '/referrals/new', { ...withoutConsent, 'person.email': 'not an email' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toContain('href="#consent-toReferral"')
    expect(response.text).toContain('Consent means they understand')
    expect(response.text).toContain('href="#person-email"')
    expect(await referralsTo(current().ids.harlow)).toBe(before)
    const attempt = await current()
      .db.selectFrom('referral_attempts')
      .where('result', '=', 'refused')
      .select(['problems', 'channel'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(attempt).toEqual({ channel: 'web', problems: ['consent.toReferral', 'person.email'] })
  })

  it('tells the partner form every problem at once, those across its fields included', async () => {
    const referrer = await signedInAgent(current().app, current().users.hospitalReferrer.email)
    const before = await referralsTo(current().ids.harlow)
    // No first name, and 1 June is more than 56 days after the world's 2 March: both are said at once.
    const response = await submit(referrer, '/referrals/new', {
      ...FORM,
      'person.givenName': '',
      'expectedHomelessOn-day': '1',
      'expectedHomelessOn-month': '6',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('href="#person-givenName"')
    expect(response.text).toContain('That date is more than 56 days away')
    expect(await referralsTo(current().ids.harlow)).toBe(before)
  })

  it('takes a referral from the partner form, and the authority acknowledges, converts and records the outcome the referrer then sees', async () => {
    const referrer = await signedInAgent(current().app, current().users.hospitalReferrer.email)
    const sent = await submit(referrer, '/referrals/new', FORM)
    expect(sent.status).toBe(200)
    const reference = /REF-[A-Z0-9]{8}/.exec(sent.text)?.[0] ?? ''
    expect(reference).not.toBe('')
    const { id } = await current().db.selectFrom('referrals').where('reference', '=', reference).select('id').executeTakeFirstOrThrow()

    const officer = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    const inbox = await officer.get('/referrals')
    expect(inbox.text).toContain(reference)
    expect(inbox.text).toContain('Within target')

    expect((await step(officer, id, { action: 'acknowledge' })).status).toBe(303)
    const refused = await step(officer, id, { action: 'record_outcome', outcome: 'prevention_duty_accepted' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Record contact with the person, or open an approach')

    const convertPage = await officer.get(`/referrals/${id}/convert`)
    expect(convertPage.status).toBe(200)
    expect(convertPage.text).toContain('value="Robin"')
    const version = /name="version" value="(\d+)"/.exec(convertPage.text)?.[1] ?? ''
    const opened = await officer
      .post(`/referrals/${id}/convert`)
      .type('form')
      .send({
        version,
        givenName: 'Robin',
        familyName: 'Ashby',
        dobDay: '14',
        dobMonth: '7',
        dobYear: '1979',
        approachedDay: '2',
        approachedMonth: '3',
        approachedYear: '2026',
        channel: 'referral',
        emergencies: 'hospital_discharge',
        _csrf: csrfTokenOf(convertPage.text),
      })
    expect(opened.status).toBe(303)
    const caseReference = decodeURIComponent(String(opened.headers['location']).replace('/cases/', ''))
    const kase = await current()
      .db.selectFrom('cases')
      .where('reference', '=', caseReference)
      .select(['id', 'referral_route', 'support_needs'])
      .executeTakeFirstOrThrow()
    expect(kase).toMatchObject({ referral_route: 'partner_referral', support_needs: ['mental_health'] })
    expect((await officer.get(`/cases/${caseReference}`)).text).toContain(
      `Opened from referral <a class="govuk-link" href="/referrals/${id}">${reference}</a>`,
    )

    expect(
      (await step(officer, id, { action: 'record_outcome', outcome: 'prevention_duty_accepted', details: 'Prevention duty from 2 March' }))
        .status,
    ).toBe(303)
    const page = await officer.get(`/referrals/${id}`)
    expect(
      (
        await officer
          .post(`/referrals/${id}/messages`)
          .type('form')
          .send({ message: 'We have spoken to Robin and opened a case.', _csrf: csrfTokenOf(page.text) })
      ).status,
    ).toBe(303)

    const seen = await referrer.get(`/referrals/${id}`)
    expect(seen.text).toContain('Assessed')
    expect(seen.text).toContain('Prevention duty accepted')
    expect(seen.text).toContain('We have spoken to Robin and opened a case.')
    // The referrer sees the referral's outcome, never the case.
    expect(seen.text).not.toContain(caseReference)
    expect((await referrer.get(`/cases/${caseReference}`)).status).toBe(403)

    const referral = await current().db.selectFrom('referrals').where('id', '=', id).selectAll().executeTakeFirstOrThrow()
    expect(referral).toMatchObject({ status: 'assessed', outcome: 'prevention_duty_accepted', case_id: kase.id })
    expect(referral.acknowledged_at).not.toBeNull()
    expect(referral.first_contact_at).not.toBeNull()
    const kinds = await current().db.selectFrom('outbox_messages').where('about_id', '=', id).select('kind').execute()
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['referral_receipt_to_referrer', 'referral_outcome_to_referrer', 'referral_message']),
    )
  })

  it('lets another referring organisation see nothing of the referral', async () => {
    const prison = await signedInAgent(current().app, current().users.prisonReferrer.email)
    expect((await prison.get(`/referrals/${current().ids.hospitalReferralToBasildon}`)).status).toBe(404)
    const other = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await other.get(`/referrals/${current().ids.hospitalReferralToBasildon}`)).status).toBe(404)
  })

  it('shows likely duplicates side by side before a new approach is opened', async () => {
    const referrer = await signedInAgent(current().app, current().users.prisonReferrer.email)
    const again = await submit(referrer, '/referrals/new', {
      ...FORM,
      'person.givenName': 'Rob',
      'person.phone': '+44 7700 900456',
      'referrer.name': 'Ola Reid',
      'referrer.email': 'resettlement@prison.test',
      'dischargeOrReleaseOn-day': '',
      'dischargeOrReleaseOn-month': '',
      'dischargeOrReleaseOn-year': '',
    })
    expect(again.status).toBe(200)
    const reference = /REF-[A-Z0-9]{8}/.exec(again.text)?.[0] ?? ''
    const { id } = await current().db.selectFrom('referrals').where('reference', '=', reference).select('id').executeTakeFirstOrThrow()
    const officer = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    const page = await officer.get(`/referrals/${id}/convert`)
    expect(page.text).toContain('Possibly the same person')
    expect(page.text).toContain('Same name and date of birth')
    expect(page.text).toContain('Same phone number')
    expect(page.text).toMatch(/Link to case HAR-2026-\d+/)
  })

  it('takes a self-referral without signing in, refuses HTML and throttles a flood from one address', async () => {
    const publicAgent = request.agent(current().app)
    const before = await referralsTo(current().ids.basildon)
    const self = {
      ...FORM,
      localAuthority: 'E07000066',
      'person.email': 'robin@example.org',
      'person.preferredContact': 'email',
      'referrer.name': '',
      'referrer.role': '',
      'referrer.email': '',
    }
    const hostile = await submit(publicAgent, '/refer-yourself', { ...self, 'person.givenName': '<script>alert(1)</script>' })
    expect(hostile.status).toBe(400)
    expect(hostile.text).toContain('must not contain HTML tags')
    expect(hostile.text).not.toContain('<script>alert(1)</script>')

    const sent = await submit(publicAgent, '/refer-yourself', self)
    expect(sent.status).toBe(200)
    expect(sent.text).toMatch(/REF-[A-Z0-9]{8}/)
    const outbox = await current()
      .db.selectFrom('outbox_messages')
      .where('kind', '=', 'referral_receipt_to_person')
      .select(['recipient', 'body'])
      .execute()
    expect(outbox).toContainEqual(expect.objectContaining({ recipient: 'robin@example.org' }))

    let last = sent
    for (let i = 0; i < SELF_REFERRAL_LIMITS.perHour; i++) last = await submit(publicAgent, '/refer-yourself', self)
    expect(last.status).toBe(429)
    expect(last.text).toContain('Too many referrals from this connection')
    // Two went through (the hostile one was refused), and none of the flood beyond the limit.
    expect(await referralsTo(current().ids.basildon)).toBe(before + SELF_REFERRAL_LIMITS.perHour - 1)
  })

  it('refuses a self-referral larger than the form can send', async () => {
    const publicAgent = request.agent(current().app)
    const response = await submit(publicAgent, '/refer-yourself', { notes: 'x'.repeat(30_000) })
    expect(response.status).toBe(413)
  })

  it('shows a programme lead the figures of every authority it leads, and no referral', async () => {
    const { db, ids } = current()
    const county = await db
      .insertInto('organisations')
      .values({ type: 'county_council', name: 'Essex County Council', ons_code: 'E10000012' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.updateTable('organisations').set({ parent_id: county.id }).where('id', 'in', [ids.basildon, ids.harlow]).execute()
    const hash = (
      await db.selectFrom('users').where('id', '=', current().users.basildonAnalyst.id).select('password_hash').executeTakeFirstOrThrow()
    ).password_hash
    await db
      .insertInto('users')
      .values({ organisation_id: county.id, role: 'analyst', email: 'an@essex.test', display_name: 'Helen Marsh', password_hash: hash })
      .execute()
    const lead = await signedInAgent(current().app, 'an@essex.test')
    const figures = await lead.get('/referrals/figures?period=all')
    expect(figures.status).toBe(200)
    expect(figures.text).toContain('Basildon Borough Council, Harlow Council')
    const all = await db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(figures.text).toContain(`<td class="govuk-table__cell govuk-table__cell--numeric">${String(Number(all.n))}</td>`)
    expect((await lead.get(`/referrals/${ids.hospitalReferralToBasildon}`)).status).toBe(403)
  })

  it('shows the referral figures and lets a team manager set the response target', async () => {
    const analyst = await signedInAgent(current().app, current().users.basildonAnalyst.email)
    const figures = await analyst.get('/referrals/figures?period=all')
    expect(figures.status).toBe(200)
    expect(figures.text).toContain('By setting')
    expect(figures.text).toContain('Health')

    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    expect((await submit(manager, '/referrals/settings', { targetWorkingDays: '0', contactEmail: 'x' })).status).toBe(400)
    expect((await submit(manager, '/referrals/settings', { targetWorkingDays: '3', contactEmail: 'options@basildon.test' })).status).toBe(
      303,
    )
    const settings = await current()
      .db.selectFrom('organisations')
      .where('id', '=', current().ids.basildon)
      .select(['referral_target_working_days', 'referral_contact_email'])
      .executeTakeFirstOrThrow()
    expect(settings).toEqual({ referral_target_working_days: 3, referral_contact_email: 'options@basildon.test' })
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    expect((await caseworker.get('/referrals/settings')).status).toBe(403)
  })
})
