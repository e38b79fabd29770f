import { originOf } from '../../platform/http/origin.ts'
import { Router, type Response } from 'express'
import { PRIORITY_NEED_LABELS, REASONS_TO_BELIEVE } from '../../domain/priority-need.ts'
import { ACCOMMODATION_TYPES, DUTY_NAMES, PLACEMENT_ENDINGS } from '../../domain/temporary-accommodation.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import type { AccommodationService } from './accommodation-service.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { PLACEMENT_ENDING_FORM, PLACEMENT_FORM } from './forms.ts'
import { submitStep } from '../case/step-page.ts'

/** The temporary accommodation page of a case: place the household, or end the placement. */
export function accommodationRoutes(deps: { accommodation: AccommodationService; clock: Clock }): Router {
  const router = Router()
  const { accommodation } = deps
  const officers = [requireSignIn, requirePermission('case.change')]

  async function render(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const state = await accommodation.view(signedIn(res).actor, reference, originOf(res.req))
    if (!state) throw new NotFoundError()
    res.status(status).render('features/casework/views/temporary-accommodation.njk', {
      pageTitle: `Temporary accommodation: case ${reference}`,
      ...state,
      types: ACCOMMODATION_TYPES,
      endings: PLACEMENT_ENDINGS,
      dutyNames: DUTY_NAMES,
      reasonsToBelieve: REASONS_TO_BELIEVE,
      priorityNeedCategories: PRIORITY_NEED_LABELS,
      errors,
      errorFor: errorsByField(errors),
      values: { ...dateInputValues(deps.clock.today()), ...values },
    })
  }

  /** After a step, on to the case; refused, the page again with what was sent. */
  const onPage = (res: Response) => ({
    next: (reference: string) => `/cases/${encodeURIComponent(reference)}`,
    show: (reference: string, values: Record<string, unknown>, errors: FormError[], status: number) =>
      render(res, reference, values, errors, status),
  })

  router.get('/cases/:reference/temporary-accommodation', ...officers, async (req, res) => {
    await render(res, String(req.params['reference']), {}, [])
  })

  router.post('/cases/:reference/temporary-accommodation/placement', ...officers, async (req, res) => {
    await submitStep(req, res, {
      binding: PLACEMENT_FORM,
      give: (actor, reference, command, origin) => accommodation.place(actor, reference, command, origin),
      ...onPage(res),
    })
  })

  router.post('/cases/:reference/temporary-accommodation/ending', ...officers, async (req, res) => {
    await submitStep(req, res, {
      binding: PLACEMENT_ENDING_FORM,
      give: (actor, reference, command, origin) => accommodation.end(actor, reference, command, origin),
      ...onPage(res),
    })
  })

  return router
}
