import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { asActor, type Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { queueMessages } from '../../platform/notify.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld, type World } from '../../test-support/world.ts'

function actor(world: World, who: 'basildonAdmin' | 'harlowAdmin' | 'basildonCaseworker'): Actor {
  const organisationId = who === 'harlowAdmin' ? world.ids.harlow : world.ids.basildon
  return {
    kind: 'user',
    userId: world.users[who].id,
    organisationId,
    role: who === 'basildonCaseworker' ? 'caseworker' : 'administrator',
    label: who,
  }
}

describe.each(testDatabaseKinds())('the outbox page on $name', (kind) => {
  const current = useWorld(kind)
  let basildonMessageId = ''
  let harlowMessageId = ''

  beforeAll(async () => {
    const world = current()
    await queueMessages(
      world.db,
      [
        {
          channel: 'email',
          to: 'housing.options@basildon.test',
          subject: 'New referral REF-AAAA01',
          body: 'Sam Taylor has been referred to you by Princess Alexandra Hospital.\nReference REF-AAAA01.\n\nOpen it in Upstream.',
          kind: 'referral_alert_to_authority',
          organisationId: world.ids.basildon,
          about: { type: 'referral', id: world.ids.hospitalReferralToBasildon },
        },
        {
          channel: 'sms',
          to: '07700 900456',
          subject: '',
          body: 'Harlow Council has your referral REF-AAAA02.',
          kind: 'referral_receipt_to_person',
          organisationId: world.ids.harlow,
          about: { type: 'referral', id: world.ids.prisonReferralToHarlow },
        },
      ],
      world.clock.now(),
    )
    await world.services.notifier.deliverPending()
    const ids = await world.db.selectFrom('outbox_messages').select(['id', 'organisation_id']).execute()
    basildonMessageId = ids.find((m) => m.organisation_id === world.ids.basildon)?.id ?? ''
    harlowMessageId = ids.find((m) => m.organisation_id === world.ids.harlow)?.id ?? ''
  })

  it('shows an administrator their own organisation’s messages only, under row-level security too', async () => {
    const world = current()
    const visibleTo = (who: 'basildonAdmin' | 'harlowAdmin' | 'basildonCaseworker') =>
      asActor(world.db, actor(world, who), (trx) => trx.selectFrom('outbox_messages').select('id').execute())
    expect(await visibleTo('basildonAdmin')).toEqual([{ id: basildonMessageId }])
    expect(await visibleTo('harlowAdmin')).toEqual([{ id: harlowMessageId }])
    expect(await visibleTo('basildonCaseworker')).toEqual([])
  })

  it('lists the messages for an administrator, with what, how, to whom and whether sent', async () => {
    const world = current()
    const admin = await signedInAgent(world.app, world.users.basildonAdmin.email)
    const page = await admin.get('/admin/outbox')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<h1 class="govuk-heading-l">Outbox</h1>')
    expect(page.text).toContain('href="/admin/outbox"')
    expect(page.text).toContain(`href="/admin/outbox/${basildonMessageId}"`)
    expect(page.text).toContain('Referral alert to authority')
    expect(page.text).toContain('housing.options@basildon.test')
    expect(page.text).toContain('New referral REF-AAAA01')
    expect(page.text).toContain('Not sent (kept here)')
    expect(page.text).not.toContain('07700 900456')
  })

  it('shows one message’s words and records that the administrator read them', async () => {
    const world = current()
    const admin = await signedInAgent(world.app, world.users.basildonAdmin.email)
    const page = await admin.get(`/admin/outbox/${basildonMessageId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Sam Taylor has been referred to you by Princess Alexandra Hospital.<br>Reference REF-AAAA01.')
    expect(page.text).toContain('<p class="govuk-body">Open it in Upstream.</p>')
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'subject_organisation_id', 'details'])
      .where('action', '=', 'view')
      .where('subject_type', '=', 'outbox_message')
      .where('subject_id', '=', basildonMessageId)
      .execute()
    expect(audit).toEqual([
      {
        actor_user_id: world.users.basildonAdmin.id,
        subject_organisation_id: world.ids.basildon,
        details: {
          kind: 'referral_alert_to_authority',
          channel: 'email',
          aboutType: 'referral',
          aboutId: world.ids.hospitalReferralToBasildon,
        },
      },
    ])
  })

  it('does not show another organisation’s message, or one that does not exist', async () => {
    const world = current()
    const admin = await signedInAgent(world.app, world.users.basildonAdmin.email)
    expect((await admin.get(`/admin/outbox/${harlowMessageId}`)).status).toBe(404)
    expect((await admin.get('/admin/outbox/not-a-message')).status).toBe(404)
    const audited = await world.db
      .selectFrom('audit_events')
      .select('id')
      .where('subject_type', '=', 'outbox_message')
      .where('subject_id', '=', harlowMessageId)
      .execute()
    expect(audited).toEqual([])
  })

  it('is closed to caseworkers and to anyone not signed in', async () => {
    const world = current()
    const caseworker = await signedInAgent(world.app, world.users.basildonCaseworker.email)
    const list = await caseworker.get('/admin/outbox')
    expect(list.status).toBe(403)
    expect(list.text).not.toContain('housing.options@basildon.test')
    expect((await caseworker.get(`/admin/outbox/${basildonMessageId}`)).status).toBe(403)
    expect((await caseworker.get('/')).text).not.toContain('href="/admin/outbox"')
    const anonymous = await request(world.app).get('/admin/outbox')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers['location']).toBe('/sign-in')
  })
})
