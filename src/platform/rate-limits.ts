import { createHmac } from 'node:crypto'
import { asSystem, type UnrecordedReason } from '../db/modes.ts'
import { Service, type ServiceDeps } from './service.ts'
import { addUse, lockBucket, removeUses, usesSince } from './rate-limit-queries.ts'

/**
 * A bucket whose next use waits a number of seconds that depends on how many uses it has had in the
 * last `windowSeconds` and when the latest was: growing delays rather than a fixed allowance.
 */
export interface Backoff {
  bucket: string
  windowSeconds: number
  secondsToWait: (uses: number, latest: Date | null, now: Date) => number
}

/** Growing waits after failures (signing in, accounts/throttle.ts): how many are free, how long, for how long. */
export interface ThrottlePolicy {
  /** Failures within the window that cost nothing. */
  freeFailures: number
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstDelaySeconds: number
  /** The longest wait, however many failures: how long the real person can be kept out. */
  maxDelaySeconds: number
  /** Failures older than this are forgotten. */
  windowSeconds: number
}

/** At most `max` uses of a bucket in any `seconds`. */
export interface Limit {
  bucket: string
  max: number
  seconds: number
}

const COUNTING: UnrecordedReason = {
  reason: 'counting uses of rate-limited things',
  noRecordBecause: 'it is every request’s bookkeeping, of hashed keys, holding nothing personal',
}

/**
 * Limits on how often something may be done, kept in the database so that they hold across requests
 * running at once and across servers. Buckets are named by a keyed hash of what they count (a network
 * address, an email address, a partner's key), so the table holds none of them.
 */
export class RateLimiter extends Service {
  private readonly secret: string

  constructor(deps: ServiceDeps & { secret: string }) {
    super(deps)
    this.secret = deps.secret
  }

  /** A bucket's name: its kind, and a keyed hash of what it counts. */
  bucket(kind: string, value: string): string {
    return `${kind}:${createHmac('sha256', this.secret).update(value).digest('hex')}`
  }

  /**
   * Takes one use of every bucket the limits name, or none if any limit is reached, answering how many
   * seconds until that limit lets one through. Counting and taking happen in one transaction under a
   * lock on each bucket (taken in one order, so two requests cannot wait on each other).
   */
  async take(limits: readonly Limit[]): Promise<{ retryAfterSeconds: number } | undefined> {
    const now = this.clock.now()
    const buckets = [...new Set(limits.map((l) => l.bucket))].sort()
    return asSystem(this.db, COUNTING, async (trx) => {
      for (const bucket of buckets) await lockBucket(trx, bucket)
      let wait = 0
      for (const limit of limits) {
        const uses = await usesSince(trx, limit.bucket, new Date(now.getTime() - limit.seconds * 1000))
        if (uses.count < limit.max || uses.earliest === null) continue
        const frees = uses.earliest.getTime() + limit.seconds * 1000
        wait = Math.max(wait, Math.ceil((frees - now.getTime()) / 1000))
      }
      if (wait > 0) return { retryAfterSeconds: wait }
      const longest = Math.max(...limits.map((l) => l.seconds))
      for (const bucket of buckets) await addUse(trx, bucket, now, new Date(now.getTime() - longest * 1000))
      return undefined
    })
  }

  /**
   * Takes one use of every backoff bucket, or none if any of them must still wait, answering how long.
   * The use is taken before the thing it counts is tried, so simultaneous attempts cannot all pass; if
   * the attempt turns out not to count (a right password), `giveBack` returns it.
   */
  async takeWithBackoff(
    backoffs: readonly Backoff[],
  ): Promise<{ retryAfterSeconds: number } | { taken: { bucket: string; id: string }[] }> {
    const now = this.clock.now()
    const sorted = [...backoffs].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0))
    return asSystem(this.db, COUNTING, async (trx) => {
      for (const backoff of sorted) await lockBucket(trx, backoff.bucket)
      let wait = 0
      for (const backoff of sorted) {
        const uses = await usesSince(trx, backoff.bucket, new Date(now.getTime() - backoff.windowSeconds * 1000))
        wait = Math.max(wait, backoff.secondsToWait(uses.count, uses.latest, now))
      }
      if (wait > 0) return { retryAfterSeconds: wait }
      const taken = []
      for (const backoff of sorted) {
        const id = await addUse(trx, backoff.bucket, now, new Date(now.getTime() - backoff.windowSeconds * 1000))
        taken.push({ bucket: backoff.bucket, id })
      }
      return { taken }
    })
  }

  /** Returns uses: one taken use by its id, or (without an id) every use a bucket has had. */
  async giveBack(uses: { bucket: string; id?: string }[]): Promise<void> {
    await asSystem(this.db, COUNTING, (trx) => removeUses(trx, uses))
  }
}
