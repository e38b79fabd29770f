import { pipeline } from 'node:stream/promises'
import { Router, type Response } from 'express'
import type { Logger } from 'pino'
import { formText, oneOf, type FormError } from '../../platform/forms.ts'
import { ForbiddenError, requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { originOf } from '../../platform/http/origin.ts'
import { EXPORT_FILE_NAMES, type ExportFile, type MonitoringExportService } from './export.ts'
import { NO_PROGRAMME } from './service.ts'

const PROGRAMME_TEAM = requirePermission('monitoring.read')
const FILES: readonly ExportFile[] = ['cases', 'activities']

/** A file name from the programme's name: letters, digits and hyphens only. */
function fileNameFor(programme: string, file: ExportFile): string {
  const slug = programme
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${slug || 'programme'}-${EXPORT_FILE_NAMES[file]}`
}

/** The export page: a programme's cases.csv or activities.csv, downloaded as the spec describes them. */
export function monitoringExportRoutes(services: { logger: Logger; monitoringExport: MonitoringExportService }): Router {
  const router = Router()

  async function renderForm(res: Response, values: { programme: string; file: string }, errors: FormError[]) {
    const { actor } = signedIn(res)
    const programmes = await services.monitoringExport.programmesFor(actor)
    if (programmes.length === 0) throw new ForbiddenError(NO_PROGRAMME)
    res.status(errors.length > 0 ? 400 : 200).render('features/monitoring/views/export.njk', {
      pageTitle: 'Export monitoring data',
      errors,
      errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text])),
      programmes: programmes.map((p) => ({ value: p.name, text: p.name, selected: p.name === values.programme })),
      values,
    })
  }

  router.get('/monitoring/export', requireSignIn, PROGRAMME_TEAM, async (_req, res) => {
    await renderForm(res, { programme: '', file: 'cases' }, [])
  })

  router.get('/monitoring/export/download', requireSignIn, PROGRAMME_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    const programme = formText(req.query['programme'])
    const file = oneOf(FILES, req.query['file'])
    const errors: FormError[] = []
    if (programme === '') errors.push({ href: '#programme', text: 'Select the programme to export' })
    if (!file) errors.push({ href: '#file', text: 'Select the file to download' })
    if (errors.length > 0 || !file) {
      await renderForm(res, { programme, file: file ?? '' }, errors)
      return
    }
    const opened = await services.monitoringExport.open(actor, programme, file, originOf(req))
    if ('error' in opened) {
      await renderForm(res, { programme, file }, [{ href: '#programme', text: opened.error }])
      return
    }
    res.set('Content-Type', 'text/csv; charset=utf-8')
    res.set('Content-Disposition', `attachment; filename="${fileNameFor(opened.programme.name, file)}"`)
    res.set('Cache-Control', 'no-store')
    try {
      await pipeline(opened.stream, res)
    } catch (error) {
      // The headers are sent: all that can be done is to cut the download short, so it is not mistaken for whole.
      services.logger.error({ err: error }, 'monitoring export failed part-way')
      res.destroy()
    }
  })

  return router
}
