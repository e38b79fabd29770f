import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely'
import type { DataQualityFlagTable, DB } from '../../db/schema.ts'
import type { MonitoringActivity } from '../../domain/monitoring/record.ts'

/**
 * The data-quality flags (data_quality_flags) and what they point at. People read them as themselves
 * under row-level security (migration 0027); raising, clearing and reviewing flags is the system's work,
 * done once the service has checked who is asking.
 */

/** Where a flag lives: a programme's flags, or the flags on one authority's cases (whatever programme). */
export type FlagScope = { programmeId: string; authorityId?: undefined } | { authorityId: string; programmeId?: undefined }

/** Each of the programme's cases by the reference its monitoring data knows it by (case_ref, or casework's reference). */
export async function caseIdsOf(db: Kysely<DB>, programmeId: string) {
  const imported = await db
    .selectFrom('monitoring_records as m')
    .innerJoin('cases', 'cases.id', 'm.case_id')
    .where('m.programme_id', '=', programmeId)
    .select(['m.case_ref as caseRef', 'cases.id', 'cases.authority_id', 'cases.reference'])
    .execute()
  const recorded = await db
    .selectFrom('cases')
    .where('cases.programme_id', '=', programmeId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('monitoring_records as m').whereRef('m.case_id', '=', 'cases.id').select('m.case_id'))))
    .select(['cases.reference as caseRef', 'cases.id', 'cases.authority_id', 'cases.reference'])
    .execute()
  return new Map([...imported, ...recorded].map((r) => [r.caseRef, { id: r.id, authorityId: r.authority_id, reference: r.reference }]))
}

/** The programme's imported activities that matched no case, with their ids, in the order imported. */
export async function unmatchedActivities(db: Kysely<DB>, programmeId: string): Promise<(MonitoringActivity & { id: string })[]> {
  const rows = await db
    .selectFrom('monitoring_activities')
    .where('programme_id', '=', programmeId)
    .where('case_id', 'is', null)
    .select([sql<string>`id::text`.as('id'), 'household_ref', 'activity_date', 'activity_type', 'stage', 'comment'])
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    caseRef: null,
    householdRef: r.household_ref,
    activityDate: r.activity_date,
    activityType: r.activity_type,
    stage: r.stage,
    comment: r.comment,
  }))
}

/** The programmes with cases in an authority, imported or recorded through casework. */
export async function programmesIn(db: Kysely<DB>, authorityId: string) {
  return db
    .selectFrom('programmes')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('monitoring_records as m')
            .whereRef('m.programme_id', '=', 'programmes.id')
            .where('m.authority_id', '=', authorityId)
            .select('m.case_id'),
        ),
        eb.exists(
          eb
            .selectFrom('cases')
            .whereRef('cases.programme_id', '=', 'programmes.id')
            .where('cases.authority_id', '=', authorityId)
            .select('cases.id'),
        ),
      ]),
    )
    .select(['id', 'name', 'starts_on'])
    .orderBy('name')
    .execute()
}

export async function authorityById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisations')
    .where('id', '=', id)
    .where('type', '=', 'local_housing_authority')
    .select(['id', 'name', 'ons_code'])
    .executeTakeFirst()
}

/** A flag as a refresh raises it: always for a programme. */
export type FlagRow = Pick<Selectable<DataQualityFlagTable>, 'authority_id' | 'case_id' | 'activity_id' | 'kind' | 'field' | 'message'> & {
  programme_id: string
}

/**
 * The flags a refresh of one programme answers for, reviewed or not: in a programme-wide refresh, every
 * flag on its records and the programme-wide ones; in one authority's, the flags on that authority's
 * records and that authority's own data-set ones.
 */
export async function managedFlags(db: Kysely<DB>, programmeId: string, authorityId: string | null) {
  let query = db.selectFrom('data_quality_flags as f').leftJoin('cases', 'cases.id', 'f.case_id').where('f.programme_id', '=', programmeId)
  query =
    authorityId === null
      ? query.where((eb) => eb.or([eb('f.case_id', 'is not', null), eb('f.activity_id', 'is not', null), eb('f.authority_id', 'is', null)]))
      : query.where((eb) => eb(eb.fn.coalesce('f.authority_id', 'cases.authority_id'), '=', authorityId))
  return query.select(['f.id', 'f.authority_id', 'f.case_id', 'f.activity_id', 'f.kind', 'f.field', 'f.message', 'f.reviewed_at']).execute()
}

