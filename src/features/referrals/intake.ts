import { type Limit, type RateLimiter } from '../../platform/rate-limits.ts'
import { createHash, createHmac, randomInt, randomUUID } from 'node:crypto'
import { Service } from '../../platform/service.ts'
import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import { mayRefer } from '../../domain/organisations.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Refusal } from '../../platform/commands.ts'
import { queueMessages, type Notifier } from '../../platform/notify.ts'
import { referralProblems, type ReferralChannel, type ReferralReading } from './commands.ts'
import { alertToAuthority, receiptToPerson, receiptToReferrer } from './notifications.ts'
import {
  alertAddressesOf,
  authorityByCode,
  claimIdempotencyKey,
  housingAuthorities,
  idempotencyKey,
  insertReferral,
  organisationById,
  recordAttempt,
} from './queries.ts'
import { asSystem, type OwnerDb } from '../../db/modes.ts'

/** Self-referrals from one network address: a few an hour is a person correcting a mistake; more is a flood. */
export const SELF_REFERRAL_LIMITS = { perHour: 5, perDay: 20 } as const
/** Receipts of referrals to one email address or phone number in a day, whoever sends the referrals. */
export const RECEIPTS_PER_DESTINATION_PER_DAY = 3
const HOUR = 3600
const DAY = 86_400

function selfReferralLimits(bucket: string): Limit[] {
  return [
    { bucket, max: SELF_REFERRAL_LIMITS.perHour, seconds: HOUR },
    { bucket, max: SELF_REFERRAL_LIMITS.perDay, seconds: DAY },
  ]
}
const IDEMPOTENCY_KEY_LIMIT = 200

export interface Receipt {
  id: string
  reference: string
  status: 'received'
  receivedAt: Date
  authorityName: string
  targetWorkingDays: number
}

export type SubmitResult =
  | { outcome: 'created'; receipt: Receipt }
  | { outcome: 'replayed'; referralId: string }
  | { outcome: 'invalid'; refusals: Refusal[] }
  | { outcome: 'not_allowed'; message: string }
  | { outcome: 'idempotency_conflict' }
  | { outcome: 'throttled'; retryAfterSeconds: number }

/** Thrown inside the transaction to undo a referral whose idempotency key another request claimed first. */
class KeyTaken extends Error {}

/**
 * Referrals arriving: from a partner's form, a partner's system or a member of the public. Whatever the
 * channel, the same rules read the referral, nothing about the person is kept from a refused attempt,
 * and the referral, its receipt messages and its audit entry are written together or not at all.
 */
export class ReferralIntake extends Service {
  private readonly notifier: Notifier
  private readonly addressSecret: string

  private readonly limits: RateLimiter

  constructor(deps: { db: OwnerDb; clock: Clock; notifier: Notifier; addressSecret: string; limits: RateLimiter }) {
    super(deps)
    this.notifier = deps.notifier
    this.addressSecret = deps.addressSecret
    this.limits = deps.limits
  }

