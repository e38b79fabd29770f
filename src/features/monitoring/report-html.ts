import type { EvaluationReport } from '../../domain/monitoring/report-model.ts'
import { createViews } from '../../platform/views.ts'
import { reportCharts } from './report-charts.ts'
import { reportDescription, reportSections } from './report-view.ts'

/**
 * The report as one self-contained HTML file (for the command line): the page's tables, lines and
 * charts in the same order, with a little inline CSS instead of the service's stylesheet, so it opens
 * anywhere and can be sent on. No filters form: it records the filters it was made with.
 */
export async function evaluationHtml(report: EvaluationReport): Promise<string> {
  return createViews().render('features/monitoring/views/report-standalone.njk', {
    report,
    sections: reportSections(report),
    description: reportDescription(report),
    charts: await reportCharts(report),
  })
}
