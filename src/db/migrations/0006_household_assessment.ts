import type { Migration } from './migration.ts'

/**
 * The household and its assessment (s189A).
 *
 * The statutory return's personal details (ethnicity, nationality, sexual orientation, gender identity,
 * religion, disability) are special category data: they live apart from the household record, and only
 * the officers running a case (caseworkers and team managers of the owning authority, or of the provider
 * holding the case) may read them; analysts and administrators get figures, never these rows.
 *
 * The assessment is one row per case, each section's answers as JSON, with a version so that two
 * officers editing at once cannot overwrite each other; the support needs of each member have their own
 * rows, as the return counts them per person.
 */
export const householdAssessment: Migration = {
  name: '0006_household_assessment',
  statements: [
    // A version on each person, so that two officers changing the same member cannot overwrite each other.
    `ALTER TABLE people ADD COLUMN updated_at timestamptz, ADD COLUMN version integer NOT NULL DEFAULT 1`,

    `CREATE OR REPLACE FUNCTION upstream_may_read_sensitive(household uuid, owner uuid) RETURNS boolean
       LANGUAGE sql STABLE AS $$
         SELECT upstream_may_change_cases() AND (owner = upstream_organisation()
           OR EXISTS (SELECT 1 FROM cases c WHERE c.household_id = household
                      AND c.provider_organisation_id = upstream_organisation()))
       $$`,
    `CREATE TABLE person_sensitive_details (
       person_id uuid PRIMARY KEY REFERENCES people(id),
       household_id uuid NOT NULL REFERENCES households(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       ethnic_group text,
       nationality text,
       sexual_orientation text,
       gender_same_as_at_birth text,
       religion text,
       disability text,
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL,
       updated_by uuid NOT NULL REFERENCES users(id)
     )`,
    `CREATE INDEX person_sensitive_details_household_idx ON person_sensitive_details (household_id)`,
    `GRANT SELECT, INSERT, UPDATE ON person_sensitive_details TO upstream_app`,
    `ALTER TABLE person_sensitive_details ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY person_sensitive_details_read ON person_sensitive_details FOR SELECT TO upstream_app
       USING (upstream_may_read_sensitive(household_id, authority_id))`,
    `CREATE POLICY person_sensitive_details_insert ON person_sensitive_details FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_read_sensitive(household_id, authority_id) AND updated_by = upstream_user())`,
    `CREATE POLICY person_sensitive_details_update ON person_sensitive_details FOR UPDATE TO upstream_app
       USING (upstream_may_read_sensitive(household_id, authority_id))
       WITH CHECK (upstream_may_read_sensitive(household_id, authority_id) AND updated_by = upstream_user())`,

    `CREATE TABLE case_assessments (
       case_id uuid PRIMARY KEY REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       eligibility jsonb,
       homelessness jsonb,
       circumstances jsonb,
       accommodation jsonb,
       housing_needs jsonb,
       employment jsonb,
       strengths jsonb,
       support_needs_saved boolean NOT NULL DEFAULT false,
       assessed_on date,
       completed_by uuid REFERENCES users(id),
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL,
       updated_by uuid NOT NULL REFERENCES users(id)
     )`,
    `GRANT SELECT, INSERT, UPDATE ON case_assessments TO upstream_app`,
    `ALTER TABLE case_assessments ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY case_assessments_read ON case_assessments FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY case_assessments_insert ON case_assessments FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND updated_by = upstream_user()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY case_assessments_update ON case_assessments FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,

    `CREATE TABLE person_support_needs (
       case_id uuid NOT NULL REFERENCES cases(id),
       person_id uuid NOT NULL REFERENCES people(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       needs text[] NOT NULL DEFAULT '{}',
       PRIMARY KEY (case_id, person_id)
     )`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON person_support_needs TO upstream_app`,
    `ALTER TABLE person_support_needs ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY person_support_needs_read ON person_support_needs FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY person_support_needs_insert ON person_support_needs FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY person_support_needs_update ON person_support_needs FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY person_support_needs_delete ON person_support_needs FOR DELETE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  ],
}
