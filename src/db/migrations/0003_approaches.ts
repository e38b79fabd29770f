import type { Migration } from './migration.ts'

/**
 * Recording new approaches: what triage found (emergencies that cannot wait for the assessment), and
 * case references numbered without gaps per prefix and year, even when two officers open cases at once.
 */
export const approaches: Migration = {
  name: '0003_approaches',
  statements: [
    `ALTER TABLE cases ADD COLUMN emergencies text[] NOT NULL DEFAULT '{}'`,
    `CREATE INDEX people_name_idx ON people (authority_id, lower(family_name), date_of_birth)`,

    `CREATE TABLE case_reference_counters (
       prefix text NOT NULL,
       year integer NOT NULL,
       last integer NOT NULL,
       PRIMARY KEY (prefix, year)
     )`,
    // Runs as its owner so that it can see every case with the prefix (authorities can share one);
    // it returns nothing but the next free reference.
    `CREATE OR REPLACE FUNCTION next_case_reference(p_prefix text, p_year integer) RETURNS text
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
     DECLARE
       n integer;
     BEGIN
       INSERT INTO case_reference_counters (prefix, year, last)
         SELECT p_prefix, p_year, coalesce(max(substring(reference FROM '(\\d+)$')::integer), 0)
           FROM cases WHERE reference LIKE p_prefix || '-' || p_year::text || '-%'
         ON CONFLICT (prefix, year) DO NOTHING;
       UPDATE case_reference_counters SET last = last + 1 WHERE prefix = p_prefix AND year = p_year RETURNING last INTO n;
       RETURN p_prefix || '-' || p_year::text || '-' || lpad(n::text, 5, '0');
     END $$`,
    `REVOKE ALL ON FUNCTION next_case_reference(text, integer) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION next_case_reference(text, integer) TO upstream_app`,
  ],
}
