import { randomUUID } from 'node:crypto'
import { LocalDate } from '@js-joda/core'
import { Router, type Response } from 'express'
import type { Logger } from 'pino'
import type { Actor } from '../../db/actor.ts'
import { may, type Role } from '../../platform/permissions.ts'
import { formText, type FormError } from '../../platform/forms.ts'
import { ForbiddenError, requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues, parseNamedDateInput } from '../../platform/date-input.ts'
import { formatDate } from '../../platform/formatting.ts'
import { programmeStartProblem } from '../../domain/monitoring/programme.ts'
import { originOf } from '../../platform/http/origin.ts'
import type { ImportOutcome, ImportProgress, MonitoringImportService } from './import.ts'
import { removeUpload, uploadOf, type UploadedFile } from './import-upload.ts'

/**
 * The import page: a programme's data set uploaded, imported in the background, and followed on a
 * page that refreshes itself every two seconds (no JavaScript) until it shows the summary, or every
 * error with its file, row and column.
 */

/** The most a data set may weigh: a million cases with their activities is about half of this. */
export const MAX_UPLOAD_BYTES = 1_000_000_000
/** Finished imports stay visible this long, then are forgotten (the import's record stays). */
const KEEP_FINISHED_MS = 60 * 60_000

/** How much a person may upload: the whole data set for those who may import, nothing for anyone else. */
export function uploadLimitFor(role: Role): number {
  return may(role, 'monitoring.read') ? MAX_UPLOAD_BYTES : 0
}

const PROGRAMME_TEAM = requirePermission('monitoring.read')

interface Job {
  id: string
  userId: string
  programme: string
  files: string[]
  startedAt: Date
  finishedAt: Date | null
  progress: ImportProgress | null
  outcome: ImportOutcome | null
  failed: boolean
}

interface ImportRouteServices {
  clock: Clock
  logger: Logger
  monitoringImport: MonitoringImportService
}

