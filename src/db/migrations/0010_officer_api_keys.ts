import type { Migration } from './migration.ts'

/**
 * API keys issued to a named person. A council's or a provider's case management system acts on cases
 * through the API as one of its officers, so every decision it records has a named officer behind it,
 * the same checks as that officer's pages and the same audit trail. Organisation keys (no person) stay
 * what they were: a referring body's system sending referrals.
 */
export const officerApiKeys: Migration = {
  name: '0010_officer_api_keys',
  statements: [`ALTER TABLE api_keys ADD COLUMN user_id uuid REFERENCES users(id)`],
}
