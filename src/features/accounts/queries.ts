import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { CurrentUser } from '../../platform/current-user.ts'

/** Sign-in happens before anyone is acting, so these run as the service itself, not under an actor. */
export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.password_hash',
      'users.disabled_at',
      'users.organisation_id',
      'organisations.name as organisation_name',
    ])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()
}

export async function findUserForOidc(db: Kysely<DB>, subject: string, email: string | undefined, organisationName: string) {
  const bySubject = await db
    .selectFrom('users')
    .select(['id', 'disabled_at', 'oidc_subject'])
    .where('oidc_subject', '=', subject)
    .executeTakeFirst()
  if (bySubject || email === undefined) return bySubject
  // First single sign-on for an existing account: match by email within the council that runs SSO.
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.disabled_at', 'users.oidc_subject'])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.toLowerCase()))
    .where((eb) => eb(eb.fn('lower', ['organisations.name']), '=', organisationName.toLowerCase()))
    .executeTakeFirst()
}

export async function linkOidcSubject(db: Kysely<DB>, userId: string, subject: string): Promise<void> {
  await db.updateTable('users').set({ oidc_subject: subject }).where('id', '=', userId).execute()
}

export async function recordSignedIn(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null, last_signed_in_at: now }).where('id', '=', userId).execute()
}

export async function findCurrentUser(db: Kysely<DB>, userId: string): Promise<CurrentUser | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.organisation_id',
      'organisations.name as organisation_name',
      'organisations.type as organisation_type',
    ])
    .where('users.id', '=', userId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as CurrentUser['role'],
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type,
  }
}

export async function insertUser(
  db: Kysely<DB>,
  user: { organisationId: string; email: string; displayName: string; role: string; passwordHash: string },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      organisation_id: user.organisationId,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
