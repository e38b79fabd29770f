import { rowLabel } from '../../domain/monitoring/report-labels.ts'
import { formatDate } from '../../platform/formatting.ts'
import { TABLE_IDS, type EvaluationReport, type MatrixTable, type ReportRow, type TableId } from '../../domain/monitoring/report-model.ts'

/** One HTML table: a caption, column headers, and rows led by a row header. */
export interface ViewTable {
  caption: string
  head: string[]
  rows: { header: string; cells: string[] }[]
}

/** A table of the report as the page shows it: tables, the evaluators' "Data available" line, extra figures. */
export interface ReportSection {
  id: TableId
  title: string
  tables: ViewTable[]
  available: string
  extras: { label: string; value: string }[]
}

const pct = (value: number | null) => (value === null ? 'no data' : `${String(value)}%`)
const num = (value: number | null) => (value === null ? 'no data' : String(value))
/** Means are given to one decimal place, so 30 shows as 30.0. */
const oneDp = (value: number | null) => (value === null ? 'no data' : value.toFixed(1))
const cases = (n: number) => `${String(n)} ${n === 1 ? 'case' : 'cases'}`

/** What the report covers, in a sentence: programmes, referral dates, districts and the date judged at. */
export function reportDescription(report: EvaluationReport): string {
  const { programme, from, to, districts } = report.filters
  const period = `referred ${from ? `from ${formatDate(from)}` : 'from the start'} ${to ? `to ${formatDate(to)}` : 'to date'}`
  const where = districts.length > 0 ? `in ${districts.join(', ')}` : 'in every district'
  return `${programme.join(', ') || 'No programme'}: cases ${period}, ${where}; data as at ${formatDate(report.asOf)}.`
}
const count = (r: ReportRow) => [String(r.n), pct(r.pct)]

const ROW_HEADERS: Partial<Record<TableId, string>> = {
  cases_by_month: 'Month',
  cases_by_district: 'District',
  support_duration_bands: 'Length of support',
  applicant_age: 'Age',
}

/** A matrix's district columns as rows (one per district), so many districts stay readable. */
function byDistrict(table: MatrixTable): ViewTable {
  return {
    caption: `${table.title}: each district`,
    head: ['District', 'Cases', ...table.rows.map((r) => r.label)],
    rows: table.columns.map((c) => ({
      header: c.label,
      cells: [String(c.base), ...c.rows.map((r) => (r.pct === null ? String(r.n) : `${String(r.n)} (${String(r.pct)}%)`))],
    })),
  }
}

export function reportSections(report: EvaluationReport): ReportSection[] {
  const t = report.tables
  return TABLE_IDS.map((id): ReportSection => {
    const table = t[id]
    const head = [ROW_HEADERS[id] ?? 'Category', 'Cases', 'Per cent']
    let main: ViewTable = { caption: table.title, head, rows: table.rows.map((r) => ({ header: r.label, cells: count(r) })) }
    const tables: ViewTable[] = []
    const extras: { label: string; value: string }[] = []
    let available = `Data available for ${cases(table.base)} (missing = ${String(table.missing)})`
    switch (id) {
      case 'summary':
        extras.push({ label: 'Cases', value: String(t.summary.total) })
        break
      case 'applicant_age':
        extras.push(
          { label: 'Mean age', value: oneDp(t.applicant_age.mean) },
          { label: 'Aged 25 to 44', value: pct(t.applicant_age.aged25To44Pct) },
        )
        break
      case 'risk_at_assessment':
        extras.push({ label: 'At risk, not yet homeless', value: pct(t.risk_at_assessment.atRiskPct) })
        break
      case 'previously_homeless':
      case 'previously_slept_rough':
      case 'previously_in_temporary_accommodation':
        available = `Data available for ${cases(table.base)} (don’t know = ${String(t[id].dontKnow)}, missing = ${String(table.missing)})`
        break
      case 'vulnerabilities': {
        const { multiple, meanCount } = t.vulnerabilities
        extras.push(
          { label: 'Two or more vulnerabilities', value: `${String(multiple.n)} (${pct(multiple.pct)})` },
          { label: 'Mean number of vulnerabilities', value: oneDp(meanCount) },
        )
        main = { ...main, head: ['Vulnerability', 'Households', 'Per cent'] }
        break
      }
      case 'cases_by_month':
        main = {
          ...main,
          head: [...head, 'Three-month rolling average'],
          rows: t.cases_by_month.rows.map((r) => ({
            header: r.label,
            cells: [...count(r), r.rolling3 === null ? 'not yet' : oneDp(r.rolling3)],
          })),
        }
        break
      case 'support_duration_bands':
        main = {
          ...main,
          head: [...head, 'Cumulative per cent'],
          rows: t.support_duration_bands.rows.map((r) => ({ header: r.label, cells: [...count(r), pct(r.cumulativePct)] })),
        }
        break
      case 'prevention_activities': {
        const p = t.prevention_activities
        tables.push({
          caption: 'Prevention activities by type',
          head: ['Type of activity', 'Activities', 'Per cent'],
          rows: p.types.map((r) => ({ header: r.label, cells: count(r) })),
        })
        extras.push(
          { label: 'Prevention activities', value: String(p.activities) },
          { label: 'Mean activities per case', value: oneDp(p.mean) },
          { label: 'Fewest activities for a case', value: num(p.min) },
          { label: 'Most activities for a case', value: num(p.max) },
          { label: 'Activities matching no case', value: String(p.unmatched) },
        )
        break
      }
      case 'support_duration': {
        const d = t.support_duration
        extras.push(
          { label: 'Mean days of support', value: num(d.meanDays) },
          ...Object.entries(d.meanDaysByOutcome).map(([o, days]) => ({
            label: `Mean days of support, ${rowLabel(o).toLowerCase()}`,
            value: num(days ?? null),
          })),
        )
        break
      }
      case 'referral_route':
        tables.push(byDistrict(t.referral_route))
        break
      case 'outcomes_by_district':
        tables.push(byDistrict(t.outcomes_by_district))
        break
      default:
        break
    }
    return { id, title: table.title, tables: [main, ...tables], available, extras }
  })
}
