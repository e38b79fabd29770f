import { sql, type InferResult, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB, MonitoringRecordTable } from '../../db/schema.ts'
import { monitoringActivityFromCasework, type CaseworkCase } from '../../domain/monitoring/casework.ts'
import type { MonitoringActivity, MonitoringCase } from '../../domain/monitoring/record.ts'
import type { ReportedCase } from '../../domain/monitoring/report.ts'

/**
 * A programme's monitoring data: the records imported for it, and the cases its workers recorded
 * through casework. Read as the person asking under row-level security (migration 0027), or as the
 * system on the command line (see service.ts), bound to the programmes and districts asked for.
 */

export async function programmesLedBy(db: Kysely<DB>, organisationId: string | null) {
  let query = db.selectFrom('programmes').select(['id', 'name', 'lead_organisation_id', 'starts_on']).orderBy('name')
  if (organisationId !== null) query = query.where('lead_organisation_id', '=', organisationId)
  return query.execute()
}

export async function districtsOf(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .where('type', '=', 'local_housing_authority')
    .select(['id', 'name', 'ons_code'])
    .orderBy('name')
    .execute()
}

/** How many records one query reads: large enough to be quick, small enough to keep memory flat. */
const PAGE = 10_000

/**
 * The programmes' imported records, programme by programme and page by page in case_ref order through
 * the unique index, so a million-case programme is read in constant memory.
 */
export async function* importedCases(
  db: Kysely<DB>,
  programmeIds: readonly string[],
  districtIds: readonly string[] | null,
): AsyncGenerator<MonitoringCase> {
  if (districtIds?.length === 0) return
  for (const programmeId of programmeIds) {
    // Each page starts where the last ended, found in the index: no page costs more than the first.
    let after: string | null = null
    for (;;) {
      let query = db.selectFrom('monitoring_records as m').where('m.programme_id', '=', programmeId)
      if (districtIds !== null) query = query.where('m.authority_id', 'in', districtIds)
      if (after !== null) query = query.where('m.case_ref', '>', after)
      const rows = await query.selectAll('m').orderBy('m.case_ref').limit(PAGE).execute()
      for (const r of rows) yield monitoringCaseOf(r)
      const last = rows.at(-1)
      if (rows.length < PAGE || last === undefined) break
      after = last.case_ref
    }
  }
}

function monitoringCaseOf(r: Selectable<MonitoringRecordTable>): MonitoringCase {
  return {
    caseRef: r.case_ref,
    householdRef: r.household_ref,
    district: r.district,
    provider: r.provider,
    worker: r.worker,
    referralDate: r.referral_date,
    recordedDate: r.recorded_date,
    referralRoute: r.referral_route,
    referralAgency: r.referral_agency,
    applicantSex: r.applicant_sex,
    applicantAge: r.applicant_age,
    applicantUkNational: r.applicant_uk_national,
    applicantEthnicity: r.applicant_ethnicity,
    applicantReceivesBenefits: r.applicant_receives_benefits,
    applicantEmployment: r.applicant_employment,
    adults: r.adults,
    dependentChildren: r.dependent_children,
    housingStatus: r.housing_status,
    riskAtAssessment: r.risk_at_assessment,
    previouslyHomeless: r.previously_homeless,
    previouslySleptRough: r.previously_slept_rough,
    previouslyInTemporaryAccommodation: r.previously_in_temporary_accommodation,
    vulnerabilities: r.vulnerabilities,
    primaryVulnerability: r.primary_vulnerability,
    outcome: r.outcome,
    caseEndDate: r.case_end_date,
    accommodationOutcome: r.accommodation_outcome,
    reliefActivity: r.relief_activity,
    comments: r.comments,
  }
}

/**
 * The activities imported for the programmes, page by page, with the case each matched (null when it
 * matched none). With districts asked for, only those of cases in them, and the unmatched.
 */
export async function* importedActivities(
  db: Kysely<DB>,
  programmeIds: readonly string[],
  districtIds: readonly string[] | null,
): AsyncGenerator<MonitoringActivity> {
  if (programmeIds.length === 0) return
  let after = 0n
  for (;;) {
    let query = db
      .selectFrom('monitoring_activities as a')
      .leftJoin('monitoring_records as m', 'm.case_id', 'a.case_id')
      .where('a.programme_id', 'in', programmeIds)
      .where('a.id', '>', String(after))
    if (districtIds !== null)
      query = query.where((eb) =>
        districtIds.length === 0
          ? eb('a.case_id', 'is', null)
          : eb.or([eb('a.case_id', 'is', null), eb('m.authority_id', 'in', districtIds)]),
      )
    const rows = await query
      .select(['a.id', 'm.case_ref as matched_ref', 'a.household_ref', 'a.activity_date', 'a.activity_type', 'a.stage', 'a.comment'])
      .orderBy('a.id')
      .limit(PAGE)
      .execute()
    for (const r of rows)
      yield {
        caseRef: r.matched_ref,
        householdRef: r.household_ref,
        activityDate: r.activity_date,
        activityType: r.activity_type,
        stage: r.stage,
        comment: r.comment,
      }
    const last = rows.at(-1)
    if (rows.length < PAGE || last === undefined) return
    after = BigInt(last.id)
  }
}

