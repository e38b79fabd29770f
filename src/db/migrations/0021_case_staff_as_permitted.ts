import type { Migration } from './migration.ts'

/**
 * The policies' case staff were caseworkers, team managers, analysts and administrators, while every
 * case page refused administrators: an administrator's `cases list --as` listed cases no page of theirs
 * would show. The permission table (platform/permissions.ts, 'case.read') is the rule, and
 * permissions.int.test.ts checks these role lists against it.
 */
export const caseStaffAsPermitted: Migration = {
  name: '0021_case_staff_as_permitted',
  statements: [
    `CREATE OR REPLACE FUNCTION upstream_is_case_staff() RETURNS boolean LANGUAGE sql STABLE AS
       $$ SELECT upstream_role() IN ('caseworker', 'team_manager', 'analyst') $$`,
  ],
}
