import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { districtIndex, readActivityRow, readCaseRow, readHeader } from '../../domain/monitoring/read-row.ts'
import { ACTIVITY_COLUMNS, CASE_COLUMNS } from '../../domain/monitoring/record.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { useWorld, type World } from '../../test-support/world.ts'
import { exportProgramme } from './export.ts'
import { filesInFolder } from './import.ts'

/** A CSV file's records, as arrays of cells. */
const csv = (input: Buffer | string): string[][] => parse(input, { bom: true })

const SYSTEM: SystemActor = { kind: 'system', organisationId: null, label: 'test' }
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
})
function folder(): string {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-monitoring-export-'))
  folders.push(made)
  return made
}

/** Every kind of value the format has, written the ways a spreadsheet may write them. */
const CASES = [
  '\uFEFF' +
    'comments,case_ref,household_ref,district,provider,worker,referral_date,recorded_date,referral_route,referral_agency,applicant_sex,applicant_age,' +
    'applicant_uk_national,applicant_ethnicity,applicant_receives_benefits,applicant_employment,adults,dependent_children,housing_status,' +
    'risk_at_assessment,previously_homeless,previously_slept_rough,previously_in_temporary_accommodation,vulnerabilities,' +
    'primary_vulnerability,outcome,case_end_date,accommodation_outcome,relief_activity',
  '"Two lines,\nwith a comma and ""quotes""",E-001,H-1,Basildon Borough Council,Peabody,W01,01/04/2024,02/04/2024,PARTNER_REFERRAL,Jobcentre Plus,female,34,yes,white,no,part_time,2,1,private_rented,threatened_within_28_days,no,no,dont_know,mental_health;domestic_abuse,domestic_abuse,prevented,30/06/2024,remained_in_own_home,no',
  '"=HYPERLINK(""http://evil"")",E-002,H-1,E07000073,Phoenix Futures,@worker,2024-07-01,,self_referral,,male,17,no,black,yes,unemployed,1,0,nfa_family,homeless,yes,yes,yes,none,,ongoing,,,',
  "'+ already quoted,E-003,,,,-W2,,,,+44 agency,,,,,,,,,,,,,,,,withdrawn,2024-02-01,,yes",
  ',=E-004,,,,,,,,,,,,,,,,,,,,,,,,,,,',
].join('\r\n')

const ACTIVITIES = [
  'activity_type,stage,case_ref,household_ref,activity_date,comment',
  'Mediation,,E-001,,05/04/2024,"With the landlord, twice"',
  'financial_payment,relief,,H-1,2024-08-01,',
  'other,,E-999,,,=1+1',
  'referral,,,H-NONE,2024-01-01,',
].join('\n')

