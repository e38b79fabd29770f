import { Router, type Request, type Response } from 'express'
import { evaluationCsv } from '../../domain/monitoring/report-csv.ts'
import type { EvaluationReport } from '../../domain/monitoring/report-model.ts'
import { ForbiddenError, requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { originOf } from '../../platform/http/origin.ts'
import { reportCharts } from './report-charts.ts'
import { parseReportQuery, queryString, type FilterError, type ReportQuery } from './report-query.ts'
import { NoProgrammeError, type EvaluationReportService } from './report-service.ts'
import { reportDescription, reportSections } from './report-view.ts'

const PAGE = 'features/monitoring/views/report.njk'
const PAGE_TITLE = 'Programme evaluation report'

/** The programme lead's analysts and team managers; the service narrows to the programmes they lead. */
const PROGRAMME_TEAM = requirePermission('monitoring.read')

/** The date input's three fields as they were typed, or from a `YYYY-MM-DD` value in the link. */
function dateValues(query: Record<string, unknown>, name: string) {
  const part = (p: string) => {
    const v = query[`${name}-${p}`]
    return typeof v === 'string' ? v : ''
  }
  const whole = query[name]
  const match = typeof whole === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(whole.trim()) : null
  if (match) return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' }
  return { day: part('day'), month: part('month'), year: part('year') }
}

/** The programme evaluation report: a page with tables and charts, and the same figures as CSV and JSON. */
export function evaluationReportRoutes(deps: { evaluationReport: EvaluationReportService }): Router {
  const router = Router()
  const service = deps.evaluationReport

  /** The report asked for, or the errors in the filters (the request's own or the service's). */
  async function asked(req: Request, res: Response): Promise<{ report: EvaluationReport; query: ReportQuery } | { errors: FilterError[] }> {
    const { actor } = signedIn(res)
    const parsed = parseReportQuery(req.query, service.today())
    if ('errors' in parsed) return parsed
    try {
      const report = await service.report(actor, parsed.query, originOf(req))
      if ('error' in report)
        return { errors: [{ href: report.error.startsWith('No district') ? '#district' : '#programme', text: report.error }] }
      return { report, query: parsed.query }
    } catch (error) {
      if (error instanceof NoProgrammeError) throw new ForbiddenError(error.message)
      throw error
    }
  }

  router.get('/reports/evaluation', requireSignIn, PROGRAMME_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    let choices
    try {
      choices = await service.choices(actor)
    } catch (error) {
      if (error instanceof NoProgrammeError) throw new ForbiddenError(error.message)
      throw error
    }
    const result = await asked(req, res)
    const query = req.query as Record<string, unknown>
    const chosen = (name: string) => {
      const v = query[name]
      return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase())
    }
    const form = {
      programmes: choices.programmes.map((name) => ({
        value: name,
        text: name,
        checked: chosen('programme').includes(name.toLowerCase()),
      })),
      districts: choices.districts.map((name) => ({ value: name, text: name, checked: chosen('district').includes(name.toLowerCase()) })),
      from: dateValues(query, 'from'),
      to: dateValues(query, 'to'),
      asOf:
        'errors' in result || query['asOf'] !== undefined || query['asOf-day'] !== undefined
          ? dateValues(query, 'asOf')
          : dateValues({ asOf: service.today().toString() }, 'asOf'),
    }
    if ('errors' in result) {
      // Each field shows its own message beside it, as well as in the summary.
      const fieldErrors = Object.fromEntries(result.errors.map((e) => [e.href.slice(1), e.text]))
      res.status(400).render(PAGE, { pageTitle: PAGE_TITLE, errors: result.errors, fieldErrors, form })
      return
    }
    res.render(PAGE, {
      pageTitle: PAGE_TITLE,
      errors: [],
      form,
      report: result.report,
      sections: reportSections(result.report),
      description: reportDescription(result.report),
      charts: await reportCharts(result.report),
      links: queryString(result.query),
    })
  })

  router.get('/reports/evaluation.csv', requireSignIn, PROGRAMME_TEAM, async (req, res) => {
    const result = await asked(req, res)
    if ('errors' in result) {
      res
        .status(400)
        .type('text/plain; charset=utf-8')
        .send(result.errors.map((e) => e.text).join('\n'))
      return
    }
    res.type('text/csv; charset=utf-8').attachment(`evaluation-report-${result.report.asOf}.csv`).send(evaluationCsv(result.report))
  })

  router.get('/reports/evaluation.json', requireSignIn, PROGRAMME_TEAM, async (req, res) => {
    const result = await asked(req, res)
    if ('errors' in result) {
      res.status(400).json({ errors: result.errors.map((e) => e.text) })
      return
    }
    res.json(result.report)
  })

  return router
}
