import http from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { PASSWORD, useWorld, type World } from '../../test-support/world.ts'

/** The name=value pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookieOf(setCookie: string | string[] | undefined): string {
  const all = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]
  return all.map((c) => c.split(';')[0] ?? '').join('; ')
}

const CASES = [
  'case_ref,household_ref,district,referral_date,outcome,case_end_date',
  'P1,H1,Basildon Borough Council,01/04/2024,prevented,2024-06-01',
  'P2,H1,E07000073,2024-07-01,,',
].join('\n')
const ACTIVITIES = ['case_ref,activity_date,activity_type', 'P1,2024-04-02,mediation', 'P9,2024-04-02,other'].join('\n')
const BAD_CASES = ['case_ref,referral_date,outcome', 'Q1,31/02/2024,prevented', 'Q2,2024-01-01,done', 'Q1,,'].join('\n')

describe.each(testDatabaseKinds())('the monitoring import and export pages on $name', (kind) => {
  const current = useWorld(kind)
  let count = 0

  async function programme(world: World): Promise<string> {
    count++
    const name = `Page Trial ${String(count)}`
    await world.db.insertInto('programmes').values({ name, lead_organisation_id: world.ids.basildon }).execute()
    return name
  }

  async function upload(agent: Agent, fields: { programme: string; cases?: string; activities?: string }, token?: string) {
    const form = await agent.get('/monitoring/import')
    // Where the form posts, as a browser reads it: the token is in the action URL, not the body.
    const action = /action="(\/monitoring\/import\?_csrf=[^"]+)" enctype="multipart\/form-data"/.exec(form.text)?.[1]
    let request = agent
      .post(token === undefined ? (action ?? 'no form').replaceAll('&amp;', '&') : `/monitoring/import?_csrf=${encodeURIComponent(token)}`)
      .field('programme', fields.programme)
    if (fields.cases !== undefined) request = request.attach('cases', Buffer.from(fields.cases), 'cases.csv')
    if (fields.activities !== undefined) request = request.attach('activities', Buffer.from(fields.activities), 'activities.csv')
    return request
  }

  /** Follows the progress page, as its refresh would, until the import has finished. */
  async function finished(agent: Agent, location: string) {
    for (let i = 0; i < 200; i++) {
      const page = await agent.get(location)
      expect(page.status).toBe(200)
      if (!page.text.includes('http-equiv="refresh"')) return page.text
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('the import did not finish')
  }

  async function recordsOf(world: World, name: string) {
    return world.db
      .selectFrom('monitoring_records as m')
      .innerJoin('programmes as p', 'p.id', 'm.programme_id')
      .where('p.name', '=', name)
      .select('m.case_ref')
      .orderBy('m.case_ref')
      .execute()
  }

  it('imports an uploaded data set in the background and shows the summary', async () => {
    const world = current()
    const name = await programme(world)
    const agent = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const form = await agent.get('/monitoring/import')
    expect(form.status).toBe(200)
    expect(form.text).toContain('enctype="multipart/form-data"')
    expect(form.text).toContain(`<option value="${name}"`)

    const sent = await upload(agent, { programme: name, cases: CASES, activities: ACTIVITIES })
    expect(sent.status).toBe(303)
    expect(sent.headers['location']).toMatch(/^\/monitoring\/import\/[0-9a-f-]{36}$/)
    const page = await finished(agent, String(sent.headers['location']))
    expect(page).toContain('Monitoring data imported')
    expect(page).toMatch(/New cases\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*2\s*</)
    expect(page).toMatch(/Activities that match no case\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1\s*</)
    expect((await recordsOf(world, name)).map((r) => r.case_ref)).toEqual(['P1', 'P2'])
    const record = await world.db
      .selectFrom('monitoring_imports as i')
      .innerJoin('programmes as p', 'p.id', 'i.programme_id')
      .where('p.name', '=', name)
      .select(['i.imported_by', 'i.source'])
      .executeTakeFirstOrThrow()
    expect(record).toEqual({
      imported_by: 'Amira Begum (Basildon Borough Council)',
      source: 'Uploaded by Amira Begum: cases.csv, activities.csv',
    })

    // The import is followed only by the person who started it.
    const manager = await signedInAgent(world.app, world.users.basildonManager.email)
    expect((await manager.get(String(sent.headers['location']))).status).toBe(404)
  })

  it('lists every error in the data, with file, row and column, and imports nothing', async () => {
    const world = current()
    const name = await programme(world)
    const agent = await signedInAgent(world.app, world.users.basildonManager.email)
    const sent = await upload(agent, { programme: name, cases: BAD_CASES })
    expect(sent.status).toBe(303)
    const page = await finished(agent, String(sent.headers['location']))
    expect(page).toContain('Monitoring data not imported')
    expect(page).toContain('govuk-error-summary')
    expect(page).toContain('The data has 3 errors: nothing was imported')
    const rows = [
      ...page.matchAll(
        /<tr class="govuk-table__row">\s*<td class="govuk-table__cell">([^<]+)<\/td>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>([^<]+)<\/td>/g,
      ),
    ].map((m) => `${m[1] ?? ''} ${m[2] ?? ''} ${m[3] ?? ''}`)
    expect(rows).toEqual(['cases.csv 2 referral_date', 'cases.csv 3 outcome', 'cases.csv 4 case_ref'])
    expect(page).toContain('&#39;31/02/2024&#39; is not a date: use YYYY-MM-DD or DD/MM/YYYY')
    expect(await recordsOf(world, name)).toEqual([])
  })

  it('asks again, with an error summary, when the programme or the cases file is missing', async () => {
    const world = current()
    const agent = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const sent = await upload(agent, { programme: '' })
    expect(sent.status).toBe(400)
    expect(sent.text).toContain('govuk-error-summary')
    expect(sent.text).toContain('Select the programme the data belongs to')
    expect(sent.text).toContain('Select the cases.csv file')
    const empty = await upload(agent, { programme: await programme(world), cases: '' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('The selected cases file is empty')
  })

  it('refuses an upload without the form’s token, importing nothing', async () => {
    const world = current()
    const name = await programme(world)
    const agent = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const sent = await upload(agent, { programme: name, cases: CASES }, 'not-the-token')
    expect(sent.status).toBe(403)
    expect(sent.text).toContain('Your form could not be sent')
    expect(await recordsOf(world, name)).toEqual([])
  })

  /**
   * Sends the headers and the first bytes of a 50 MB upload, and waits for the answer with the rest
   * of the body still unsent: an answer proves the request was refused before its body was read.
   */
  async function answerBeforeBody(world: World, cookie: string, path: string): Promise<{ status: number; location: string | undefined }> {
    const server = http.createServer(world.app)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      return await new Promise((resolve, reject) => {
        const request = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path,
          headers: { cookie, 'content-type': 'multipart/form-data; boundary=XYZ', 'content-length': String(50_000_000) },
        })
        const timer = setTimeout(() => {
          request.destroy()
          reject(new Error('no answer until the body is sent: the body is being read first'))
        }, 3000)
        request.on('response', (response) => {
          clearTimeout(timer)
          resolve({ status: response.statusCode ?? 0, location: response.headers.location })
          response.resume()
          request.destroy()
        })
        request.on('error', () => undefined)
        request.write(`--XYZ\r\nContent-Disposition: form-data; name="cases"; filename="cases.csv"\r\n\r\n${'x'.repeat(64 * 1024)}`)
      })
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }

  /** A signed-in session's cookie and a CSRF token from a page it may see. */
  async function sessionOf(world: World, email: string, page: string) {
    const client = request(world.app)
    const signIn = await client.get('/sign-in')
    const first = cookieOf(signIn.headers['set-cookie'])
    const signedIn = await client
      .post('/sign-in')
      .set('cookie', first)
      .type('form')
      .send({ email, password: PASSWORD, _csrf: csrfTokenOf(signIn.text) })
    expect(signedIn.status).toBe(303)
    const cookie = cookieOf(signedIn.headers['set-cookie']) || first
    const seen = await client.get(page).set('cookie', cookie)
    return { cookie, token: csrfTokenOf(seen.text) }
  }

  it('checks the session, the CSRF token and the role before it reads an upload’s body', async () => {
    const world = current()
    const analyst = await sessionOf(world, world.users.basildonAnalyst.email, '/monitoring/import')
    const badToken = await answerBeforeBody(world, analyst.cookie, '/monitoring/import?_csrf=not-the-token')
    expect(badToken.status).toBe(403)
    const noToken = await answerBeforeBody(world, analyst.cookie, '/monitoring/import')
    expect(noToken.status).toBe(403)

    // A caseworker may not import: no upload limit at all, refused with a good token.
    const caseworker = await sessionOf(world, world.users.basildonCaseworker.email, '/')
    const refused = await answerBeforeBody(world, caseworker.cookie, `/monitoring/import?_csrf=${encodeURIComponent(caseworker.token)}`)
    expect(refused.status).toBe(403)

    // No session: nothing to check a token against, refused as any form from no one.
    const nobody = await answerBeforeBody(world, '', '/monitoring/import?_csrf=anything')
    expect(nobody.status).toBe(403)
  })

  it('holds an upload’s text fields to what every form is held to, read after the checks', async () => {
    const world = current()
    const name = await programme(world)
    const agent = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const sent = await upload(agent, { programme: `${name}\u0000`, cases: CASES })
    expect(sent.status).toBe(400)
    expect(sent.text).toContain('The field &quot;programme&quot; contains a NUL character, which cannot be stored')
    expect(await recordsOf(world, name)).toEqual([])
  })

  it('is only for the programme lead’s analysts and team managers', async () => {
    const world = current()
    const name = await programme(world)
    const caseworker = await signedInAgent(world.app, world.users.basildonCaseworker.email)
    expect((await caseworker.get('/monitoring/import')).status).toBe(403)
    expect((await caseworker.get('/monitoring/export')).status).toBe(403)
    const home = await caseworker.get('/')
    const sent = await upload(caseworker, { programme: name, cases: CASES }, csrfTokenOf(home.text))
    expect(sent.status).toBe(403)
    expect(await recordsOf(world, name)).toEqual([])
    // An administrator of the lead organisation is not on the programme's team either.
    const admin = await signedInAgent(world.app, world.users.basildonAdmin.email)
    expect((await admin.get('/monitoring/import')).status).toBe(403)
  })

  it('downloads a programme’s cases.csv and activities.csv', async () => {
    const world = current()
    const name = await programme(world)
    const agent = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    await finished(agent, String((await upload(agent, { programme: name, cases: CASES, activities: ACTIVITIES })).headers['location']))
    const form = await agent.get('/monitoring/export')
    expect(form.status).toBe(200)
    expect(form.text).toContain(`<option value="${name}"`)

    const cases = await agent.get('/monitoring/export/download').query({ programme: name, file: 'cases' })
    expect(cases.status).toBe(200)
    expect(cases.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(cases.headers['content-disposition']).toBe(`attachment; filename="page-trial-${String(count)}-cases.csv"`)
    const lines = cases.text.trim().split('\n')
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['case_ref', 'household_ref', 'district'])
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      'P1,H1,Basildon Borough Council,,,2024-04-01',
      'P2,H1,Harlow Council,,,2024-07-01',
    ])
    const activities = await agent.get('/monitoring/export/download').query({ programme: name, file: 'activities' })
    expect(activities.text.trim().split('\n')).toEqual([
      'case_ref,household_ref,activity_date,activity_type,stage,comment',
      'P1,,2024-04-02,mediation,prevention,',
      'P9,,2024-04-02,other,prevention,',
    ])

    const missing = await agent.get('/monitoring/export/download').query({ programme: '', file: 'everything' })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('Select the programme to export')
    expect(missing.text).toContain('Select the file to download')
    const unknown = await agent.get('/monitoring/export/download').query({ programme: 'Nonesuch', file: 'cases' })
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('No programme you may see is called')
  })
})
