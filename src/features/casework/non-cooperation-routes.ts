import { Router, type Response } from 'express'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../accounts/routes.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import type { NonCooperationResult, NonCooperationService } from './non-cooperation-service.ts'
import { refusalOf } from './case-step.ts'

/** The non-cooperation page of a case: give a warning, decide a notice, authorise it. */
export function nonCooperationRoutes(deps: { nonCooperation: NonCooperationService; clock: Clock }): Router {
  const router = Router()
  const { nonCooperation } = deps
  const officers = [requireSignIn, requirePermission('case.change')]

  async function render(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const { actor } = signedIn(res)
    const state = await nonCooperation.view(actor, reference)
    if (!state) throw new NotFoundError()
    res.status(status).render('features/casework/views/non-cooperation.njk', {
      pageTitle: `Non-cooperation: case ${reference}`,
      ...state,
      errors,
      errorFor: errorsByField(errors),
      values: {
        ...dateInputValues(deps.clock.today()),
        reasonablePeriodDays: String(state.defaultPeriod),
        ...values,
      },
    })
  }

  async function after(res: Response, reference: string, result: NonCooperationResult, values: Record<string, unknown>) {
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/non-cooperation`)
      return
    }
    const refused = refusalOf(result)
    await render(res, reference, values, refused.errors, refused.status)
  }

  router.get('/cases/:reference/non-cooperation', ...officers, async (req, res) => {
    await render(res, String(req.params['reference']), {}, [])
  })

  router.post('/cases/:reference/non-cooperation/warning', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const form = req.body as Record<string, unknown>
    await after(res, reference, await nonCooperation.warn(signedIn(res).actor, reference, form, originOf(req)), form)
  })

  router.post('/cases/:reference/non-cooperation/notice', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const form = req.body as Record<string, unknown>
    await after(res, reference, await nonCooperation.decideNotice(signedIn(res).actor, reference, form, originOf(req)), form)
  })

  router.post('/cases/:reference/non-cooperation/authorisation', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    await after(res, reference, await nonCooperation.authorise(signedIn(res).actor, reference, originOf(req)), {})
  })

  return router
}
