import type { Migration } from './migration.ts'

/**
 * One row per use of a limited thing (a self-referral from one network address, a message to one email
 * address or phone number, a partner key's request), named by a keyed hash so the table holds no
 * address, number or key. The limiter (platform/rate-limits.ts) counts and adds in one transaction under
 * a lock on the bucket, so simultaneous requests cannot all pass. Only the system reads or writes it.
 */
export const rateLimits: Migration = {
  name: '0028_rate_limits',
  statements: [
    `CREATE TABLE rate_limit_hits (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       bucket text NOT NULL,
       hit_at timestamptz NOT NULL
     )`,
    `CREATE INDEX rate_limit_hits_bucket_idx ON rate_limit_hits (bucket, hit_at)`,
  ],
}
