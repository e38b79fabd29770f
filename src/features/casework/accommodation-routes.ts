import { Router, type Response } from 'express'
import { ACCOMMODATION_TYPES, DUTY_NAMES, PLACEMENT_ENDINGS } from '../../domain/temporary-accommodation.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../accounts/routes.ts'
import type { AccommodationService } from './accommodation-service.ts'
import { refusalOf, type StepResult } from './case-step.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'

/** The temporary accommodation page of a case: place the household, or end the placement. */
export function accommodationRoutes(deps: { accommodation: AccommodationService; clock: Clock }): Router {
  const router = Router()
  const { accommodation } = deps
  const officers = [requireSignIn, requirePermission('case.change')]

  async function render(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const state = await accommodation.view(signedIn(res).actor, reference)
    if (!state) throw new NotFoundError()
    res.status(status).render('features/casework/views/temporary-accommodation.njk', {
      pageTitle: `Temporary accommodation: case ${reference}`,
      ...state,
      types: ACCOMMODATION_TYPES,
      endings: PLACEMENT_ENDINGS,
      dutyNames: DUTY_NAMES,
      errors,
      errorFor: errorsByField(errors),
      values: { ...dateInputValues(deps.clock.today()), ...values },
    })
  }

  async function after(res: Response, reference: string, result: StepResult, values: Record<string, unknown>) {
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}`)
      return
    }
    const refused = refusalOf(result)
    await render(res, reference, values, refused.errors, refused.status)
  }

  router.get('/cases/:reference/temporary-accommodation', ...officers, async (req, res) => {
    await render(res, String(req.params['reference']), {}, [])
  })

  router.post('/cases/:reference/temporary-accommodation/placement', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const form = req.body as Record<string, unknown>
    await after(res, reference, await accommodation.place(signedIn(res).actor, reference, form, originOf(req)), form)
  })

  router.post('/cases/:reference/temporary-accommodation/ending', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const form = req.body as Record<string, unknown>
    await after(res, reference, await accommodation.end(signedIn(res).actor, reference, form, originOf(req)), form)
  })

  return router
}
