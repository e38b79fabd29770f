import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

export async function findSession(
  db: Kysely<DB>,
  id: string,
  now: Date,
): Promise<{ data: Record<string, unknown>; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['data', 'expires_at'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row ? { data: row.data, expiresAt: new Date(row.expires_at) } : undefined
}

export async function saveSession(
  db: Kysely<DB>,
  session: { id: string; userId: string | null; data: Record<string, unknown>; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      data: JSON.stringify(session.data),
      created_at: session.now,
      expires_at: session.expiresAt,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ user_id: session.userId, data: JSON.stringify(session.data), expires_at: session.expiresAt }),
    )
    .execute()
}

/** Moves a session's idle expiry on. */
export async function touchSession(db: Kysely<DB>, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute()
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** A person's sessions that have not expired, newest first. */
export async function sessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  now: Date,
): Promise<{ id: string; createdAt: Date; expiresAt: Date }[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('started', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at), expiresAt: new Date(r.expires_at) }))
}

/** Ends all but the newest `keep` of a person's sessions, answering how many ended. */
export async function keepNewestSessions(db: Kysely<DB>, userId: string, keep: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('started', 'desc')
        .limit(keep),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Ends a person's sessions: the one named, or (with `except`) all but that one. Only ever their own. */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string, which: { only: string } | { except: string }): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', 'only' in which ? '=' : '<>', 'only' in which ? which.only : which.except)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
