import type { Migration } from './migration.ts'

/**
 * Non-cooperation warnings and notices (s193B): the warning, the notice decided by one officer, and its
 * authorisation by a second. One row follows a warning through to its notice.
 */
export const nonCooperation: Migration = {
  name: '0004_non_cooperation',
  statements: [
    `CREATE TABLE non_cooperation_warnings (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       duty text NOT NULL CHECK (duty IN ('prevention', 'relief')),
       step_refused text NOT NULL,
       warned_on date NOT NULL,
       warned_by uuid NOT NULL REFERENCES users(id),
       reasonable_period_days integer NOT NULL CHECK (reasonable_period_days BETWEEN 1 AND 90),
       notice_decided_on date,
       notice_decided_by uuid REFERENCES users(id),
       notice_decided_by_role text,
       notice_reasons text,
       authorised_on date,
       authorised_by uuid REFERENCES users(id),
       CONSTRAINT non_cooperation_authorised_by_second_officer CHECK (authorised_by IS NULL OR authorised_by <> notice_decided_by),
       CONSTRAINT non_cooperation_notice_after_warning CHECK (notice_decided_on IS NULL OR notice_decided_on > warned_on)
     )`,
    `CREATE INDEX non_cooperation_warnings_case_idx ON non_cooperation_warnings (case_id)`,
    `GRANT SELECT, INSERT, UPDATE ON non_cooperation_warnings TO upstream_app`,
    `ALTER TABLE non_cooperation_warnings ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY non_cooperation_read ON non_cooperation_warnings FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY non_cooperation_insert ON non_cooperation_warnings FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND warned_by = upstream_user()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY non_cooperation_update ON non_cooperation_warnings FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  ],
}