describe.each(testDatabaseKinds())('exporting monitoring data on $name', (kind) => {
  const current = useWorld(kind)

  async function programme(world: World, name: string) {
    return world.db
      .insertInto('programmes')
      .values({ name, lead_organisation_id: world.ids.basildon })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow()
  }

  async function importInto(world: World, name: string, dir: string) {
    const files = await filesInFolder(dir)
    if ('error' in files) throw new Error(files.error)
    const outcome = await world.services.monitoringImport.importData(SYSTEM, name, files)
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome, null, 2))
    return outcome.summary
  }

  /** The rows of a data set as the import reads them: the values, whatever way they were written. */
  function readRows(world: World, dir: string) {
    const districts = {
      districts: districtIndex([
        { id: world.ids.basildon, name: 'Basildon Borough Council', onsCode: 'E07000066' },
        { id: world.ids.harlow, name: 'Harlow Council', onsCode: 'E07000073' },
      ]),
      lead: { id: world.ids.basildon, name: 'Basildon Borough Council' },
    }
    const records = (file: string) => csv(fs.readFileSync(path.join(dir, file)))
    const [caseHeader = [], ...caseCells] = records('cases.csv')
    const cases = readHeader('cases', 'cases.csv', caseHeader).header
    const [activityHeader = [], ...activityCells] = records('activities.csv')
    const activities = readHeader('activities', 'activities.csv', activityHeader).header
    return {
      cases: caseCells
        .map((cells, i) => {
          const read = readCaseRow(cases, cells, i + 2, districts)
          if (!read.ok) throw new Error(JSON.stringify(read.problems))
          return read.record.case
        })
        .sort((a, b) => a.caseRef.localeCompare(b.caseRef)),
      activities: activityCells.map((cells, i) => {
        const read = readActivityRow(activities, cells, i + 2)
        if (!read.ok) throw new Error(JSON.stringify(read.problems))
        return read.record
      }),
    }
  }

  it('gives back the same rows it imported, in the spec’s columns, with formulas made inert', async () => {
    const world = current()
    const trial = await programme(world, 'Round Trip')
    const source = folder()
    fs.writeFileSync(path.join(source, 'cases.csv'), CASES)
    fs.writeFileSync(path.join(source, 'activities.csv'), ACTIVITIES)
    await importInto(world, trial.name, source)

    const out = path.join(folder(), 'export')
    const exported = await exportProgramme(world.services.monitoringExport, SYSTEM, 'round trip', out)
    if ('error' in exported) throw new Error(exported.error)
    expect(exported).toMatchObject({ programme: 'Round Trip', cases: 4, activities: 4 })
    expect(readRows(world, out)).toEqual(readRows(world, source))

    const written = fs.readFileSync(path.join(out, 'cases.csv'), 'utf8')
    const lines = csv(written)
    expect(lines[0]).toEqual([...CASE_COLUMNS])
    expect(lines.find((l) => l[0] === 'E-001')).toEqual([
      'E-001',
      'H-1',
      'Basildon Borough Council',
      'Peabody',
      'W01',
      '2024-04-01',
      '2024-04-02',
      'partner_referral',
      'Jobcentre Plus',
      'female',
      '34',
      'yes',
      'white',
      'no',
      'part_time',
      '2',
      '1',
      'private_rented',
      'threatened_within_28_days',
      'no',
      'no',
      'dont_know',
      'mental_health;domestic_abuse',
      'domestic_abuse',
      'prevented',
      '2024-06-30',
      'remained_in_own_home',
      'no',
      'Two lines,\nwith a comma and "quotes"',
    ])
    // No cell a spreadsheet would run as a formula.
    for (const line of [...lines, ...csv(fs.readFileSync(path.join(out, 'activities.csv')))])
      for (const cell of line) expect(cell).not.toMatch(/^[=+\-@]/)
    expect(lines.map((l) => l[0])).toContain("'=E-004")
    expect(lines.find((l) => l[0] === 'E-002')?.[28]).toBe('\'=HYPERLINK("http://evil")')
    expect(lines.find((l) => l[0] === 'E-003')?.[28]).toBe("'+ already quoted")
    expect(csv(fs.readFileSync(path.join(out, 'activities.csv')))[0]).toEqual([...ACTIVITY_COLUMNS])

    // The export imports again, into another programme, and exports to the very same files.
    const copy = await programme(world, 'Round Trip Copy')
    const again = await importInto(world, copy.name, out)
    expect(again).toMatchObject({ casesCreated: 4, activities: 4, unmatchedActivities: 2 })
    const second = path.join(folder(), 'second')
    await exportProgramme(world.services.monitoringExport, SYSTEM, copy.name, second)
    expect(fs.readFileSync(path.join(second, 'cases.csv'), 'utf8')).toBe(written)
    expect(fs.readFileSync(path.join(second, 'activities.csv'), 'utf8')).toBe(fs.readFileSync(path.join(out, 'activities.csv'), 'utf8'))
  })

  it('exports the cases recorded through casework too, and only for those who may see them', async () => {
    const world = current()
    const trial = await programme(world, 'Casework Programme')
    await world.db.updateTable('cases').set({ programme_id: trial.id }).where('reference', '=', 'BAS-2026-00001').execute()
    const out = folder()
    const exported = await exportProgramme(world.services.monitoringExport, SYSTEM, trial.name, out)
    expect(exported).toMatchObject({ cases: 1, activities: 0 })
    const lines = csv(fs.readFileSync(path.join(out, 'cases.csv')))
    expect(lines[1]?.slice(0, 3)).toEqual(['BAS-2026-00001', expect.any(String) as string, 'Basildon Borough Council'])

    const caseworker: Actor = {
      kind: 'user',
      userId: world.users.basildonCaseworker.id,
      organisationId: world.ids.basildon,
      role: 'caseworker',
      label: 'x',
    }
    expect(await world.services.monitoringExport.open(caseworker, trial.name, 'cases')).toEqual({
      error: 'You may not see any programme’s monitoring data',
    })
    const audits = await world.db
      .selectFrom('audit_events')
      .where('action', '=', 'export')
      .where('subject_id', '=', trial.id)
      .select('details')
      .execute()
    expect(audits.map((a) => a.details)).toEqual([{ file: 'cases.csv' }, { file: 'activities.csv' }])
  })
})
