import request from 'supertest'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../db/actor.ts'
import { testDatabaseKinds } from '../db/testing.ts'
import { API_KEY_LIMITS } from '../features/api/routes.ts'
import { readSubmission } from '../features/referrals/commands.ts'
import { RECEIPTS_PER_DESTINATION_PER_DAY, SELF_REFERRAL_LIMITS } from '../features/referrals/intake.ts'
import { csrfTokenOf } from '../test-support/browser.ts'
import { useWorld } from '../test-support/world.ts'

const PUBLIC: Actor = { kind: 'public', organisationId: null, role: 'public', label: 'Member of the public' }
const system = { kind: 'system' as const, organisationId: null, label: 'test' }

function selfReferral(email: string) {
  return readSubmission({
    localAuthority: 'E07000066',
    consent: { toReferral: true, toShareContactDetails: true, authorityChosenByPerson: true },
    person: { givenName: 'Sam', familyName: 'Limit', dateOfBirth: '1990-04-01', email, preferredContact: 'email' },
    reason: 'threatened_within_56_days',
    expectedHomelessOn: '2026-04-01',
    dischargeOrReleaseOn: null,
    household: { adults: 1, children: 0 },
    supportNeeds: [],
    risks: '',
    notes: '',
  })
}

describe.each(testDatabaseKinds())('limits that hold under load, on $name', (kind) => {
  const current = useWorld(kind)
  const receiptsTo = async (recipient: string) =>
    (await current().db.selectFrom('outbox_messages').where('recipient', '=', recipient).select('id').execute()).length

  it('lets through only the hour’s self-referrals from one address, however many arrive at once', async () => {
    const origin = { ip: '203.0.113.50' }
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        current().services.referralIntake.submit(PUBLIC, selfReferral(`burst${String(i)}@example.org`), { origin }),
      ),
    )
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(SELF_REFERRAL_LIMITS.perHour)
    const throttled = results.filter((r) => r.outcome === 'throttled')
    expect(throttled).toHaveLength(20 - SELF_REFERRAL_LIMITS.perHour)
    for (const t of throttled) expect(t).toMatchObject({ retryAfterSeconds: expect.any(Number) as unknown })
  })

  it('believes no X-Forwarded-For from a client that is not a configured proxy', async () => {
    const app = current().app
    const statuses: number[] = []
    for (let i = 0; i < SELF_REFERRAL_LIMITS.perHour + 2; i++) {
      const agent = request.agent(app)
      const page = await agent.get('/refer-yourself')
      const sent = await agent
        .post('/refer-yourself')
        .set('X-Forwarded-For', `198.51.100.${String(i)}`)
        .type('form')
        .send({
          'consent.toReferral': 'yes',
          'consent.toShareContactDetails': 'yes',
          'consent.authorityChosenByPerson': 'yes',
          localAuthority: 'E07000066',
          'person.givenName': 'Spoof',
          'person.familyName': 'Ing',
          'person.dateOfBirth-day': '1',
          'person.dateOfBirth-month': '4',
          'person.dateOfBirth-year': '1990',
          'person.email': `spoof${String(i)}@example.org`,
          'person.preferredContact': 'email',
          reason: 'threatened_within_56_days',
          'expectedHomelessOn-day': '1',
          'expectedHomelessOn-month': '4',
          'expectedHomelessOn-year': '2026',
          'household.adults': '1',
          'household.children': '0',
          _csrf: csrfTokenOf(page.text),
        })
      statuses.push(sent.status)
    }
    // Every request came from the test's own address, whatever the header claimed.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2)
  })

  it('sends one address no more than the day’s receipts, however many referrals name it', async () => {
    const victim = 'someone-else@example.org'
    for (let i = 0; i < RECEIPTS_PER_DESTINATION_PER_DAY + 2; i++) {
      const result = await current().services.referralIntake.submit(PUBLIC, selfReferral(victim), {
        origin: { ip: `192.0.2.${String(i)}` },
      })
      expect(result.outcome).toBe('created')
    }
    expect(await receiptsTo(victim)).toBe(RECEIPTS_PER_DESTINATION_PER_DAY)
  })

  it('answers a partner key past its limit with 429 and Retry-After', async () => {
    const { key } = await current().services.apiKeys.create('HMP Chelmsford', system)
    const statuses: number[] = []
    let retryAfter: string | undefined
    for (let i = 0; i < API_KEY_LIMITS.writesPerMinute + 1; i++) {
      const response = await request(current().app).post('/api/v1/referrals').set('Authorization', `Bearer ${key}`).send({})
      statuses.push(response.status)
      retryAfter = response.headers['retry-after']
    }
    expect(statuses.slice(0, API_KEY_LIMITS.writesPerMinute).every((s) => s === 422)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
  })
})
