import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

export async function insertApiKey(
  db: Kysely<DB>,
  key: { organisationId: string; userId: string | null; prefix: string; keyHash: string },
): Promise<string> {
  const row = await db
    .insertInto('api_keys')
    .values({ organisation_id: key.organisationId, user_id: key.userId, prefix: key.prefix, key_hash: key.keyHash })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findApiKey(db: Kysely<DB>, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('organisations', 'organisations.id', 'api_keys.organisation_id')
    .select([
      'api_keys.id',
      'api_keys.prefix',
      'api_keys.organisation_id',
      'api_keys.user_id',
      'organisations.name as organisation_name',
      'organisations.type as organisation_type',
    ])
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst()
}

export async function markApiKeyUsed(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  // At most once a minute, so a busy partner system does not turn every read into a write.
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000))]))
    .execute()
}
