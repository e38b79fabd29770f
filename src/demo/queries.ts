import type { Insertable, Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'

type TableName =
  'organisations' | 'programmes' | 'users' | 'households' | 'people' | 'cases' | 'case_events' | 'referrals' | 'referral_status_changes'

/** Rows per INSERT: well inside PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500

export async function insertRows<T extends TableName>(db: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    // Kysely cannot narrow a union of tables to one insert shape; the caller's T ties rows to table.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + BATCH))
      .execute()
  }
}
