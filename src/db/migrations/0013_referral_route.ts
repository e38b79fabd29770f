import type { Migration } from './migration.ts'

/**
 * The referral route (s213B): what the housing authority does with a referral (acknowledge, contact,
 * convert to an approach, record the outcome, close), messages between the two sides, the authority's
 * response target, retries of the same API request, and a record of refused and throttled attempts
 * that holds no personal details.
 */
export const referralRoute: Migration = {
  name: '0013_referral_route',
  statements: [
    `ALTER TABLE referrals
       ADD COLUMN other_professionals text,
       ADD COLUMN referred_by_user_id uuid REFERENCES users(id),
       ADD COLUMN acknowledged_at timestamptz,
       ADD COLUMN first_contact_at timestamptz,
       ADD COLUMN closed_at timestamptz`,
    `ALTER TABLE referral_status_changes ADD COLUMN details text`,
    `CREATE INDEX referrals_inbox_idx ON referrals (authority_id, status, received_at)`,
    `CREATE INDEX referrals_case_idx ON referrals (case_id) WHERE case_id IS NOT NULL`,
    // Likely duplicates are found by date of birth, phone, email or surname within one authority.
    `CREATE INDEX referrals_duplicate_dob_idx ON referrals (authority_id, date_of_birth)`,
    `CREATE INDEX referrals_duplicate_phone_idx ON referrals (authority_id, (regexp_replace(phone, '[^0-9]', '', 'g')))`,
    `CREATE INDEX referrals_duplicate_email_idx ON referrals (authority_id, lower(email))`,
    `CREATE INDEX referrals_duplicate_name_idx ON referrals (authority_id, lower(family_name))`,
    `CREATE INDEX people_authority_dob_idx ON people (authority_id, date_of_birth)`,

    // Each authority sets how many working days it aims to respond in, and where its alerts go.
    `ALTER TABLE organisations
       ADD COLUMN referral_target_working_days integer NOT NULL DEFAULT 2
         CHECK (referral_target_working_days BETWEEN 1 AND 20),
       ADD COLUMN referral_contact_email text`,
    `GRANT UPDATE (referral_target_working_days, referral_contact_email) ON organisations TO upstream_app`,
    `ALTER TABLE organisations ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY organisations_settings ON organisations FOR UPDATE TO upstream_app
       USING (id = upstream_organisation() AND upstream_role() IN ('administrator', 'team_manager'))`,

    `CREATE TABLE referral_messages (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       referral_id uuid NOT NULL REFERENCES referrals(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       referring_organisation_id uuid NOT NULL REFERENCES organisations(id),
       from_side text NOT NULL CHECK (from_side IN ('authority', 'referrer')),
       author_user_id uuid REFERENCES users(id),
       author_label text NOT NULL,
       body text NOT NULL,
       sent_at timestamptz NOT NULL
     )`,
    `CREATE INDEX referral_messages_referral_idx ON referral_messages (referral_id, sent_at)`,
    `GRANT SELECT, INSERT ON referral_messages TO upstream_app`,
    `ALTER TABLE referral_messages ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY referral_messages_read ON referral_messages FOR SELECT TO upstream_app
       USING ((referring_organisation_id = upstream_organisation() AND upstream_role() IN ('referrer', 'api_client'))
              OR (authority_id = upstream_organisation() AND upstream_is_case_staff()))`,
    `CREATE POLICY referral_messages_send ON referral_messages FOR INSERT TO upstream_app
       WITH CHECK ((from_side = 'referrer' AND referring_organisation_id = upstream_organisation()
                    AND upstream_role() IN ('referrer', 'api_client'))
                   OR (from_side = 'authority' AND authority_id = upstream_organisation() AND upstream_may_change_cases()))`,

    // The same Idempotency-Key from the same organisation names the same referral, whatever the retries.
    `CREATE TABLE referral_idempotency_keys (
       organisation_id uuid NOT NULL REFERENCES organisations(id),
       key text NOT NULL,
       request_hash text NOT NULL,
       referral_id uuid NOT NULL REFERENCES referrals(id),
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, key)
     )`,
    `GRANT SELECT, INSERT ON referral_idempotency_keys TO upstream_app`,
    `ALTER TABLE referral_idempotency_keys ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY referral_idempotency_keys_own ON referral_idempotency_keys FOR ALL TO upstream_app
       USING (organisation_id = upstream_organisation())
       WITH CHECK (organisation_id = upstream_organisation())`,

    // Every attempt to refer, accepted or not, without a word about the person: the refused ones are
    // the only trace a refusal leaves, and self-referrals are throttled per (hashed) network address.
    `CREATE TABLE referral_attempts (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       attempted_at timestamptz NOT NULL,
       channel text NOT NULL CHECK (channel IN ('web', 'api', 'self_referral')),
       organisation_id uuid REFERENCES organisations(id),
       address_hash text,
       result text NOT NULL CHECK (result IN ('accepted', 'refused', 'throttled')),
       problems text[] NOT NULL DEFAULT '{}'
     )`,
    `CREATE INDEX referral_attempts_address_idx ON referral_attempts (address_hash, attempted_at) WHERE address_hash IS NOT NULL`,
    `GRANT SELECT, INSERT ON referral_attempts TO upstream_app`,
    `ALTER TABLE referral_attempts ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY referral_attempts_record ON referral_attempts FOR INSERT TO upstream_app
       WITH CHECK (organisation_id IS NOT DISTINCT FROM upstream_organisation())`,
    `CREATE POLICY referral_attempts_read ON referral_attempts FOR SELECT TO upstream_app
       USING ((channel = 'self_referral' AND upstream_role() = 'public') OR organisation_id = upstream_organisation())`,
  ],
}
