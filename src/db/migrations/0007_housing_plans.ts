import type { Migration } from './migration.ts'

/**
 * The personalised housing plan (s189A(4)-(9)): one plan per case, with a version so two officers
 * cannot overwrite each other silently, and its steps for the applicant, the council and partners.
 */
const policies = (table: string, short: string) => [
  `GRANT SELECT, INSERT, UPDATE ON ${table} TO upstream_app`,
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY ${short}_read ON ${table} FOR SELECT TO upstream_app
     USING (upstream_is_case_staff()
            AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  `CREATE POLICY ${short}_insert ON ${table} FOR INSERT TO upstream_app
     WITH CHECK (upstream_may_change_cases()
                 AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  `CREATE POLICY ${short}_update ON ${table} FOR UPDATE TO upstream_app
     USING (upstream_may_change_cases()
            AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
]

export const housingPlans: Migration = {
  name: '0007_housing_plans',
  statements: [
    `CREATE TABLE housing_plans (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       version integer NOT NULL DEFAULT 1,
       made_on date NOT NULL,
       made_by uuid NOT NULL REFERENCES users(id),
       agreement text CHECK (agreement IN ('agreed', 'disagreed')),
       agreement_recorded_on date,
       disagreement_reasons text,
       last_reviewed_on date,
       next_review_on date NOT NULL,
       updated_at timestamptz NOT NULL,
       CONSTRAINT housing_plan_disagreement_has_reasons CHECK (agreement IS DISTINCT FROM 'disagreed' OR disagreement_reasons IS NOT NULL),
       CONSTRAINT housing_plan_review_after_plan CHECK (last_reviewed_on IS NULL OR last_reviewed_on >= made_on)
     )`,
    ...policies('housing_plans', 'housing_plans'),
    `CREATE TABLE housing_plan_steps (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       plan_id uuid NOT NULL REFERENCES housing_plans(id),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       position integer NOT NULL,
       owner text NOT NULL CHECK (owner IN ('applicant', 'council', 'partner')),
       owner_name text,
       library_code text,
       text text NOT NULL,
       due_on date NOT NULL,
       status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'not_needed')),
       CONSTRAINT housing_plan_step_named_owner CHECK (owner = 'applicant' OR owner_name IS NOT NULL)
     )`,
    `CREATE INDEX housing_plan_steps_plan_idx ON housing_plan_steps (plan_id)`,
    ...policies('housing_plan_steps', 'housing_plan_steps'),
  ],
}
