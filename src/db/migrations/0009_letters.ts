import type { Migration } from './migration.ts'

/**
 * Decision letters and notices, kept on the case exactly as they were issued: the rendered letter (HTML
 * and plain text), the template and its version, and the facts it was written from. A letter is never
 * changed or removed (the trigger refuses it even to the table's owner); a corrected letter is a new
 * one that names the letter it replaces.
 */
export const letters: Migration = {
  name: '0009_letters',
  statements: [
    `CREATE TABLE case_letters (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       event_id uuid REFERENCES case_events(id),
       replaces_letter_id uuid REFERENCES case_letters(id),
       kind text NOT NULL,
       template_version integer NOT NULL CHECK (template_version >= 1),
       title text NOT NULL,
       issued_on date NOT NULL,
       decided_on date,
       review_request_by date,
       issued_at timestamptz NOT NULL,
       issued_by uuid NOT NULL REFERENCES users(id),
       facts jsonb NOT NULL DEFAULT '{}',
       body_html text NOT NULL,
       body_text text NOT NULL
     )`,
    `CREATE INDEX case_letters_case_idx ON case_letters (case_id, issued_at)`,
    `CREATE INDEX case_letters_event_idx ON case_letters (event_id)`,
    `CREATE OR REPLACE FUNCTION case_letters_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'letters are never changed: % is not allowed; issue a corrected letter instead', TG_OP
         USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER case_letters_no_update_or_delete BEFORE UPDATE OR DELETE ON case_letters
       FOR EACH ROW EXECUTE FUNCTION case_letters_immutable()`,
    `GRANT SELECT, INSERT ON case_letters TO upstream_app`,
    `ALTER TABLE case_letters ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY case_letters_read ON case_letters FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY case_letters_insert ON case_letters FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND issued_by = upstream_user()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  ],
}
