import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asActor, type Actor } from '../db/actor.ts'
import { testDatabaseKinds } from '../db/testing.ts'
import { useWorld, type World } from '../test-support/world.ts'
import { loadConfig } from './config.ts'
import { createLogger } from './logging.ts'
import { Notifier, queueMessages, withoutContactDetails, type OutgoingMessage } from './notify.ts'
import { ownerDb } from '../db/modes.ts'

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506'
const KEY = `upstream_test-${SERVICE_ID}-3d844edf-8d35-48ac-975b-e847b4f122b0`
const EMAIL_TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a'
const SMS_TEMPLATE = '9a1b6a2c-51b1-4a3c-9a1e-0b9d4b9d7a11'

function message(world: World, aboutId: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    channel: 'email',
    to: 'duty.team@basildon.test',
    subject: 'New referral REF-TEST01',
    body: 'A referral has arrived.\n\nOpen it in Upstream.',
    kind: 'referral_alert_to_authority',
    organisationId: world.ids.basildon,
    about: { type: 'referral', id: aboutId },
    ...overrides,
  }
}

async function messagesAbout(world: World, aboutId: string) {
  return world.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('about_id', '=', aboutId)
    .orderBy('created_at')
    .orderBy('channel')
    .execute()
}

function referrer(world: World): Actor {
  return {
    kind: 'user',
    userId: world.users.hospitalReferrer.id,
    organisationId: world.ids.hospital,
    role: 'referrer',
    label: 'Ana Nurse',
  }
}

