import type { Migration } from './migration.ts'

/**
 * Each monitoring record carries the types of the prevention activities matched to its case, kept by
 * the import as it writes the activities (import-queries.ts). The evaluation report counts prevention
 * activities per prevented case; reading them from here, it reads one row per case rather than every
 * activity of the programme (five million at a million cases, twice the size of the records).
 */
export const preventionActivityTypes: Migration = {
  name: '0018_prevention_activity_types',
  statements: [
    `ALTER TABLE monitoring_records ADD COLUMN prevention_activity_types text[] NOT NULL DEFAULT '{}'`,
    `UPDATE monitoring_records m SET prevention_activity_types = g.types
     FROM (SELECT case_id, array_agg(activity_type ORDER BY id) AS types FROM monitoring_activities
           WHERE stage = 'prevention' AND case_id IS NOT NULL GROUP BY case_id) g
     WHERE g.case_id = m.case_id`,
  ],
}
