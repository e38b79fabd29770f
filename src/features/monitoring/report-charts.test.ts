import { describe, expect, it } from 'vitest'
import type { MonitoringCase } from '../../domain/monitoring/record.ts'
import { evaluationReport } from '../../domain/monitoring/report.ts'
import { reportCharts } from './report-charts.ts'

const kase = (caseRef: string, district: string, referralDate: string, fields: Partial<MonitoringCase>) =>
  ({ caseRef, householdRef: null, district, referralDate, vulnerabilities: null, ...fields }) as MonitoringCase

const report = (cases: MonitoringCase[]) =>
  evaluationReport({
    cases,
    activities: [],
    asOf: '2024-12-31',
    filters: { programme: [], from: null, to: null, districts: [] },
    districts: [{ name: 'Harlow Council' }, { name: 'Epping Forest District Council' }],
  })

describe('the report’s charts', () => {
  it('draws cases by month, by district, outcomes by district, duration bands and vulnerabilities as accessible SVG images', async () => {
    const charts = await reportCharts(
      report([
        kase('A', 'Harlow Council', '2024-01-10', { outcome: 'prevented', caseEndDate: '2024-01-20', vulnerabilities: ['mental_health'] }),
        kase('B', 'Epping Forest District Council', '2024-04-02', {
          outcome: 'unsuccessful',
          caseEndDate: '2024-06-30',
          vulnerabilities: [],
        }),
      ]),
    )
    expect(Object.keys(charts).sort()).toEqual([
      'cases_by_district',
      'cases_by_month',
      'outcomes_by_district',
      'support_duration_bands',
      'vulnerabilities',
    ])
    for (const svg of Object.values(charts)) {
      expect(svg).toMatch(
        /^<svg role="img" aria-label="[^"]+" focusable="false" [^>]*width="100%"[^>]*viewBox="[^"]+"><title>[^<]+<\/title>/,
      )
      // One image: none of Vega's roles for the marks inside it.
      expect(svg.match(/role="/g)).toHaveLength(1)
      expect(svg).not.toContain('style=')
    }
    expect(charts.cases_by_month).toContain('from January 2024 to April 2024')
    expect(charts.cases_by_month).toContain('>2024-03</text>')
    expect(charts.outcomes_by_district).toContain('>Epping Forest</text>')
    expect(charts.outcomes_by_district).toContain('>Unsuccessful</text>')
    expect(charts.support_duration_bands).toContain('>Up to 2 weeks</text>')
    expect(charts.vulnerabilities).toContain('>Mental health</text>')
  })

  it('shows relieved cases (version 1.1) beside prevented ones, and a 1.0 report as before', async () => {
    const relieved = await reportCharts(
      report([
        kase('A', 'Harlow Council', '2024-01-10', { outcome: 'prevented', caseEndDate: '2024-01-20' }),
        kase('B', 'Harlow Council', '2024-02-10', { outcome: 'relieved', caseEndDate: '2024-03-20' }),
      ]),
    )
    expect(relieved.outcomes_by_district).toContain('>Relieved</text>')
    expect(relieved.outcomes_by_district).toContain('by outcome: prevented, relieved, unsuccessful and withdrawn.')
    expect(relieved.support_duration_bands).toContain('Bar chart of prevented, relieved and unsuccessful cases by length of support')
    const before = await reportCharts(
      report([kase('A', 'Harlow Council', '2024-01-10', { outcome: 'prevented', caseEndDate: '2024-01-20' })]),
    )
    expect(before.outcomes_by_district).toContain('by outcome: prevented, unsuccessful and withdrawn.')
    expect(before.outcomes_by_district).not.toContain('>Relieved</text>')
  })

  it('draws no chart for a table with no data', async () => {
    expect(await reportCharts(report([]))).toEqual({})
  })
})
