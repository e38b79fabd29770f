import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }

/**
 * A household threatened by a section 21 notice, assessed and owed the prevention duty on 14 January
 * 2026 through the casework API; the tables for 2026-Q1 count it, those for 2025-Q4 do not.
 */
describe.each(testDatabaseKinds())('the official H-CLIC tables on $name', (kind) => {
  const world = useWorld(kind)

  async function preventionCase() {
    const w = world()
    const { key } = await w.services.apiKeys.create('Basildon Borough Council', system, 'cw@basildon.test')
    const post = async (path: string, body: Record<string, unknown>) => {
      const response = await request(w.app).post(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body)
      if (response.status >= 300) throw new Error(`${path}: ${String(response.status)} ${JSON.stringify(response.body)}`)
      return response.body as Record<string, unknown>
    }
    const get = async (path: string) =>
      (await request(w.app).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`)).body as Record<string, unknown>
    w.clock.advanceDays(-47)
    try {
      const opened = await post('/cases', {
        applicant: { givenName: 'Mia', familyName: 'Clarke', dateOfBirth: '1994-06-30', sex: 'female' },
        approachedOn: '2026-01-12',
        channel: 'phone',
        referralRoute: 'self_referral',
      })
      const base = `/cases/${String(opened['reference'])}`
      const members = (await get(`${base}/household`))['members'] as { id: string }[]
      const sections: [string, Record<string, unknown>][] = [
        ['eligibility', { eligibility: 'eligible' }],
        [
          'homelessness',
          {
            status: 'threatened_within_56_days',
            expectedHomelessOn: '2026-03-01',
            possessionNotice: 'section_21',
            noticeServedOn: '2026-01-01',
            noticeExpiresOn: '2026-03-01',
            noticeValidity: 'valid',
            onlyAccommodation: 'yes',
          },
        ],
        [
          'circumstances',
          {
            lastSettledAccommodation: 'private_rented_self_contained',
            reasonForLoss: 'end_of_assured_shorthold_tenancy',
            circumstances: 'The landlord is selling.',
          },
        ],
        ['accommodation', { accommodationAtApplication: 'private_rented_self_contained' }],
        ['housing_needs', { bedrooms: 1 }],
        ['support_needs', { needs: { [members[0]?.id ?? '']: ['mental_health'] } }],
        ['employment', { applicantEmployment: 'part_time', housingCostBenefits: 'yes', livingCostBenefits: 'no' }],
        ['strengths', { skills: 'Organised' }],
      ]
      for (const [name, body] of sections) {
        const { version } = (await get(`${base}/assessment`)) as { version: number }
        await post(`${base}/assessment/sections/${name}`, { ...body, version })
      }
      const { version: assessed } = (await get(`${base}/assessment`)) as { version: number }
      await post(`${base}/assessment/completion`, { date: '2026-01-14', version: assessed })
      const { version } = (await get(base)) as { version: number }
      await post(`${base}/decisions`, { decision: 'accept_prevention_duty', date: '2026-01-14', version })
    } finally {
      w.clock.advanceDays(47)
    }
  }

  it('shows the analyst their authority’s tables for the quarter and the same figures as CSV', async () => {
    await preventionCase()
    const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)

    const page = await analyst.get('/hclic/tables?quarter=2026-Q1')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Basildon Borough Council')
    expect(page.text).toContain('A1: Initial assessment of statutory homelessness duties owed')
    expect(page.text).toContain('TA2: Households in temporary accommodation on 2026-03-31, by household composition')
    expect(page.text).toContain('govuk-table__cell--numeric')

    const csv = await analyst.get('/hclic/tables.csv?quarter=2026-Q1')
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toContain('hclic-tables-E07000066-2026-Q1.csv')
    const lines = csv.text.split('\r\n')
    expect(lines).toContain('A1,Threatened with homelessness – prevention duty owed,Households,1')
    expect(lines).toContain('A1,of which: due to service of valid Section 21 Notice,Households,1')
    expect(lines).toContain('A2P,End of private rented tenancy (assured shorthold),Households,1')
    expect(lines).toContain('A3,One support need,Households,1')

    const before = await analyst.get('/hclic/tables.csv?quarter=2025-Q4')
    expect(before.text.split('\r\n')).toContain('A1,Total,Households,0')
  })

  it('shows a team manager the tables and refuses a malformed quarter with an error summary', async () => {
    const manager = await signedInAgent(world().app, world().users.basildonManager.email)
    expect((await manager.get('/hclic/tables?quarter=2026-Q1')).status).toBe(200)
    for (const path of ['/hclic/tables?quarter=2026-5', '/hclic/tables.csv?quarter=2026-5']) {
      const bad = await manager.get(path)
      expect(bad.status).toBe(400)
      expect(bad.text).toContain('govuk-error-summary')
      expect(bad.text).toContain('is not a quarter: write it as YYYY-QN')
      expect(bad.text).not.toContain('A1: Initial assessment')
    }
  })

  it('refuses caseworkers', async () => {
    const caseworker = await signedInAgent(world().app, world().users.basildonCaseworker.email)
    expect((await caseworker.get('/hclic/tables?quarter=2026-Q1')).status).toBe(403)
    expect((await caseworker.get('/hclic/tables.csv?quarter=2026-Q1')).status).toBe(403)
  })
})
