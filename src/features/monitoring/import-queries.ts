import { sql, type Generated, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { DB, MonitoringRecordTable } from '../../db/schema.ts'
import { CASE_COLUMNS } from '../../domain/monitoring/record.ts'
import { COMPLETED_OUTCOMES } from '../../domain/monitoring/vocabulary.ts'

/**
 * The import's writes (import.ts), set-based so that a million cases take minutes: the rows read are
 * staged in temporary tables that vanish with the transaction, and every case, household, record,
 * activity and flag is then written by a handful of INSERT ... SELECT statements. The monitoring
 * tables belong to the system (0016_monitoring.ts), so these run as the owner, after the service has
 * checked who is asking.
 */

/** The columns a monitoring record holds as read from cases.csv, beside its case_ref. */
type RecordColumns = Omit<
  Selectable<MonitoringRecordTable>,
  'case_id' | 'programme_id' | 'authority_id' | 'import_id' | 'case_ref' | 'prevention_activity_types'
>

/** A cases.csv row as staged: every column as read, and where it goes. */
export type StagedCase = RecordColumns & {
  row: number
  /** False for a row that has problems: staged only so duplicate case_refs are found across all rows. */
  valid: boolean
  case_ref: string
  authority_id: string | null
}

// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type StagedWarning = {
  case_ref: string
  kind: string
  field: string | null
  message: string
}

// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type StagedActivity = {
  row: number
  case_ref: string | null
  household_ref: string | null
  activity_date: string | null
  activity_type: string
  stage: 'prevention' | 'relief'
  comment: string | null
}

// Type aliases, not interfaces: Kysely’s $extendTables needs their implicit index signature.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type StagingTables = {
  monitoring_import_cases: StagedCase & { case_id: string | null; household_id: string | null; existing: Generated<boolean> }
  monitoring_import_warnings: StagedWarning
  monitoring_import_activities: StagedActivity & { case_id: string | null }
}

const RECORD_COLUMNS = CASE_COLUMNS.filter((c): c is keyof RecordColumns => c !== 'case_ref')

/** The disabled account that holds a district's imported cases: it has no password and cannot sign in. */
export const IMPORTED_OFFICER_NAME = 'Imported from monitoring data'
const officerEmail = (authorityId: unknown) => sql<string>`('imported-monitoring-data+' || ${authorityId}::text || '@upstream.invalid')`

export async function programmeNamed(db: Kysely<DB>, name: string) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('organisations as lead', 'lead.id', 'p.lead_organisation_id')
    .where(sql<boolean>`lower(p.name) = lower(${name})`)
    .select(['p.id', 'p.name', 'p.lead_organisation_id', 'p.starts_on', 'lead.name as lead_name', 'lead.type as lead_type'])
    .executeTakeFirst()
}

export async function createStagingTables(trx: Transaction<DB>): Promise<void> {
  await sql`CREATE TEMP TABLE monitoring_import_cases (
      row integer NOT NULL,
      valid boolean NOT NULL,
      case_ref text NOT NULL,
      authority_id uuid,
      household_ref text, district text, provider text, worker text,
      referral_date date, recorded_date date, referral_route text, referral_agency text,
      applicant_sex text, applicant_age integer, applicant_uk_national text, applicant_ethnicity text,
      applicant_receives_benefits text, applicant_employment text, adults integer, dependent_children integer,
      housing_status text, risk_at_assessment text, previously_homeless text, previously_slept_rough text,
      previously_in_temporary_accommodation text, vulnerabilities text[], primary_vulnerability text,
      outcome text, case_end_date date, accommodation_outcome text, relief_activity text, comments text,
      case_id uuid, household_id uuid, existing boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`.execute(trx)
  await sql`CREATE TEMP TABLE monitoring_import_warnings (
      case_ref text NOT NULL, kind text NOT NULL, field text, message text NOT NULL
    ) ON COMMIT DROP`.execute(trx)
  await sql`CREATE TEMP TABLE monitoring_import_activities (
      row integer NOT NULL, case_ref text, household_ref text, activity_date date, activity_type text NOT NULL,
      stage text NOT NULL, comment text, case_id uuid
    ) ON COMMIT DROP`.execute(trx)
  // Each matched case's prevention activity types (matchActivities), for its record.
  await sql`CREATE TEMP TABLE monitoring_import_case_types (case_id uuid PRIMARY KEY, types text[] NOT NULL) ON COMMIT DROP`.execute(trx)
}

