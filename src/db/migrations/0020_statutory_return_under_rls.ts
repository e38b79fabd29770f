import type { Migration } from './migration.ts'

/**
 * The statutory return is read as the person preparing it, under row-level security, rather than by the
 * owner connection. The authority's data team (analysts and team managers) could already read its cases,
 * households, assessments, decisions and activities; the one thing the return needs beyond that is the
 * personal-details file, which 0006 keeps to the officers running a case.
 *
 * The data team may read the file only for its own authority, and only in a transaction that has
 * declared the purpose 'statutory_return' (db/modes.ts, declarePurpose). The return's service declares
 * it in the same transaction in which it writes the audit record of the read, so the team's read of
 * these rows is audited, and no other query of theirs (a case page, a report) can reach them.
 */
export const statutoryReturnUnderRls: Migration = {
  name: '0020_statutory_return_under_rls',
  statements: [
    `CREATE OR REPLACE FUNCTION upstream_purpose() RETURNS text LANGUAGE sql STABLE AS
       $$ SELECT coalesce(current_setting('upstream.purpose', true), '') $$`,
    `CREATE POLICY person_sensitive_details_return ON person_sensitive_details FOR SELECT TO upstream_app
       USING (upstream_role() IN ('analyst', 'team_manager') AND authority_id = upstream_organisation()
              AND upstream_purpose() = 'statutory_return')`,
  ],
}
