/**
 * For the durability test (db/durable.int.test.ts): opens the embedded database in the folder it is
 * given and writes numbered rows one transaction at a time, printing "confirmed N" once each commit
 * has been reported done, until it is killed.
 */
import { sql } from 'kysely'
import { openDatabase } from '../db/database.ts'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: confirmed-writer.ts DATA_DIR')
const database = await openDatabase({ databaseUrl: undefined, dataDir, holder: 'durability test' })
await sql`CREATE TABLE IF NOT EXISTS confirmed_writes (n integer PRIMARY KEY, payload text NOT NULL)`.execute(database.db)
const from = (await sql<{ n: number }>`SELECT coalesce(max(n), 0)::int AS n FROM confirmed_writes`.execute(database.db)).rows[0]?.n ?? 0
for (let n = from + 1; ; n++) {
  await database.db.transaction().execute(async (trx) => {
    await sql`INSERT INTO confirmed_writes (n, payload) VALUES (${n}, ${'x'.repeat(2000)})`.execute(trx)
  })
  process.stdout.write(`confirmed ${String(n)}\n`)
}
