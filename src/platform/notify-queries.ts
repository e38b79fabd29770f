import type { Insertable, Kysely, Transaction } from 'kysely'
import type { DB, OutboxMessageTable } from '../db/schema.ts'

/** Without RETURNING: the acting role may queue messages it is not allowed to read back. */
export async function insertOutboxMessages(db: Kysely<DB> | Transaction<DB>, rows: Insertable<OutboxMessageTable>[]): Promise<void> {
  await db.insertInto('outbox_messages').values(rows).execute()
}

/** Queued messages stay in the outbox when there is nothing to send them through. */
export async function keepQueuedLocally(db: Kysely<DB>): Promise<number> {
  const result = await db.updateTable('outbox_messages').set({ status: 'local' }).where('status', '=', 'queued').executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Takes up to `limit` of the oldest queued messages for one delivery run. Rows another run is taking at
 * the same moment are skipped rather than waited for, and once taken a message is 'sending', so no two
 * runs ever send the same message.
 */
export async function claimQueued(db: Kysely<DB>, limit: number, now: Date) {
  const rows = await db
    .updateTable('outbox_messages')
    .set({ status: 'sending', claimed_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_messages')
        .select('id')
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'queued')
    .returning(['id', 'channel', 'recipient', 'subject', 'body', 'kind', 'created_at'])
    .execute()
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
}

export type ClaimedMessage = Awaited<ReturnType<typeof claimQueued>>[number]

export async function markSent(db: Kysely<DB>, id: string, providerId: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ status: 'sent', provider_id: providerId, sent_at: now, error: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute()
}

export async function markFailed(db: Kysely<DB>, id: string, error: string): Promise<void> {
  await db.updateTable('outbox_messages').set({ status: 'failed', error }).where('id', '=', id).where('status', '=', 'sending').execute()
}

/** Messages a stopped process took and never finished: whether they went is unknown. */
export async function failAbandonedClaims(db: Kysely<DB>, claimedBefore: Date, error: string) {
  return db
    .updateTable('outbox_messages')
    .set({ status: 'failed', error })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', claimedBefore)
    .returning(['id', 'kind', 'channel'])
    .execute()
}
