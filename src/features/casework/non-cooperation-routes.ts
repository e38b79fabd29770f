import { originOf } from '../../platform/http/origin.ts'
import { Router, type Response } from 'express'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { formatDate } from '../../platform/formatting.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { AUTHORISATION_FORM, NOTICE_FORM, WARNING_FORM } from './forms.ts'
import type { NonCooperationService } from './non-cooperation-service.ts'
import { submitStep } from '../case/step-page.ts'

/** The non-cooperation page of a case: give a warning, decide a notice, authorise it. */
export function nonCooperationRoutes(deps: { nonCooperation: NonCooperationService; clock: Clock }): Router {
  const router = Router()
  const { nonCooperation } = deps
  const officers = [requireSignIn, requirePermission('case.change')]

  async function render(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const { actor } = signedIn(res)
    const state = await nonCooperation.view(actor, reference, originOf(res.req))
    if (!state) throw new NotFoundError()
    res.status(status).render('features/casework/views/non-cooperation.njk', {
      pageTitle: `Non-cooperation: case ${reference}`,
      ...state,
      stepItems: state.applicantSteps.map((step) => ({
        value: step.id,
        text: step.text,
        hint: { text: `Due ${formatDate(step.due_on)}` },
        checked: values['stepId'] === step.id,
      })),
      errors,
      errorFor: errorsByField(errors),
      values: {
        ...dateInputValues(deps.clock.today()),
        reasonablePeriodDays: String(state.defaultPeriod),
        ...values,
      },
    })
  }

  /** After a step, back to the page; refused, the page again with what was sent. */
  const onPage = (res: Response) => ({
    next: (reference: string) => `/cases/${encodeURIComponent(reference)}/non-cooperation`,
    show: (reference: string, values: Record<string, unknown>, errors: FormError[], status: number) =>
      render(res, reference, values, errors, status),
  })

  router.get('/cases/:reference/non-cooperation', ...officers, async (req, res) => {
    await render(res, String(req.params['reference']), {}, [])
  })

  router.post('/cases/:reference/non-cooperation/warning', ...officers, async (req, res) => {
    await submitStep(req, res, {
      binding: WARNING_FORM,
      give: (actor, reference, command, origin) => nonCooperation.warn(actor, reference, command, origin),
      ...onPage(res),
    })
  })

  router.post('/cases/:reference/non-cooperation/notice', ...officers, async (req, res) => {
    await submitStep(req, res, {
      binding: NOTICE_FORM,
      give: (actor, reference, command, origin) => nonCooperation.decideNotice(actor, reference, command, origin),
      ...onPage(res),
    })
  })

  router.post('/cases/:reference/non-cooperation/authorisation', ...officers, async (req, res) => {
    await submitStep(req, res, {
      binding: AUTHORISATION_FORM,
      give: (actor, reference, command, origin) => nonCooperation.authorise(actor, reference, command, origin),
      ...onPage(res),
    })
  })

  return router
}
