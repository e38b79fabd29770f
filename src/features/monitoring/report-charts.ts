import type { EvaluationReport, TableId } from '../../domain/monitoring/report-model.ts'

/** The report's charts as SVG, by the table each sits after. */
export function reportCharts(_report: EvaluationReport): Partial<Record<TableId, string>> {
  return {}
}