export async function insertFlags(db: Kysely<DB>, rows: readonly FlagRow[], now: Date) {
  const CHUNK = 1000
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('data_quality_flags')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, raised_at: now })))
      .execute()
}

export async function deleteFlags(db: Kysely<DB>, ids: readonly string[]) {
  const CHUNK = 1000
  for (let i = 0; i < ids.length; i += CHUNK)
    await db
      .deleteFrom('data_quality_flags')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('reviewed_at', 'is', null)
      .execute()
}

export async function updateFlag(db: Kysely<DB>, id: string, changes: { message: string; authority_id: string | null }) {
  await db.updateTable('data_quality_flags').set(changes).where('id', '=', id).execute()
}

function inScope(scope: FlagScope) {
  return scope.programmeId !== undefined
    ? sql<SqlBool>`f.programme_id = ${scope.programmeId}`
    : sql<SqlBool>`coalesce(f.authority_id, cases.authority_id) = ${scope.authorityId}`
}

function flagsQuery(db: Kysely<DB>) {
  return db.selectFrom('data_quality_flags as f').leftJoin('cases', 'cases.id', 'f.case_id')
}

/** Open and reviewed flags by kind. */
export async function flagCounts(db: Kysely<DB>, scope: FlagScope) {
  const rows = await flagsQuery(db)
    .where(inScope(scope))
    .select((eb) => [
      'f.kind',
      eb.fn.countAll<string>().filterWhere('f.reviewed_at', 'is', null).as('open'),
      eb.fn.countAll<string>().filterWhere('f.reviewed_at', 'is not', null).as('reviewed'),
    ])
    .groupBy('f.kind')
    .execute()
  return rows.map((r) => ({ kind: r.kind, open: Number(r.open), reviewed: Number(r.reviewed) }))
}

/** One page of flags, each with what it links to: the case, or the activity and the import it came from. */
export async function flagPage(db: Kysely<DB>, scope: FlagScope, options: { reviewed: boolean; offset: number; limit: number }) {
  let query = flagsQuery(db)
    .leftJoin('monitoring_activities as a', 'a.id', 'f.activity_id')
    .leftJoin('monitoring_imports as i', 'i.id', 'a.import_id')
    .leftJoin('programmes as p', 'p.id', 'f.programme_id')
    .leftJoin('organisations as authority', (join) => join.on(sql<SqlBool>`authority.id = coalesce(f.authority_id, cases.authority_id)`))
    .leftJoin('users as reviewer', 'reviewer.id', 'f.reviewed_by')
    .where(inScope(scope))
  if (!options.reviewed) query = query.where('f.reviewed_at', 'is', null)
  return query
    .select([
      'f.id',
      'f.programme_id',
      'f.kind',
      'f.field',
      'f.message',
      'f.raised_at',
      'f.reviewed_at',
      'f.review_reason',
      'reviewer.display_name as reviewer',
      'cases.reference',
      'p.name as programme',
      'authority.name as authority',
      'a.id as activity_id',
      'a.activity_date',
      'a.activity_type',
      'a.household_ref as activity_household_ref',
      'i.imported_at',
      'i.source as import_source',
    ])
    .orderBy('f.kind')
    .orderBy('cases.reference')
    .orderBy('a.id')
    .orderBy('f.field')
    .orderBy('f.id')
    .offset(options.offset)
    .limit(options.limit)
    .execute()
}

export async function flagById(db: Kysely<DB>, id: string) {
  return flagsQuery(db)
    .where('f.id', '=', id)
    .select([
      'f.id',
      'f.programme_id',
      sql<string | null>`coalesce(f.authority_id, cases.authority_id)`.as('authority_id'),
      'f.reviewed_at',
    ])
    .executeTakeFirst()
}

export async function markFlagReviewed(db: Kysely<DB>, id: string, review: { by: string | null; at: Date; reason: string }) {
  await db
    .updateTable('data_quality_flags')
    .set({ reviewed_at: review.at, reviewed_by: review.by, review_reason: review.reason })
    .where('id', '=', id)
    .execute()
}
