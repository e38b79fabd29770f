import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalDate } from '@js-joda/core'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { EvaluationReport } from '../../domain/monitoring/report-model.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { completeAssessment } from '../../test-support/assessments.ts'
import { useWorld, type World } from '../../test-support/world.ts'
import { exportProgramme } from './export.ts'
import { filesInFolder } from './import.ts'

const SYSTEM: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
})

/**
 * A programme whose cases are recorded through casework, each with a figure the issue found wrong: a
 * risk 29 to 56 days away and a household not at risk (both from the assessment), a relief duty ended
 * with accommodation, a case closed with no duty owed, a prevention success, supported housing.
 */
async function caseworkProgramme(world: World) {
  const { db, ids, users } = world
  const programme = await db
    .insertInto('programmes')
    .values({ name: 'Casework Trial', lead_organisation_id: ids.basildon })
    .returning('id')
    .executeTakeFirstOrThrow()
  const officer: Actor & { kind: 'user' } = {
    kind: 'user',
    userId: users.basildonCaseworker.id,
    organisationId: ids.basildon,
    role: 'caseworker',
    label: 'Priya Shah',
  }
  const kase = async (reference: string, values: Record<string, string | null>) => {
    const household = await db.insertInto('households').values({ authority_id: ids.basildon }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('people')
      .values({
        household_id: household.id,
        authority_id: ids.basildon,
        is_applicant: true,
        given_name: 'A',
        family_name: 'B',
        sex: 'male',
      })
      .execute()
    return db
      .insertInto('cases')
      .values({
        reference,
        authority_id: ids.basildon,
        officer_id: users.basildonCaseworker.id,
        household_id: household.id,
        programme_id: programme.id,
        approached_on: '2026-01-12',
        approach_channel: 'phone',
        stage: 'prevention',
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  }

  // Threatened, expected on 10 April: 39 days after the assessment on 2 March.
  await db.updateTable('cases').set({ programme_id: programme.id }).where('reference', '=', 'BAS-2026-00001').execute()
  await completeAssessment(world, officer, 'BAS-2026-00001', {
    homelessness: { status: 'threatened_within_56_days', expectedHomelessOn: '2026-04-10' },
    accommodation: 'social_rented_supported_housing',
    assessedOn: '2026-03-02',
  })
  // Neither homeless nor threatened, and no date of homelessness in view; closed as owed no duty.
  await kase('BAS-2026-00201', { stage: 'approach' })
  await completeAssessment(world, officer, 'BAS-2026-00201', {
    homelessness: { status: 'not_threatened' },
    accommodation: 'hostel',
    assessedOn: '2026-02-02',
  })
  await db
    .updateTable('cases')
    .set({ stage: 'closed', outcome: 'not_homeless_or_threatened', closed_on: '2026-02-20' })
    .where('reference', '=', 'BAS-2026-00201')
    .execute()
  // Homeless: relief ended with a council tenancy.
  await kase('BAS-2026-00202', {
    stage: 'closed',
    risk_at_assessment: 'homeless',
    relief_started_on: '2026-01-12',
    outcome: 'suitable_accommodation_secured',
    accommodation_outcome: 'moved_to_alternative_accommodation',
    accommodation_secured: 'council_tenant',
    closed_on: '2026-02-25',
  })
  // Found early; prevention ended with the household staying put, after mediation.
  const prevented = await kase('BAS-2026-00203', {
    stage: 'closed',
    risk_at_assessment: 'future_risk',
    prevention_started_on: '2026-01-12',
    outcome: 'suitable_accommodation_secured',
    accommodation_outcome: 'stayed_in_existing_home',
    accommodation_secured: 'private_rented_self_contained',
    closed_on: '2026-02-10',
  })
  await db
    .insertInto('case_activities')
    .values({
      case_id: prevented.id,
      authority_id: ids.basildon,
      activity: 'negotiation_mediation_advocacy_prevent_eviction',
      duty: 'prevention',
      done_on: '2026-01-20',
      done_by: users.basildonCaseworker.id,
      recorded_by: users.basildonCaseworker.id,
      recorded_at: new Date('2026-01-20T10:00:00Z'),
    })
    .execute()
}

describe.each(testDatabaseKinds())('casework exported and imported again on $name', (kind) => {
  const current = useWorld(kind)

  async function report(world: World, programme: string): Promise<EvaluationReport> {
    const result = await world.services.evaluationReport.report(SYSTEM, {
      programmes: [programme],
      districts: [],
      from: null,
      to: null,
      asOf: LocalDate.parse('2026-03-02'),
    })
    if ('error' in result) throw new Error(result.error)
    return result
  }

  it('gives back the same evaluation report from a fresh programme, every code in the vocabulary', async () => {
    const world = current()
    await caseworkProgramme(world)
    const stored = await world.db
      .selectFrom('cases')
      .where('reference', 'in', ['BAS-2026-00001', 'BAS-2026-00201'])
      .select(['reference', 'risk_at_assessment', 'housing_status'])
      .orderBy('reference')
      .execute()
    expect(stored).toEqual([
      { reference: 'BAS-2026-00001', risk_at_assessment: 'threatened_29_56_days', housing_status: 'social_rented_supported_housing' },
      { reference: 'BAS-2026-00201', risk_at_assessment: 'not_at_risk', housing_status: 'hostel' },
    ])

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-casework-round-trip-'))
    folders.push(folder)
    const exported = await exportProgramme(world.services.monitoringExport, SYSTEM, 'Casework Trial', folder)
    expect(exported).toMatchObject({ cases: 4, activities: 1 })
    const records: string[][] = parse(fs.readFileSync(path.join(folder, 'cases.csv')), { bom: true })
    const [header = [], ...rows] = records
    const column = (name: string) => rows.map((r) => [r[0], r[header.indexOf(name)]])
    expect(column('risk_at_assessment')).toEqual([
      ['BAS-2026-00001', 'threatened_29_56_days'],
      ['BAS-2026-00201', 'not_at_risk'],
      ['BAS-2026-00202', 'homeless'],
      ['BAS-2026-00203', 'future_risk'],
    ])
    expect(column('outcome')).toEqual([
      ['BAS-2026-00001', 'ongoing'],
      ['BAS-2026-00201', 'no_duty_owed'],
      ['BAS-2026-00202', 'relieved'],
      ['BAS-2026-00203', 'prevented'],
    ])
    expect(column('housing_status').slice(0, 2)).toEqual([
      ['BAS-2026-00001', 'social_rented'],
      ['BAS-2026-00201', 'hostel'],
    ])
    expect(column('accommodation_outcome').slice(2)).toEqual([
      ['BAS-2026-00202', 'local_authority_tenancy'],
      ['BAS-2026-00203', 'remained_in_own_home'],
    ])

    await world.db.insertInto('programmes').values({ name: 'Casework Trial Copy', lead_organisation_id: world.ids.basildon }).execute()
    const files = await filesInFolder(folder)
    if ('error' in files) throw new Error(files.error)
    const imported = await world.services.monitoringImport.importData(SYSTEM, 'Casework Trial Copy', files)
    expect(imported).toMatchObject({ status: 'imported', summary: { casesCreated: 4, activities: 1, unmatchedActivities: 0 } })

    const original = await report(world, 'Casework Trial')
    const copy = await report(world, 'Casework Trial Copy')
    expect(copy.tables).toEqual(original.tables)
    // The figures the issue found wrong, as the report now has them.
    const shown = (id: 'outcomes' | 'risk_at_assessment' | 'housing_status') =>
      original.tables[id].rows.filter((r) => r.n > 0).map((r) => `${r.key} ${String(r.n)}`)
    expect(shown('outcomes')).toEqual(['prevented 1', 'relieved 1', 'no_duty_owed 1'])
    expect(shown('risk_at_assessment')).toEqual(['not_at_risk 1', 'future_risk 1', 'threatened_29_56_days 1', 'homeless 1'])
    expect(shown('housing_status')).toEqual(['fixed_accommodation 1', 'social_rented 1', 'temporary_or_other 1', 'hostel 1'])
    expect(original.tables.risk_at_assessment.missing).toBe(0)
  })
})
