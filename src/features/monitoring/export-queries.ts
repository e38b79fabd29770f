import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { MonitoringActivity } from '../../domain/monitoring/record.ts'

/**
 * The imported activities as the programme recorded them, a page at a time in the order they were
 * imported (each page starts after the last id of the one before): the case_ref or household_ref given, not
 * the case they were matched to, so that importing the export matches them again the same way.
 */
export async function importedActivitiesAfter(
  db: Kysely<DB>,
  programmeId: string,
  afterId: string | null,
  limit: number,
): Promise<(MonitoringActivity & { id: string })[]> {
  let query = db.selectFrom('monitoring_activities as a').where('a.programme_id', '=', programmeId)
  if (afterId !== null) query = query.where('a.id', '>', afterId)
  const rows = await query
    .select(['a.id', 'a.case_ref', 'a.household_ref', 'a.activity_date', 'a.activity_type', 'a.stage', 'a.comment'])
    .orderBy('a.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    caseRef: r.case_ref,
    householdRef: r.household_ref,
    activityDate: r.activity_date,
    activityType: r.activity_type,
    stage: r.stage,
    comment: r.comment,
  }))
}
