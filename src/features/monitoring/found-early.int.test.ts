import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { SYSTEM_ORIGIN } from '../../platform/audit.ts'
import { completeAssessment } from '../../test-support/assessments.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('"found more than 56 days before homelessness" on $name', (kind) => {
  const current = useWorld(kind)

  it('counts a household with homelessness expected more than 56 days away, not one assessed as not at risk', async () => {
    const { db, ids, users, app, services } = current()
    const officer: Actor & { kind: 'user' } = {
      kind: 'user',
      userId: users.basildonCaseworker.id,
      organisationId: ids.basildon,
      role: 'caseworker',
      label: 'Priya Shah',
    }
    const household = await db.insertInto('households').values({ authority_id: ids.basildon }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('people')
      .values({ household_id: household.id, authority_id: ids.basildon, is_applicant: true, given_name: 'Sam', family_name: 'Reid' })
      .execute()
    await db
      .insertInto('cases')
      .values({
        reference: 'BAS-2026-00300',
        authority_id: ids.basildon,
        officer_id: users.basildonCaseworker.id,
        household_id: household.id,
        approached_on: '2026-02-10',
        approach_channel: 'phone',
        stage: 'approach',
      })
      .execute()
    // Neither homeless nor threatened, no date in view: not at risk.
    await completeAssessment(current(), officer, 'BAS-2026-00001', {
      homelessness: { status: 'not_threatened' },
      accommodation: 'council_tenant',
      assessedOn: '2026-03-02',
    })
    // Not threatened within 56 days, but the tenancy ends on 1 May: 60 days away, found early.
    await completeAssessment(current(), officer, 'BAS-2026-00300', {
      homelessness: { status: 'not_threatened', expectedHomelessOn: '2026-05-01' },
      accommodation: 'private_rented_self_contained',
      assessedOn: '2026-03-02',
    })
    const risks = await db
      .selectFrom('cases')
      .where('reference', 'in', ['BAS-2026-00001', 'BAS-2026-00300'])
      .select(['reference', 'risk_at_assessment'])
      .orderBy('reference')
      .execute()
    expect(risks).toEqual([
      { reference: 'BAS-2026-00001', risk_at_assessment: 'not_at_risk' },
      { reference: 'BAS-2026-00300', risk_at_assessment: 'future_risk' },
    ])

    const manager: Actor = {
      kind: 'user',
      userId: users.basildonManager.id,
      organisationId: ids.basildon,
      role: 'team_manager',
      label: 'x',
    }
    const figures = await services.performance.indicators(
      manager,
      { from: LocalDate.parse('2026-01-01'), to: LocalDate.parse('2026-03-02') },
      SYSTEM_ORIGIN,
    )
    expect(figures?.performance.total.foundEarly).toEqual({ n: 1, base: 1, pct: 100 })

    const caseworker = await signedInAgent(app, users.basildonCaseworker.email)
    expect((await caseworker.get('/cases/BAS-2026-00001')).text).toContain('Not homeless nor at risk of homelessness')
    expect((await caseworker.get('/cases/BAS-2026-00300')).text).toContain('At risk of homelessness more than 56 days away')
  })
})