describe.each(testDatabaseKinds())('the outbox without GOV.UK Notify on $name', (kind) => {
  const current = useWorld(kind)

  it('queues nothing when the change that caused the message is rolled back', async () => {
    const world = current()
    await expect(
      asActor(world.db, referrer(world), async (trx) => {
        await queueMessages(trx, [message(world, 'rolled-back')], world.clock.now())
        throw new Error('the referral could not be saved')
      }),
    ).rejects.toThrow('the referral could not be saved')
    expect(await messagesAbout(world, 'rolled-back')).toEqual([])
  })

  it('lets a referrer queue a message for an authority that the referrer cannot read back', async () => {
    const world = current()
    await asActor(world.db, referrer(world), (trx) => queueMessages(trx, [message(world, 'queued-by-referrer')], world.clock.now()))
    expect(await messagesAbout(world, 'queued-by-referrer')).toHaveLength(1)
    const seen = await asActor(world.db, referrer(world), (trx) => trx.selectFrom('outbox_messages').select('id').execute())
    expect(seen).toEqual([])
  })

  it('refuses a person queueing a message that claims to be sent already', async () => {
    const world = current()
    await expect(
      asActor(world.db, referrer(world), (trx) =>
        trx
          .insertInto('outbox_messages')
          .values({
            organisation_id: world.ids.basildon,
            channel: 'email',
            recipient: 'x@example.org',
            subject: '',
            body: '',
            kind: 'forged',
            about_type: 'referral',
            about_id: 'forged',
            status: 'sent',
            created_at: world.clock.now(),
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/)
  })

  it('keeps queued messages in the local outbox, once', async () => {
    const world = current()
    await queueMessages(
      world.db,
      [message(world, 'kept-locally'), message(world, 'kept-locally', { channel: 'sms', to: '07700 900123', subject: '' })],
      world.clock.now(),
    )
    const first = await world.services.notifier.deliverPending()
    expect(first.local).toBeGreaterThanOrEqual(2)
    expect(first).toMatchObject({ sent: 0, failed: 0 })
    expect((await messagesAbout(world, 'kept-locally')).map((m) => [m.status, m.provider_id, m.sent_at])).toEqual([
      ['local', null, null],
      ['local', null, null],
    ])
    expect(await world.services.notifier.deliverPending()).toEqual({ sent: 0, failed: 0, local: 0 })
  })

  it('delivers soon after being asked, without the caller waiting', async () => {
    const world = current()
    await queueMessages(world.db, [message(world, 'delivered-soon')], world.clock.now())
    world.services.notifier.deliverSoon()
    world.services.notifier.deliverSoon()
    await world.services.notifier.idle()
    expect((await messagesAbout(world, 'delivered-soon')).map((m) => m.status)).toEqual(['local'])
  })
})

interface Received {
  path: string
  authorization: string
  body: Record<string, unknown>
}

/** Answers like GOV.UK Notify's API: 201 with the notification's id, or what `answer` says for a recipient. */
class FakeNotify {
  readonly received: Received[] = []
  /** Recipients Notify refuses, and those it never answers for. */
  readonly refused = new Set<string>()
  readonly silent = new Set<string>()
  private server: Server | undefined
  private held: ServerResponse[] = []
  url = ''

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res)
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}`
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy()
    await new Promise((resolve) => this.server?.close(resolve))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = ''
    for await (const chunk of req) text += String(chunk)
    const body = JSON.parse(text) as Record<string, unknown>
    this.received.push({ path: req.url ?? '', authorization: req.headers.authorization ?? '', body })
    const to = String(body['email_address'] ?? body['phone_number'])
    if (this.silent.has(to)) {
      this.held.push(res)
      return
    }
    res.setHeader('content-type', 'application/json')
    if (this.refused.has(to)) {
      res.statusCode = 400
      res.end(
        JSON.stringify({
          status_code: 400,
          errors: [{ error: 'BadRequestError', message: `Can’t send to this recipient using a team-only API key (${to})` }],
        }),
      )
      return
    }
    res.statusCode = 201
    res.end(
      JSON.stringify({
        id: `notify-${String(this.received.length)}`,
        reference: body['reference'],
        content: { body: 'rendered', subject: 'rendered', from_email: 'upstream@notifications.service.gov.uk' },
        uri: `${this.url}/v2/notifications/notify-${String(this.received.length)}`,
        template: { id: body['template_id'], version: 1, uri: 'template' },
      }),
    )
  }
}

describe.each(testDatabaseKinds())('sending through GOV.UK Notify on $name', (kind) => {
  const current = useWorld(kind)
  const notify = new FakeNotify()
  beforeAll(() => notify.start())
  afterAll(() => notify.stop())

  function notifier(world: World, sendTimeoutMs?: number): Notifier {
    const config = loadConfig({
      NODE_ENV: 'test',
      UPSTREAM_NOTIFY_API_KEY: KEY,
      UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
      UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE,
      UPSTREAM_NOTIFY_BASE_URL: notify.url,
    })
    return new Notifier({ notify: config.notify, db: ownerDb(world.db), logger: createLogger('silent'), clock: world.clock, sendTimeoutMs })
  }

  it('sends emails and text messages with the templates, the recipient and the words, and records Notify’s id', async () => {
    const world = current()
    await queueMessages(
      world.db,
      [
        message(world, 'sent-by-notify'),
        message(world, 'sent-by-notify', { channel: 'sms', to: '07700 900123', subject: 'not sent in a text', body: 'Referral received.' }),
      ],
      world.clock.now(),
    )
    expect(await notifier(world).deliverPending()).toEqual({ sent: 2, failed: 0, local: 0 })

    const rows = await messagesAbout(world, 'sent-by-notify')
    const email = notify.received.find((r) => r.path === '/v2/notifications/email')
    const sms = notify.received.find((r) => r.path === '/v2/notifications/sms')
    expect(email?.body).toEqual({
      template_id: EMAIL_TEMPLATE,
      email_address: 'duty.team@basildon.test',
      personalisation: { subject: 'New referral REF-TEST01', body: 'A referral has arrived.\n\nOpen it in Upstream.' },
      reference: rows.find((r) => r.channel === 'email')?.id,
    })
    expect(sms?.body).toEqual({
      template_id: SMS_TEMPLATE,
      phone_number: '07700 900123',
      personalisation: { body: 'Referral received.' },
      reference: rows.find((r) => r.channel === 'sms')?.id,
    })
    // Signed with the key's secret for the key's service.
    const token = email?.authorization.replace(/^Bearer /, '') ?? ''
    expect(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ iss: SERVICE_ID })

    expect(rows.map((r) => [r.channel, r.status, r.error])).toEqual([
      ['email', 'sent', null],
      ['sms', 'sent', null],
    ])
    expect(rows.map((r) => r.provider_id).sort()).toEqual(['notify-1', 'notify-2'])
    expect(rows.every((r) => r.sent_at !== null)).toBe(true)
  })

  it('records a refusal as a failure Notify explains, without the recipient’s details', async () => {
    const world = current()
    notify.refused.add('not.on.team@example.org')
    await queueMessages(world.db, [message(world, 'refused-by-notify', { to: 'not.on.team@example.org' })], world.clock.now())
    expect(await notifier(world).deliverPending()).toEqual({ sent: 0, failed: 1, local: 0 })
    const [row] = await messagesAbout(world, 'refused-by-notify')
    expect(row?.status).toBe('failed')
    expect(row?.provider_id).toBeNull()
    expect(row?.error).toBe(
      'GOV.UK Notify refused the message (400): BadRequestError: Can’t send to this recipient using a team-only API key ([recipient])',
    )
  })

  it('sends each message once when delivery runs twice at the same time', async () => {
    const world = current()
    const before = notify.received.length
    await queueMessages(
      world.db,
      Array.from({ length: 12 }, (_, i) => message(world, 'sent-once', { to: `person${String(i)}@example.org` })),
      world.clock.now(),
    )
    const [a, b] = await Promise.all([notifier(world).deliverPending(), notifier(world).deliverPending()])
    expect(a.sent + b.sent).toBe(12)
    expect(notify.received.length - before).toBe(12)
    expect(new Set(notify.received.slice(before).map((r) => r.body['email_address'])).size).toBe(12)
    expect((await messagesAbout(world, 'sent-once')).every((m) => m.status === 'sent')).toBe(true)
  })

  it('gives up on a message Notify does not answer for, saying it may have gone', async () => {
    const world = current()
    notify.silent.add('slow@example.org')
    await queueMessages(world.db, [message(world, 'unanswered', { to: 'slow@example.org' })], world.clock.now())
    expect(await notifier(world, 200).deliverPending()).toEqual({ sent: 0, failed: 1, local: 0 })
    const [row] = await messagesAbout(world, 'unanswered')
    expect(row?.status).toBe('failed')
    expect(row?.error).toMatch(/did not answer .* may or may not have sent/)
  })

  it('fails a message a stopped process left half-sent, rather than sending it twice', async () => {
    const world = current()
    await queueMessages(world.db, [message(world, 'abandoned')], world.clock.now())
    await world.db
      .updateTable('outbox_messages')
      .set({ status: 'sending', claimed_at: world.clock.now() })
      .where('about_id', '=', 'abandoned')
      .execute()
    expect(await notifier(world).deliverPending()).toEqual({ sent: 0, failed: 0, local: 0 })
    world.clock.advanceMinutes(11)
    expect(await notifier(world).deliverPending()).toEqual({ sent: 0, failed: 1, local: 0 })
    const [row] = await messagesAbout(world, 'abandoned')
    expect(row?.status).toBe('failed')
    expect(row?.error).toMatch(/interrupted/)
  })
})

describe('errors kept on a message', () => {
  it('lose anything that looks like a contact detail', () => {
    expect(withoutContactDetails('phone_number 07700 900123 is not valid; sam@example.org too', '')).toBe(
      'phone_number [number] is not valid; [email address] too',
    )
    expect(withoutContactDetails('bad recipient 07700900123', '07700900123')).toBe('bad recipient [recipient]')
  })
})
