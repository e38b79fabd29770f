import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'

/** The uses of rate-limited things (rate_limit_hits, migration 0028), for the limiter in rate-limits.ts. */

/** Holds the bucket until the transaction ends, so that counting and taking cannot interleave. */
export async function lockBucket(trx: Kysely<DB>, bucket: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${bucket}, 0))`.execute(trx)
}

/** How many uses the bucket has had since a moment, and the earliest and latest of them. */
export async function usesSince(
  trx: Kysely<DB>,
  bucket: string,
  since: Date,
): Promise<{ count: number; earliest: Date | null; latest: Date | null }> {
  const row = await trx
    .selectFrom('rate_limit_hits')
    .where('bucket', '=', bucket)
    .where('hit_at', '>', since)
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('hit_at').as('earliest'), eb.fn.max('hit_at').as('latest')])
    .executeTakeFirstOrThrow()
  const count = Number(row.n)
  return count === 0 ? { count, earliest: null, latest: null } : { count, earliest: new Date(row.earliest), latest: new Date(row.latest) }
}

/** One more use of the bucket, letting go of those no limit counts any more. */
export async function addUse(trx: Kysely<DB>, bucket: string, at: Date, forgetBefore: Date): Promise<string> {
  await trx.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).where('hit_at', '<=', forgetBefore).execute()
  const row = await trx.insertInto('rate_limit_hits').values({ bucket, hit_at: at }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Takes back uses: one by its id, or all of a bucket's. */
export async function removeUses(trx: Kysely<DB>, uses: { bucket: string; id?: string }[]): Promise<void> {
  for (const use of uses) {
    let query = trx.deleteFrom('rate_limit_hits').where('bucket', '=', use.bucket)
    if (use.id !== undefined) query = query.where('id', '=', use.id)
    await query.execute()
  }
}
