import type { Scoped } from '../../db/actor.ts'

/** The organisation's messages, newest first. Row-level security already limits them to its administrators. */
export async function recentOutboxMessages(trx: Scoped, organisationId: string, limit: number) {
  return trx
    .selectFrom('outbox_messages')
    .where('organisation_id', '=', organisationId)
    .select(['id', 'created_at', 'kind', 'channel', 'recipient', 'subject', 'status', 'sent_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function outboxMessage(trx: Scoped, organisationId: string, id: string) {
  return trx.selectFrom('outbox_messages').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst()
}
