import { describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { asActor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { quarterOf } from '../../domain/hclic/quarter.ts'
import { csrfTokenOf, signedInAgent } from '../../test-support/browser.ts'
import { useWorld, type World } from '../../test-support/world.ts'
import { latestValidation, runValidation, validateEveryAuthority } from './nightly.ts'
import { insertRun } from './validation-queries.ts'

const Q1 = quarterOf(2026, 1)

/** Basildon's case has its prevention duty accepted in February, with no assessment recorded: it enters Q1 with errors. */
async function preventionWithoutAssessment(world: World) {
  await world.db.updateTable('cases').set({ prevention_started_on: '2026-02-03' }).where('id', '=', world.ids.basildonCase).execute()
  await world.db
    .insertInto('case_events')
    .values({
      case_id: world.ids.basildonCase,
      authority_id: world.ids.basildon,
      provider_organisation_id: null,
      kind: 'accept_prevention_duty',
      occurred_on: '2026-02-03',
      recorded_at: '2026-02-03T10:00:00Z',
      recorded_by: world.users.basildonCaseworker.id,
      details: '{}',
    })
    .execute()
}

const user = (world: World, who: 'basildonAnalyst' | 'basildonManager' | 'basildonAdmin', role: Actor['role']): Actor => ({
  kind: 'user',
  userId: world.users[who].id,
  organisationId: world.ids.basildon,
  role: role as 'analyst',
  label: who,
})

describe.each(testDatabaseKinds())('checking the H-CLIC return on $name', (kind) => {
  const world = useWorld(kind)

  it('shows the data team an unchecked quarter, checks it on request and lists each case’s problems with where to fix them', async () => {
    await preventionWithoutAssessment(world())
    const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)
    const before = await analyst.get('/hclic/validation?quarter=2026-Q1')
    expect(before.status).toBe(200)
    expect(before.text).toContain('This quarter has not been checked yet.')

    const run = await analyst
      .post('/hclic/validation')
      .type('form')
      .send({ _csrf: csrfTokenOf(before.text), quarter: '2026-Q1' })
    expect(run.status).toBe(303)
    expect(run.headers['location']).toBe('/hclic/validation?quarter=2026-Q1')

    const after = await analyst.get('/hclic/validation?quarter=2026-Q1')
    expect(after.status).toBe(200)
    expect(after.text).toContain('checked on request')
    expect(after.text).toContain('href="/cases/BAS-2026-00001/assessment/check"')
    expect(after.text).toContain('1.5 “Date of assessment” is not answered.')
  })

  it('stores a nightly run for every housing authority, read only by that authority’s analysts and team managers', async () => {
    world().clock.advanceMinutes(1)
    await validateEveryAuthority(world().services, world().clock)
    const basildon = await latestValidation(world().services, user(world(), 'basildonAnalyst', 'analyst'), 'E07000066', Q1)
    expect(basildon).toMatchObject({ nightly: true, cases: 1 })
    expect(basildon?.findings.map((f) => f.question)).toEqual(expect.arrayContaining(['1.5', '1.15']))
    expect(basildon?.errors).toBe(basildon?.findings.filter((f) => f.severity === 'error').length)
    expect(await latestValidation(world().services, user(world(), 'basildonManager', 'team_manager'), 'E07000066', Q1)).toMatchObject({
      nightly: true,
    })
    expect(await latestValidation(world().services, user(world(), 'basildonAdmin', 'administrator'), 'E07000066', Q1)).toBeUndefined()
    const harlowAnalyst: Actor = {
      kind: 'user',
      userId: world().users.harlowAdmin.id,
      organisationId: world().ids.harlow,
      role: 'analyst',
      label: 'x',
    }
    expect(await latestValidation(world().services, harlowAnalyst, 'E07000066', Q1)).toBeUndefined()
    expect(await latestValidation(world().services, harlowAnalyst, 'E07000073', Q1)).toMatchObject({ nightly: true, cases: 0, errors: 0 })
  })

  it('lets no one acting on a page write a run', async () => {
    const run = {
      authorityId: world().ids.basildon,
      quarter: '2026-Q1',
      ranAt: world().clock.now(),
      requestedBy: null,
      cases: 0,
      errors: 0,
      warnings: 0,
      findings: [],
    }
    await expect(asActor(world().db, user(world(), 'basildonAnalyst', 'analyst'), (trx) => insertRun(trx, run))).rejects.toThrow(
      /permission denied/,
    )
  })

  it('refuses an unknown authority, a malformed quarter, and anyone outside the data team', async () => {
    expect(await runValidation(world().services, 'E07999999', Q1)).toEqual({
      error: 'No housing authority with the code E07999999 is on the platform',
    })
    const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)
    const bad = await analyst.get('/hclic/validation?quarter=2026-5')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('govuk-error-summary')
    expect(bad.text).toContain('is not a quarter: write it as YYYY-QN')
    const post = await analyst
      .post('/hclic/validation')
      .type('form')
      .send({ _csrf: csrfTokenOf(bad.text), quarter: 'Q1 2026' })
    expect(post.status).toBe(400)
    expect(post.text).toContain('is not a quarter: write it as YYYY-QN')
    const caseworker = await signedInAgent(world().app, world().users.basildonCaseworker.email)
    expect((await caseworker.get('/hclic/validation')).status).toBe(403)
    const page = await caseworker.get('/cases')
    const refused = await caseworker
      .post('/hclic/validation')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), quarter: '2026-Q1' })
    expect(refused.status).toBe(403)
  })
})
