import type { Migration } from './migration.ts'

/**
 * The foundation: organisations, the people who work in them, sign-in, audit, and the first shape of
 * households, cases and referrals.
 *
 * Row-level security is the second wall behind the services: every request runs its queries as the
 * role `upstream_app` with the acting organisation, user and role set for the transaction
 * (see db/actor.ts), and these policies decide which rows that role can see or change. A query that
 * forgets its WHERE clause still cannot reach another organisation's records.
 */
export const foundation: Migration = {
  name: '0001_foundation',
  statements: [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'upstream_app') THEN
         CREATE ROLE upstream_app NOLOGIN;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database created it first
     END $$`,
    `DO $$ BEGIN
       IF NOT pg_has_role(current_user, 'upstream_app', 'MEMBER') THEN
         EXECUTE format('GRANT upstream_app TO %I', current_user);
       END IF;
     END $$`,

    // The acting organisation, user and role, as set by db/actor.ts for the current transaction.
    `CREATE OR REPLACE FUNCTION upstream_organisation() RETURNS uuid LANGUAGE sql STABLE AS
       $$ SELECT nullif(current_setting('upstream.organisation_id', true), '')::uuid $$`,
    `CREATE OR REPLACE FUNCTION upstream_user() RETURNS uuid LANGUAGE sql STABLE AS
       $$ SELECT nullif(current_setting('upstream.user_id', true), '')::uuid $$`,
    `CREATE OR REPLACE FUNCTION upstream_role() RETURNS text LANGUAGE sql STABLE AS
       $$ SELECT coalesce(current_setting('upstream.role', true), '') $$`,

    `CREATE TABLE organisations (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       type text NOT NULL,
       name text NOT NULL,
       ons_code text,
       parent_id uuid REFERENCES organisations(id),
       created_at timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT organisations_ons_code_only_for_authorities
         CHECK (ons_code IS NULL OR type IN ('local_housing_authority', 'county_council'))
     )`,
    `CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name))`,
    `CREATE UNIQUE INDEX organisations_ons_code_key ON organisations (ons_code) WHERE ons_code IS NOT NULL`,

    `CREATE TABLE users (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       organisation_id uuid NOT NULL REFERENCES organisations(id),
       email text NOT NULL,
       display_name text NOT NULL,
       role text NOT NULL CHECK (role IN ('caseworker', 'team_manager', 'referrer', 'analyst', 'administrator')),
       password_hash text,
       oidc_subject text,
       failed_sign_ins integer NOT NULL DEFAULT 0,
       locked_until timestamptz,
       disabled_at timestamptz,
       last_signed_in_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE UNIQUE INDEX users_email_key ON users (lower(email))`,
    `CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_subject) WHERE oidc_subject IS NOT NULL`,
    `CREATE INDEX users_organisation_idx ON users (organisation_id)`,

    `CREATE TABLE sessions (
       id text PRIMARY KEY,
       user_id uuid REFERENCES users(id) ON DELETE CASCADE,
       data jsonb NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX sessions_expires_idx ON sessions (expires_at)`,

    `CREATE TABLE api_keys (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       organisation_id uuid NOT NULL REFERENCES organisations(id),
       prefix text NOT NULL,
       key_hash text NOT NULL UNIQUE,
       created_at timestamptz NOT NULL DEFAULT now(),
       last_used_at timestamptz,
       revoked_at timestamptz
     )`,

    `CREATE TABLE audit_events (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       occurred_at timestamptz NOT NULL,
       actor_user_id uuid REFERENCES users(id),
       actor_api_key_id uuid REFERENCES api_keys(id),
       actor_label text NOT NULL,
       actor_organisation_id uuid REFERENCES organisations(id),
       action text NOT NULL,
       subject_type text NOT NULL,
       subject_id text,
       subject_organisation_id uuid REFERENCES organisations(id),
       ip_address text,
       details jsonb NOT NULL DEFAULT '{}'
     )`,
    `CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC)`,
    `CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id)`,
    `CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_organisation_id, occurred_at DESC)`,
    `CREATE INDEX audit_events_subject_org_idx ON audit_events (subject_organisation_id, occurred_at DESC)`,
    // Append-only for everyone, the table's owner included: history is never rewritten.
    `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
       FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,

    `CREATE TABLE programmes (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       name text NOT NULL,
       lead_organisation_id uuid NOT NULL REFERENCES organisations(id),
       starts_on date,
       ends_on date,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE UNIQUE INDEX programmes_name_key ON programmes (lower(name))`,

    `CREATE TABLE households (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX households_authority_idx ON households (authority_id)`,

    `CREATE TABLE people (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       household_id uuid NOT NULL REFERENCES households(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       is_applicant boolean NOT NULL,
       relationship_to_applicant text,
       given_name text NOT NULL,
       family_name text NOT NULL,
       date_of_birth date,
       sex text CHECK (sex IN ('female', 'male', 'other')),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX people_household_idx ON people (household_id)`,
    `CREATE UNIQUE INDEX people_one_applicant_per_household ON people (household_id) WHERE is_applicant`,

    `CREATE TABLE cases (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       reference text NOT NULL UNIQUE,
       authority_id uuid NOT NULL REFERENCES organisations(id),
       provider_organisation_id uuid REFERENCES organisations(id),
       officer_id uuid NOT NULL REFERENCES users(id),
       household_id uuid NOT NULL REFERENCES households(id),
       programme_id uuid REFERENCES programmes(id),
       approached_on date NOT NULL,
       approach_channel text NOT NULL,
       referral_route text,
       stage text NOT NULL CHECK (stage IN ('approach', 'prevention', 'relief', 'main_duty', 'closed')),
       housing_status text,
       risk_at_assessment text,
       reason_for_loss_of_home text,
       support_needs text[] NOT NULL DEFAULT '{}',
       outcome text,
       accommodation_outcome text,
       closed_on date,
       version integer NOT NULL DEFAULT 1,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT cases_closed_after_approach CHECK (closed_on IS NULL OR closed_on >= approached_on)
     )`,
    `CREATE INDEX cases_authority_idx ON cases (authority_id, stage)`,
    `CREATE INDEX cases_provider_idx ON cases (provider_organisation_id) WHERE provider_organisation_id IS NOT NULL`,
    `CREATE INDEX cases_officer_idx ON cases (officer_id, stage)`,
    `CREATE INDEX cases_household_idx ON cases (household_id)`,

    `CREATE TABLE referrals (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       reference text NOT NULL UNIQUE,
       referring_organisation_id uuid REFERENCES organisations(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       channel text NOT NULL CHECK (channel IN ('web', 'api', 'self_referral')),
       status text NOT NULL CHECK (status IN ('received', 'acknowledged', 'contacted', 'assessed', 'closed')),
       outcome text NOT NULL,
       outcome_details text,
       received_at timestamptz NOT NULL,
       consent_to_referral boolean NOT NULL CHECK (consent_to_referral),
       consent_to_share_contact_details boolean NOT NULL CHECK (consent_to_share_contact_details),
       authority_chosen_by_person boolean NOT NULL CHECK (authority_chosen_by_person),
       given_name text NOT NULL,
       family_name text NOT NULL,
       date_of_birth date,
       phone text,
       email text,
       preferred_contact text NOT NULL,
       address_line1 text,
       address_town text,
       address_postcode text,
       reason text NOT NULL CHECK (reason IN ('homeless', 'threatened_within_56_days', 'at_risk_later')),
       expected_homeless_on date,
       discharge_or_release_on date,
       adults integer,
       children integer,
       support_needs text[] NOT NULL DEFAULT '{}',
       risks text,
       referrer_name text,
       referrer_role text,
       referrer_phone text,
       referrer_email text,
       notes text,
       case_id uuid REFERENCES cases(id),
       version integer NOT NULL DEFAULT 1
     )`,
    `CREATE INDEX referrals_authority_idx ON referrals (authority_id, received_at DESC)`,
    `CREATE INDEX referrals_referrer_idx ON referrals (referring_organisation_id, received_at DESC)`,

    `CREATE TABLE referral_status_changes (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       referral_id uuid NOT NULL REFERENCES referrals(id),
       authority_id uuid NOT NULL REFERENCES organisations(id),
       referring_organisation_id uuid REFERENCES organisations(id),
       status text NOT NULL,
       outcome text NOT NULL,
       changed_at timestamptz NOT NULL
     )`,
    `CREATE INDEX referral_status_changes_referral_idx ON referral_status_changes (referral_id, changed_at)`,

    // What the application role may do at all; the policies below then decide which rows.
    `GRANT SELECT ON organisations, programmes TO upstream_app`,
    `GRANT SELECT ON users TO upstream_app`,
    `GRANT SELECT, INSERT ON audit_events TO upstream_app`,
    `GRANT SELECT, INSERT, UPDATE ON households, people, cases, referrals TO upstream_app`,
    `GRANT SELECT, INSERT ON referral_status_changes TO upstream_app`,

    `ALTER TABLE users ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE households ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE people ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE cases ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE referrals ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE referral_status_changes ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY organisations_readable ON organisations FOR SELECT TO upstream_app USING (true)`,

    // Colleagues are visible to each other; other organisations' staff only as the named officer of a
    // case the actor can already see (a provider's mentor on an authority's case, and the reverse).
    `CREATE POLICY users_visible ON users FOR SELECT TO upstream_app
       USING (organisation_id = upstream_organisation()
              OR EXISTS (SELECT 1 FROM cases c WHERE c.officer_id = users.id))`,

    // Case records: the owning housing authority's staff, and the commissioned provider holding the case.
    `CREATE OR REPLACE FUNCTION upstream_is_case_staff() RETURNS boolean LANGUAGE sql STABLE AS
       $$ SELECT upstream_role() IN ('caseworker', 'team_manager', 'analyst', 'administrator') $$`,
    `CREATE OR REPLACE FUNCTION upstream_may_change_cases() RETURNS boolean LANGUAGE sql STABLE AS
       $$ SELECT upstream_role() IN ('caseworker', 'team_manager') $$`,
    `CREATE POLICY cases_read ON cases FOR SELECT TO upstream_app
       USING (upstream_is_case_staff()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))`,
    `CREATE POLICY cases_insert ON cases FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND authority_id = upstream_organisation())`,
    `CREATE POLICY cases_update ON cases FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases()
              AND (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation()))
       WITH CHECK (authority_id = upstream_organisation() OR provider_organisation_id = upstream_organisation())`,

    `CREATE OR REPLACE FUNCTION upstream_household_visible(household uuid, owner uuid) RETURNS boolean
       LANGUAGE sql STABLE AS $$
         SELECT upstream_is_case_staff() AND (owner = upstream_organisation()
           OR EXISTS (SELECT 1 FROM cases c WHERE c.household_id = household
                      AND c.provider_organisation_id = upstream_organisation()))
       $$`,
    `CREATE POLICY households_read ON households FOR SELECT TO upstream_app
       USING (upstream_household_visible(id, authority_id))`,
    `CREATE POLICY households_write ON households FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND authority_id = upstream_organisation())`,
    `CREATE POLICY households_update ON households FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases() AND upstream_household_visible(id, authority_id))`,
    `CREATE POLICY people_read ON people FOR SELECT TO upstream_app
       USING (upstream_household_visible(household_id, authority_id))`,
    `CREATE POLICY people_insert ON people FOR INSERT TO upstream_app
       WITH CHECK (upstream_may_change_cases() AND upstream_household_visible(household_id, authority_id))`,
    `CREATE POLICY people_update ON people FOR UPDATE TO upstream_app
       USING (upstream_may_change_cases() AND upstream_household_visible(household_id, authority_id))`,

    // Referrals: the referring organisation sees its own; the chosen authority's staff see theirs.
    `CREATE POLICY referrals_read ON referrals FOR SELECT TO upstream_app
       USING ((referring_organisation_id = upstream_organisation() AND upstream_role() IN ('referrer', 'api_client'))
              OR (authority_id = upstream_organisation() AND upstream_is_case_staff()))`,
    `CREATE POLICY referrals_insert ON referrals FOR INSERT TO upstream_app
       WITH CHECK ((referring_organisation_id = upstream_organisation() AND upstream_role() IN ('referrer', 'api_client'))
                   OR (referring_organisation_id IS NULL AND channel = 'self_referral' AND upstream_role() = 'public'))`,
    `CREATE POLICY referrals_update ON referrals FOR UPDATE TO upstream_app
       USING (authority_id = upstream_organisation() AND upstream_may_change_cases())`,
    `CREATE POLICY referral_status_changes_read ON referral_status_changes FOR SELECT TO upstream_app
       USING ((referring_organisation_id = upstream_organisation() AND upstream_role() IN ('referrer', 'api_client'))
              OR (authority_id = upstream_organisation() AND upstream_is_case_staff()))`,
    `CREATE POLICY referral_status_changes_insert ON referral_status_changes FOR INSERT TO upstream_app
       WITH CHECK (authority_id = upstream_organisation() OR referring_organisation_id = upstream_organisation()
                   OR upstream_role() = 'public')`,

    // The audit trail: anyone acting may add their own entries; only administrators read them, and only
    // entries made by their organisation or about its records.
    `CREATE POLICY audit_events_append ON audit_events FOR INSERT TO upstream_app
       WITH CHECK (actor_organisation_id IS NOT DISTINCT FROM upstream_organisation())`,
    `CREATE POLICY audit_events_read ON audit_events FOR SELECT TO upstream_app
       USING (upstream_role() = 'administrator'
              AND (actor_organisation_id = upstream_organisation() OR subject_organisation_id = upstream_organisation()))`,
  ],
}
