import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { useWorld, type World } from '../../test-support/world.ts'
import { LocalDate } from '@js-joda/core'
import { quarterContaining } from '../../domain/hclic/quarter.ts'
import { caseRows } from '../hclic/queries.ts'
import { filesInFolder, type ImportOutcome, type ImportProgress } from './import.ts'
import { IMPORTED_OFFICER_NAME } from './import-queries.ts'
import { kpiCases } from './performance-queries.ts'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
})

/** A data set in a new folder: cases.csv, and activities.csv when given. */
export function dataSet(cases: string, activities?: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-monitoring-'))
  folders.push(folder)
  fs.writeFileSync(path.join(folder, 'cases.csv'), cases)
  if (activities !== undefined) fs.writeFileSync(path.join(folder, 'activities.csv'), activities)
  return folder
}

const containing = (text: string): string => expect.stringContaining(text) as string

const SYSTEM: SystemActor = { kind: 'system', organisationId: null, label: 'test' }

const CLEAN_CASES = [
  '\uFEFFCase_Ref,household_ref,district,referral_date,recorded_date,referral_route,applicant_age,vulnerabilities,primary_vulnerability,outcome,case_end_date,accommodation_outcome,comments',
  'C001,H1,Basildon Borough Council,01/04/2024,2024-04-02,partner_referral,34,mental_health;domestic_abuse,domestic_abuse,prevented,30/06/2024,remained_in_own_home,"Landlord agreed, after ""mediation"""',
  'C002,H1,E07000066,2025-01-10,,Self_Referral,35,none,,,,,',
  'C003,H2,harlow council,2024-05-01,,proactive,,,,withdrawn,2024-05-20,,',
  'C004,,,,2024-07-01,,,,,ongoing,,,=SUM(A1)',
  '',
].join('\r\n')

const CLEAN_ACTIVITIES = [
  'case_ref,household_ref,activity_date,activity_type,stage,comment',
  'C001,,2024-04-05,mediation,,With the landlord',
  ',H1,2024-05-01,financial_payment,prevention,',
  ',H1,2025-02-01,information_advice,relief,',
  ',H1,2023-01-01,referral,,Before any case',
  'C999,,2024-04-05,other,,',
  ',H9,2024-04-05,other,,',
].join('\n')

