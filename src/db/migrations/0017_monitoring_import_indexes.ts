import type { Migration } from './migration.ts'

/**
 * Indexes that moving a programme's monitoring data in and out needs at scale (measured with
 * bench/monitoring-import.ts on 100,000 cases and half a million activities):
 *
 * - flags by activity: a re-import replaces the activities it brings, and deleting an activity makes
 *   PostgreSQL check that no flag still points at it; without the index each check read every flag,
 *   and the re-import took 194 s instead of 41 s;
 * - a programme's activities in the order they were imported: the export reads them a page at a time
 *   after the last one it wrote.
 */
export const monitoringImportIndexes: Migration = {
  name: '0017_monitoring_import_indexes',
  statements: [
    `CREATE INDEX data_quality_flags_activity_idx ON data_quality_flags (activity_id) WHERE activity_id IS NOT NULL`,
    `CREATE INDEX monitoring_activities_programme_order_idx ON monitoring_activities (programme_id, id)`,
  ],
}
