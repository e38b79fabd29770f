import type { Migration } from './migration.ts'

/**
 * Temporary accommodation placements (s188 interim, s193 main duty): the statutory return's section 9.
 * At most one placement of a case is open at a time.
 */
export const temporaryAccommodation: Migration = {
  name: '0011_temporary_accommodation',
  statements: [
    `CREATE TABLE accommodation_placements (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       duty text NOT NULL CHECK (duty IN ('s188', 's193')),
       accommodation_type text NOT NULL,
       bedrooms integer CHECK (bedrooms BETWEEN 0 AND 10),
       in_another_district boolean NOT NULL DEFAULT false,
       placed_on date NOT NULL,
       placed_by uuid NOT NULL REFERENCES users(id),
       ended_on date,
       ending text,
       ended_by uuid REFERENCES users(id),
       CONSTRAINT accommodation_placements_end_after_start CHECK (ended_on IS NULL OR ended_on >= placed_on)
     )`,
    `CREATE UNIQUE INDEX accommodation_placements_one_open ON accommodation_placements (case_id) WHERE ended_on IS NULL`,
    `CREATE INDEX accommodation_placements_case_idx ON accommodation_placements (case_id, placed_on)`,
    `GRANT SELECT, INSERT, UPDATE ON accommodation_placements TO upstream_app`,
    `ALTER TABLE accommodation_placements ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY accommodation_placements_read ON accommodation_placements FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY accommodation_placements_insert ON accommodation_placements FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND placed_by = upstream_user()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY accommodation_placements_update ON accommodation_placements FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  ],
}