  /**
   * The referral as its form or the API read it: the command, or the refusals of reading it. Who may
   * refer, the flood limit and an earlier request with the same key are answered before those refusals.
   */
  async submit(actor: Actor, read: ReferralReading, options: { idempotencyKey?: string; origin: Origin }): Promise<SubmitResult> {
    const channel: ReferralChannel =
      actor.kind === 'public' ? 'self_referral' : actor.kind === 'api_key' || actor.viaApiKeyId !== undefined ? 'api' : 'web'
    const key = options.idempotencyKey
    if (key !== undefined && (key.length === 0 || key.length > IDEMPOTENCY_KEY_LIMIT))
      return {
        outcome: 'invalid',
        refusals: [
          { path: 'Idempotency-Key', message: `The Idempotency-Key header must be 1 to ${String(IDEMPOTENCY_KEY_LIMIT)} characters` },
        ],
      }
    const organisationId = actor.organisationId
    const addressHash = channel === 'self_referral' ? this.hashAddress(options.origin.ip) : null
    // The same referral sent again, whatever its keys' order or spacing, is the same request.
    const requestHash = 'command' in read ? createHash('sha256').update(canonicalJson(read.command)).digest('hex') : ''

    // Everything to check before writing, in one transaction: who may refer, the flood limit, an earlier
    // request with the same key, the authority chosen, and the record of a refusal.
    if (options.origin.ip !== null && channel === 'self_referral') {
      const throttled = await this.limits.take(selfReferralLimits(this.limits.bucket('self-referral-from', options.origin.ip)))
      if (throttled) {
        await asActor(this.db, actor, (trx) =>
          recordAttempt(trx, { at: this.clock.now(), channel, organisationId: null, addressHash, result: 'throttled' }),
        )
        return { outcome: 'throttled', ...throttled }
      }
    }
    const checked = await asActor(this.db, actor, async (trx): Promise<SubmitResult | { authority: Authority }> => {
      const refused = await refusal(trx, actor)
      if (refused) return { outcome: 'not_allowed', message: refused }
      if (key !== undefined && organisationId !== null) {
        const earlier = answerToRetry(await idempotencyKey(trx, organisationId, key), requestHash)
        if (earlier) return earlier
      }
      const problems = referralProblems(read, this.clock.today(), channel)
      const authority = 'command' in read && problems.length === 0 ? await authorityByCode(trx, read.command.localAuthority) : undefined
      if ('command' in read && problems.length === 0 && !authority)
        problems.push({
          path: 'localAuthority',
          message: `No housing authority with the code ${read.command.localAuthority} takes referrals through this service`,
        })
      if (!authority || problems.length > 0) {
        const paths = problems.map((p) => p.path)
        await recordAttempt(trx, { at: this.clock.now(), channel, organisationId, addressHash, result: 'refused', problems: paths })
        return { outcome: 'invalid', refusals: problems }
      }
      return { authority }
    })
    if (!('authority' in checked)) return checked
    if (!('command' in read)) throw new Error('a referral with problems is refused above')
    const { authority } = checked
    const submission = read.command
    // Each referral sends the person a receipt at the address they gave. Whoever sends the referrals, a
    // stranger's inbox or phone is not to be flooded with them: past the limit the referral is still
    // made (it may be the person's real need), but no receipt goes.
    const destinations = [submission.person.email, submission.person.phone?.replace(/\D/g, '')]
      .filter((d): d is string => typeof d === 'string' && d !== '')
      .map((d) => ({ bucket: this.limits.bucket('receipts-to', d.toLowerCase()), max: RECEIPTS_PER_DESTINATION_PER_DAY, seconds: DAY }))
    const receiptAsked = channel === 'self_referral' || submission.person.preferredContact !== 'via_referrer'
    const receiptSent = receiptAsked && (destinations.length === 0 || (await this.limits.take(destinations)) === undefined)

    const id = randomUUID()
    const reference = newReferralReference()
    const receivedAt = this.clock.now()
    // The authority's alert addresses are its staff's, which the referrer may not read: the system reads
    // them for this one authority, to tell its team a referral has come.
    const alerts = await asSystem(this.db, "a referral's alert to the authority", (db) => alertAddressesOf(db, authority))
    try {
      const authorityRef = { id, reference, authorityId: authority.id, authorityName: authority.name }
      await asActor(this.db, actor, async (trx) => {
        await insertReferral(trx, {
          id,
          reference,
          referringOrganisationId: organisationId,
          referredByUserId: actor.kind === 'user' ? actor.userId : null,
          authorityId: authority.id,
          channel,
          receivedAt,
          submission,
        })
        if (key !== undefined && organisationId !== null) {
          const claimed = await claimIdempotencyKey(trx, { organisationId, key, requestHash, referralId: id, at: receivedAt })
          if (!claimed) throw new KeyTaken()
        }
        await recordAttempt(trx, { at: receivedAt, channel, organisationId, addressHash, result: 'accepted' })
        await recordAudit(
          trx,
          actor,
          {
            action: 'create',
            subjectType: 'referral',
            subjectId: id,
            subjectOrganisationId: authority.id,
            details: { reference, channel },
          },
          options.origin,
          receivedAt,
        )
        await queueMessages(
          trx,
          [
            ...(submission.referrer?.email ? [receiptToReferrer(authorityRef, submission.referrer.email)] : []),
            ...(receiptSent ? receiptToPerson(authorityRef, submission.person, authority.referral_target_working_days) : []),
            ...alerts.map((to) => alertToAuthority(authorityRef, to, submission.reason)),
          ],
          receivedAt,
        )
      })
    } catch (error) {
      // Another request with the same key won the race; answer as its retry would be answered.
      if (error instanceof KeyTaken && key !== undefined && organisationId !== null) {
        const earlier = await asActor(this.db, actor, (trx) => idempotencyKey(trx, organisationId, key))
        return answerToRetry(earlier, requestHash) ?? { outcome: 'idempotency_conflict' }
      }
      throw error
    }
    this.notifier.deliverSoon()
    return {
      outcome: 'created',
      receipt: {
        id,
        reference,
        status: 'received',
        receivedAt,
        authorityName: authority.name,
        targetWorkingDays: authority.referral_target_working_days,
      },
    }
  }

  /** The housing authorities a person may choose to be referred to. */
  async authorities() {
    return asActor(this.db, { kind: 'public', organisationId: null, role: 'public', label: 'Member of the public' }, housingAuthorities)
  }

  /** The network address, keyed so the table cannot be read back into addresses. */
  private hashAddress(ip: string | null): string {
    return createHmac('sha256', this.addressSecret)
      .update(ip ?? 'unknown')
      .digest('hex')
  }
}

type Authority = NonNullable<Awaited<ReturnType<typeof authorityByCode>>>

/** Why this actor may not refer at all, or undefined when they may. */
async function refusal(trx: Scoped, actor: Actor): Promise<string | undefined> {
  if (actor.kind === 'public') return undefined
  if (actor.kind === 'user' && actor.role !== 'referrer')
    return 'Only staff of a referring organisation make referrals. Housing authority staff record an approach instead'
  const organisation = await organisationById(trx, actor.organisationId)
  if (!mayRefer(organisation.type))
    return `${organisation.name} is not a referring organisation, so it cannot make referrals under the duty to refer`
  return undefined
}

/** A retry of an earlier request with the same key: the same body is answered with its referral, another is a conflict. */
function answerToRetry(earlier: { request_hash: string; referral_id: string } | undefined, requestHash: string): SubmitResult | undefined {
  if (!earlier) return undefined
  return earlier.request_hash === requestHash
    ? { outcome: 'replayed', referralId: earlier.referral_id }
    : { outcome: 'idempotency_conflict' }
}

/** REF- and eight characters that cannot be misread (no 0/O, 1/I/L): about 10^12 references. */
function newReferralReference(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
  return `REF-${Array.from({ length: 8 }, () => alphabet.charAt(randomInt(alphabet.length))).join('')}`
}

/** JSON with object keys sorted, so the same body sent twice hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return value === undefined ? 'null' : JSON.stringify(value)
}
