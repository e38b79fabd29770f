/** What the benchmarks share: timing, medians, durations as people read them, and a query's plan. */
import pg from 'pg'

export async function time<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

export function seconds(ms: number) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`
}

/** How PostgreSQL reads a query's rows (its top plan node): a baseline scan must be the whole table. */
export async function planOf(databaseUrl: string, query: string, parameters: unknown[]): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: { 'Node Type': string } }[] }>(`EXPLAIN (FORMAT JSON) ${query}`, parameters)
    return rows[0]?.['QUERY PLAN'][0]?.Plan['Node Type'] ?? 'unknown'
  } finally {
    await client.end()
  }
}