describe.each(testDatabaseKinds())('importing monitoring data on $name', (kind) => {
  const current = useWorld(kind)
  let programmes = 0

  async function programme(world: World, lead = world.ids.basildon): Promise<{ id: string; name: string }> {
    programmes++
    const name = `Upstream Trial ${String(programmes)}`
    const row = await world.db
      .insertInto('programmes')
      .values({ name, lead_organisation_id: lead })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id: row.id, name }
  }

  const analyst = (world: World): Actor => ({
    kind: 'user',
    userId: world.users.basildonAnalyst.id,
    organisationId: world.ids.basildon,
    role: 'analyst',
    label: 'Amira Begum',
  })

  async function run(world: World, actor: Actor | SystemActor, name: string, folder: string, onProgress?: (p: ImportProgress) => void) {
    const files = await filesInFolder(folder)
    if ('error' in files) throw new Error(files.error)
    return world.services.monitoringImport.importData(actor, name, files, { onProgress })
  }

  async function counts(world: World) {
    const count = async (
      table:
        'cases' | 'households' | 'users' | 'monitoring_records' | 'monitoring_activities' | 'monitoring_imports' | 'data_quality_flags',
    ) =>
      Number(
        (
          await world.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return {
      cases: await count('cases'),
      households: await count('households'),
      users: await count('users'),
      records: await count('monitoring_records'),
      activities: await count('monitoring_activities'),
      imports: await count('monitoring_imports'),
      flags: await count('data_quality_flags'),
    }
  }

  function imported(outcome: ImportOutcome) {
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome, null, 2))
    return outcome.summary
  }

  it('imports a clean data set as cases of the platform, each with its monitoring record', async () => {
    const world = current()
    const { db, ids } = world
    const trial = await programme(world)
    const progress: ImportProgress[] = []
    const summary = imported(
      await run(world, analyst(world), trial.name.toUpperCase(), dataSet(CLEAN_CASES, CLEAN_ACTIVITIES), (p) => progress.push(p)),
    )
    expect(summary).toMatchObject({ programme: trial.name, casesCreated: 4, casesUpdated: 0, activities: 6, unmatchedActivities: 2 })

    const cases = await db
      .selectFrom('cases')
      .innerJoin('monitoring_records as m', 'm.case_id', 'cases.id')
      .innerJoin('users as officer', 'officer.id', 'cases.officer_id')
      .where('cases.programme_id', '=', trial.id)
      .select([
        'm.case_ref',
        'cases.reference',
        'cases.authority_id',
        'cases.household_id',
        'cases.approached_on',
        'cases.stage',
        'cases.closed_on',
        'cases.referral_route',
        'cases.outcome',
        'officer.display_name',
        'officer.disabled_at',
        'officer.password_hash',
        'officer.organisation_id',
      ])
      .orderBy('m.case_ref')
      .execute()
    expect(cases.map((c) => [c.case_ref, c.authority_id, c.approached_on, c.stage, c.closed_on, c.referral_route, c.outcome])).toEqual([
      ['C001', ids.basildon, '2024-04-01', 'closed', '2024-06-30', 'partner_referral', 'prevented'],
      ['C002', ids.basildon, '2025-01-10', 'prevention', null, 'self_referral', null],
      ['C003', ids.harlow, '2024-05-01', 'closed', '2024-05-20', 'proactive', 'withdrawn'],
      // No district: the lead, a housing authority, holds it; no referral date: opened when recorded.
      ['C004', ids.basildon, '2024-07-01', 'prevention', null, null, 'ongoing'],
    ])
    expect(new Set(cases.map((c) => c.reference)).size).toBe(4)
    expect(cases[0]?.reference).toMatch(/^MON-UT1[0-9A-F]{4}-C001$/)
    // One household for H1's two cases, one each for the others.
    expect(cases[0]?.household_id).toBe(cases[1]?.household_id)
    expect(new Set(cases.map((c) => c.household_id)).size).toBe(3)
    for (const c of cases) {
      expect(c.display_name).toBe('Imported from monitoring data')
      expect(c.disabled_at).not.toBeNull()
      expect(c.password_hash).toBeNull()
      expect(c.organisation_id).toBe(c.authority_id)
    }

    const data = await world.services.monitoring.programmeData(SYSTEM, { programmes: [trial.name] })
    if ('error' in data) throw new Error(data.error)
    expect(data.cases.find((c) => c.caseRef === 'C001')).toEqual({
      caseRef: 'C001',
      householdRef: 'H1',
      district: 'Basildon Borough Council',
      provider: null,
      worker: null,
      referralDate: '2024-04-01',
      recordedDate: '2024-04-02',
      referralRoute: 'partner_referral',
      referralAgency: null,
      applicantSex: null,
      applicantAge: 34,
      applicantUkNational: null,
      applicantEthnicity: null,
      applicantReceivesBenefits: null,
      applicantEmployment: null,
      adults: null,
      dependentChildren: null,
      housingStatus: null,
      riskAtAssessment: null,
      previouslyHomeless: null,
      previouslySleptRough: null,
      previouslyInTemporaryAccommodation: null,
      vulnerabilities: ['mental_health', 'domestic_abuse'],
      primaryVulnerability: 'domestic_abuse',
      outcome: 'prevented',
      caseEndDate: '2024-06-30',
      accommodationOutcome: 'remained_in_own_home',
      reliefActivity: null,
      comments: 'Landlord agreed, after "mediation"',
    })
    expect(data.cases.find((c) => c.caseRef === 'C002')?.vulnerabilities).toEqual([])
    expect(data.cases.find((c) => c.caseRef === 'C004')?.comments).toBe('=SUM(A1)')

    // Activities: by case_ref; by household, to the case whose period holds the date, else the latest.
    const activities = await db
      .selectFrom('monitoring_activities as a')
      .leftJoin('monitoring_records as m', 'm.case_id', 'a.case_id')
      .where('a.programme_id', '=', trial.id)
      .select(['m.case_ref', 'a.household_ref', 'a.activity_date', 'a.activity_type', 'a.stage'])
      .orderBy('a.id')
      .execute()
    expect(activities.map((a) => [a.case_ref, a.activity_date, a.activity_type, a.stage])).toEqual([
      ['C001', '2024-04-05', 'mediation', 'prevention'],
      ['C001', '2024-05-01', 'financial_payment', 'prevention'],
      ['C002', '2025-02-01', 'information_advice', 'relief'],
      ['C002', '2023-01-01', 'referral', 'prevention'],
      [null, '2024-04-05', 'other', 'prevention'],
      [null, '2024-04-05', 'other', 'prevention'],
    ])
    const flags = await db
      .selectFrom('data_quality_flags')
      .where('programme_id', '=', trial.id)
      .select(['kind', 'field', 'message', 'activity_id', 'case_id'])
      .orderBy('message')
      .execute()
    expect(flags.map((f) => [f.kind, f.field, f.message, f.activity_id !== null])).toEqual([
      ['unmatched_activity', 'case_ref', 'Activity matches no case: no case has the case_ref C999', true],
      ['unmatched_activity', 'household_ref', 'Activity matches no case: no case has the household_ref H9', true],
    ])
    expect(summary.warnings).toBe(2)

    const record = await db.selectFrom('monitoring_imports').where('id', '=', summary.importId).selectAll().executeTakeFirstOrThrow()
    expect(record).toMatchObject({ programme_id: trial.id, imported_by: 'Amira Begum', cases: 4, activities: 6, warnings: 2 })
    const audit = await db
      .selectFrom('audit_events')
      .where('action', '=', 'import')
      .where('subject_id', '=', trial.id)
      .selectAll()
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.actor_user_id).toBe(world.users.basildonAnalyst.id)

    expect(progress.map((p) => p.file)).toContain('activities.csv')
    const last = progress.filter((p) => p.file === 'cases.csv').at(-1)
    expect(last).toEqual({ file: 'cases.csv', rows: 4, bytes: Buffer.byteLength(CLEAN_CASES), totalBytes: Buffer.byteLength(CLEAN_CASES) })
  })

  it('refuses a data set with errors, listing every one with its file, row and column, and writes nothing', async () => {
    const world = current()
    const trial = await programme(world)
    const before = await counts(world)
    const folder = dataSet(
      [
        'case_ref,refferal_date,district,applicant_age,outcome,vulnerabilities,referral_route',
        'C1,,Basildon Borough Council,34,prevented,,',
        'C2,,Gotham,x,finished,mental_health;gambling,',
        'C1,,,,,,partner',
        ',,,,,,self_referral',
        '"C3\nstill C3",,,,,,',
        'C4,,,40,,,,extra',
      ].join('\n'),
      [
        'case_ref,activity_date,activity_type,stage',
        'C1,31/02/2024,mediation,',
        ',2024-01-01,,relief',
        'C2,2024-01-01,text_message,main_duty',
      ].join('\n'),
    )
    const outcome = await run(world, analyst(world), trial.name, folder)
    if (outcome.status !== 'invalid') throw new Error(`expected errors, got ${JSON.stringify(outcome)}`)
    expect(outcome.problems.map((p) => [p.file, p.row, p.column, p.value, p.message])).toEqual([
      ['cases.csv', 1, 'refferal_date', 'refferal_date', "'refferal_date' is not a column of cases.csv: did you mean referral_date?"],
      [
        'cases.csv',
        3,
        'district',
        'Gotham',
        "'Gotham' is not a local housing authority known to the platform: give its name or its ONS code",
      ],
      ['cases.csv', 3, 'vulnerabilities', 'mental_health;gambling', containing("'gambling' is not a code for vulnerabilities")],
      ['cases.csv', 3, 'applicant_age', 'x', "'x' is not a whole number"],
      [
        'cases.csv',
        3,
        'outcome',
        'finished',
        "'finished' is not a code for outcome: use prevented, relieved, unsuccessful, withdrawn, no_duty_owed or ongoing",
      ],
      [
        'cases.csv',
        4,
        'referral_route',
        'partner',
        "'partner' is not a code for referral_route: use proactive, partner_referral or self_referral",
      ],
      ['cases.csv', 4, 'case_ref', 'C1', "'C1' is also the case_ref of row 2: each case_ref must be unique in the file"],
      ['cases.csv', 5, 'case_ref', '', 'case_ref is required: every case needs one'],
      ['cases.csv', 7, '', 'extra', 'This row has 8 values but the header names 7 columns'],
      ['activities.csv', 2, 'activity_date', '31/02/2024', "'31/02/2024' is not a date: use YYYY-MM-DD or DD/MM/YYYY"],
      ['activities.csv', 3, 'case_ref', '', 'Give a case_ref or a household_ref: an activity must say whose it is'],
      ['activities.csv', 3, 'activity_type', '', 'activity_type is required: say what was done'],
      ['activities.csv', 4, 'activity_type', 'text_message', containing("'text_message' is not a code for activity_type")],
      ['activities.csv', 4, 'stage', 'main_duty', "'main_duty' is not a code for stage: use prevention or relief"],
    ])
    expect(outcome.problemCount).toBe(outcome.problems.length)
    expect(await counts(world)).toEqual(before)
  })

  it('warns and flags, importing anyway', async () => {
    const world = current()
    const trial = await programme(world)
    const summary = imported(
      await run(
        world,
        SYSTEM,
        trial.name,
        dataSet(
          [
            'case_ref,referral_date,case_end_date,applicant_age,vulnerabilities,primary_vulnerability,outcome',
            'W1,2024-05-01,2024-04-01,15,mental_health,domestic_abuse,prevented',
            'W2,2024-05-01,2026-04-01,40,,,ongoing',
            'W3,2024-05-01,,111,,,unsuccessful',
            'W4,2024-05-01,2024-06-01,40,,,prevented',
          ].join('\n'),
        ),
      ),
    )
    expect(summary.warnings).toBe(6)
    const flags = await world.db
      .selectFrom('data_quality_flags as f')
      .innerJoin('monitoring_records as m', 'm.case_id', 'f.case_id')
      .where('f.programme_id', '=', trial.id)
      .select(['m.case_ref', 'f.kind', 'f.field', 'f.authority_id', 'f.raised_at'])
      .orderBy('m.case_ref')
      .orderBy('f.kind')
      .execute()
    expect(flags.map((f) => [f.case_ref, f.kind, f.field])).toEqual([
      ['W1', 'age_out_of_range', 'applicant_age'],
      ['W1', 'end_before_referral', 'case_end_date'],
      ['W1', 'primary_not_among_vulnerabilities', 'primary_vulnerability'],
      ['W2', 'end_after_import', 'case_end_date'],
      ['W3', 'age_out_of_range', 'applicant_age'],
      ['W3', 'final_outcome_without_end_date', 'case_end_date'],
    ])
    expect(flags.every((f) => f.authority_id === world.ids.basildon)).toBe(true)
    // Casework's case cannot close before it opened; the record keeps the date as given.
    const w1 = await world.db
      .selectFrom('cases')
      .innerJoin('monitoring_records as m', 'm.case_id', 'cases.id')
      .where('m.case_ref', '=', 'W1')
      .where('m.programme_id', '=', trial.id)
      .select(['cases.closed_on', 'm.case_end_date'])
      .executeTakeFirstOrThrow()
    expect(w1).toEqual({ closed_on: '2024-05-01', case_end_date: '2024-04-01' })

    // Put right and imported again, the data raises no flags, and the earlier ones go.
    const fixed = imported(
      await run(
        world,
        SYSTEM,
        trial.name,
        dataSet(['case_ref,referral_date,case_end_date,applicant_age,outcome', 'W1,2024-05-01,2024-06-01,40,prevented'].join('\n')),
      ),
    )
    expect(fixed.warnings).toBe(0)
    const left = await world.db
      .selectFrom('data_quality_flags as f')
      .innerJoin('monitoring_records as m', 'm.case_id', 'f.case_id')
      .where('f.programme_id', '=', trial.id)
      .select('m.case_ref')
      .execute()
    expect(left.map((f) => f.case_ref).sort()).toEqual(['W2', 'W3', 'W3'])
  })

  it('re-imports the same data set without duplicating cases, households, activities or flags, keeping reviewed flags', async () => {
    const world = current()
    const { db } = world
    const trial = await programme(world)
    const cases = [
      'case_ref,household_ref,referral_date,applicant_age,outcome,case_end_date',
      'R1,H1,2024-01-01,12,prevented,2024-02-01',
      'R2,H1,2024-06-01,40,,',
      'R3,,2024-03-01,40,withdrawn,',
    ].join('\n')
    const activities = [
      'case_ref,household_ref,activity_date,activity_type',
      'R1,,2024-01-05,mediation',
      ',H1,2024-07-01,referral',
      'R9,,,other',
    ].join('\n')
    const first = imported(await run(world, SYSTEM, trial.name, dataSet(cases, activities)))
    expect(first).toMatchObject({ casesCreated: 3, casesUpdated: 0, activities: 3, unmatchedActivities: 1, warnings: 3 })
    const ageFlag = await db
      .selectFrom('data_quality_flags')
      .where('programme_id', '=', trial.id)
      .where('kind', '=', 'age_out_of_range')
      .select('id')
      .executeTakeFirstOrThrow()
    await db
      .updateTable('data_quality_flags')
      .set({
        reviewed_at: world.clock.now(),
        reviewed_by: world.users.basildonAnalyst.id,
        review_reason: 'A 12-year-old care leaver, confirmed',
      })
      .where('id', '=', ageFlag.id)
      .execute()
    const before = await counts(world)

    const second = imported(await run(world, SYSTEM, trial.name, dataSet(cases, activities)))
    expect(second).toMatchObject({ casesCreated: 0, casesUpdated: 3, activities: 3, unmatchedActivities: 1, warnings: 2 })
    expect(await counts(world)).toEqual({ ...before, imports: before.imports + 1 })
    const flags = await db
      .selectFrom('data_quality_flags')
      .where('programme_id', '=', trial.id)
      .select(['id', 'kind', 'reviewed_at'])
      .orderBy('kind')
      .execute()
    expect(flags.map((f) => [f.kind, f.reviewed_at !== null])).toEqual([
      ['age_out_of_range', true],
      ['final_outcome_without_end_date', false],
      ['unmatched_activity', false],
    ])
    expect(flags[0]?.id).toBe(ageFlag.id)

    // A changed row updates its case and record; a household_ref moves the case to that household.
    const changed = cases.replace('R3,,2024-03-01,40,withdrawn,', 'R3,H1,2024-03-01,41,withdrawn,2024-03-31')
    const third = imported(await run(world, SYSTEM, trial.name, dataSet(changed)))
    expect(third).toMatchObject({ casesCreated: 0, casesUpdated: 3, activities: 0, warnings: 0 })
    const r = await db
      .selectFrom('cases')
      .innerJoin('monitoring_records as m', 'm.case_id', 'cases.id')
      .where('m.programme_id', '=', trial.id)
      .select(['m.case_ref', 'm.applicant_age', 'm.case_end_date', 'cases.household_id', 'cases.closed_on', 'cases.version'])
      .orderBy('m.case_ref')
      .execute()
    expect(r.map((c) => [c.case_ref, c.applicant_age, c.case_end_date, c.closed_on])).toEqual([
      ['R1', 12, '2024-02-01', '2024-02-01'],
      ['R2', 40, null, null],
      ['R3', 41, '2024-03-31', '2024-03-31'],
    ])
    expect(new Set(r.map((c) => c.household_id)).size).toBe(1)
    expect(r.map((c) => c.version)).toEqual([3, 3, 3])
    // Without activities.csv the activities stay as they were.
    expect((await counts(world)).activities).toBe(before.activities)
    const final = await db.selectFrom('data_quality_flags').where('programme_id', '=', trial.id).select('kind').orderBy('kind').execute()
    expect(final.map((f) => f.kind)).toEqual(['age_out_of_range', 'unmatched_activity'])
  })

  it('keeps each record’s prevention activity types as its activities have them, through re-imports', async () => {
    const world = current()
    const trial = await programme(world)
    /** Each record's stored types beside those its matched activities give, both sorted. */
    async function types() {
      const rows = await world.db
        .selectFrom('monitoring_records as m')
        .leftJoin('monitoring_activities as a', (join) => join.onRef('a.case_id', '=', 'm.case_id').on('a.stage', '=', 'prevention'))
        .where('m.programme_id', '=', trial.id)
        .groupBy(['m.case_ref', 'm.prevention_activity_types'])
        .select((eb) => [
          'm.case_ref',
          'm.prevention_activity_types as stored',
          eb.fn
            .coalesce(eb.fn.agg<string[]>('array_agg', ['a.activity_type']).filterWhere('a.id', 'is not', null), eb.val([]))
            .as('counted'),
        ])
        .orderBy('m.case_ref')
        .execute()
      for (const r of rows) expect([...r.stored].sort(), r.case_ref).toEqual([...r.counted].sort())
      return Object.fromEntries(rows.map((r) => [r.case_ref, [...r.stored].sort()]))
    }
    const cases = [
      'case_ref,household_ref,referral_date,outcome,case_end_date',
      'P1,H1,2024-01-01,prevented,2024-02-01',
      'P2,H1,2024-06-01,,',
      'P3,H3,2024-03-01,prevented,2024-04-01',
    ].join('\n')
    const activities = [
      'case_ref,household_ref,activity_date,activity_type,stage',
      'P1,,2024-01-05,mediation,prevention',
      ',H1,2024-01-20,referral,',
      ',H1,2024-07-01,other,prevention',
      'P3,,2024-03-02,other,relief',
      'P3,,2024-03-03,referral,prevention',
    ].join('\n')
    imported(await run(world, SYSTEM, trial.name, dataSet(cases, activities)))
    expect(await types()).toEqual({ P1: ['mediation', 'referral'], P2: ['other'], P3: ['referral'] })

    // A file of other cases whose activities name an earlier case replaces that case's activities.
    imported(
      await run(
        world,
        SYSTEM,
        trial.name,
        dataSet(
          ['case_ref,household_ref,referral_date,outcome,case_end_date', 'P4,H4,2024-05-01,prevented,2024-05-30'].join('\n'),
          ['case_ref,household_ref,activity_date,activity_type,stage', 'P3,,2024-03-05,mediation,relief', 'P4,,2024-05-02,mediation,'].join(
            '\n',
          ),
        ),
      ),
    )
    expect(await types()).toEqual({ P1: ['mediation', 'referral'], P2: ['other'], P3: [], P4: ['mediation'] })

    // Re-imported with periods that now put the household's July activity in P1's, P1 takes it from P2.
    const moved = cases
      .replace('P1,H1,2024-01-01,prevented,2024-02-01', 'P1,H1,2024-01-01,prevented,2024-08-01')
      .replace('P2,H1,2024-06-01,,', 'P2,H1,2024-07-15,,')
    imported(await run(world, SYSTEM, trial.name, dataSet(moved, activities)))
    expect(await types()).toEqual({ P1: ['mediation', 'other', 'referral'], P2: [], P3: ['referral'], P4: ['mediation'] })

    // Without activities.csv every case keeps its activities, and so its types.
    imported(await run(world, SYSTEM, trial.name, dataSet(cases)))
    expect(await types()).toEqual({ P1: ['mediation', 'other', 'referral'], P2: [], P3: ['referral'], P4: ['mediation'] })
  })

  it('keeps imported cases out of the authority’s statutory return and casework indicators', async () => {
    const world = current()
    const trial = await programme(world)
    imported(await run(world, SYSTEM, trial.name, dataSet(CLEAN_CASES, CLEAN_ACTIVITIES)))
    const importedIds = (
      await world.db.selectFrom('monitoring_records').where('programme_id', '=', trial.id).select('case_id').execute()
    ).map((r) => r.case_id)
    const flagged = await world.db.selectFrom('cases').where('id', 'in', importedIds).select('imported_from_monitoring').execute()
    expect(flagged.map((c) => c.imported_from_monitoring)).toEqual(importedIds.map(() => true))

    // C001 was open in Basildon through the April to June 2024 quarter; C002 was referred in January 2025.
    for (const quarter of [quarterContaining(LocalDate.parse('2024-05-01')), quarterContaining(LocalDate.parse('2025-02-01'))]) {
      const { cases } = await caseRows(world.db, world.ids.basildon, quarter)
      expect(cases.filter((c) => importedIds.includes(c.id))).toEqual([])
    }
    expect(await kpiCases(world.db, [world.ids.basildon], '2024-01-01')).not.toContainEqual(
      expect.objectContaining({ worker: IMPORTED_OFFICER_NAME }),
    )
  })

  it('lets only the programme lead’s analysts and team managers, or the system, import', async () => {
    const world = current()
    const trial = await programme(world)
    const folder = dataSet('case_ref\nA1\n')
    const caseworker: Actor = {
      kind: 'user',
      userId: world.users.basildonCaseworker.id,
      organisationId: world.ids.basildon,
      role: 'caseworker',
      label: 'x',
    }
    const harlow: Actor = {
      kind: 'user',
      userId: world.users.harlowAdmin.id,
      organisationId: world.ids.harlow,
      role: 'analyst',
      label: 'x',
    }
    const manager: Actor = {
      kind: 'user',
      userId: world.users.basildonManager.id,
      organisationId: world.ids.basildon,
      role: 'team_manager',
      label: 'x',
    }
    expect(await run(world, caseworker, trial.name, folder)).toEqual({
      status: 'refused',
      message: 'You may not import any programme’s monitoring data',
    })
    expect(await run(world, harlow, trial.name, folder)).toEqual({
      status: 'refused',
      message: 'You may not import any programme’s monitoring data',
    })
    expect(await run(world, manager, 'Nonesuch', folder)).toEqual({
      status: 'refused',
      message: 'No programme you may import into is called "Nonesuch"',
    })
    expect(imported(await run(world, manager, trial.name, folder)).casesCreated).toBe(1)
  })

  it('gives a case that names no district to the programme’s lead, even a county', async () => {
    const world = current()
    const county = (
      await world.db
        .insertInto('organisations')
        .values({ type: 'county_council', name: `County ${String(programmes)}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const trial = await programme(world, county)
    const outcome = await run(world, SYSTEM, trial.name, dataSet('case_ref,district\nK1,Harlow Council\nK2,\n'))
    expect(imported(outcome).casesCreated).toBe(2)
    const held = await world.db
      .selectFrom('monitoring_records')
      .select(['case_ref', 'authority_id', 'district'])
      .where('programme_id', '=', trial.id)
      .orderBy('case_ref')
      .execute()
    expect(held).toEqual([
      { case_ref: 'K1', authority_id: world.ids.harlow, district: 'Harlow Council' },
      { case_ref: 'K2', authority_id: county, district: null },
    ])
  })

  it('refuses an empty file and a file that is not CSV', async () => {
    const world = current()
    const trial = await programme(world)
    const empty = await run(world, SYSTEM, trial.name, dataSet(''))
    expect(empty.status === 'invalid' && empty.problems.map((p) => p.message)).toEqual([
      'cases.csv is empty: it needs a header row naming its columns',
    ])
    const broken = await run(world, SYSTEM, trial.name, dataSet('case_ref,comments\nB1,fine\nB2,"unterminated\n'))
    expect(broken.status === 'invalid' && broken.problems.map((p) => [p.row, p.message.slice(0, 40)])).toEqual([
      [3, 'The file is not valid CSV from here: Quo'],
    ])
    const midway = await run(world, SYSTEM, trial.name, dataSet('case_ref,comments\nB1,fine\nB2,fine\n"B3"x,bad\nB4,fine\n'))
    expect(midway.status === 'invalid' && midway.problems.map((p) => p.row)).toEqual([4])
  })
})
