import fs from 'node:fs/promises'
import type { Command } from '../../platform/command-line.ts'
import { UsageError } from '../../platform/command-line.ts'
import { evaluationCsv } from '../../domain/monitoring/report-csv.ts'
import { RefusedError } from '../../platform/refused.ts'
import { evaluationHtml } from './report-html.ts'
import { parseReportQuery } from './report-query.ts'
import { NoProgrammeError, type EvaluationReportService } from './report-service.ts'
import type { Clock } from '../../platform/clock.ts'

const FORMATS = ['json', 'csv', 'html'] as const

/** `report evaluation`: the evaluation report as JSON (standard output unless --out), CSV or HTML. */
export const evaluationReportCommand: Command<{ clock: Clock; evaluationReport: EvaluationReportService }> = {
  name: 'report evaluation',
  usage:
    'report evaluation [--programme NAME]... [--from DATE] [--to DATE] [--as-of DATE] [--district NAME]... [--format json|csv|html] [--out FILE]',
  summary: 'prints the programme evaluation report (all programmes unless named; dates as YYYY-MM-DD)',
  options: {
    programme: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    district: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, { services, actor, out }) {
    const format = values['format'] ?? 'json'
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format))
      throw new UsageError('--format must be json, csv or html')
    const parsed = parseReportQuery(
      { programme: values['programme'], district: values['district'], from: values['from'], to: values['to'], asOf: values['as-of'] },
      services.clock.today(),
    )
    if ('errors' in parsed)
      throw new RefusedError(
        parsed.errors.map((e) => e.text.replace(/^Referred from|^Referred to|^Data as at/, (l) => OPTION_NAMES[l] ?? l)).join('\n'),
      )
    const service = services.evaluationReport
    let report
    try {
      report = await service.report(actor, parsed.query)
    } catch (error) {
      if (error instanceof NoProgrammeError) throw new RefusedError('There is no programme to report on')
      throw error
    }
    if ('error' in report) throw new RefusedError(report.error)
    const text =
      format === 'csv' ? evaluationCsv(report) : format === 'html' ? await evaluationHtml(report) : `${JSON.stringify(report, null, 2)}\n`
    const file = values['out']
    if (typeof file === 'string' && file !== '') {
      await fs.writeFile(file, text)
      out(`Wrote ${file}: ${String(report.tables.summary.total)} cases of ${report.filters.programme.join(', ')}.`)
    } else {
      out(text.replace(/\r?\n$/, ''))
    }
  },
}

/** The page's field names as the command line's options, so a message points at what was typed. */
const OPTION_NAMES: Record<string, string> = { 'Referred from': '--from', 'Referred to': '--to', 'Data as at': '--as-of' }
