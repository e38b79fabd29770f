import type { Migration } from './migration.ts'

/**
 * The outbox: every email and text message the service sends, written in the same transaction as the
 * change that caused it (a referral received, a decision made), so there is never a message without
 * its cause nor a cause whose message is lost. Delivery reads the queue afterwards as the system.
 *
 * Messages hold personal details (a person's name in a receipt, their phone number), so only the
 * organisation's administrators may read them, and each read of a body is audited by the service.
 * Anyone acting may queue a message for any organisation: a hospital's referral alerts the housing
 * authority, a member of the public's self-referral too. What is queued is always a fresh message.
 */
export const outbox: Migration = {
  name: '0014_outbox',
  statements: [
    `CREATE TABLE outbox_messages (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       organisation_id uuid REFERENCES organisations(id),
       channel text NOT NULL CHECK (channel IN ('email', 'sms')),
       recipient text NOT NULL,
       subject text NOT NULL,
       body text NOT NULL,
       kind text NOT NULL,
       about_type text NOT NULL,
       about_id text NOT NULL,
       status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'local', 'sending', 'sent', 'failed')),
       provider_id text,
       error text,
       created_at timestamptz NOT NULL,
       claimed_at timestamptz,
       sent_at timestamptz
     )`,
    // Delivery takes the oldest queued messages and looks for claims abandoned by a stopped process.
    `CREATE INDEX outbox_messages_queued_idx ON outbox_messages (created_at) WHERE status = 'queued'`,
    `CREATE INDEX outbox_messages_sending_idx ON outbox_messages (claimed_at) WHERE status = 'sending'`,
    `CREATE INDEX outbox_messages_organisation_idx ON outbox_messages (organisation_id, created_at DESC)`,
    `CREATE INDEX outbox_messages_about_idx ON outbox_messages (about_type, about_id)`,

    `GRANT SELECT, INSERT ON outbox_messages TO upstream_app`,
    `ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY outbox_messages_queue ON outbox_messages FOR INSERT TO upstream_app
       WITH CHECK (status = 'queued' AND provider_id IS NULL AND error IS NULL AND claimed_at IS NULL AND sent_at IS NULL)`,
    `CREATE POLICY outbox_messages_read ON outbox_messages FOR SELECT TO upstream_app
       USING (upstream_role() = 'administrator' AND organisation_id = upstream_organisation())`,
  ],
}