const staging = (trx: Transaction<DB>) => trx.$extendTables<StagingTables>()

export async function stageCases(trx: Transaction<DB>, rows: readonly StagedCase[]): Promise<void> {
  if (rows.length > 0) await staging(trx).insertInto('monitoring_import_cases').values(rows).execute()
}

export async function stageWarnings(trx: Transaction<DB>, rows: readonly StagedWarning[]): Promise<void> {
  if (rows.length > 0) await staging(trx).insertInto('monitoring_import_warnings').values(rows).execute()
}

export async function stageActivities(trx: Transaction<DB>, rows: readonly StagedActivity[]): Promise<void> {
  if (rows.length > 0) await staging(trx).insertInto('monitoring_import_activities').values(rows).execute()
}

/** The rows whose case_ref an earlier row of the file already has, with that earlier row. */
export async function duplicateCaseRefs(trx: Transaction<DB>, limit: number) {
  await sql`CREATE INDEX ON monitoring_import_cases (case_ref, row)`.execute(trx)
  // Temporary tables are never analysed automatically: without statistics the planner takes a
  // million staged rows for a handful.
  await sql`ANALYZE monitoring_import_cases`.execute(trx)
  const rows = await sql<{ row: number; case_ref: string; first_row: number; total: string }>`
    SELECT row, case_ref, first_row, count(*) OVER () AS total FROM (
      SELECT row, case_ref, min(row) OVER (PARTITION BY case_ref) AS first_row FROM monitoring_import_cases
    ) d WHERE row > first_row ORDER BY row LIMIT ${limit}`.execute(trx)
  return { rows: rows.rows, total: Number(rows.rows[0]?.total ?? 0) }
}

