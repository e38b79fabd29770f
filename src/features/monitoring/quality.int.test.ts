import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { csrfTokenOf, signedInAgent, type Agent } from '../../test-support/browser.ts'
import { useWorld, type World } from '../../test-support/world.ts'

/** A programme led by Basildon with one imported case that ended "prevented" with no end date, entered 60 days late, and one activity matching no case. */
async function seedProgramme(world: World) {
  const { db, ids, users } = world
  const programme = await db
    .insertInto('programmes')
    .values({ name: 'Basildon Upstream', lead_organisation_id: ids.basildon })
    .returning('id')
    .executeTakeFirstOrThrow()
  const imported = await db
    .insertInto('monitoring_imports')
    .values({
      programme_id: programme.id,
      imported_at: new Date('2026-02-20T10:00:00Z'),
      imported_by: 'Amira Begum',
      source: 'cases.csv',
      cases: 1,
      activities: 1,
      warnings: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const household = await db.insertInto('households').values({ authority_id: ids.basildon }).returning('id').executeTakeFirstOrThrow()
  const kase = await db
    .insertInto('cases')
    .values({
      reference: 'BAS-IMP-0001',
      authority_id: ids.basildon,
      officer_id: users.basildonCaseworker.id,
      household_id: household.id,
      approached_on: '2025-11-03',
      approach_channel: 'phone',
      stage: 'closed',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('monitoring_records')
    .values({
      case_id: kase.id,
      programme_id: programme.id,
      authority_id: ids.basildon,
      import_id: imported.id,
      case_ref: 'EX-17',
      household_ref: 'HH-17',
      district: 'Basildon Borough Council',
      worker: 'Mentor A',
      referral_date: '2025-11-03',
      recorded_date: '2026-01-02',
      referral_route: 'self_referral',
      risk_at_assessment: 'future_risk',
      housing_status: 'private_rented',
      adults: 1,
      dependent_children: 0,
      outcome: 'prevented',
      accommodation_outcome: 'remained_in_own_home',
      relief_activity: 'no',
    })
    .execute()
  await db
    .insertInto('monitoring_activities')
    .values({
      programme_id: programme.id,
      import_id: imported.id,
      household_ref: 'HH-99',
      activity_date: '2025-12-01',
      activity_type: 'mediation',
      stage: 'prevention',
    })
    .execute()
  // Basildon's casework case joins the programme, complete enough to raise nothing but what casework never records.
  await db
    .updateTable('cases')
    .set({
      programme_id: programme.id,
      referral_route: 'self_referral',
      risk_at_assessment: 'future_risk',
      housing_status: 'council_tenant',
      created_at: sql`'2026-02-01T10:00:00Z'::timestamptz`,
    })
    .where('reference', '=', 'BAS-2026-00001')
    .execute()
  return { programmeId: programme.id, caseId: kase.id }
}

/** A programme led by Basildon (as a county leads its districts' programme) with one Harlow case, ended "prevented" with no end date. */
async function seedLedElsewhere(world: World) {
  const { db, ids, users } = world
  const programme = await db
    .insertInto('programmes')
    .values({ name: 'County Upstream', lead_organisation_id: ids.basildon })
    .returning('id')
    .executeTakeFirstOrThrow()
  const imported = await db
    .insertInto('monitoring_imports')
    .values({
      programme_id: programme.id,
      imported_at: new Date('2026-02-20T10:00:00Z'),
      imported_by: 'Amira Begum',
      source: 'cases.csv',
      cases: 1,
      activities: 0,
      warnings: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const household = await db.insertInto('households').values({ authority_id: ids.harlow }).returning('id').executeTakeFirstOrThrow()
  const kase = await db
    .insertInto('cases')
    .values({
      reference: 'HAR-IMP-0001',
      authority_id: ids.harlow,
      officer_id: users.harlowCaseworker.id,
      household_id: household.id,
      approached_on: '2025-11-03',
      approach_channel: 'phone',
      stage: 'closed',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('monitoring_records')
    .values({
      case_id: kase.id,
      programme_id: programme.id,
      authority_id: ids.harlow,
      import_id: imported.id,
      case_ref: 'CY-1',
      household_ref: 'CY-H1',
      district: 'Harlow Council',
      referral_date: '2025-11-03',
      recorded_date: '2025-11-03',
      outcome: 'prevented',
    })
    .execute()
  return { caseId: kase.id }
}

describe.each(testDatabaseKinds())('the data-quality page on $name', (kind) => {
  const current = useWorld(kind)
  const PAGE = '/monitoring/quality?programme=Basildon%20Upstream'

  async function post(agent: Agent, from: string, action: string, fields: Record<string, string>) {
    const page = await agent.get(from)
    return agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(page.text) })
  }
  const flagsOf = async (caseId: string) =>
    current()
      .db.selectFrom('data_quality_flags')
      .where('case_id', '=', caseId)
      .select(['id', 'kind', 'field', 'reviewed_at', 'review_reason', 'authority_id'])
      .orderBy('kind')
      .execute()

  it('raises flags for a bad record, needs a reason to review one, hides reviewed ones and keeps them reviewed when checked again', async () => {
    const world = current()
    const { caseId, programmeId } = await seedProgramme(world)
    const analyst = await signedInAgent(world.app, world.users.basildonAnalyst.email)

    const choose = await analyst.get('/monitoring/quality')
    expect(choose.status).toBe(200)
    expect(choose.text).toContain('href="/monitoring/quality?programme=Basildon%20Upstream"')
    expect(choose.text).toContain('href="/monitoring/quality?authority=E07000066"')

    const before = await analyst.get(PAGE)
    expect(before.status).toBe(200)
    expect(before.text).toContain('No flags. Choose “Check again”')

    const checked = await post(analyst, PAGE, '/monitoring/quality/check', { programme: 'Basildon Upstream' })
    expect(checked.status).toBe(303)
    expect(checked.headers['location']).toBe(`${PAGE}&raised=3&cleared=0`)
    expect((await analyst.get(`${PAGE}&raised=3&cleared=0`)).text).toContain(
      'Checked again: 3 new flags raised, 0 flags that no longer hold removed.',
    )
    expect((await flagsOf(caseId)).map((f) => [f.kind, f.field, f.authority_id])).toEqual([
      ['back_filled', 'recorded_date', world.ids.basildon],
      ['final_outcome_without_end_date', 'case_end_date', world.ids.basildon],
    ])
    const unmatched = await world.db
      .selectFrom('data_quality_flags')
      .where('kind', '=', 'unmatched_activity')
      .select(['programme_id', 'activity_id'])
      .execute()
    const activity = await world.db.selectFrom('monitoring_activities').select('id').executeTakeFirstOrThrow()
    expect(unmatched).toEqual([{ programme_id: programmeId, activity_id: activity.id }])

    const page = await analyst.get(PAGE)
    expect(page.text).toContain('<a class="govuk-link" href="/cases/BAS-IMP-0001">BAS-IMP-0001</a>')
    expect(page.text).toContain('Recorded 60 days after the referral on 2025-11-03')
    expect(page.text).toContain('Outcome is prevented but no end date is recorded')
    expect(page.text).toContain('A mediation activity on 2025-12-01 for household HH-99 matches no case')
    expect(page.text).toContain('Flags to review (3)')
    // Missing fields, by field and by worker: casework never records previous homelessness.
    expect(page.text).toMatch(/<code>previously_homeless<\/code><\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>100%<\/td>/)
    expect(page.text).toContain('Mentor A')
    expect(page.text).toContain('Priya Shah')

    const [backFilled] = await flagsOf(caseId)
    if (!backFilled) throw new Error('no flag')
    const review = `/monitoring/quality/flags/${backFilled.id}/review`
    const empty = await post(analyst, PAGE, review, { programme: 'Basildon Upstream', reason: '  ', page: '1' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('There is a problem')
    expect(empty.text).toContain(`href="#reason-${backFilled.id}"`)
    expect(empty.text).toContain('Enter why this flag has been dealt with or can stand')
    expect((await flagsOf(caseId))[0]?.reviewed_at).toBeNull()

    const done = await post(analyst, PAGE, review, {
      programme: 'Basildon Upstream',
      reason: 'Paper referral typed up after the office move',
      page: '1',
    })
    expect(done.status).toBe(303)
    const shorter = await analyst.get(PAGE)
    expect(shorter.text).toContain('Flags to review (2)')
    expect(shorter.text).not.toContain('Recorded 60 days after the referral')
    const all = await analyst.get(`${PAGE}&show=reviewed`)
    expect(all.text).toContain('Recorded 60 days after the referral')
    expect(all.text).toContain('by Amira Begum: Paper referral typed up after the office move')

    // Fix one thing and check again: the fixed flag goes, the reviewed one stays reviewed, nothing doubles.
    await world.db.updateTable('monitoring_records').set({ case_end_date: '2026-01-20' }).where('case_id', '=', caseId).execute()
    const again = await post(analyst, PAGE, '/monitoring/quality/check', { programme: 'Basildon Upstream' })
    expect(again.headers['location']).toBe(`${PAGE}&raised=0&cleared=1`)
    const left = await flagsOf(caseId)
    expect(left.map((f) => [f.kind, f.review_reason, f.reviewed_at !== null])).toEqual([
      ['back_filled', 'Paper referral typed up after the office move', true],
    ])
    expect((await analyst.get(PAGE)).text).toContain('Flags to review (1)')

    // The authority's own view shows its cases' flags whatever the programme, and not the programme's unmatched activity.
    const mine = await analyst.get('/monitoring/quality?authority=E07000066&show=reviewed')
    expect(mine.status).toBe(200)
    expect(mine.text).toContain('BAS-IMP-0001')
    expect(mine.text).not.toContain('matches no case')

    const audits = await world.db
      .selectFrom('audit_events')
      .where('actor_user_id', '=', world.users.basildonAnalyst.id)
      .where('subject_type', 'in', ['data_quality', 'data_quality_flag'])
      .select('action')
      .execute()
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(['view', 'check', 'review']))
  })

  it('refuses caseworkers, and shows another authority’s team nothing of this one', async () => {
    const world = current()
    const caseworker = await signedInAgent(world.app, world.users.basildonCaseworker.email)
    expect((await caseworker.get(PAGE)).status).toBe(403)
    expect((await caseworker.get('/monitoring/quality')).status).toBe(403)

    const hash = (
      await world.db.selectFrom('users').where('id', '=', world.users.basildonAnalyst.id).select('password_hash').executeTakeFirstOrThrow()
    ).password_hash
    await world.db
      .insertInto('users')
      .values({
        organisation_id: world.ids.harlow,
        role: 'analyst',
        email: 'an@harlow.test',
        display_name: 'Hugo Lee',
        password_hash: hash,
      })
      .execute()
    const harlow = await signedInAgent(world.app, 'an@harlow.test')
    expect((await harlow.get(PAGE)).status).toBe(404)
    expect((await harlow.get('/monitoring/quality?authority=E07000066')).status).toBe(404)
    const own = await harlow.get('/monitoring/quality?authority=E07000073&show=reviewed')
    expect(own.status).toBe(200)
    expect(own.text).not.toContain('BAS-')
    expect(own.text).toContain('All flags (0)')

    const flag = await world.db.selectFrom('data_quality_flags').select('id').executeTakeFirstOrThrow()
    const tried = await post(harlow, '/monitoring/quality?authority=E07000073', `/monitoring/quality/flags/${flag.id}/review`, {
      authority: 'E07000073',
      reason: 'Not ours',
    })
    expect(tried.status).toBe(404)
    const tryCheck = await post(harlow, '/monitoring/quality?authority=E07000073', '/monitoring/quality/check', {
      programme: 'Basildon Upstream',
    })
    expect(tryCheck.status).toBe(404)
  })

  it('lets only a programme’s lead review its flags, not a district whose cases are in it', async () => {
    const world = current()
    const { caseId } = await seedLedElsewhere(world)
    const county = await signedInAgent(world.app, world.users.basildonAnalyst.email)
    const COUNTY = '/monitoring/quality?programme=County%20Upstream'
    expect((await post(county, COUNTY, '/monitoring/quality/check', { programme: 'County Upstream' })).status).toBe(303)
    const flag = (await flagsOf(caseId)).find((f) => f.kind === 'final_outcome_without_end_date')
    if (!flag) throw new Error('no flag raised')
    expect(flag.authority_id).toBe(world.ids.harlow)

    const hash = (
      await world.db.selectFrom('users').where('id', '=', world.users.basildonAnalyst.id).select('password_hash').executeTakeFirstOrThrow()
    ).password_hash
    await world.db
      .insertInto('users')
      .values({
        organisation_id: world.ids.harlow,
        role: 'team_manager',
        email: 'tm@harlow.test',
        display_name: 'Ola Kay',
        password_hash: hash,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    const district = await signedInAgent(world.app, 'tm@harlow.test')
    const OWN = '/monitoring/quality?authority=E07000073'
    // The district sees its own case's flag, without the form to review it.
    const own = await district.get(OWN)
    expect(own.status).toBe(200)
    expect(own.text).toContain('HAR-IMP-0001')
    expect(own.text).not.toContain(`/monitoring/quality/flags/${flag.id}/review`)
    expect(own.text).toContain('To be reviewed by the lead of County Upstream')
    const tried = await post(district, OWN, `/monitoring/quality/flags/${flag.id}/review`, {
      authority: 'E07000073',
      reason: 'Ours to say',
      page: '1',
    })
    expect(tried.status).toBe(404)
    expect((await flagsOf(caseId)).find((f) => f.id === flag.id)?.reviewed_at).toBeNull()

    // The programme's lead may.
    const page = await county.get(COUNTY)
    expect(page.text).toContain(`/monitoring/quality/flags/${flag.id}/review`)
    const done = await post(county, COUNTY, `/monitoring/quality/flags/${flag.id}/review`, {
      programme: 'County Upstream',
      reason: 'End date asked of Harlow',
      page: '1',
    })
    expect(done.status).toBe(303)
    expect((await flagsOf(caseId)).find((f) => f.id === flag.id)?.review_reason).toBe('End date asked of Harlow')
  })
})
