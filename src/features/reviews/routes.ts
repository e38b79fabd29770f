import { Router, type Response } from 'express'
import { REQUESTERS, REVIEW_OUTCOMES, REVIEWERS } from '../../domain/reviews.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { readForm } from '../../platform/http/form-commands.ts'
import type { ReviewService } from './service.ts'
import { refusalShown } from '../case/step-page.ts'
import { DECIDE_REVIEW_FORM, REQUEST_REVIEW_FORM } from './forms.ts'

/** The reviews (s202) of a case: the list, a new request, and the decision on each review. */
export function reviewRoutes(deps: { reviews: ReviewService; clock: Clock }): Router {
  const router = Router()
  const { reviews } = deps
  const officers = [requireSignIn, requirePermission('case.change')]
  const errorsFor = (errors: FormError[]) => ({ errors, errorFor: errorsByField(errors) })
  /** Date inputs start at today, as most things are recorded on the day. */
  const today = (prefix: string) => dateInputValues(deps.clock.today(), prefix)

  router.get('/cases/:reference/reviews', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const state = await reviews.list(signedIn(res).actor, reference)
    if (!state) throw new NotFoundError()
    res.render('features/reviews/views/reviews.njk', { pageTitle: `Reviews: case ${reference}`, ...state })
  })

  async function renderRequest(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const state = await reviews.requestForm(signedIn(res).actor, reference)
    if (!state) throw new NotFoundError()
    res.status(status).render('features/reviews/views/request.njk', {
      pageTitle: `Record a review request: case ${reference}`,
      ...state,
      ...errorsFor(errors),
      requesters: REQUESTERS,
      reviewers: REVIEWERS,
      values,
    })
  }

  router.get('/cases/:reference/reviews/new', ...officers, async (req, res) => {
    await renderRequest(
      res,
      String(req.params['reference']),
      { ...today('receivedOn'), requestedBy: 'applicant', reviewer: 'authority' },
      [],
    )
  })

  router.post('/cases/:reference/reviews/new', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const form = req.body as Record<string, unknown>
    const read = readForm(REQUEST_REVIEW_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await reviews.requestReview(signedIn(res).actor, reference, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/reviews/${result.reviewId}`)
      return
    }
    const refused = refusalShown(REQUEST_REVIEW_FORM, result)
    await renderRequest(res, reference, form, refused.errors, refused.status)
  })

  async function renderReview(
    res: Response,
    reference: string,
    id: string,
    values: Record<string, unknown>,
    errors: FormError[],
    status = 200,
  ) {
    const state = await reviews.review(signedIn(res).actor, reference, id)
    if (!state) throw new NotFoundError()
    res.status(status).render('features/reviews/views/review.njk', {
      pageTitle: `Review: case ${reference}`,
      ...state,
      ...errorsFor(errors),
      outcomes: REVIEW_OUTCOMES,
      values,
    })
  }

  router.get('/cases/:reference/reviews/:id', ...officers, async (req, res) => {
    await renderReview(res, String(req.params['reference']), String(req.params['id']), today('decidedOn'), [])
  })

  router.post('/cases/:reference/reviews/:id', ...officers, async (req, res) => {
    const reference = String(req.params['reference'])
    const id = String(req.params['id'])
    const form = req.body as Record<string, unknown>
    const read = readForm(DECIDE_REVIEW_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await reviews.decideReview(signedIn(res).actor, reference, id, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/reviews/${id}`)
      return
    }
    const refused = refusalShown(DECIDE_REVIEW_FORM, result)
    await renderReview(res, reference, id, form, refused.errors, refused.status)
  })

  return router
}