/**
 * What the evaluation report counts of the programmes' imported records, a page at a time: only the
 * fields it counts, and the types of each case's prevention activities as the record keeps them, so
 * no activity is read. One query read through a cursor, in the caller's read-only transaction (see
 * asActorStream): a million cases are read once, in constant memory, and in no particular order (the report does not depend on it).
 */
export async function* importedReportedCases(
  trx: Transaction<DB>,
  programmeIds: readonly string[],
  districtIds: readonly string[] | null,
): AsyncGenerator<ReportedCase[]> {
  if (programmeIds.length === 0 || districtIds?.length === 0) return
  let pending: Promise<unknown> | null = null
  try {
    let query = trx.selectFrom('monitoring_records as m').where('m.programme_id', 'in', programmeIds)
    if (districtIds !== null) query = query.where('m.authority_id', 'in', districtIds)
    // The lists come as text and are split here: node-postgres reads an array literal a character at
    // a time, which at a million cases cost more than the rest of the row. Their values are
    // vocabulary codes (checked by the import), which never hold a space.
    const reported = query.select([
      'm.case_ref as caseRef',
      'm.household_ref as householdRef',
      'm.district',
      'm.referral_date as referralDate',
      'm.referral_route as referralRoute',
      'm.applicant_sex as applicantSex',
      'm.applicant_age as applicantAge',
      'm.applicant_uk_national as applicantUkNational',
      'm.applicant_receives_benefits as applicantReceivesBenefits',
      'm.applicant_employment as applicantEmployment',
      'm.adults',
      'm.dependent_children as dependentChildren',
      'm.housing_status as housingStatus',
      'm.risk_at_assessment as riskAtAssessment',
      'm.previously_homeless as previouslyHomeless',
      'm.previously_slept_rough as previouslySleptRough',
      'm.previously_in_temporary_accommodation as previouslyInTemporaryAccommodation',
      sql<string | null>`array_to_string(m.vulnerabilities, ' ')`.as('vulnerabilities'),
      'm.primary_vulnerability as primaryVulnerability',
      'm.outcome',
      'm.case_end_date as caseEndDate',
      'm.accommodation_outcome as accommodationOutcome',
      'm.relief_activity as reliefActivity',
      sql<string>`array_to_string(m.prevention_activity_types, ' ')`.as('preventionActivityTypes'),
    ])
    await sql`DECLARE reported_cases NO SCROLL CURSOR FOR ${reported}`.execute(trx)
    const fetchPage = async () =>
      (await sql<InferResult<typeof reported>[number]>`FETCH ${sql.lit(PAGE)} FROM reported_cases`.execute(trx)).rows
    // The next page is asked for before this one is handed over, so the database reads it while the
    // report counts this one.
    let next = fetchPage()
    for (;;) {
      const rows = await next
      const more = rows.length === PAGE
      if (more) pending = next = fetchPage()
      yield rows.map(reportedCaseOf)
      if (!more) break
    }
    await sql`CLOSE reported_cases`.execute(trx)
  } finally {
    // Also when the reader stops early or fails: the page asked for ahead is awaited before the
    // transaction holding the cursor is let go by whoever opened it.
    await pending?.catch(() => undefined)
  }
}

/**
 * The row as the report reads it, its two lists split in place: a copy of every row costs a million
 * cases a second of garbage collection.
 */
type WithLists<Row> = Omit<Row, 'vulnerabilities' | 'preventionActivityTypes'> & {
  vulnerabilities: string[] | null
  preventionActivityTypes: string[]
}

function reportedCaseOf<Row extends { vulnerabilities: string | null; preventionActivityTypes: string }>(row: Row): WithLists<Row> {
  const { vulnerabilities, preventionActivityTypes } = row
  const split = row as unknown as WithLists<Row>
  split.vulnerabilities = vulnerabilities === null ? null : codesIn(vulnerabilities)
  split.preventionActivityTypes = codesIn(preventionActivityTypes)
  return split
}

const codesIn = (list: string): string[] => (list === '' ? [] : list.split(' '))

