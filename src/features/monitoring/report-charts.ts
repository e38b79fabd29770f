import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import type { EvaluationReport, TableId } from '../../domain/monitoring/report-model.ts'

/**
 * The report's charts, drawn on the server as SVG (no JavaScript in the browser), each placed after
 * the table it shows. Colours are GOV.UK's, at least 3:1 against white so bars stay distinct; the
 * text is GOV.UK black. Every chart is one image with a description; its figures are in the table.
 */

const TEXT = '#0b0c0c'
const BLUE = '#1d70b8'
const FONT = 'arial, sans-serif'

/** Outcomes by a colour each and the table beside for the figures; each at least 3:1 on white. */
const OUTCOME_COLOURS: Record<string, string> = {
  Prevented: BLUE,
  Relieved: '#00703c',
  Unsuccessful: '#d4351c',
  Withdrawn: '#505a5f',
  'No duty owed': '#4c2c92',
}

const CONFIG = {
  aria: false,
  font: FONT,
  background: 'white',
  axis: {
    labelColor: TEXT,
    titleColor: TEXT,
    labelFontSize: 14,
    titleFontSize: 14,
    domainColor: TEXT,
    tickColor: TEXT,
    gridColor: '#b1b4b6',
  },
  legend: { labelColor: TEXT, titleColor: TEXT, labelFontSize: 14, titleFontSize: 14 },
  bar: { fill: BLUE },
  view: { stroke: null },
}

/** Draws a Vega-Lite chart to SVG and makes it one accessible image named by its description. */
export async function renderChart(spec: TopLevelSpec, description: string): Promise<string> {
  const compiled = compile({ ...spec, config: CONFIG }).spec
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' })
  try {
    const svg = await view.toSVG()
    const escaped = description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Vega's own roles describe the marks to a screen reader one by one; the table does that better.
    return svg
      .replace(/\s(role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '')
      .replace(/^<svg ([^>]*)\swidth="(\d+(\.\d+)?)"\sheight="(\d+(\.\d+)?)"/, '<svg $1 width="100%"')
      .replace(/^<svg /, `<svg role="img" aria-label="${escaped}" focusable="false" `)
      .replace(/^(<svg[^>]*>)/, `$1<title>${escaped}</title>`)
  } finally {
    view.finalize()
  }
}

function monthsChart(report: EvaluationReport): TopLevelSpec {
  const values = report.tables.cases_by_month.rows.map((r) => ({ month: r.key, cases: r.n, rolling: r.rolling3 }))
  const x = { field: 'month', type: 'ordinal', sort: null, title: 'Month referred', axis: { labelAngle: -45 } } as const
  return {
    width: 600,
    height: 240,
    data: { values },
    layer: [
      { mark: 'bar', encoding: { x, y: { field: 'cases', type: 'quantitative', title: 'Cases' } } },
      {
        mark: { type: 'line', color: TEXT, strokeDash: [6, 3], point: { filled: true, fill: TEXT } },
        transform: [{ filter: 'datum.rolling !== null' }],
        encoding: { x, y: { field: 'rolling', type: 'quantitative' } },
      },
    ],
  }
}

function barsChart(rows: { label: string; n: number }[], axisTitle: string, countTitle: string): TopLevelSpec {
  return {
    width: 480,
    height: { step: 24 },
    data: { values: rows.map((r) => ({ label: r.label, n: r.n })) },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: axisTitle, axis: { labelLimit: 260 } },
      x: { field: 'n', type: 'quantitative', title: countTitle, axis: { tickMinStep: 1 } },
    },
  }
}

function outcomesByDistrictChart(report: EvaluationReport): TopLevelSpec {
  const outcomes = report.tables.outcomes_by_district.rows.map((r) => r.label)
  const values = report.tables.outcomes_by_district.columns.flatMap((c) =>
    c.rows.map((r, order) => ({ district: c.label, outcome: r.label, n: r.n, order })),
  )
  return {
    width: 480,
    height: { step: 28 },
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
    encoding: {
      y: { field: 'district', type: 'nominal', sort: null, title: 'District', axis: { labelLimit: 260 } },
      x: { field: 'n', type: 'quantitative', title: 'Completed cases', stack: 'zero', axis: { tickMinStep: 1 } },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: 'Outcome',
        // The outcomes the table lists, so a report of version 1.0 data has the legend it always had.
        scale: { domain: outcomes, range: outcomes.map((o) => OUTCOME_COLOURS[o] ?? TEXT) },
        legend: { orient: 'bottom' },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  }
}

/** "a, b and c" */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

/** The charts as SVG by the table each follows; a table with no data has no chart. */
export async function reportCharts(report: EvaluationReport): Promise<Partial<Record<TableId, string>>> {
  const t = report.tables
  const charts: Partial<Record<TableId, string>> = {}
  const months = t.cases_by_month.rows
  if (months.length > 0)
    charts.cases_by_month = await renderChart(
      monthsChart(report),
      `Bar chart of cases referred each month from ${months[0]?.label ?? ''} to ${months[months.length - 1]?.label ?? ''}, with the three-month rolling average as a dashed line. The figures are in the table above.`,
    )
  if (t.cases_by_district.base > 0)
    charts.cases_by_district = await renderChart(
      barsChart(t.cases_by_district.rows, 'District', 'Cases'),
      'Bar chart of cases by district. The figures are in the table above.',
    )
  if (t.outcomes_by_district.columns.some((c) => c.base > 0))
    charts.outcomes_by_district = await renderChart(
      outcomesByDistrictChart(report),
      `Stacked bar chart of completed cases in each district by outcome: ${inWords(t.outcomes_by_district.rows.map((r) => r.label.toLowerCase()))}. The figures are in the tables above.`,
    )
  const banded = t.outcomes.rows.some((r) => r.key === 'relieved')
    ? 'prevented, relieved and unsuccessful cases'
    : 'prevented and unsuccessful cases'
  if (t.support_duration_bands.base > 0)
    charts.support_duration_bands = await renderChart(
      barsChart(t.support_duration_bands.rows, 'Length of support', banded.charAt(0).toUpperCase() + banded.slice(1)),
      `Bar chart of ${banded} by length of support, in weeks. The figures are in the table above.`,
    )
  if (t.vulnerabilities.base > 0)
    charts.vulnerabilities = await renderChart(
      barsChart(t.vulnerabilities.rows, 'Vulnerability', 'Households'),
      'Bar chart of households with each vulnerability. The figures are in the table above.',
    )
  return charts
}
