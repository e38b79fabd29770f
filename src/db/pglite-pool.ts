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
  private readonly afterCommit: () => void
  private inTransaction = false
  /** `afterCommit` runs once a transaction, or a statement outside one, has committed: before it is reported done. */
  constructor(pglite: PGlite, afterCommit: () => void = () => undefined) {
    this.pglite = pglite
    this.afterCommit = afterCommit
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void
    const previous = this.queue
    this.queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    const run = async <R>(sqlText: string, parameters: readonly unknown[]) => {
      const result = await this.pglite.query<R>(sqlText, parameters as unknown[])
      this.committed(sqlText)
      return result
    }
    let released = false
    const client = {
      async query<R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await run<R>(sqlText, parameters)
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

  /** Whether the statement just run ended a transaction, or changed data outside one. */
  private committed(sqlText: string): void {
    const word = firstWord(sqlText)
    if (word === 'BEGIN' || word === 'START') this.inTransaction = true
    else if (word === 'COMMIT' || word === 'END') {
      this.inTransaction = false
      this.afterCommit()
    } else if (word === 'ROLLBACK' && !/^\s*rollback\s+to\b/i.test(sqlText)) this.inTransaction = false
    else if (!this.inTransaction && word !== 'SELECT') this.afterCommit()
  }

  async end(): Promise<void> {
    await this.queue
  }
}

function firstWord(sqlText: string): string | undefined {
  return /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase()
}

function commandOf(sqlText: string): 'UPDATE' | 'DELETE' | 'INSERT' | 'SELECT' | 'MERGE' {
  const word = firstWord(sqlText)
  return word === 'UPDATE' || word === 'DELETE' || word === 'INSERT' || word === 'MERGE' ? word : 'SELECT'
}