export function monitoringImportRoutes(services: ImportRouteServices): Router {
  const router = Router()
  // The imports under way and lately finished, in this process: an import is one transaction, so a
  // restart loses nothing but the page that followed it.
  const jobs = new Map<string, Job>()

  async function programmesOf(res: Response, actor: Actor) {
    const programmes = await services.monitoringImport.programmesFor(actor)
    if (programmes.length === 0) throw new ForbiddenError('You may not import any programme’s monitoring data')
    return programmes
  }

  function renderForm(
    res: Response,
    programmes: { name: string; starts_on: string | null }[],
    values: { programme: string; startsOn: Record<string, unknown> },
    errors: FormError[],
    status = 200,
  ) {
    res.status(errors.length > 0 ? Math.max(status, 400) : status).render('features/monitoring/views/import.njk', {
      pageTitle: 'Import monitoring data',
      errors,
      programmes: programmes.map((p) => ({ value: p.name, text: p.name, selected: p.name === values.programme })),
      // What is recorded already, so that the date can be left blank to keep it.
      recordedStarts: programmes.flatMap((p) => (p.starts_on === null ? [] : [`${p.name} began on ${formatDate(p.starts_on)}`])),
      values,
      errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text])),
    })
  }

  router.get('/monitoring/import', requireSignIn, PROGRAMME_TEAM, async (_req, res) => {
    const { actor } = signedIn(res)
    const programmes = await programmesOf(res, actor)
    const only = programmes.length === 1 ? programmes[0] : undefined
    renderForm(
      res,
      programmes,
      {
        programme: only?.name ?? '',
        startsOn: only?.starts_on ? dateInputValues(LocalDate.parse(only.starts_on), 'startsOn') : {},
      },
      [],
    )
  })

  router.post('/monitoring/import', requireSignIn, PROGRAMME_TEAM, async (req, res) => {
    const { actor, user } = signedIn(res)
    const programmes = await programmesOf(res, actor)
    const holder = uploadOf(res)
    const body = (req.body ?? {}) as Record<string, unknown>
    const programme = programmes.find((p) => p.name === formText(body['programme']))
    const chosen = (field: string): UploadedFile | undefined =>
      holder?.upload?.files.find((f) => f.field === field && (f.filename !== '' || f.size > 0))
    const cases = chosen('cases')
    const activities = chosen('activities')
    const errors: FormError[] = []
    if (holder?.error) errors.push({ href: '#cases', text: holder.error })
    if (!programme) errors.push({ href: '#programme', text: 'Select the programme the data belongs to' })
    const startsOn = programmeStartOf(body, services.clock.today())
    if ('error' in startsOn) errors.push({ href: '#startsOn-day', text: startsOn.error })
    if (!holder?.error) {
      if (!cases) errors.push({ href: '#cases', text: 'Select the cases.csv file' })
      else if (cases.size === 0) errors.push({ href: '#cases', text: 'The selected cases file is empty' })
      if (activities?.size === 0) errors.push({ href: '#activities', text: 'The selected activities file is empty' })
    }
    if (errors.length > 0 || !holder || !programme || !cases || 'error' in startsOn) {
      renderForm(res, programmes, { programme: formText(body['programme']), startsOn: startDateFields(body) }, errors)
      return
    }

    forgetFinished(jobs, services.clock.now())
    const job: Job = {
      id: randomUUID(),
      userId: user.id,
      programme: programme.name,
      files: [cases.filename, ...(activities ? [activities.filename] : [])],
      startedAt: services.clock.now(),
      finishedAt: null,
      progress: null,
      outcome: null,
      failed: false,
    }
    jobs.set(job.id, job)
    holder.claimed = true
    const dir = holder.upload?.dir
    services.monitoringImport
      .importData(
        actor,
        programme.name,
        { cases: cases.path, activities: activities?.path ?? null, source: `Uploaded by ${user.displayName}: ${job.files.join(', ')}` },
        {
          onProgress: (p) => {
            job.progress = p
          },
          origin: originOf(req),
          ...(startsOn.date ? { programmeStartsOn: startsOn.date } : {}),
        },
      )
      .then(
        (outcome) => {
          job.outcome = outcome
        },
        (error: unknown) => {
          job.failed = true
          services.logger.error({ err: error, importJob: job.id }, 'monitoring import failed')
        },
      )
      .finally(() => {
        job.finishedAt = services.clock.now()
        if (dir !== undefined) void removeUpload(dir)
      })
    res.redirect(303, `/monitoring/import/${job.id}`)
  })

  router.get('/monitoring/import/:id', requireSignIn, PROGRAMME_TEAM, (req, res) => {
    const { user } = signedIn(res)
    const job = jobs.get(String(req.params['id']))
    // Only the person who started an import follows it: to anyone else it does not exist.
    if (job?.userId !== user.id) throw new NotFoundError()
    const outcome = job.outcome
    const running = !outcome && !job.failed
    const progress = job.progress
    res.render('features/monitoring/views/import-progress.njk', {
      pageTitle: running
        ? 'Importing monitoring data'
        : outcome?.status === 'imported'
          ? 'Monitoring data imported'
          : 'Monitoring data not imported',
      job,
      running,
      percent: progress && progress.totalBytes > 0 ? Math.floor((progress.bytes / progress.totalBytes) * 100) : 0,
      outcome,
      n: (value: number) => value.toLocaleString('en-GB'),
      errors:
        outcome?.status === 'invalid'
          ? [
              {
                href: '#problems',
                text: `The data has ${outcome.problemCount.toLocaleString('en-GB')} ${outcome.problemCount === 1 ? 'error' : 'errors'}: nothing was imported`,
              },
            ]
          : [],
    })
  })

  return router
}

const START_FIELDS = ['startsOn-day', 'startsOn-month', 'startsOn-year'] as const

function startDateFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(START_FIELDS.map((f) => [f, body[f]]))
}

/** The day the programme began, when given: left blank, the date already recorded stands. */
function programmeStartOf(body: Record<string, unknown>, today: LocalDate): { date: LocalDate | null } | { error: string } {
  if (START_FIELDS.every((f) => formText(body[f]) === '')) return { date: null }
  const read = parseNamedDateInput(body, 'startsOn', 'Date the programme began')
  if ('error' in read) return read
  const problem = programmeStartProblem(read.date, today)
  return problem === undefined ? read : { error: problem }
}

function forgetFinished(jobs: Map<string, Job>, now: Date): void {
  for (const [id, job] of jobs) if (job.finishedAt && now.getTime() - job.finishedAt.getTime() > KEEP_FINISHED_MS) jobs.delete(id)
}
