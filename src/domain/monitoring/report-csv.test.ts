import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { MonitoringCase } from './record.ts'
import { evaluationReport } from './report.ts'
import { CSV_HEADER, evaluationCsv, neutralise } from './report-csv.ts'
import { TABLE_IDS } from './report-model.ts'

const kase = (caseRef: string, district: string | null, fields: Partial<MonitoringCase>): MonitoringCase =>
  ({
    caseRef,
    householdRef: null,
    district,
    referralDate: '2024-01-10',
    vulnerabilities: null,
    applicantAge: null,
    adults: null,
    dependentChildren: null,
    ...Object.fromEntries(
      [
        'provider',
        'worker',
        'recordedDate',
        'referralRoute',
        'referralAgency',
        'applicantSex',
        'applicantUkNational',
        'applicantEthnicity',
        'applicantReceivesBenefits',
        'applicantEmployment',
        'housingStatus',
        'riskAtAssessment',
        'previouslyHomeless',
        'previouslySleptRough',
        'previouslyInTemporaryAccommodation',
        'primaryVulnerability',
        'outcome',
        'caseEndDate',
        'accommodationOutcome',
        'reliefActivity',
        'comments',
      ].map((k) => [k, null]),
    ),
    ...fields,
  }) as MonitoringCase

const report = evaluationReport({
  cases: [
    kase('A', '=HYPERLINK("x") Council', {
      applicantEmployment: 'full_time',
      previouslyHomeless: 'dont_know',
      outcome: 'prevented',
      caseEndDate: '2024-01-20',
    }),
    kase('B', 'Harlow Council', { applicantEmployment: 'unemployed', previouslyHomeless: 'yes', outcome: 'withdrawn' }),
    kase('C', 'Harlow Council', { referralDate: '2024-03-02', applicantAge: 30 }),
  ],
  activities: [{ caseRef: 'A', householdRef: null, activityDate: null, activityType: 'mediation', stage: 'prevention', comment: null }],
  asOf: '2024-12-31',
  filters: { programme: ['Essex Trailblazer'], from: null, to: null, districts: [] },
  districts: [{ name: 'Harlow Council' }, { name: '=HYPERLINK("x") Council' }],
})
const csv = evaluationCsv(report)
const records = parse<Record<(typeof CSV_HEADER)[number], string>>(csv, { columns: true })
const find = (table: string, key: string, column = '') => records.filter((r) => r.table === table && r.key === key && r.column === column)

describe('the evaluation report as CSV', () => {
  it('has a header and every table, in the spec’s order, each with its base and missing', () => {
    expect(csv.split('\r\n')[0]).toBe(CSV_HEADER.join(','))
    const tables = [...new Set(records.map((r) => r.table))]
    expect(tables).toEqual([...TABLE_IDS])
    for (const id of TABLE_IDS) {
      expect(find(id, 'base')[0]?.n).toBe(String(report.tables[id].base))
      expect(find(id, 'missing')[0]?.n).toBe(String(report.tables[id].missing))
    }
  })

  it('writes every row of every table with its figures, a missing percentage as an empty cell', () => {
    for (const id of TABLE_IDS)
      for (const row of report.tables[id].rows) {
        const [line] = find(id, row.key)
        expect(line?.n).toBe(String(row.n))
        expect(line?.pct).toBe(row.pct === null ? '' : String(row.pct))
      }
    expect(find('applicant_employment', 'employed')[0]).toMatchObject({
      label: 'Employed (full time, part time or self-employed)',
      n: '1',
      pct: '50',
    })
    expect(find('applicant_sex', 'female')[0]).toMatchObject({ n: '0', pct: '' })
    expect(find('cases_by_month', '2024-02')[0]).toMatchObject({ n: '0', pct: '0', rolling3: '' })
    expect(find('cases_by_month', '2024-03')[0]).toMatchObject({ n: '1', rolling3: '1' })
    expect(find('support_duration_bands', 'up_to_2_weeks')[0]).toMatchObject({ n: '1', cumulative_pct: '100' })
  })

  it('writes the rebased, matrix and extra figures', () => {
    expect(find('previously_homeless', 'dont_know')[0]).toMatchObject({ n: '1' })
    expect(find('previously_homeless', 'yes')[0]).toMatchObject({ n: '1', pct: '100' })
    expect(find('outcomes_by_district', 'base', 'harlow')[0]).toMatchObject({ n: '1' })
    expect(find('outcomes_by_district', 'withdrawn', 'harlow')[0]).toMatchObject({ n: '1', pct: '100' })
    expect(find('applicant_age', 'mean')[0]).toMatchObject({ value: '30' })
    expect(find('prevention_activities', 'mediation', 'types')[0]).toMatchObject({ n: '1', pct: '100' })
    expect(find('support_duration', 'meanDaysByOutcome.prevented')[0]).toMatchObject({ value: '10' })
    expect(find('summary', 'total')[0]).toMatchObject({ n: '3' })
  })

  it('quotes as RFC 4180 says and neutralises text a spreadsheet would run as a formula', () => {
    const label = find('cases_by_district', 'hyperlink_x')[0]?.label
    expect(label).toBe(`'=HYPERLINK("x")`)
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(['=1', '+1', '-1', '@A', '\tx', 'plain'].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@A", "'\tx", 'plain'])
  })
})