export async function createImport(
  trx: Transaction<DB>,
  values: { programmeId: string; importedAt: Date; importedBy: string; source: string },
): Promise<string> {
  const row = await trx
    .insertInto('monitoring_imports')
    .values({
      programme_id: values.programmeId,
      imported_at: values.importedAt,
      imported_by: values.importedBy,
      source: values.source,
      cases: 0,
      activities: 0,
      warnings: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Records the day the programme began (the data-quality checks judge its data against it). */
export async function setProgrammeStart(trx: Transaction<DB>, programmeId: string, startsOn: string): Promise<void> {
  await trx.updateTable('programmes').set({ starts_on: startsOn }).where('id', '=', programmeId).execute()
}

export async function finishImport(trx: Transaction<DB>, id: string, counts: { cases: number; activities: number; warnings: number }) {
  await trx.updateTable('monitoring_imports').set(counts).where('id', '=', id).execute()
}

/**
 * Writes the staged cases: each a case of the platform in its district, held by the district's
 * imported officer, in one household per household_ref within the programme. A case_ref the programme
 * already has is the same case, updated in place. Their monitoring records follow (writeRecords), once
 * the activities are matched to them.
 */
export async function writeCases(
  trx: Transaction<DB>,
  p: { programmeId: string; importId: string; referencePrefix: string; importedOn: string; now: Date },
): Promise<{ created: number; updated: number }> {
  await sql`
    UPDATE monitoring_import_cases s SET case_id = m.case_id, household_id = c.household_id, existing = true
    FROM monitoring_records m JOIN cases c ON c.id = m.case_id
    WHERE m.programme_id = ${p.programmeId}::uuid AND m.case_ref = s.case_ref`.execute(trx)
  await sql`UPDATE monitoring_import_cases SET case_id = gen_random_uuid() WHERE case_id IS NULL`.execute(trx)

  // One household per household_ref within the programme: the one its cases already share, if any,
  // else a new one in the district of the first row that names it.
  await sql`
    CREATE TEMP TABLE monitoring_import_households ON COMMIT DROP AS
    SELECT DISTINCT ON (s.household_ref) s.household_ref, s.authority_id, NULL::uuid AS household_id, false AS existing
    FROM monitoring_import_cases s WHERE s.household_ref IS NOT NULL ORDER BY s.household_ref, s.row`.execute(trx)
  await sql`
    UPDATE monitoring_import_households h SET household_id = x.household_id, existing = true
    FROM (SELECT DISTINCT ON (m.household_ref) m.household_ref, c.household_id
          FROM monitoring_records m JOIN cases c ON c.id = m.case_id
          WHERE m.programme_id = ${p.programmeId}::uuid
            AND m.household_ref IN (SELECT household_ref FROM monitoring_import_households)
          ORDER BY m.household_ref, m.referral_date DESC NULLS LAST, m.case_ref) x
    WHERE x.household_ref = h.household_ref`.execute(trx)
  await sql`UPDATE monitoring_import_households SET household_id = gen_random_uuid() WHERE household_id IS NULL`.execute(trx)
  await sql`INSERT INTO households (id, authority_id, created_at)
    SELECT household_id, authority_id, ${p.now}::timestamptz FROM monitoring_import_households WHERE NOT existing`.execute(trx)
  await sql`UPDATE monitoring_import_cases s SET household_id = h.household_id
    FROM monitoring_import_households h WHERE h.household_ref = s.household_ref`.execute(trx)
  // A case with no household_ref is a household of its own (kept, when the case is re-imported).
  await sql`
    WITH fresh AS (
      UPDATE monitoring_import_cases SET household_id = gen_random_uuid()
      WHERE household_id IS NULL RETURNING household_id, authority_id
    )
    INSERT INTO households (id, authority_id, created_at) SELECT household_id, authority_id, ${p.now}::timestamptz FROM fresh`.execute(trx)

  await sql`
    INSERT INTO users (organisation_id, email, display_name, role, disabled_at)
    SELECT DISTINCT s.authority_id, ${officerEmail(sql.ref('s.authority_id'))}, ${IMPORTED_OFFICER_NAME}::text, 'caseworker', ${p.now}::timestamptz
    FROM monitoring_import_cases s
    WHERE NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = ${officerEmail(sql.ref('s.authority_id'))})
    ON CONFLICT DO NOTHING`.execute(trx)

  // Casework's view of the case: live cases are in prevention; a final outcome closes the case on the
  // day support ended (never before it was opened: the record keeps the date as given, and flags it).
  // The channel of approach is not in the data: a partner's referral is a referral, anything else is
  // taken as an approach in person.
  await sql`
    INSERT INTO cases (id, reference, authority_id, officer_id, household_id, programme_id, approached_on,
                       approach_channel, referral_route, stage, housing_status, risk_at_assessment, outcome,
                       accommodation_outcome, closed_on, prevention_started_on, imported_from_monitoring, created_at, updated_at)
    SELECT s.case_id, ${p.referencePrefix}::text || s.case_ref, s.authority_id, u.id, s.household_id, ${p.programmeId}::uuid, a.approached_on,
           CASE WHEN s.referral_route = 'partner_referral' THEN 'referral' ELSE 'in_person' END,
           s.referral_route, CASE WHEN a.final THEN 'closed' ELSE 'prevention' END, s.housing_status, s.risk_at_assessment,
           s.outcome, s.accommodation_outcome,
           CASE WHEN a.final THEN greatest(s.case_end_date, a.approached_on) END, a.approached_on, true, ${p.now}::timestamptz, ${p.now}::timestamptz
    FROM monitoring_import_cases s
    CROSS JOIN LATERAL (SELECT coalesce(s.referral_date, s.recorded_date, ${p.importedOn}::date) AS approached_on,
                               coalesce(s.outcome IN (${sql.join(COMPLETED_OUTCOMES.map((o) => sql.lit(o)))}), false) AS final) a
    JOIN users u ON lower(u.email) = ${officerEmail(sql.ref('s.authority_id'))}
    ON CONFLICT (id) DO UPDATE SET
      authority_id = excluded.authority_id, officer_id = excluded.officer_id, household_id = excluded.household_id,
      approached_on = excluded.approached_on, approach_channel = excluded.approach_channel,
      referral_route = excluded.referral_route, stage = excluded.stage, housing_status = excluded.housing_status,
      risk_at_assessment = excluded.risk_at_assessment, outcome = excluded.outcome,
      accommodation_outcome = excluded.accommodation_outcome, closed_on = excluded.closed_on,
      prevention_started_on = excluded.prevention_started_on, updated_at = excluded.updated_at,
      version = cases.version + 1`.execute(trx)

  await sql`ANALYZE monitoring_import_cases`.execute(trx)
  const counts = await sql<{ created: string; updated: string }>`
    SELECT count(*) FILTER (WHERE NOT existing) AS created, count(*) FILTER (WHERE existing) AS updated
    FROM monitoring_import_cases`.execute(trx)
  return { created: Number(counts.rows[0]?.created ?? 0), updated: Number(counts.rows[0]?.updated ?? 0) }
}

/**
 * Matches the staged activities to the programme's cases, before any monitoring record is written:
 * the cases of this file as staged, and the programme's other cases as recorded. Each goes to the case
 * with its case_ref; one with only a household_ref to the household's case whose referral-to-end
 * period contains its date, else to the household's latest case; one that matches nothing stays
 * unmatched.
 */
export async function matchActivities(trx: Transaction<DB>, p: { programmeId: string }): Promise<void> {
  await sql`CREATE INDEX ON monitoring_import_activities (case_ref)`.execute(trx)
  await sql`ANALYZE monitoring_import_activities`.execute(trx)
  await sql`
    UPDATE monitoring_import_activities a SET case_id = s.case_id FROM monitoring_import_cases s
    WHERE a.case_ref IS NOT NULL AND s.case_ref = a.case_ref`.execute(trx)
  await sql`
    UPDATE monitoring_import_activities a SET case_id = m.case_id FROM monitoring_records m
    WHERE m.programme_id = ${p.programmeId}::uuid AND a.case_id IS NULL AND a.case_ref IS NOT NULL
      AND m.case_ref = a.case_ref`.execute(trx)
  // Parameters are not allowed in CREATE TABLE AS, so the temporary tables are made, then filled.
  await sql`CREATE TEMP TABLE monitoring_import_household_cases (
      household_ref text, case_id uuid, case_ref text, referral_date date, case_end_date date
    ) ON COMMIT DROP`.execute(trx)
  // A re-imported case is taken as this file has it, not as it was recorded.
  await sql`
    INSERT INTO monitoring_import_household_cases
    SELECT s.household_ref, s.case_id, s.case_ref, s.referral_date, s.case_end_date FROM monitoring_import_cases s
    WHERE s.household_ref IN (SELECT household_ref FROM monitoring_import_activities WHERE case_ref IS NULL)
    UNION ALL
    SELECT m.household_ref, m.case_id, m.case_ref, m.referral_date, m.case_end_date FROM monitoring_records m
    WHERE m.programme_id = ${p.programmeId}::uuid
      AND m.household_ref IN (SELECT household_ref FROM monitoring_import_activities WHERE case_ref IS NULL)
      AND NOT EXISTS (SELECT 1 FROM monitoring_import_cases s WHERE s.case_id = m.case_id)`.execute(trx)
  await sql`CREATE INDEX ON monitoring_import_household_cases (household_ref)`.execute(trx)
  await sql`ANALYZE monitoring_import_household_cases`.execute(trx)
  await sql`
    UPDATE monitoring_import_activities a SET case_id = (
      SELECT h.case_id FROM monitoring_import_household_cases h WHERE h.household_ref = a.household_ref
      ORDER BY coalesce(a.activity_date >= h.referral_date AND a.activity_date <= coalesce(h.case_end_date, 'infinity'::date), false) DESC,
               h.referral_date DESC NULLS LAST, h.case_ref DESC
      LIMIT 1)
    WHERE a.case_ref IS NULL`.execute(trx)
  await sql`ANALYZE monitoring_import_activities`.execute(trx)
  await sql`
    INSERT INTO monitoring_import_case_types
    SELECT case_id, coalesce(array_agg(activity_type) FILTER (WHERE stage = 'prevention'), '{}')
    FROM monitoring_import_activities WHERE case_id IS NOT NULL GROUP BY case_id`.execute(trx)
  await sql`ANALYZE monitoring_import_case_types`.execute(trx)
}

/**
 * Writes the staged cases' monitoring records, each with the types of the prevention activities
 * matched to it. When the file brings activities they replace every activity of its cases
 * (writeActivities), so a re-imported record takes the new types; without activities a re-imported
 * record keeps the types it had.
 */
export async function writeRecords(
  trx: Transaction<DB>,
  p: { programmeId: string; importId: string; activitiesReplaced: boolean },
): Promise<void> {
  const columns = sql.join(RECORD_COLUMNS.map((c) => sql.ref(c)))
  const fromStaging = sql.join(RECORD_COLUMNS.map((c) => sql.ref(`s.${c}`)))
  const updates = sql.join([
    ...RECORD_COLUMNS.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
    ...(p.activitiesReplaced ? [sql`prevention_activity_types = excluded.prevention_activity_types`] : []),
  ])
  await sql`
    INSERT INTO monitoring_records (case_id, programme_id, authority_id, import_id, case_ref, ${columns}, prevention_activity_types)
    SELECT s.case_id, ${p.programmeId}::uuid, s.authority_id, ${p.importId}::uuid, s.case_ref, ${fromStaging}, coalesce(g.types, '{}')
    FROM monitoring_import_cases s LEFT JOIN monitoring_import_case_types g ON g.case_id = s.case_id
    ON CONFLICT (case_id) DO UPDATE SET authority_id = excluded.authority_id, import_id = excluded.import_id, ${updates}`.execute(trx)
}

/**
 * Raises the staged warnings as flags on the cases. A re-import raises them afresh: the unreviewed
 * import flags of its cases go first; a flag someone has reviewed stays, and is not raised again.
 */
export async function raiseCaseFlags(
  trx: Transaction<DB>,
  p: { programmeId: string; kinds: readonly string[]; now: Date },
): Promise<number> {
  await sql`
    DELETE FROM data_quality_flags f USING monitoring_import_cases s
    WHERE s.existing AND f.case_id = s.case_id AND f.activity_id IS NULL AND f.reviewed_at IS NULL
      AND f.kind IN (${sql.join(p.kinds)})`.execute(trx)
  const raised = await sql`
    INSERT INTO data_quality_flags (programme_id, authority_id, case_id, kind, field, message, raised_at)
    SELECT ${p.programmeId}::uuid, s.authority_id, s.case_id, w.kind, w.field, w.message, ${p.now}::timestamptz
    FROM monitoring_import_warnings w JOIN monitoring_import_cases s ON s.case_ref = w.case_ref
    WHERE NOT EXISTS (SELECT 1 FROM data_quality_flags f
                      WHERE f.case_id = s.case_id AND f.activity_id IS NULL AND f.kind = w.kind
                        AND f.field IS NOT DISTINCT FROM w.field AND f.reviewed_at IS NOT NULL)`.execute(trx)
  return Number(raised.numAffectedRows ?? 0)
}

/**
 * Writes the staged activities, matched (matchActivities); one that matches nothing is kept, unmatched,
 * and flagged. The activities this file replaces go first: those of the cases it re-imports or its
 * activities match, and the unmatched ones filed under the same case_ref or household_ref. The
 * programme's other cases that its activities match take their new prevention activities' types.
 */
export async function writeActivities(
  trx: Transaction<DB>,
  p: { programmeId: string; importId: string; now: Date; unmatchedPrefix: { case_ref: string; household_ref: string } },
): Promise<{ activities: number; unmatched: number; flags: number }> {
  // One semi-join per reason, not ORs of INs: PostgreSQL cannot hash an IN under an OR, and at a
  // million cases it then compares every activity with every case.
  const replaced = sql`
    SELECT x.id FROM monitoring_activities x
    WHERE x.programme_id = ${p.programmeId}::uuid
      AND x.case_id IN (SELECT case_id FROM monitoring_import_cases WHERE existing)
    UNION
    SELECT x.id FROM monitoring_activities x
    WHERE x.programme_id = ${p.programmeId}::uuid
      AND x.case_id IN (SELECT case_id FROM monitoring_import_activities WHERE case_id IS NOT NULL)
    UNION
    SELECT x.id FROM monitoring_activities x
    WHERE x.programme_id = ${p.programmeId}::uuid AND x.case_id IS NULL
      AND x.case_ref IN (SELECT case_ref FROM monitoring_import_activities WHERE case_ref IS NOT NULL)
    UNION
    SELECT x.id FROM monitoring_activities x
    WHERE x.programme_id = ${p.programmeId}::uuid AND x.case_id IS NULL AND x.case_ref IS NULL
      AND x.household_ref IN (SELECT household_ref FROM monitoring_import_activities WHERE case_ref IS NULL)`
  await sql`CREATE TEMP TABLE monitoring_import_replaced (id bigint) ON COMMIT DROP`.execute(trx)
  await sql`INSERT INTO monitoring_import_replaced ${replaced}`.execute(trx)
  await sql`DELETE FROM data_quality_flags WHERE activity_id IN (SELECT id FROM monitoring_import_replaced)`.execute(trx)
  await sql`DELETE FROM monitoring_activities WHERE id IN (SELECT id FROM monitoring_import_replaced)`.execute(trx)

  const inserted = await sql`
    INSERT INTO monitoring_activities (programme_id, import_id, case_id, case_ref, household_ref, activity_date, activity_type, stage, comment)
    SELECT ${p.programmeId}::uuid, ${p.importId}::uuid, case_id, case_ref, household_ref, activity_date, activity_type, stage, comment
    FROM monitoring_import_activities ORDER BY row`.execute(trx)
  const flags = await sql`
    INSERT INTO data_quality_flags (programme_id, activity_id, kind, field, message, raised_at)
    SELECT ${p.programmeId}::uuid, a.id, 'unmatched_activity',
           CASE WHEN a.case_ref IS NOT NULL THEN 'case_ref' ELSE 'household_ref' END,
           CASE WHEN a.case_ref IS NOT NULL THEN ${p.unmatchedPrefix.case_ref}::text || a.case_ref
                ELSE ${p.unmatchedPrefix.household_ref}::text || a.household_ref END,
           ${p.now}::timestamptz
    FROM monitoring_activities a WHERE a.import_id = ${p.importId}::uuid AND a.case_id IS NULL`.execute(trx)
  await sql`
    UPDATE monitoring_records m SET prevention_activity_types = g.types FROM monitoring_import_case_types g
    WHERE m.case_id = g.case_id AND NOT EXISTS (SELECT 1 FROM monitoring_import_cases s WHERE s.case_id = m.case_id)`.execute(trx)
  const unmatched = Number(flags.numAffectedRows ?? 0)
  return { activities: Number(inserted.numAffectedRows ?? 0), unmatched, flags: unmatched }
}
