import type { PGlite } from '@electric-sql/pglite'
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'

/**
 * Presents PGlite, which has a single connection, as the pool Kysely's PostgresDialect expects.
 * The connection is lent to one borrower at a time so that a transaction's statements are never
 * interleaved with another request's.
 */
export class PGlitePool implements PostgresPool {
  readonly options = {}
  private queue: Promise<void> = Promise.resolve()
  private readonly pglite: PGlite
  constructor(pglite: PGlite) {
    this.pglite = pglite
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void
    const previous = this.queue
    this.queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    const pglite = this.pglite
    let released = false
    const client = {
      async query<R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await pglite.query<R>(sqlText, parameters as unknown[])
        return { command: commandOf(sqlText), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows }
      },
      release() {
        if (!released) {
          released = true
          release()
        }
      },
    }
    return client as unknown as PostgresPoolClient
  }

  async end(): Promise<void> {
    await this.queue
  }
}

function commandOf(sqlText: string): 'UPDATE' | 'DELETE' | 'INSERT' | 'SELECT' | 'MERGE' {
  const word = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase()
  return word === 'UPDATE' || word === 'DELETE' || word === 'INSERT' || word === 'MERGE' ? word : 'SELECT'
}
