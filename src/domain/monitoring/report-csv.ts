import { stringify } from 'csv-stringify/sync'
import { TABLE_IDS, type EvaluationReport, type ReportRow, type TableId } from './report-model.ts'

/**
 * Every table of the evaluation report in one long CSV, one figure set per line, so an analyst can
 * filter and pivot it without reshaping:
 *
 *   table,column,key,label,n,pct,cumulative_pct,rolling3,value
 *
 * - a row of a table: its key, label, n and pct (with cumulative_pct or rolling3 where the table has
 *   them); `column` is empty for the totals, the district's key for a matrix's district column, and
 *   `types` for the prevention activities by type;
 * - a measure of a table: `base`, `missing`, `dont_know` and the table's extra fields (`total`,
 *   `repeat`, `mean`, `atRiskPct`, `meanDaysByOutcome.prevented`, …) as the key; counts in `n`,
 *   percentages in `pct`, means in `value`.
 * An empty cell is "no figure" (a percentage of nothing). Text cells that a spreadsheet would run as
 * a formula are prefixed with an apostrophe.
 */
export const CSV_HEADER = ['table', 'column', 'key', 'label', 'n', 'pct', 'cumulative_pct', 'rolling3', 'value'] as const

type Cell = string | number | null

const MEASURE_LABELS: Record<string, string> = {
  base: 'Data available',
  missing: 'Missing',
  dont_know: 'Don’t know',
  total: 'Cases',
  repeat: 'Repeat cases',
  live: 'Live cases',
  completed: 'Completed cases',
  mean: 'Mean',
  aged25To44Pct: 'Aged 25 to 44',
  atRiskPct: 'At risk, not yet homeless',
  multiple: 'Two or more vulnerabilities',
  meanCount: 'Mean number of vulnerabilities',
  activities: 'Prevention activities',
  min: 'Fewest activities for a case',
  max: 'Most activities for a case',
  unmatched: 'Activities matching no case',
  meanDays: 'Mean days of support',
  'meanDaysByOutcome.prevented': 'Mean days of support, prevented',
  'meanDaysByOutcome.unsuccessful': 'Mean days of support, unsuccessful',
  'meanDaysByOutcome.withdrawn': 'Mean days of support, withdrawn',
  'meanDaysByOutcome.relieved': 'Mean days of support, relieved',
  'meanDaysByOutcome.no_duty_owed': 'Mean days of support, no duty owed',
}

/** A spreadsheet runs a cell starting with =, +, -, @, tab or carriage return as a formula. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

export function evaluationCsv(report: EvaluationReport): string {
  const lines: Cell[][] = [[...CSV_HEADER]]
  const measure = (table: TableId, key: string, figures: { n?: number | null; pct?: number | null; value?: number | null }, column = '') =>
    lines.push([table, column, key, MEASURE_LABELS[key] ?? key, figures.n ?? null, figures.pct ?? null, null, null, figures.value ?? null])
  const rowLine = (table: TableId, r: ReportRow & { cumulativePct?: number | null; rolling3?: number | null }, column = '') =>
    lines.push([table, column, r.key, r.label, r.n, r.pct, r.cumulativePct ?? null, r.rolling3 ?? null, null])

  const t = report.tables
  for (const id of TABLE_IDS) {
    const table = t[id]
    measure(id, 'base', { n: table.base })
    measure(id, 'missing', { n: table.missing })
    if ('dontKnow' in table) measure(id, 'dont_know', { n: table.dontKnow })
    for (const r of table.rows) rowLine(id, r)
    if ('columns' in table)
      for (const column of table.columns) {
        measure(id, 'base', { n: column.base }, column.key)
        for (const r of column.rows) rowLine(id, r, column.key)
      }
  }
  const s = t.summary
  for (const key of ['total', 'repeat', 'live', 'completed'] as const) measure('summary', key, { n: s[key] })
  measure('applicant_age', 'mean', { value: t.applicant_age.mean })
  measure('applicant_age', 'aged25To44Pct', { pct: t.applicant_age.aged25To44Pct })
  measure('risk_at_assessment', 'atRiskPct', { pct: t.risk_at_assessment.atRiskPct })
  measure('vulnerabilities', 'multiple', t.vulnerabilities.multiple)
  measure('vulnerabilities', 'meanCount', { value: t.vulnerabilities.meanCount })
  const p = t.prevention_activities
  measure('prevention_activities', 'activities', { n: p.activities })
  measure('prevention_activities', 'mean', { value: p.mean })
  measure('prevention_activities', 'min', { n: p.min })
  measure('prevention_activities', 'max', { n: p.max })
  for (const r of p.types) rowLine('prevention_activities', r, 'types')
  measure('prevention_activities', 'unmatched', { n: p.unmatched })
  const d = t.support_duration
  measure('support_duration', 'meanDays', { value: d.meanDays })
  for (const [outcome, days] of Object.entries(d.meanDaysByOutcome))
    measure('support_duration', `meanDaysByOutcome.${outcome}`, { value: days ?? null })

  // Extras follow their table's rows: sort by the table's place, keeping each table's own order.
  const order = new Map<string, number>(TABLE_IDS.map((id, i) => [id, i]))
  const [header, ...body] = lines
  const sorted = body
    .map((line, i) => ({ line, i }))
    .sort((a, b) => (order.get(String(a.line[0])) ?? 0) - (order.get(String(b.line[0])) ?? 0) || a.i - b.i)
  return stringify([header ?? [], ...sorted.map(({ line }) => line.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)))], {
    record_delimiter: '\r\n',
  })
}
