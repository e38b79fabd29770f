import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, openInMemory, type Database } from './database.ts'
import { migrateToLatest } from './migrator.ts'

export interface TestDatabaseKind {
  name: 'pglite' | 'postgres'
  /** A new, empty, migrated database, removed again by its close(). */
  open(): Promise<Database & { url: string | undefined }>
}

/**
 * The databases integration tests run on: embedded PGlite always, and a PostgreSQL server too when
 * DATABASE_URL names one. Each test database on the server is created fresh and dropped afterwards.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [
    {
      name: 'pglite',
      async open() {
        const database = await openInMemory()
        await migrateToLatest(database.db)
        return { ...database, url: undefined }
      },
    },
  ]
  const serverUrl = process.env['DATABASE_URL']
  if (serverUrl) kinds.push({ name: 'postgres', open: () => openFreshServerDatabase(serverUrl) })
  return kinds
}

export async function openFreshServerDatabase(serverUrl: string): Promise<Database & { url: string }> {
  const name = `upstream_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', holder: 'test' })
  await migrateToLatest(database.db)
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await cleanup.end()
    },
  }
}
