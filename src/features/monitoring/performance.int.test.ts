import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('the performance indicators page on $name', (kind) => {
  const current = useWorld(kind)

  it('shows a manager figures computed from the authority’s cases, and refuses caseworkers', async () => {
    const { db, ids, users, app } = current()
    const kase = async (reference: string, values: Record<string, string | null>) => {
      const household = await db.insertInto('households').values({ authority_id: ids.basildon }).returning('id').executeTakeFirstOrThrow()
      await db
        .insertInto('cases')
        .values({
          reference,
          authority_id: ids.basildon,
          officer_id: users.basildonCaseworker.id,
          household_id: household.id,
          approached_on: '2026-01-10',
          approach_channel: 'phone',
          stage: 'prevention',
          prevention_started_on: '2026-01-12',
          risk_at_assessment: 'future_risk',
          ...values,
        })
        .execute()
    }
    // Two prevention duties ended in February, one with accommodation secured; one still open, with a plan overdue for review.
    await kase('BAS-2026-00101', { stage: 'closed', outcome: 'suitable_accommodation_secured', closed_on: '2026-02-10' })
    await kase('BAS-2026-00102', { stage: 'relief', relief_started_on: '2026-02-20', risk_at_assessment: 'threatened_within_28_days' })
    await db
      .updateTable('cases')
      .set({ prevention_started_on: '2026-02-01', risk_at_assessment: 'future_risk' })
      .where('reference', '=', 'BAS-2026-00001')
      .execute()
    const open = await db.selectFrom('cases').where('reference', '=', 'BAS-2026-00001').select('id').executeTakeFirstOrThrow()
    await db
      .insertInto('housing_plans')
      .values({
        case_id: open.id,
        authority_id: ids.basildon,
        made_on: '2026-02-02',
        made_by: users.basildonCaseworker.id,
        next_review_on: '2026-02-23',
        updated_at: new Date('2026-02-02T10:00:00Z'),
      })
      .execute()
    // Received on Sunday 1 March, first contact on Monday 2 March: one working day.
    await db
      .updateTable('referrals')
      .set({ first_contact_at: new Date('2026-03-02T09:30:00Z') })
      .where('id', '=', ids.hospitalReferralToBasildon)
      .execute()

    const manager = await signedInAgent(app, users.basildonManager.email)
    const page = await manager.get('/performance?period=last_3_months')
    expect(page.status).toBe(200)
    const text = page.text.replace(/\s+/g, ' ')
    expect(text).toContain(
      'Prevention success rate</dt><dd class="govuk-summary-list__value">50% <span class="govuk-body-s">(1 of 2)</span>',
    )
    // Three cases opened in the period with the risk recorded, two of them more than 56 days ahead.
    expect(text).toContain('66.7% <span class="govuk-body-s">(2 of 3)</span> of cases with the risk recorded')
    expect(text).toContain('1 <span class="govuk-body-s">(mean 1; 1 of 1)</span>')
    // Open: BAS-2026-00001 and the relief case, both held by Priya Shah; only the first has a plan, overdue since 23 February.
    expect(text).toContain('2 <span class="govuk-body-s">(2 cases, 1 officers)</span>')
    expect(text).toContain('50% <span class="govuk-body-s">(1 of 2)</span></dd>')
    expect(text).toContain('1 plan reviews, 0 review decisions')
    expect(text).toContain('Priya Shah')
    expect(text).toContain('2026-02')

    const audit = await db
      .selectFrom('audit_events')
      .where('actor_user_id', '=', users.basildonManager.id)
      .where('subject_type', '=', 'performance_indicators')
      .select('subject_id')
      .execute()
    expect(audit).toEqual([{ subject_id: ids.basildon }])

    const caseworker = await signedInAgent(app, users.basildonCaseworker.email)
    expect((await caseworker.get('/performance')).status).toBe(403)
  })
})
