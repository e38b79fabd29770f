import type { Migration } from './migration.ts'

/**
 * Marks the cases a programme's monitoring data import wrote. They are cases of the platform, but a
 * programme's record of its support, not the authority's casework under Part 7: they have no
 * assessment, decisions or household members, and the authority's statutory return (H-CLIC) leaves
 * them out.
 */
export const importedCases: Migration = {
  name: '0019_imported_cases',
  statements: [
    `ALTER TABLE cases ADD COLUMN imported_from_monitoring boolean NOT NULL DEFAULT false`,
    `UPDATE cases SET imported_from_monitoring = true WHERE id IN (SELECT case_id FROM monitoring_records)`,
  ],
}
