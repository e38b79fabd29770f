import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from './schema.ts'

declare const ownerConnection: unique symbol

/**
 * The owner connection as services and routes hold it. The owner role bypasses row-level security, so
 * this type offers no way to query: a service reaches the database only through `asActor` (as the person
 * or system it serves, under the policies) or `asSystem` (named work that is no one's request).
 */
export interface OwnerDb {
  readonly [ownerConnection]: 'use asActor or asSystem'
}

/** For the composition root: hands the owner connection to services without handing them its queries. */
export function ownerDb(db: Kysely<DB>): OwnerDb {
  return db as unknown as OwnerDb
}

/**
 * The Kysely behind an OwnerDb. Only the two modes in src/db unwrap it; tests and src/db itself hold
 * the Kysely already and may pass it as it is.
 */
export function connectionOf(db: OwnerDb | Kysely<DB>): Kysely<DB> {
  return db as Kysely<DB>
}

/**
 * Why system work runs. A string is recorded in the audit trail each time the work runs; plumbing that
 * runs on every request (finding the session, the signed-in person) says instead why a record of it
 * would tell no one anything, and runs unrecorded.
 */
export type SystemReason = string | UnrecordedReason
export interface UnrecordedReason {
  reason: string
  noRecordBecause: string
}

/**
 * Runs `work` on the owner connection, outside row-level security, for work that is no one's request:
 * migrations, nightly checks, outbox delivery, the monitoring import's staging, sessions, sign-in,
 * demonstration data. The work runs in one transaction, which for a string reason also appends it to the
 * audit trail, so the record exists if and only if the work was done.
 */
export async function asSystem<T>(db: OwnerDb | Kysely<DB>, reason: SystemReason, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return connectionOf(db)
    .transaction()
    .execute(async (trx: Transaction<DB>) => {
      if (typeof reason === 'string') await recordSystemWork(trx, reason)
      return work(trx)
    })
}

async function recordSystemWork(trx: Transaction<DB>, reason: string): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      // The transaction's own start: system work has no injected clock of its own to ask.
      occurred_at: sql<Date>`now()`,
      actor_user_id: null,
      actor_api_key_id: null,
      actor_label: `System: ${reason}`,
      actor_organisation_id: null,
      action: 'system_work',
      subject_type: 'system',
      subject_id: null,
      subject_organisation_id: null,
      ip_address: null,
      details: JSON.stringify({ reason }),
    })
    .execute()
}

/** What a transaction declares it reads for, where a policy grants rows for that purpose alone. */
export type Purpose = 'statutory_return' | 'programme_monitoring'

/**
 * Declares, for the rest of the actor's transaction, the purpose its reads serve (migrations 0020 and 0027). Call it
 * in the same transaction that writes the audit record of the read, so the rows it opens are never read
 * unaudited.
 */
export async function declarePurpose(trx: Kysely<DB>, purpose: Purpose): Promise<void> {
  await sql`select set_config('upstream.purpose', ${purpose}, true)`.execute(trx)
}

/**
 * System reads too large for one transaction's worth of memory (a programme's million cases, streamed
 * as a file or a report on the command line): one read-only transaction on the owner connection, held
 * while the reader asks for pages and let go when it stops. The caller has checked who is asking and
 * audited the read before it opens the stream, so the reason says so.
 */
export async function* asSystemStream<T>(
  db: OwnerDb | Kysely<DB>,
  // Stated for the reader: a stream opens no transaction in which to record it.
  _reason: UnrecordedReason,
  open: (owner: Transaction<DB>) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const trx = await connectionOf(db).startTransaction().setAccessMode('read only').execute()
  let committed = false
  try {
    yield* open(trx)
    await trx.commit().execute()
    committed = true
  } finally {
    if (!committed) await trx.rollback().execute()
  }
}
