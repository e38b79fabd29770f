import type { Migration } from './migration.ts'

/**
 * The order sessions were started in, so that a person's oldest session can be ended when they start one
 * more than the limit allows (issue 15). `created_at` alone can tie (two sign-ins in one instant, or a
 * clock that stands still); an identity column cannot. Existing rows are numbered as they are stored,
 * which is as good an order as any for sessions that will end within hours anyway.
 */
export const sessionOrder: Migration = {
  name: '0029_session_order',
  statements: [
    `ALTER TABLE sessions ADD COLUMN started bigint GENERATED ALWAYS AS IDENTITY`,
    `CREATE INDEX sessions_user_idx ON sessions (user_id, created_at, started)`,
  ],
}
