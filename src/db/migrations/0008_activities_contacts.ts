import type { Migration } from './migration.ts'

/**
 * Prevention and relief activities (H-CLIC 4.3 / 5.3) and contacts with the household, in separate
 * tables so that a report counts the work done under a duty without counting the phone calls.
 */
const policies = (table: string) => [
  `CREATE INDEX ${table}_case_idx ON ${table} (case_id)`,
  `GRANT SELECT, INSERT ON ${table} TO upstream_app`,
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY ${table}_read ON ${table} FOR SELECT TO upstream_app
     USING (upstream_is_case_staff()
            AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  `CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO upstream_app
     WITH CHECK (upstream_may_change_cases() AND recorded_by = upstream_user()
                 AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
]

export const activitiesContacts: Migration = {
  name: '0008_activities_contacts',
  statements: [
    `CREATE TABLE case_activities (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       activity text NOT NULL,
       duty text NOT NULL CHECK (duty IN ('prevention', 'relief')),
       done_on date NOT NULL,
       done_by text NOT NULL,
       note text,
       recorded_by uuid NOT NULL REFERENCES users(id),
       recorded_at timestamptz NOT NULL
     )`,
    ...policies('case_activities'),
    `CREATE TABLE case_contacts (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       kind text NOT NULL CHECK (kind IN ('phone_call', 'text_message', 'email', 'letter', 'home_visit', 'office_appointment', 'missed_appointment')),
       direction text CHECK (direction IN ('from_household', 'to_household')),
       contact_on date NOT NULL,
       note text,
       recorded_by uuid NOT NULL REFERENCES users(id),
       recorded_at timestamptz NOT NULL
     )`,
    ...policies('case_contacts'),
  ],
}
