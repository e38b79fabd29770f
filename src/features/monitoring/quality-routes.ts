import { Router, type Request, type Response } from 'express'
import type { Actor } from '../../db/actor.ts'
import { errorsByField, formText, type FormError } from '../../platform/forms.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { originOf } from '../../platform/http/origin.ts'
import { reviewFlagForm } from './forms.ts'
import type { QualityRequest, QualityScope, QualityService } from './quality-service.ts'

const DATA_TEAM = requirePermission('monitoring.read')
const VIEW = 'features/monitoring/views/quality.njk'

/** The data-quality page: what undermines a programme's or an authority's figures, each flag to review. */
export function qualityRoutes(deps: { quality: QualityService }): Router {
  const router = Router()
  const { quality } = deps

  router.get('/monitoring/quality', requireSignIn, DATA_TEAM, async (req, res) => {
    await render(req, res, req.query, [], 200)
  })

  router.post('/monitoring/quality/check', requireSignIn, DATA_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    const form = req.body as Record<string, unknown>
    const scope = await scopeOrNotFound(actor, form)
    const { raised, cleared } = await quality.refresh(actor, scope, originOf(req))
    res.redirect(303, `${pathOf(scope)}&raised=${String(raised)}&cleared=${String(cleared)}`)
  })

  router.post('/monitoring/quality/flags/:id/review', requireSignIn, DATA_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    const form = req.body as Record<string, unknown>
    const scope = await scopeOrNotFound(actor, form)
    const flagId = String(req.params['id'])
    const binding = reviewFlagForm(flagId)
    const read = readForm(binding, form)
    if ('refusals' in read) {
      // A flag the user may not see is not found, whatever was sent for it.
      if (!(await quality.reviewable(actor, flagId))) throw new NotFoundError()
      await render(req, res, form, errorsOn(binding, read.refusals), 400, formText(form['reason']))
      return
    }
    const result = await quality.markReviewed(actor, flagId, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    const show = form['show'] === 'reviewed' ? '&show=reviewed' : ''
    res.redirect(303, `${pathOf(scope)}${show}&page=${String(pageOf(form['page']))}&reviewed=1`)
  })

  async function scopeOrNotFound(actor: Actor, values: Record<string, unknown>): Promise<QualityScope> {
    const found = await quality.scopeOf(actor, requestOf(values))
    if (!('scope' in found)) throw new NotFoundError()
    return found.scope
  }

  async function render(req: Request, res: Response, values: Record<string, unknown>, errors: FormError[], status: number, reason = '') {
    const { actor } = signedIn(res)
    const found = await quality.scopeOf(actor, requestOf(values))
    if ('outcome' in found) throw new NotFoundError()
    if ('choices' in found) {
      res.render(VIEW, { pageTitle: 'Data quality', choices: found.choices })
      return
    }
    const { scope } = found
    const reviewed = values['show'] === 'reviewed'
    const overview = await quality.overview(actor, scope, { reviewed, page: pageOf(values['page']) }, originOf(req))
    const base = pathOf(scope)
    res.status(status).render(VIEW, {
      pageTitle: 'Data quality',
      scope,
      scopeField:
        scope.kind === 'programme' ? { name: 'programme', value: scope.name } : { name: 'authority', value: scope.onsCode ?? scope.name },
      base,
      reviewed,
      ...overview,
      previous: overview.page > 1 ? `${base}${reviewed ? '&show=reviewed' : ''}&page=${String(overview.page - 1)}` : null,
      next: overview.page < overview.pages ? `${base}${reviewed ? '&show=reviewed' : ''}&page=${String(overview.page + 1)}` : null,
      raised: typeof values['raised'] === 'string' ? values['raised'] : null,
      cleared: typeof values['cleared'] === 'string' ? values['cleared'] : null,
      justReviewed: values['reviewed'] === '1',
      errors,
      errorFor: errorsByField(errors),
      reason,
    })
  }

  return router
}

function requestOf(values: Record<string, unknown>): QualityRequest {
  const programme = values['programme']
  const authority = values['authority']
  return {
    ...(typeof programme === 'string' ? { programme: programme.trim() } : {}),
    ...(typeof authority === 'string' ? { authority: authority.trim() } : {}),
  }
}

function pageOf(value: unknown): number {
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Math.max(1, Number(value)) : 1
}

function pathOf(scope: QualityScope): string {
  const value = scope.kind === 'programme' ? scope.name : (scope.onsCode ?? scope.name)
  return `/monitoring/quality?${scope.kind}=${encodeURIComponent(value)}`
}
