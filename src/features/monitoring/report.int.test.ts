import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { evaluationReport } from '../../domain/monitoring/report.ts'
import { evaluationCsv } from '../../domain/monitoring/report-csv.ts'
import { TABLE_IDS, type EvaluationReport } from '../../domain/monitoring/report-model.ts'
import { TABLE_TITLES } from '../../domain/monitoring/report-labels.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { signedInAgent } from '../../test-support/browser.ts'
import { useWorld } from '../../test-support/world.ts'
import { addEssexUpstream } from '../../test-support/monitoring-report-data.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'test' }

describe.each(testDatabaseKinds())('the programme evaluation report on $name', (kind) => {
  const world = useWorld(kind)

  beforeAll(() => addEssexUpstream(world()))

  /** The domain's report over the same data, read as the system: what every route must agree with. */
  async function expected(filters: { from?: string; to?: string; districts?: string[] } = {}): Promise<EvaluationReport> {
    const data = await world().services.monitoring.programmeData(system, {
      programmes: ['Essex Upstream'],
      districts: filters.districts ?? [],
    })
    if ('error' in data) throw new Error(data.error)
    return evaluationReport({
      cases: data.cases,
      activities: data.activities,
      asOf: '2026-01-31',
      filters: {
        programme: ['Essex Upstream'],
        from: filters.from ?? null,
        to: filters.to ?? null,
        districts: (filters.districts ?? []).length === 0 ? [] : data.districts.map((d) => d.name),
      },
      districts: data.districts,
    })
  }

  it('shows the programme lead’s analyst every table, with the same figures as CSV and JSON', async () => {
    const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)
    const query = 'programme=Essex+Upstream&asOf=2026-01-31'

    const page = await analyst.get(`/reports/evaluation?${query}`)
    expect(page.status).toBe(200)
    for (const id of TABLE_IDS)
      expect(page.text).toContain(`<caption class="govuk-table__caption govuk-table__caption--s">${TABLE_TITLES[id]}</caption>`)
    expect(page.text).toContain('Data available for 2 cases (missing = 0)')
    expect(page.text).not.toContain('govuk-error-message')
    expect(page.text).toContain('<svg role="img" aria-label="Bar chart of cases referred each month from October 2025 to December 2025')
    expect(page.text).toContain('Data available for 1 case (missing = 0)')

    const json = await analyst.get(`/reports/evaluation.json?${query}`)
    expect(json.status).toBe(200)
    const report = json.body as EvaluationReport
    expect(report).toEqual(await expected())
    expect(report.tables.summary).toMatchObject({ total: 2, repeat: 1, live: 1, completed: 1 })
    expect(report.tables.prevention_activities).toMatchObject({ base: 1, activities: 2, unmatched: 1 })
    expect(report.tables.support_duration.meanDays).toBe(14)
    expect(report.tables.cases_by_district.rows.map((r) => [r.key, r.n])).toEqual([
      ['basildon', 1],
      ['harlow', 1],
    ])

    const csv = await analyst.get(`/reports/evaluation.csv?${query}`)
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toContain('evaluation-report-2026-01-31.csv')
    expect(csv.text).toBe(evaluationCsv(await expected()))

    const audited = await world()
      .db.selectFrom('audit_events')
      .where('subject_type', '=', 'monitoring_data')
      .where('actor_user_id', '=', world().users.basildonAnalyst.id)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(audited.n)).toBe(3)
  })

  it('filters by referral dates and district, from the form’s date fields or from YYYY-MM-DD', async () => {
    const manager = await signedInAgent(world().app, world().users.basildonManager.email)
    const fromForm = await manager.get('/reports/evaluation.json?from-day=1&from-month=12&from-year=2025&to=2025-12-31&asOf=2026-01-31')
    expect(fromForm.status).toBe(200)
    expect(fromForm.body).toEqual(await expected({ from: '2025-12-01', to: '2025-12-31' }))
    expect((fromForm.body as EvaluationReport).tables.summary).toMatchObject({ total: 1, repeat: 1 })

    const harlow = await manager.get('/reports/evaluation.json?district=Harlow+Council&asOf=2026-01-31')
    expect(harlow.body).toEqual(await expected({ districts: ['Harlow Council'] }))
    expect((harlow.body as EvaluationReport).tables.cases_by_district.rows.map((r) => r.key)).toEqual(['harlow'])

    const page = await manager.get('/reports/evaluation?from=2025-12-01&asOf=2026-01-31')
    expect(page.text).toContain(
      'Essex Upstream: cases referred from 1 December 2025 to date, in every district; data as at 31 January 2026.',
    )
    expect(page.text).toMatch(/name="from-month" type="text" value="12"/)
  })

  it('refuses bad filters with an error summary and a 400', async () => {
    const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)
    const bad = await analyst.get('/reports/evaluation?from=2025-02-30')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('govuk-error-summary')
    expect(bad.text).toContain('Referred from must be a real date')
    // The message beside the field it is about, and nowhere else.
    expect(bad.text.match(/class="govuk-error-message"/g)).toHaveLength(1)
    expect(bad.text).toMatch(
      /<p id="from-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> Referred from must be a real date/,
    )
    expect(bad.text).not.toContain(TABLE_TITLES.outcomes)

    const backwards = await analyst.get('/reports/evaluation?from-day=1&from-month=3&from-year=2025&to=2025-01-01')
    expect(backwards.status).toBe(400)
    expect(backwards.text).toContain('Referred to must be the same as or after referred from')
    expect(backwards.text).toContain('href="#to-day"')

    const incomplete = await analyst.get('/reports/evaluation?asOf-day=1&asOf-year=2025')
    expect(incomplete.status).toBe(400)
    expect(incomplete.text).toContain('Data as at must include a month')

    const unknown = await analyst.get('/reports/evaluation?programme=Elsewhere')
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('No programme you may see is called &quot;Elsewhere&quot;')

    expect((await analyst.get('/reports/evaluation.json?to=31/01/2025')).body).toEqual({
      errors: ['Referred to must be a date like 2024-03-31'],
    })
    expect((await analyst.get('/reports/evaluation.csv?district=Nowhere')).status).toBe(400)
  })

  it('refuses caseworkers, and analysts whose organisation leads no programme', async () => {
    const caseworker = await signedInAgent(world().app, world().users.basildonCaseworker.email)
    for (const path of ['/reports/evaluation', '/reports/evaluation.csv', '/reports/evaluation.json'])
      expect((await caseworker.get(path)).status).toBe(403)
    const { db, ids } = world()
    await db.updateTable('programmes').set({ lead_organisation_id: ids.harlow }).execute()
    try {
      const analyst = await signedInAgent(world().app, world().users.basildonAnalyst.email)
      expect((await analyst.get('/reports/evaluation.json')).status).toBe(403)
      expect((await analyst.get('/reports/evaluation')).status).toBe(403)
    } finally {
      await db.updateTable('programmes').set({ lead_organisation_id: ids.basildon }).execute()
    }
  })
})
