import type { Insertable, Kysely } from 'kysely'
import type { AuditEventTable, DB } from '../db/schema.ts'

export async function insertAuditEvent(db: Kysely<DB>, event: Insertable<AuditEventTable>): Promise<void> {
  await db.insertInto('audit_events').values(event).execute()
}
