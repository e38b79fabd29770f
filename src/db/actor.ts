import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from './schema.ts'
import { connectionOf, type OwnerDb } from './modes.ts'

export type StaffRole = 'caseworker' | 'team_manager' | 'referrer' | 'analyst' | 'administrator'
export const STAFF_ROLES: readonly StaffRole[] = ['caseworker', 'team_manager', 'referrer', 'analyst', 'administrator']

/**
 * Who is acting. Every query made for a person or a partner system runs as an actor, so that the
 * database's row-level security sees the same organisation and role the service checked.
 */
export type Actor =
  | {
      kind: 'user'
      userId: string
      organisationId: string
      role: StaffRole
      label: string
      /** Set when the person acts through a case system holding an API key issued to them. */
      viaApiKeyId?: string
    }
  | { kind: 'api_key'; apiKeyId: string; organisationId: string; organisationType: string; role: 'api_client'; label: string }
  | { kind: 'public'; organisationId: null; role: 'public'; label: string }

export type Scoped = Transaction<DB>

/**
 * Runs `work` in one transaction as the restricted `upstream_app` role, with the actor's organisation,
 * user and role visible to the row-level security policies. Nothing inside can read or change rows the
 * policies withhold, whatever the query says.
 */
export async function asActor<T>(db: OwnerDb | Kysely<DB>, actor: Actor, work: (trx: Scoped) => Promise<T>): Promise<T> {
  return connectionOf(db)
    .transaction()
    .execute(async (trx) => {
      await actAs(trx, actor)
      return work(trx)
    })
}

/**
 * A read too large for one page (a programme's million cases, streamed as a file or a report), made as
 * the actor under row-level security: one read-only transaction, held while the reader asks for pages
 * and let go when it stops, early or not.
 */
export async function* asActorStream<T>(
  db: OwnerDb | Kysely<DB>,
  actor: Actor,
  open: (trx: Scoped) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const trx = await connectionOf(db).startTransaction().setAccessMode('read only').execute()
  let committed = false
  try {
    await actAs(trx, actor)
    yield* open(trx)
    await trx.commit().execute()
    committed = true
  } finally {
    if (!committed) await trx.rollback().execute()
  }
}

async function actAs(trx: Kysely<DB>, actor: Actor): Promise<void> {
  // One round trip: set_config('role', ..., true) is SET LOCAL ROLE.
  await sql`select set_config('role', 'upstream_app', true),
                 set_config('upstream.organisation_id', ${actor.organisationId ?? ''}, true),
                 set_config('upstream.user_id', ${actor.kind === 'user' ? actor.userId : ''}, true),
                 set_config('upstream.role', ${actor.role}, true)`.execute(trx)
}
