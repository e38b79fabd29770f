import type { Migration } from './migration.ts'

/**
 * Each check of an authority's statutory return for a quarter (H-CLIC validation), kept so the data team
 * sees what the last run found and when, nightly or on demand. The findings name cases and questions,
 * never a person, so the authority's analysts and team managers may read them; only the system writes
 * a run (the service checks who asked for it), so no one acting on a page can forge or change one.
 */
export const hclicValidation: Migration = {
  name: '0015_hclic_validation',
  statements: [
    `CREATE TABLE hclic_validation_runs (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
       ran_at timestamptz NOT NULL,
       requested_by uuid REFERENCES users(id),
       cases integer NOT NULL CHECK (cases >= 0),
       errors integer NOT NULL CHECK (errors >= 0),
       warnings integer NOT NULL CHECK (warnings >= 0),
       findings jsonb NOT NULL
     )`,
    // The page reads the latest run of one authority's quarter.
    `CREATE INDEX hclic_validation_runs_latest_idx ON hclic_validation_runs (authority_id, quarter, ran_at DESC)`,

    `GRANT SELECT ON hclic_validation_runs TO upstream_app`,
    `ALTER TABLE hclic_validation_runs ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY hclic_validation_runs_read ON hclic_validation_runs FOR SELECT TO upstream_app
       USING (upstream_role() IN ('analyst', 'team_manager') AND authority_id = upstream_organisation())`,
  ],
}
