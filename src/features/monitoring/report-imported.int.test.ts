import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalDate } from '@js-joda/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeMonitoringData } from '../../../bench/monitoring-data.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { evaluationReport } from '../../domain/monitoring/report.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { useWorld } from '../../test-support/world.ts'
import { filesInFolder } from './import.ts'

const SYSTEM: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
const PROGRAMME = 'Generated Trial'
const AS_OF = '2026-11-23'
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-report-'))
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

/**
 * The report the service counts from the database (each record's kept prevention activity types, read
 * through a cursor) against the domain's report over the same data read whole, activities and all:
 * an imported data set of 600 generated cases, with repeat households and activities matched by
 * household, and a casework-recorded case of the programme.
 */
describe.each(testDatabaseKinds())('the evaluation report of imported data on $name', (kind) => {
  const world = useWorld(kind)

  beforeAll(async () => {
    const { db, ids, services } = world()
    await db.insertInto('programmes').values({ name: PROGRAMME, lead_organisation_id: ids.basildon }).execute()
    await writeMonitoringData(folder, 600, { seed: 7, districts: ['Basildon Borough Council', 'Harlow Council'] })
    const files = await filesInFolder(folder)
    if ('error' in files) throw new Error(files.error)
    const outcome = await services.monitoringImport.importData(SYSTEM, PROGRAMME, files)
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
    const programme = await db.selectFrom('programmes').where('name', '=', PROGRAMME).select('id').executeTakeFirstOrThrow()
    await db.updateTable('cases').set({ programme_id: programme.id }).where('id', '=', ids.basildonCase).execute()
  })

  it.each([
    { name: 'every case', districts: [], from: null, to: null },
    { name: 'one district', districts: ['Harlow Council'], from: null, to: null },
    { name: 'a period', districts: [], from: '2023-01-01', to: '2024-06-30' },
  ])('counts $name as the domain does over the whole data', async ({ districts, from, to }) => {
    const { services } = world()
    const counted = await services.evaluationReport.report(SYSTEM, {
      programmes: [PROGRAMME],
      districts,
      from: from === null ? null : LocalDate.parse(from),
      to: to === null ? null : LocalDate.parse(to),
      asOf: LocalDate.parse(AS_OF),
    })
    const data = await services.monitoring.programmeData(SYSTEM, { programmes: [PROGRAMME], districts })
    if ('error' in counted || 'error' in data) throw new Error('refused')
    const expected = evaluationReport({
      cases: data.cases,
      activities: data.activities,
      asOf: AS_OF,
      filters: { programme: [PROGRAMME], from, to, districts: districts.length === 0 ? [] : data.districts.map((d) => d.name) },
      districts: data.districts,
    })
    expect(counted).toEqual(expected)
    expect(counted.tables.summary.total).toBeGreaterThan(districts.length === 0 && from === null ? 600 : 100)
    expect(counted.tables.summary.repeat).toBeGreaterThan(0)
    expect(counted.tables.prevention_activities.activities).toBeGreaterThan(counted.tables.prevention_activities.base)
  })
})
