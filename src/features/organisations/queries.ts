import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

export async function findOrganisationByName(db: Kysely<DB>, name: string) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst()
}

export async function findOrganisationByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('organisations').selectAll().where('ons_code', '=', code).executeTakeFirst()
}

export async function insertOrganisation(
  db: Kysely<DB>,
  organisation: { type: string; name: string; onsCode: string | null; parentId: string | null },
) {
  return db
    .insertInto('organisations')
    .values({ type: organisation.type, name: organisation.name, ons_code: organisation.onsCode, parent_id: organisation.parentId })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function countOrganisations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}
