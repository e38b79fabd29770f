import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { PGlitePool } from './pglite-pool.ts'
import { DurableFolder } from './durable-folder.ts'
import type { DB } from './schema.ts'
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts'
import { copyTemplateTo, templateBlob } from './pglite-template.ts'

export interface Database {
  db: Kysely<DB>
  kind: 'embedded' | 'server'
  /** Where the data is, as a person would name it: a folder or a server (never with its password). */
  location: string
  close(): Promise<void>
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseUnavailableError'
  }
}

const DATE_OID = 1082
const INT8_OID = 20

/**
 * Opens the PostgreSQL server named by `databaseUrl`, or else the embedded PGlite database in
 * `dataDir`. Calendar dates are read as `YYYY-MM-DD` strings on both, never as Date objects, because
 * a Date is an instant and a statutory date is not.
 */
export async function openDatabase(options: { databaseUrl: string | undefined; dataDir: string; holder: string }): Promise<Database> {
  return options.databaseUrl === undefined ? openEmbedded(options.dataDir, options.holder) : openServer(options.databaseUrl)
}

async function openEmbedded(dataDir: string, holder: string): Promise<Database> {
  const folder = path.join(dataDir, 'pglite')
  fs.mkdirSync(dataDir, { recursive: true })
  const lock: DataDirLock = acquireDataDirLock(dataDir, holder)
  let pglite: PGlite
  try {
    // A folder without PG_VERSION holds no database (at most an interrupted first start): begin again.
    const fresh = !fs.existsSync(path.join(folder, 'PG_VERSION'))
    const copied = fresh && copyTemplateTo(folder)
    pglite = await PGlite.create(folder, {
      parsers: { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) },
      loadDataDir: fresh && !copied ? templateBlob() : undefined,
    })
  } catch (error) {
    lock.release()
    throw new DatabaseUnavailableError(
      `The embedded database in ${folder} could not be opened: ${(error as Error).message}. ` +
        'If the folder was copied or damaged, restore it from a backup or move it aside to start afresh.',
    )
  }
  const durable = new DurableFolder(folder)
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: new PGlitePool(pglite, () => {
        durable.flush()
      }),
    }),
  })
  return {
    db,
    kind: 'embedded',
    location: folder,
    async close() {
      await db.destroy()
      await pglite.close()
      lock.release()
    },
  }
}

/** For in-memory test databases: no folder, no lock. */
export async function openInMemory(): Promise<Database> {
  const pglite = await PGlite.create({
    parsers: { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) },
    loadDataDir: templateBlob(),
  })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) })
  return {
    db,
    kind: 'embedded',
    location: 'memory',
    async close() {
      await db.destroy()
      await pglite.close()
    },
  }
}

async function openServer(databaseUrl: string): Promise<Database> {
  const url = new URL(databaseUrl)
  const location = `${url.hostname}:${url.port || '5432'}${url.pathname}`
  const types = new pg.TypeOverrides()
  types.setTypeParser(DATE_OID, (value) => value)
  types.setTypeParser(INT8_OID, (value) => Number(value))
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, connectionTimeoutMillis: 5000, types })
  // An idle client that loses the server must not crash the process; the next query will report it.
  pool.on('error', () => undefined)
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy().catch(() => undefined)
    throw new DatabaseUnavailableError(
      `Could not connect to the PostgreSQL server at ${location}: ${describeConnectionError(error)}. ` +
        'Check DATABASE_URL and that the server is running and accepting connections.',
    )
  }
  return { db, kind: 'server', location, close: () => db.destroy() }
}

function describeConnectionError(error: unknown): string {
  const e = error as { code?: string; message?: string }
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (is the server running?)'
    case 'ENOTFOUND':
      return 'the host name was not found'
    case '3D000':
      return 'that database does not exist'
    case '28P01':
    case '28000':
      return 'the user name or password was not accepted'
    default:
      return e.message ?? String(error)
  }
}
