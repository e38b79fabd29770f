import { describe, expect, it } from 'vitest'
import { asActor, type Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * The household of BAS-2026-00001 (applicant Jade Turner). The world's clock stands at 2 March 2026.
 * The tests share one world, so a test that needs a member or details adds them itself when no earlier
 * test has: any one of them can be run alone.
 */
describe.each(testDatabaseKinds())('the household on $name', (kind) => {
  const current = useWorld(kind)
  const page = '/cases/BAS-2026-00001/household'

  async function post(agent: Agent, path: string, fields: Record<string, string>) {
    const form = await agent.get(path)
    const version = /name="version" id="version" value="(\d+)"/.exec(form.text)?.[1]
    return agent
      .post(path)
      .type('form')
      .send({ ...(version ? { version } : {}), ...fields, _csrf: csrfTokenOf(form.text) })
  }
  const people = () =>
    current()
      .db.selectFrom('people')
      .where('household_id', 'in', current().db.selectFrom('cases').select('household_id').where('reference', '=', 'BAS-2026-00001'))
      .selectAll()
      .execute()
  const child = { givenName: 'Leo', familyName: 'Turner', relationship: 'child', dobDay: '3', dobMonth: '9', dobYear: '2015', sex: 'male' }

  it('refuses a field sent more than once rather than saving it as empty, naming the field', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const form = await caseworker.get(`${page}/add`)
    const before = (await people()).length
    const fields = new URLSearchParams({ ...child, givenName: 'Repeated', _csrf: csrfTokenOf(form.text) })
    fields.append('relationship', 'partner')
    const sent = await caseworker.post(`${page}/add`).type('form').send(fields.toString())
    expect(sent.status).toBe(400)
    expect(sent.text).toContain('govuk-error-summary')
    expect(sent.text).toContain('The field &quot;relationship&quot; was sent more than once: it takes one value')
    expect((await people()).length).toBe(before)
  })

  async function member(givenName: string) {
    const named = async () => (await people()).find((p) => p.given_name === givenName)
    const found = await named()
    if (found) return found
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const added = await post(caseworker, `${page}/add`, { ...child, givenName })
    if (added.status !== 303) throw new Error(`could not add ${givenName}: ${String(added.status)}`)
    const made = await named()
    if (!made) throw new Error(`no ${givenName}`)
    return made
  }

  async function applicantWithDetails() {
    const applicant = (await people()).find((p) => p.is_applicant)
    if (!applicant) throw new Error('no applicant')
    const saved = await current().db.selectFrom('person_sensitive_details').select('person_id').execute()
    if (saved.length > 0) return applicant
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const sent = await post(caseworker, `${page}/${applicant.id}/personal-details`, {
      ethnicGroup: 'white_irish',
      nationality: 'irish',
      religion: 'none',
      disability: 'no',
    })
    if (sent.status !== 303) throw new Error(`could not save the personal details: ${String(sent.status)}`)
    return applicant
  }

  it('lists every problem and saves nothing when the member is wrong', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const missing = await post(caseworker, `${page}/add`, { givenName: '', familyName: '', dobDay: '', dobMonth: '', dobYear: '' })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('There is a problem')
    expect(missing.text).toContain('Enter their first name')
    expect(missing.text).toContain('Select their relationship to the applicant')
    expect(missing.text).toContain('Enter the date of birth')
    expect(missing.text).toContain('href="#dateOfBirth-dobDay"')
    const future = await post(caseworker, `${page}/add`, { ...child, dobDay: '3', dobMonth: '3', dobYear: '2026' })
    expect(future.status).toBe(400)
    expect(future.text).toContain('Date of birth must be today or in the past')
    expect(future.text).toContain('value="Leo"')
    const ancient = await post(caseworker, `${page}/add`, { ...child, dobYear: '1900' })
    expect(ancient.status).toBe(400)
    expect(ancient.text).toContain('no one can be older than 120')
    expect(await people()).toHaveLength(1)
  })

  it('adds a member, shown on the case page, with the change in the timeline and the audit trail', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const added = await post(caseworker, `${page}/add`, child)
    expect(added.status).toBe(303)
    const members = await people()
    expect(members).toHaveLength(2)
    const leo = members.find((p) => p.given_name === 'Leo')
    expect(leo).toMatchObject({ relationship_to_applicant: 'child', date_of_birth: '2015-09-03', sex: 'male', is_applicant: false })
    const casePage = (await caseworker.get('/cases/BAS-2026-00001')).text
    expect(casePage).toContain('Leo Turner')
    expect(casePage).toContain('Household member added')
    expect(casePage).toContain('href="/cases/BAS-2026-00001/household"')
    const audit = await current()
      .db.selectFrom('audit_events')
      .where('subject_type', '=', 'person')
      .where('subject_id', '=', leo?.id ?? '')
      .selectAll()
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['update'])
  })

  it('changes a member, refusing a birth in the future', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const leo = await member('Leo')
    const refused = await post(caseworker, `${page}/${leo.id}`, { ...child, dobYear: '2027' })
    expect(refused.status).toBe(400)
    expect((await people()).find((p) => p.id === leo.id)?.date_of_birth).toBe('2015-09-03')
    const changed = await post(caseworker, `${page}/${leo.id}`, { ...child, givenName: 'Leon' })
    expect(changed.status).toBe(303)
    expect((await people()).find((p) => p.id === leo.id)?.given_name).toBe('Leon')
  })

  it('refuses a second officer’s change over the first, telling them to reload', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const manager = await signedInAgent(current().app, current().users.basildonManager.email)
    const leo = await member('Leon')
    const path = `${page}/${leo.id}`
    const first = await caseworker.get(path)
    const second = await manager.get(path)
    const send = (agent: Agent, form: string, givenName: string) =>
      agent
        .post(path)
        .type('form')
        .send({ ...child, givenName, version: String(leo.version), _csrf: csrfTokenOf(form) })
    expect((await send(caseworker, first.text, 'Leonard')).status).toBe(303)
    const refused = await send(manager, second.text, 'Leo')
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('Someone else changed these details after you opened them. Reload the page')
    expect((await people()).find((p) => p.id === leo.id)?.given_name).toBe('Leonard')
  })

  it('records personal details apart, auditing every read of them', async () => {
    const caseworker = await signedInAgent(current().app, current().users.basildonCaseworker.email)
    const applicant = (await people()).find((p) => p.is_applicant)
    if (!applicant) throw new Error('no applicant')
    const path = `${page}/${applicant.id}/personal-details`
    const wrong = await post(caseworker, path, { ethnicGroup: 'martian' })
    expect(wrong.status).toBe(400)
    expect(await current().db.selectFrom('person_sensitive_details').selectAll().execute()).toHaveLength(0)
    const saved = await post(caseworker, path, { ethnicGroup: 'white_irish', nationality: 'irish', religion: 'none', disability: 'no' })
    expect(saved.status).toBe(303)
    const shown = await caseworker.get(path)
    expect(shown.text).toMatch(/<option value="white_irish" selected>/)
    const reads = await current()
      .db.selectFrom('audit_events')
      .where('subject_type', '=', 'person_sensitive_details')
      .where('action', '=', 'view')
      .selectAll()
      .execute()
    // Two form loads before posting, one after, and the error page: every read of the details is audited.
    expect(reads.length).toBe(4)
    expect(reads.every((r) => r.subject_id === applicant.id)).toBe(true)
  })

  it('hides the personal details from an analyst and an administrator in the database itself', async () => {
    await applicantWithDetails()
    const { users, ids, db } = current()
    const as = (role: Actor['role'], userId: string, organisationId: string): Actor =>
      ({ kind: 'user', userId, organisationId, role, label: role }) as Actor
    const read = (actor: Actor) => asActor(db, actor, (trx) => trx.selectFrom('person_sensitive_details').selectAll().execute())
    expect(await read(as('caseworker', users.basildonCaseworker.id, ids.basildon))).toHaveLength(1)
    expect(await read(as('team_manager', users.basildonManager.id, ids.basildon))).toHaveLength(1)
    expect(await read(as('analyst', users.basildonAnalyst.id, ids.basildon))).toHaveLength(0)
    expect(await read(as('administrator', users.basildonAdmin.id, ids.basildon))).toHaveLength(0)
    expect(await read(as('caseworker', users.harlowCaseworker.id, ids.harlow))).toHaveLength(0)
    const analyst = await signedInAgent(current().app, users.basildonAnalyst.email)
    expect((await analyst.get(page)).status).toBe(403)
  })

  it('shows another authority nothing: 404', async () => {
    const harlow = await signedInAgent(current().app, current().users.harlowCaseworker.email)
    expect((await harlow.get(page)).status).toBe(404)
    const leo = (await people()).find((p) => p.given_name === 'Leonard')
    expect((await harlow.get(`${page}/${leo?.id ?? ''}/personal-details`)).status).toBe(404)
  })
})
