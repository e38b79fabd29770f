import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { SYSTEM_ORIGIN } from '../../platform/audit.ts'
import { csrfTokenOf, signedInAgent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'

describe.each(testDatabaseKinds())('caseload per officer by month, from the reassignments, on $name', (kind) => {
  const current = useWorld(kind)

  it('counts each month’s cases in the caseloads of the officers who held them then, not of today’s named officer', async () => {
    const { db, ids, users, app, services } = current()
    // Priya Shah holds two Basildon cases from January; on 2 March (today) the manager names Martin Cole on one.
    const household = await db.insertInto('households').values({ authority_id: ids.basildon }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('cases')
      .values({
        reference: 'BAS-2026-00150',
        authority_id: ids.basildon,
        officer_id: users.basildonCaseworker.id,
        household_id: household.id,
        approached_on: '2026-01-10',
        approach_channel: 'phone',
        stage: 'prevention',
      })
      .execute()
    await db.updateTable('cases').set({ approached_on: '2026-01-12' }).where('reference', '=', 'BAS-2026-00001').execute()

    const manager = await signedInAgent(app, users.basildonManager.email)
    const form = await manager.get('/cases/BAS-2026-00001/officer')
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? ''
    const named = await manager
      .post('/cases/BAS-2026-00001/officer')
      .type('form')
      .send({ version, officerId: users.basildonManager.id, _csrf: csrfTokenOf(form.text) })
    expect(named.status).toBe(303)

    const actor: Actor = {
      kind: 'user',
      userId: users.basildonManager.id,
      organisationId: ids.basildon,
      role: 'team_manager',
      label: 'Martin Cole',
    }
    const figures = await services.performance.indicators(
      actor,
      { from: LocalDate.parse('2026-01-01'), to: LocalDate.parse('2026-03-02') },
      SYSTEM_ORIGIN,
    )
    const months = figures?.performance.byMonth.map((m) => [m.month, m.caseload.openCases, m.caseload.workers, m.caseload.perWorker])
    expect(months).toEqual([
      // Before the reassignment Priya Shah held both cases (today's named officer would have made it two officers).
      ['2026-01', 2, 1, 2],
      ['2026-02', 2, 1, 2],
      // In March both held it: Priya Shah on the 1st, Martin Cole from the 2nd.
      ['2026-03', 2, 2, 1.5],
    ])
    // Today's caseload is today's named officers'.
    expect(figures?.performance.total.caseload).toEqual({ openCases: 2, workers: 2, perWorker: 1 })
    expect(figures?.performance.byWorker.map((w) => [w.worker, w.caseload.openCases])).toEqual([
      ['Martin Cole', 1],
      ['Priya Shah', 1],
    ])

    // The page says how a month's caseload is counted.
    const page = await manager.get('/performance?period=last_3_months')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Cases per officer who held them in the month')
    expect(page.text.replace(/\s+/g, ' ')).toContain('1.5 <span class="govuk-body-s">(2 cases, 2 officers)</span>')
  })
})
