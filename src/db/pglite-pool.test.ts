import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { PGlitePool } from './pglite-pool.ts'

describe('the embedded database’s pool', () => {
  let flushes = 0
  const pglite = new PGlite()
  const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite, () => flushes++) }) })
  afterAll(async () => {
    await db.destroy()
    await pglite.close()
  })
  const counted = async (work: () => Promise<unknown>) => {
    const before = flushes
    await work()
    return flushes - before
  }

  it.each([
    ['a statement outside a transaction that changes data', () => sql`CREATE TABLE IF NOT EXISTS t (n int)`.execute(db), 1],
    ['a read outside a transaction', () => sql`SELECT 1`.execute(db), 0],
    [
      'a transaction of several statements, once at its commit',
      () =>
        db.transaction().execute(async (trx) => {
          await sql`INSERT INTO t VALUES (1)`.execute(trx)
          await sql`INSERT INTO t VALUES (2)`.execute(trx)
        }),
      1,
    ],
    [
      'a transaction rolled back',
      () =>
        db
          .transaction()
          .execute(async (trx) => {
            await sql`INSERT INTO t VALUES (3)`.execute(trx)
            throw new Error('undo')
          })
          .catch(() => undefined),
      0,
    ],
  ])('makes the files durable after %s', async (_what, work, expected) => {
    expect(await counted(work)).toBe(expected)
  })
})