/** How many of the programmes' imported activities matched no case. */
export async function unmatchedImportedActivities(db: Kysely<DB>, programmeIds: readonly string[]): Promise<number> {
  if (programmeIds.length === 0) return 0
  const row = await db
    .selectFrom('monitoring_activities')
    .where('programme_id', 'in', programmeIds)
    .where('case_id', 'is', null)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The programme's cases recorded through casework (those without an imported record). */
export async function caseworkCases(
  db: Kysely<DB>,
  programmeIds: readonly string[],
  districtIds: readonly string[] | null,
): Promise<CaseworkCase[]> {
  if (programmeIds.length === 0) return []
  let query = db
    .selectFrom('cases')
    .innerJoin('organisations as authority', 'authority.id', 'cases.authority_id')
    .leftJoin('organisations as provider', 'provider.id', 'cases.provider_organisation_id')
    .innerJoin('users as officer', 'officer.id', 'cases.officer_id')
    .leftJoin('case_assessments as a', 'a.case_id', 'cases.id')
    .leftJoin('people as applicant', (join) =>
      join.onRef('applicant.household_id', '=', 'cases.household_id').on('applicant.is_applicant', '=', true),
    )
    .leftJoin('person_sensitive_details as s', 's.person_id', 'applicant.id')
    .where('cases.programme_id', 'in', programmeIds)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('monitoring_records as m').whereRef('m.case_id', '=', 'cases.id').select('m.case_id'))))
  if (districtIds !== null)
    query = districtIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('cases.authority_id', 'in', districtIds)
  const rows = await query
    .select((eb) => [
      'cases.reference',
      'cases.household_id',
      'authority.name as district',
      'provider.name as provider',
      'officer.display_name as worker',
      'cases.approached_on',
      sql<string>`to_char(cases.created_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`.as('recorded_on'),
      'cases.referral_route',
      'cases.stage',
      'cases.relief_started_on',
      'cases.main_duty_started_on',
      'cases.housing_status',
      'cases.risk_at_assessment',
      'cases.support_needs',
      'cases.outcome',
      'cases.closed_on',
      'cases.accommodation_outcome',
      'cases.accommodation_secured',
      'a.employment',
      'applicant.id as applicant_id',
      'applicant.sex',
      'applicant.date_of_birth',
      's.nationality',
      's.ethnic_group',
      eb
        .selectFrom('people as member')
        .whereRef('member.household_id', '=', 'cases.household_id')
        .where('member.is_applicant', '=', false)
        .select(sql<(string | null)[]>`coalesce(array_agg(member.date_of_birth::text), '{}')`.as('dobs'))
        .as('other_birth_dates'),
      eb
        .selectFrom('case_activities as t')
        .whereRef('t.case_id', '=', 'cases.id')
        .where('t.duty', '=', 'relief')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .as('relief_activities'),
    ])
    .orderBy('cases.reference')
    .execute()
  return rows.map((r) => ({
    reference: r.reference,
    householdId: r.household_id,
    district: r.district,
    provider: r.provider,
    worker: r.worker,
    approachedOn: r.approached_on,
    recordedOn: r.recorded_on,
    referralRoute: r.referral_route,
    stage: r.stage,
    reliefStartedOn: r.relief_started_on,
    mainDutyStartedOn: r.main_duty_started_on,
    housingStatus: r.housing_status,
    riskAtAssessment: r.risk_at_assessment,
    supportNeeds: r.support_needs,
    outcome: r.outcome,
    closedOn: r.closed_on,
    accommodationOutcome: r.accommodation_outcome,
    accommodationSecured: r.accommodation_secured,
    reliefActivities: Number(r.relief_activities ?? 0),
    applicant:
      r.applicant_id === null
        ? null
        : { sex: r.sex, dateOfBirth: r.date_of_birth, nationality: r.nationality, ethnicGroup: r.ethnic_group },
    otherMembersBirthDates: r.other_birth_dates ?? [],
    employment: (r.employment as CaseworkCase['employment']) ?? null,
  }))
}

/** The activities recorded through casework on the programmes' casework-recorded cases, as monitoring data has them. */
export async function caseworkActivities(
  db: Kysely<DB>,
  programmeIds: readonly string[],
  districtIds: readonly string[] | null,
): Promise<MonitoringActivity[]> {
  if (programmeIds.length === 0 || districtIds?.length === 0) return []
  let query = db
    .selectFrom('case_activities as t')
    .innerJoin('cases', 'cases.id', 't.case_id')
    .where('cases.programme_id', 'in', programmeIds)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('monitoring_records as m').whereRef('m.case_id', '=', 'cases.id').select('m.case_id'))))
  if (districtIds !== null) query = query.where('cases.authority_id', 'in', districtIds)
  const rows = await query
    .select(['cases.reference', 'cases.household_id', 't.activity', 't.duty', 't.done_on'])
    .orderBy('t.done_on')
    .execute()
  return rows.map((a) =>
    monitoringActivityFromCasework({
      reference: a.reference,
      householdId: a.household_id,
      activity: a.activity,
      duty: a.duty,
      doneOn: a.done_on,
    }),
  )
}
