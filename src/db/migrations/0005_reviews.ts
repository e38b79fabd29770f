import type { Migration } from './migration.ts'

/**
 * Reviews (s202): a request against a reviewable decision, and the decision on review or the
 * applicant's withdrawal. One row follows a review from request to decision.
 */
export const reviews: Migration = {
  name: '0005_reviews',
  statements: [
    `CREATE TABLE reviews (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL REFERENCES cases(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       decision text NOT NULL,
       case_event_id uuid REFERENCES case_events(id),
       original_decision_by uuid NOT NULL REFERENCES users(id),
       original_decision_by_role text NOT NULL,
       notified_on date NOT NULL,
       received_on date NOT NULL,
       extended_in_writing_to date,
       requested_by text NOT NULL CHECK (requested_by IN ('applicant', 'representative')),
       grounds text NOT NULL,
       reviewer text NOT NULL CHECK (reviewer IN ('authority', 'notifying_and_notified_authorities', 'appointed_person')),
       review_period text NOT NULL CHECK (review_period IN ('prevention_stage', 'standard', 'joint_referral', 'appointed_person')),
       decision_due_on date NOT NULL,
       recorded_by uuid NOT NULL REFERENCES users(id),
       outcome text CHECK (outcome IN ('upheld', 'varied', 'overturned', 'withdrawn')),
       decided_on date,
       decided_by uuid REFERENCES users(id),
       reasons text,
       CONSTRAINT reviews_received_after_notification CHECK (received_on >= notified_on),
       CONSTRAINT reviews_decided_after_request CHECK (decided_on IS NULL OR decided_on >= received_on),
       CONSTRAINT reviews_outcome_with_decision CHECK ((outcome IS NULL) = (decided_on IS NULL)),
       CONSTRAINT reviews_by_an_officer_not_involved CHECK (outcome = 'withdrawn' OR decided_by IS NULL OR decided_by <> original_decision_by)
     )`,
    `CREATE INDEX reviews_case_idx ON reviews (case_id)`,
    `CREATE INDEX reviews_open_idx ON reviews (authority_id, decision_due_on) WHERE decided_on IS NULL`,
    `GRANT SELECT, INSERT, UPDATE ON reviews TO upstream_app`,
    `ALTER TABLE reviews ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY reviews_read ON reviews FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY reviews_insert ON reviews FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND recorded_by = upstream_user()
                   AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY reviews_update ON reviews FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
  ],
}
