import type { Migration } from './migration.ts'

/**
 * Decisions on a case: the days each duty started, and the case's timeline of events. The timeline is
 * append-only for the application (no UPDATE or DELETE granted), so what was decided stays decided.
 */
export const caseDecisions: Migration = {
  name: '0002_case_decisions',
  statements: [
    `ALTER TABLE cases
       ADD COLUMN prevention_started_on date,
       ADD COLUMN relief_started_on date,
       ADD COLUMN main_duty_started_on date`,
    `UPDATE cases SET prevention_started_on = approached_on WHERE stage = 'prevention'`,
    `UPDATE cases SET relief_started_on = approached_on WHERE stage IN ('relief', 'main_duty')`,
    `UPDATE cases SET main_duty_started_on = approached_on + 56 WHERE stage = 'main_duty'`,

    `CREATE TABLE case_events (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       kind text NOT NULL,
       occurred_on date NOT NULL,
       recorded_at timestamptz NOT NULL,
       recorded_by uuid NOT NULL REFERENCES users(id),
       details jsonb NOT NULL DEFAULT '{}'
     )`,
    `CREATE INDEX case_events_case_idx ON case_events (case_id, recorded_at)`,
    `GRANT SELECT, INSERT ON case_events TO upstream_app`,
    `ALTER TABLE case_events ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY case_events_read ON case_events FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY case_events_insert ON case_events FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND recorded_by = upstream_user()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  ],
}
