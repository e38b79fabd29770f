import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalDate } from '@js-joda/core'
import { afterAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'
import { filesInFolder } from './import.ts'

/**
 * A programme that began on 1 October 2025 (the world's today is 2 March 2026: 152 days later): one case
 * referred before it began, one within it.
 */
const CASES = [
  'case_ref,household_ref,district,worker,referral_date,recorded_date,outcome,case_end_date',
  'EARLY,H1,Basildon Borough Council,W1,2025-06-02,2025-06-02,prevented,2026-01-15',
  'INSIDE,H2,Basildon Borough Council,W1,2025-11-03,2025-11-03,prevented,2026-01-15',
].join('\n')

const SYSTEM: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
})

describe.each(testDatabaseKinds())('the programme’s start date in the data-quality checks on $name', (kind) => {
  const current = useWorld(kind)

  async function upload(agent: Agent, start: { day: string; month: string; year: string }) {
    const form = await agent.get('/monitoring/import')
    // Where the form posts, as a browser reads it: an upload's token is in the action URL, not the body.
    const action = /action="(\/monitoring\/import\?_csrf=[^"]+)"/.exec(form.text)?.[1] ?? 'no form'
    return agent
      .post(action.replaceAll('&amp;', '&'))
      .field('programme', 'Basildon Start')
      .field('startsOn-day', start.day)
      .field('startsOn-month', start.month)
      .field('startsOn-year', start.year)
      .attach('cases', Buffer.from(CASES), 'cases.csv')
  }

  async function finished(agent: Agent, location: string) {
    for (let i = 0; i < 200; i++) {
      const page = await agent.get(location)
      if (!page.text.includes('http-equiv="refresh"')) return page.text
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('the import did not finish')
  }

  const startOf = async () =>
    (await current().db.selectFrom('programmes').where('name', '=', 'Basildon Start').select('starts_on').executeTakeFirstOrThrow())
      .starts_on

  it('records the start on the import page, refusing a wrong one, and flags a referral before it and support longer than the programme has run', async () => {
    const world = current()
    await world.db.insertInto('programmes').values({ name: 'Basildon Start', lead_organisation_id: world.ids.basildon }).execute()
    const analyst = await signedInAgent(world.app, world.users.basildonAnalyst.email)

    const before = await analyst.get('/monitoring/quality?programme=Basildon%20Start')
    expect(before.text).toContain('The date the programme began is not recorded')
    const form = await analyst.get('/monitoring/import')
    expect(form.text).toContain('When did the programme begin?')
    expect(form.text).toContain('none is recorded yet')

    // A date that is not one, and one in the future: refused on the form, nothing imported.
    for (const [start, message] of [
      [{ day: '31', month: '2', year: '2025' }, 'Date the programme began must be a real date'],
      [{ day: '3', month: '3', year: '2026' }, 'The date the programme began must be today or in the past'],
    ] as const) {
      const refused = await upload(analyst, start)
      expect(refused.status).toBe(400)
      expect(refused.text).toContain('govuk-error-summary')
      expect(refused.text).toContain(`<a href="#startsOn-day">${message}</a>`)
      expect(refused.text).toContain(`value="${start.day}"`)
    }
    expect(await startOf()).toBeNull()

    const sent = await upload(analyst, { day: '1', month: '10', year: '2025' })
    expect(sent.status).toBe(303)
    const done = await finished(analyst, String(sent.headers['location']))
    expect(done).toContain('Monitoring data imported')
    expect(done).toMatch(/The programme began on\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1 October 2025/)
    expect(await startOf()).toBe('2025-10-01')
    expect((await analyst.get('/monitoring/import')).text).toContain('Basildon Start began on 1 October 2025')

    const page = await analyst.get('/monitoring/quality?programme=Basildon%20Start')
    expect(page.text).toContain('The programme began on 1 October 2025')
    const check = await analyst
      .post('/monitoring/quality/check')
      .type('form')
      .send({ programme: 'Basildon Start', _csrf: csrfTokenOf(page.text) })
    expect(check.status).toBe(303)
    const flags = await world.db
      .selectFrom('data_quality_flags as f')
      .innerJoin('monitoring_records as m', 'm.case_id', 'f.case_id')
      .where('f.kind', 'in', ['impossible_date', 'impossible_duration'])
      .select(['m.case_ref', 'f.kind', 'f.field', 'f.message'])
      .orderBy('f.kind')
      .execute()
    expect(flags).toEqual([
      {
        case_ref: 'EARLY',
        kind: 'impossible_date',
        field: 'referral_date',
        message: 'Referred on 2025-06-02, before the programme began on 2025-10-01',
      },
      {
        case_ref: 'EARLY',
        kind: 'impossible_duration',
        field: 'case_end_date',
        message: 'Support lasted 227 days, longer than the programme has run (152 days since it began on 2025-10-01)',
      },
    ])
  })

  it('records the start from the command line’s service call with the data, or not at all', async () => {
    const world = current()
    await world.db.insertInto('programmes').values({ name: 'Command Start', lead_organisation_id: world.ids.basildon }).execute()
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-programme-start-'))
    folders.push(folder)
    fs.writeFileSync(path.join(folder, 'cases.csv'), CASES)
    const files = await filesInFolder(folder)
    if ('error' in files) throw new Error(files.error)
    const start = async () =>
      (await world.db.selectFrom('programmes').where('name', '=', 'Command Start').select('starts_on').executeTakeFirstOrThrow()).starts_on

    const future = await world.services.monitoringImport.importData(SYSTEM, 'Command Start', files, {
      programmeStartsOn: LocalDate.parse('2026-04-01'),
    })
    expect(future).toEqual({ status: 'refused', message: 'The date the programme began must be today or in the past' })
    expect(await start()).toBeNull()

    // Data with an error: nothing written, the start date neither.
    fs.writeFileSync(path.join(folder, 'cases.csv'), 'case_ref,outcome\nX1,done\n')
    const invalid = await world.services.monitoringImport.importData(SYSTEM, 'Command Start', files, {
      programmeStartsOn: LocalDate.parse('2025-10-01'),
    })
    expect(invalid.status).toBe('invalid')
    expect(await start()).toBeNull()

    fs.writeFileSync(path.join(folder, 'cases.csv'), CASES)
    const imported = await world.services.monitoringImport.importData(SYSTEM, 'Command Start', files, {
      programmeStartsOn: LocalDate.parse('2025-10-01'),
    })
    expect(imported).toMatchObject({ status: 'imported', summary: { programmeStartsOn: '2025-10-01' } })
    expect(await start()).toBe('2025-10-01')
    // Imported again without a date: the date recorded stands.
    const again = await world.services.monitoringImport.importData(SYSTEM, 'Command Start', files)
    expect(again).toMatchObject({ status: 'imported', summary: { programmeStartsOn: '2025-10-01' } })
  })
})
