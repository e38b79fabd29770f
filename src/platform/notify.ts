import type { Kysely, Transaction } from 'kysely'
import { NotifyClient } from 'notifications-node-client'
import type { Logger } from 'pino'
import type { DB } from '../db/schema.ts'
import type { Clock } from './clock.ts'
import type { NotifyConfig } from './config.ts'
import {
  claimQueued,
  failAbandonedClaims,
  insertOutboxMessages,
  keepQueuedLocally,
  markFailed,
  markSent,
  type ClaimedMessage,
} from './notify-queries.ts'
import { asSystem, type OwnerDb, type SystemReason } from '../db/modes.ts'

export interface OutgoingMessage {
  channel: 'email' | 'sms'
  /** An email address or a UK phone number. */
  to: string
  /** The email's subject (not sent in a text message). */
  subject: string
  /** Plain text. */
  body: string
  /** What the message is, for example 'referral_receipt_to_referrer' or 'referral_alert_to_authority'. */
  kind: string
  /** Whose administrators may read it in the outbox. */
  organisationId: string | null
  /** The record it is about, for example { type: 'referral', id: referralId }. */
  about: { type: string; id: string }
}

/**
 * Writes messages to the outbox in the caller's transaction (transactional outbox): no message without
 * the change that caused it. Call the notifier's deliverSoon() once the transaction has committed.
 */
export async function queueMessages(trx: Kysely<DB> | Transaction<DB>, messages: OutgoingMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return
  await insertOutboxMessages(
    trx,
    messages.map((m) => ({
      organisation_id: m.organisationId,
      channel: m.channel,
      recipient: m.to.trim(),
      subject: m.subject,
      body: m.body,
      kind: m.kind,
      about_type: m.about.type,
      about_id: m.about.id,
      status: 'queued',
      created_at: now,
    })),
  )
}

export interface DeliveryResult {
  sent: number
  failed: number
  local: number
}

/** A claim older than this was left by a process that stopped while sending. */
const ABANDONED_AFTER_MS = 10 * 60_000
const SEND_TIMEOUT_MS = 30_000
/** Small enough that a batch whose every message times out is still finished well before it counts as abandoned. */
const BATCH = 10
const ABANDONED =
  'Sending was interrupted (the service stopped), so GOV.UK Notify may or may not have sent this message. Check Notify before sending it again.'

/**
 * Delivery is the system's own work, and each message's row records what became of it (claimed, sent,
 * failed, with when and why): that row is its audit, and a delivery run with nothing to send is no event.
 */
const DELIVERY: SystemReason = { reason: 'outbox delivery', noRecordBecause: "each message's row records its delivery" }

type Outcome = { ok: true; providerId: string } | { ok: false; error: string; providerStatus: number | string }

/**
 * Sends what is in the outbox through GOV.UK Notify, or, when no Notify key is configured, keeps it in
 * the outbox (status 'local') where administrators can read it. Runs as the system: delivery is not
 * done on anyone's behalf, and no person's query ever sees another organisation's messages.
 */
export class Notifier {
  private readonly db: OwnerDb
  private readonly logger: Logger
  private readonly clock: Clock
  private readonly notify: NotifyConfig | undefined
  private readonly client: NotifyClient | undefined
  private readonly sendTimeoutMs: number
  private running: Promise<void> | undefined
  private again = false

  constructor(deps: { notify: NotifyConfig | undefined; db: OwnerDb; logger: Logger; clock: Clock; sendTimeoutMs?: number }) {
    this.db = deps.db
    this.logger = deps.logger
    this.clock = deps.clock
    this.notify = deps.notify
    this.sendTimeoutMs = deps.sendTimeoutMs ?? SEND_TIMEOUT_MS
    if (deps.notify)
      this.client = deps.notify.baseUrl ? new NotifyClient(deps.notify.baseUrl, deps.notify.apiKey) : new NotifyClient(deps.notify.apiKey)
  }

