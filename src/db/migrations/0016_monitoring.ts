import type { Migration } from './migration.ts'

/**
 * Programmes' monitoring data (docs/monitoring-data.md). An imported case is a case of the platform
 * (a `cases` row in its district, held by the district's "imported from monitoring data" officer) with
 * its monitoring record beside it; activities are kept as the programme recorded them, matched to a
 * case or not; data-quality flags are raised by imports and checks and marked reviewed by people.
 *
 * These tables are read and written by the system on behalf of a programme's lead or a district's data
 * team after the service has checked who is asking (features/monitoring/service.ts); the application
 * role has no access to them at all.
 */
export const monitoring: Migration = {
  name: '0016_monitoring',
  statements: [
    `CREATE TABLE monitoring_imports (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       programme_id uuid NOT NULL REFERENCES programmes(id),
       imported_at timestamptz NOT NULL,
       imported_by text NOT NULL,
       source text NOT NULL,
       cases integer NOT NULL,
       activities integer NOT NULL,
       warnings integer NOT NULL
     )`,
    `CREATE TABLE monitoring_records (
       case_id uuid PRIMARY KEY REFERENCES cases(id),
       programme_id uuid NOT NULL REFERENCES programmes(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       import_id uuid NOT NULL REFERENCES monitoring_imports(id),
       case_ref text NOT NULL CHECK (length(case_ref) BETWEEN 1 AND 64),
       household_ref text,
       district text,
       provider text,
       worker text,
       referral_date date,
       recorded_date date,
       referral_route text,
       referral_agency text,
       applicant_sex text,
       applicant_age integer,
       applicant_uk_national text,
       applicant_ethnicity text,
       applicant_receives_benefits text,
       applicant_employment text,
       adults integer,
       dependent_children integer,
       housing_status text,
       risk_at_assessment text,
       previously_homeless text,
       previously_slept_rough text,
       previously_in_temporary_accommodation text,
       vulnerabilities text[],
       primary_vulnerability text,
       outcome text,
       case_end_date date,
       accommodation_outcome text,
       relief_activity text,
       comments text
     )`,
    `CREATE UNIQUE INDEX monitoring_records_case_ref_key ON monitoring_records (programme_id, case_ref)`,
    `CREATE INDEX monitoring_records_referral_idx ON monitoring_records (programme_id, referral_date)`,
    `CREATE TABLE monitoring_activities (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       programme_id uuid NOT NULL REFERENCES programmes(id),
       import_id uuid NOT NULL REFERENCES monitoring_imports(id),
       case_id uuid REFERENCES cases(id),
       case_ref text,
       household_ref text,
       activity_date date,
       activity_type text NOT NULL,
       stage text NOT NULL CHECK (stage IN ('prevention', 'relief')),
       comment text
     )`,
    `CREATE INDEX monitoring_activities_case_idx ON monitoring_activities (case_id)`,
    `CREATE INDEX monitoring_activities_programme_idx ON monitoring_activities (programme_id)`,
    `CREATE TABLE data_quality_flags (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       programme_id uuid REFERENCES programmes(id),
       authority_id uuid REFERENCES organisations(id),
       case_id uuid REFERENCES cases(id),
       activity_id bigint REFERENCES monitoring_activities(id),
       kind text NOT NULL,
       field text,
       message text NOT NULL,
       raised_at timestamptz NOT NULL,
       reviewed_at timestamptz,
       reviewed_by uuid REFERENCES users(id),
       review_reason text,
       CONSTRAINT data_quality_flags_review_has_reason CHECK (reviewed_at IS NULL OR review_reason IS NOT NULL)
     )`,
    `CREATE INDEX data_quality_flags_programme_idx ON data_quality_flags (programme_id, reviewed_at)`,
    `CREATE INDEX data_quality_flags_case_idx ON data_quality_flags (case_id)`,
    `ALTER TABLE monitoring_imports ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE monitoring_records ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE monitoring_activities ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE data_quality_flags ENABLE ROW LEVEL SECURITY`,
  ],
}
