import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../database.ts'
import type { DB } from '../schema.ts'
import { testDatabaseKinds } from '../testing.ts'
import { figuresFromCasework } from './0022_figures_from_casework.ts'

/**
 * Migration 0022 over data as casework and the demonstration stored it before: each statement only
 * finds what is still wrong, so the test stores the old values in a migrated database and runs the
 * migration's statements over them (twice: the second time changes nothing).
 */
describe.each(testDatabaseKinds())('migration 0022 on $name', (kind) => {
  let database: Database
  let db: Kysely<DB>
  const ids = { authority: '', officer: '' }

  beforeAll(async () => {
    database = await kind.open()
    db = database.db
    ids.authority = (
      await db
        .insertInto('organisations')
        .values({ type: 'local_housing_authority', name: 'Basildon Borough Council', ons_code: 'E07000066' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    ids.officer = (
      await db
        .insertInto('users')
        .values({ organisation_id: ids.authority, role: 'caseworker', email: 'cw@basildon.test', display_name: 'Priya Shah' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(async () => {
    await database.close()
  })

  let number = 0
  async function kase(values: Record<string, unknown>, homelessness?: Record<string, string>, assessedOn = '2026-02-02') {
    number++
    const household = await db.insertInto('households').values({ authority_id: ids.authority }).returning('id').executeTakeFirstOrThrow()
    const { id } = await db
      .insertInto('cases')
      .values({
        reference: `BAS-2026-${String(number).padStart(5, '0')}`,
        authority_id: ids.authority,
        officer_id: ids.officer,
        household_id: household.id,
        approached_on: '2026-01-12',
        approach_channel: 'phone',
        stage: 'prevention',
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (homelessness) {
      await db
        .insertInto('case_assessments')
        .values({
          case_id: id,
          authority_id: ids.authority,
          homelessness: JSON.stringify(homelessness),
          assessed_on: assessedOn,
          updated_at: new Date('2026-02-02T10:00:00Z'),
          updated_by: ids.officer,
        })
        .execute()
      await event(id, 'assessment_completed', assessedOn, { risk: values['risk_at_assessment'] })
    }
    return id
  }
  async function event(caseId: string, kind: string, on: string, details: Record<string, unknown>) {
    await db
      .insertInto('case_events')
      .values({
        case_id: caseId,
        authority_id: ids.authority,
        kind,
        occurred_on: on,
        recorded_at: new Date(`${on}T10:00:00Z`),
        recorded_by: ids.officer,
        details: JSON.stringify(details),
      })
      .execute()
  }
  const migrate = async () => {
    for (const statement of figuresFromCasework.statements) await sql.raw(statement).execute(db)
  }
  const caseOf = (id: string) =>
    db
      .selectFrom('cases')
      .where('id', '=', id)
      .select(['risk_at_assessment', 'outcome', 'accommodation_outcome', 'accommodation_secured'])
      .executeTakeFirstOrThrow()
  const assessedRisk = async (id: string) =>
    (
      await db
        .selectFrom('case_events')
        .where('case_id', '=', id)
        .where('kind', '=', 'assessment_completed')
        .select('details')
        .executeTakeFirstOrThrow()
    ).details['risk']

  it('puts right the risks, outcomes and places stored wrong, where the record tells, and leaves the rest', async () => {
    const threatened = await kase(
      { risk_at_assessment: 'threatened_29_to_56_days' },
      { status: 'threatened_within_56_days', expectedHomelessOn: '2026-03-20' },
    )
    const notAtRisk = await kase({ risk_at_assessment: 'future_risk' }, { status: 'not_threatened', possessionNotice: 'none' })
    // 2 February + 57 days: more than 56 days away, a future risk indeed.
    const future = await kase({ risk_at_assessment: 'future_risk' }, { status: 'not_threatened', expectedHomelessOn: '2026-03-31' })
    const noticeLater = await kase(
      { risk_at_assessment: 'future_risk' },
      { status: 'not_threatened', possessionNotice: 'section_8', noticeServedOn: '2026-01-20', noticeExpiresOn: '2026-06-01' },
    )
    const noticeSoon = await kase(
      { risk_at_assessment: 'future_risk' },
      { status: 'not_threatened', possessionNotice: 'notice_to_quit', noticeServedOn: '2026-01-20', noticeExpiresOn: '2026-03-01' },
    )
    // No assessment: the risk cannot be judged, so stays as stored (the demonstration's upstream cases).
    const unassessed = await kase({ risk_at_assessment: 'future_risk' })
    // Imported from a programme's data: its own codes, left alone.
    const imported = await kase({
      imported_from_monitoring: true,
      stage: 'closed',
      outcome: 'unsuccessful',
      accommodation_outcome: 'other',
      risk_at_assessment: 'future_risk',
      closed_on: '2026-02-01',
    })

    const preventedDemo = await kase({
      stage: 'closed',
      prevention_started_on: '2026-01-12',
      outcome: 'homelessness_prevented',
      accommodation_outcome: 'stayed_in_own_home',
      closed_on: '2026-02-20',
    })
    await event(preventedDemo, 'end_prevention_duty', '2026-02-20', {
      ground: 'suitable_accommodation_secured',
      accommodationSecured: 'private_rented_self_contained',
    })
    const upstreamDemo = await kase({ stage: 'closed', outcome: 'homelessness_prevented', closed_on: '2026-02-20' })
    const withdrewDemo = await kase({
      stage: 'closed',
      relief_started_on: '2026-01-12',
      outcome: 'withdrew_from_service',
      closed_on: '2026-02-20',
    })
    const unsuccessfulDemo = await kase({
      stage: 'closed',
      relief_started_on: '2026-01-12',
      outcome: 'unsuccessful',
      closed_on: '2026-02-20',
    })
    const movedDemo = await kase({
      stage: 'closed',
      relief_started_on: '2026-01-12',
      outcome: 'homelessness_prevented',
      accommodation_outcome: 'moved_to_another_tenancy',
      closed_on: '2026-02-20',
    })
    const hostel = await kase({ housing_status: 'supported_housing_or_hostel' })

    await migrate()
    await migrate()

    expect(await caseOf(threatened)).toMatchObject({ risk_at_assessment: 'threatened_29_56_days' })
    expect(await assessedRisk(threatened)).toBe('threatened_29_56_days')
    expect(await caseOf(notAtRisk)).toMatchObject({ risk_at_assessment: 'not_at_risk' })
    expect(await assessedRisk(notAtRisk)).toBe('not_at_risk')
    expect(await caseOf(future)).toMatchObject({ risk_at_assessment: 'future_risk' })
    expect(await assessedRisk(future)).toBe('future_risk')
    expect(await caseOf(noticeLater)).toMatchObject({ risk_at_assessment: 'future_risk' })
    expect(await caseOf(noticeSoon)).toMatchObject({ risk_at_assessment: 'not_at_risk' })
    expect(await caseOf(unassessed)).toMatchObject({ risk_at_assessment: 'future_risk' })
    expect(await caseOf(imported)).toEqual({
      risk_at_assessment: 'future_risk',
      outcome: 'unsuccessful',
      accommodation_outcome: 'other',
      accommodation_secured: null,
    })

    expect(await caseOf(preventedDemo)).toMatchObject({
      outcome: 'suitable_accommodation_secured',
      accommodation_outcome: 'stayed_in_existing_home',
      accommodation_secured: 'private_rented_self_contained',
    })
    expect(await caseOf(upstreamDemo)).toMatchObject({ outcome: 'not_homeless_or_threatened', accommodation_secured: null })
    expect(await caseOf(withdrewDemo)).toMatchObject({ outcome: 'application_withdrawn' })
    expect(await caseOf(unsuccessfulDemo)).toMatchObject({ outcome: 'fifty_six_days_elapsed' })
    expect(await caseOf(movedDemo)).toMatchObject({
      outcome: 'suitable_accommodation_secured',
      accommodation_outcome: 'moved_to_alternative_accommodation',
      accommodation_secured: null,
    })
    const stayed = await db.selectFrom('cases').where('id', '=', hostel).select('housing_status').executeTakeFirstOrThrow()
    expect(stayed.housing_status).toBe('supported_housing_or_hostel')
  })
})