  /**
   * Sends every queued message through GOV.UK Notify when a key is configured; without one, messages
   * stay in the local outbox (status 'local'). Safe to call concurrently and repeatedly: each message is
   * claimed by one run only. Never throws; a failure is recorded on its message (status 'failed', with a
   * reason free of personal details) and logged by message id.
   */
  async deliverPending(): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, failed: 0, local: 0 }
    try {
      const now = this.clock.now()
      const abandoned = await asSystem(this.db, DELIVERY, (db) =>
        failAbandonedClaims(db, new Date(now.getTime() - ABANDONED_AFTER_MS), ABANDONED),
      )
      for (const message of abandoned)
        this.logger.warn({ messageId: message.id, kind: message.kind, channel: message.channel }, 'message sending was interrupted')
      result.failed += abandoned.length

      if (!this.client) {
        result.local = await asSystem(this.db, DELIVERY, (db) => keepQueuedLocally(db))
        if (result.local > 0) this.logger.info({ local: result.local }, 'no GOV.UK Notify key: messages kept in the local outbox')
        return result
      }

      for (;;) {
        const batch = await asSystem(this.db, DELIVERY, (db) => claimQueued(db, BATCH, this.clock.now()))
        if (batch.length === 0) break
        for (const message of batch) {
          const outcome = await this.send(this.client, message)
          if (outcome.ok) {
            await asSystem(this.db, DELIVERY, (db) => markSent(db, message.id, outcome.providerId, this.clock.now()))
            result.sent++
          } else {
            await asSystem(this.db, DELIVERY, (db) => markFailed(db, message.id, outcome.error))
            result.failed++
            this.logger.warn(
              { messageId: message.id, kind: message.kind, channel: message.channel, providerStatus: outcome.providerStatus },
              'GOV.UK Notify did not take a message',
            )
          }
        }
      }
      if (result.sent + result.failed > 0) this.logger.info({ ...result }, 'outbox delivered')
    } catch (error) {
      // The database itself failed (or closed): what was claimed stays 'sending' until it counts as abandoned.
      this.logger.error({ err: describeFailure(error) }, 'outbox delivery stopped')
    }
    return result
  }

  /** Fire-and-forget after a commit: schedules deliverPending without awaiting it. */
  deliverSoon(): void {
    // A run in progress may already have passed the new messages, so it goes round once more.
    this.again = true
    if (this.running) return
    this.running = new Promise<void>((resolve) => {
      setImmediate(() => {
        void this.drain().finally(resolve)
      })
    })
  }

  /** Resolves once no delivery scheduled by deliverSoon() is running: for an orderly stop, and for tests. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    try {
      while (this.again) {
        this.again = false
        await this.deliverPending()
      }
    } finally {
      // In the same step as the last check of `again`, so no deliverSoon() call can fall between them.
      this.running = undefined
    }
  }

  private async send(client: NotifyClient, message: ClaimedMessage): Promise<Outcome> {
    const notify = this.notify
    if (!notify) throw new Error('send() without Notify configured')
    // The message's own id as Notify's reference ties Notify's records to the outbox without a personal detail.
    const request =
      message.channel === 'email'
        ? client.sendEmail(notify.emailTemplateId, message.recipient, {
            personalisation: { subject: message.subject, body: message.body },
            reference: message.id,
          })
        : client.sendSms(notify.smsTemplateId, message.recipient, { personalisation: { body: message.body }, reference: message.id })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout')
      }, this.sendTimeoutMs)
    })
    try {
      const response = await Promise.race([request, timeout])
      if (response === 'timeout')
        return {
          ok: false,
          providerStatus: 'timeout',
          error: `GOV.UK Notify did not answer within ${String(this.sendTimeoutMs / 1000)} seconds, so it may or may not have sent this message. Check Notify before sending it again.`,
        }
      return { ok: true, providerId: response.data.id }
    } catch (error) {
      return refusal(error, message.recipient)
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * Why Notify did not take a message, as an administrator can act on it: Notify's own error type and
 * message (which name fields, not values), with anything that still looks like a contact detail removed.
 */
function refusal(error: unknown, recipient: string): Outcome & { ok: false } {
  const failure = error as { response?: { status?: number; data?: unknown }; code?: string }
  const status = failure.response?.status
  if (status === undefined) {
    const code = typeof failure.code === 'string' ? failure.code : 'no answer'
    return { ok: false, providerStatus: code, error: `Could not reach GOV.UK Notify (${code}). The message was not sent.` }
  }
  const data = failure.response?.data as { errors?: { error?: unknown; message?: unknown }[] } | undefined
  const reasons = (Array.isArray(data?.errors) ? data.errors : [])
    .map((e) => [e.error, e.message].filter((part): part is string => typeof part === 'string').join(': '))
    .filter((reason) => reason !== '')
  const text = `GOV.UK Notify refused the message (${String(status)})${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`
  return { ok: false, providerStatus: status, error: withoutContactDetails(text, recipient) }
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+/g
const NUMBER_LIKE = /\+?\d[\d ()-]{7,}\d/g

export function withoutContactDetails(text: string, recipient: string): string {
  const cleaned = (recipient === '' ? text : text.split(recipient).join('[recipient]'))
    .replace(EMAIL_LIKE, '[email address]')
    .replace(NUMBER_LIKE, '[number]')
  return cleaned.length > 500 ? `${cleaned.slice(0, 499)}…` : cleaned
}

/** An unexpected error, reduced to what is safe to log: its kind and code, never its message or data. */
function describeFailure(error: unknown): { type: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' ? { type: error.name, code } : { type: error.name }
  }
  return { type: typeof error }
}
