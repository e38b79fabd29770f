import { Router, type Response } from 'express'
import { REPRESENTATION_MEANS, REQUESTERS, REVIEW_OUTCOMES, REVIEWERS } from '../../domain/reviews.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { readForm, type FormBinding } from '../../platform/http/form-commands.ts'
import type { ReviewResult, ReviewService } from './service.ts'
import { refusalShown } from '../case/step-page.ts'
import { DECIDE_REVIEW_FORM, LONGER_PERIOD_FORM, MINDED_TO_FORM, REPRESENTATIONS_FORM, REQUEST_REVIEW_FORM } from './forms.ts'
import type { Actor } from '../../db/actor.ts'
import type { Origin } from '../../platform/audit.ts'

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
    const state = await reviews.list(signedIn(res).actor, reference, originOf(res.req))
    if (!state) throw new NotFoundError()
    res.render('features/reviews/views/reviews.njk', { pageTitle: `Reviews: case ${reference}`, ...state })
  })

  async function renderRequest(res: Response, reference: string, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const state = await reviews.requestForm(signedIn(res).actor, reference, originOf(res.req))
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
    const state = await reviews.review(signedIn(res).actor, reference, id, originOf(res.req))
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

  /** The steps during a review, each on its own page reached from the review's: one form, one command. */
  const during: {
    path: string
    title: string
    binding: FormBinding
    dates: string[]
    give(actor: Actor, reference: string, id: string, command: never, origin: Origin): Promise<ReviewResult>
  }[] = [
    {
      path: 'minded-to',
      title: 'Record a “minded to” notice',
      binding: MINDED_TO_FORM,
      dates: ['mindedToOn'],
      give: (actor, reference, id, command, origin) => reviews.giveMindedToNotice(actor, reference, id, command, origin),
    },
    {
      path: 'representations',
      title: 'Record the applicant’s representations',
      binding: REPRESENTATIONS_FORM,
      dates: ['representationsOn'],
      give: (actor, reference, id, command, origin) => reviews.recordRepresentations(actor, reference, id, command, origin),
    },
    {
      path: 'longer-period',
      title: 'Record a longer period agreed in writing',
      binding: LONGER_PERIOD_FORM,
      dates: ['agreedOn'],
      give: (actor, reference, id, command, origin) => reviews.extendReviewPeriod(actor, reference, id, command, origin),
    },
  ]

  for (const step of during) {
    const show = async (
      res: Response,
      reference: string,
      id: string,
      values: Record<string, unknown>,
      errors: FormError[],
      status = 200,
    ) => {
      const state = await reviews.review(signedIn(res).actor, reference, id, originOf(res.req))
      if (!state) throw new NotFoundError()
      res.status(status).render('features/reviews/views/during-review.njk', {
        pageTitle: `${step.title}: case ${reference}`,
        title: step.title,
        step: step.path,
        ...state,
        ...errorsFor(errors),
        means: REPRESENTATION_MEANS,
        values,
      })
    }
    const address = `/cases/:reference/reviews/:id/${step.path}`
    router.get(address, ...officers, async (req, res) => {
      const values = Object.assign({}, ...step.dates.map((prefix) => today(prefix))) as Record<string, unknown>
      await show(res, String(req.params['reference']), String(req.params['id']), values, [])
    })
    router.post(address, ...officers, async (req, res) => {
      const reference = String(req.params['reference'])
      const id = String(req.params['id'])
      const form = req.body as Record<string, unknown>
      const read = readForm(step.binding, form)
      const result =
        'refusals' in read
          ? ({ outcome: 'invalid', ...read } as const)
          : await step.give(signedIn(res).actor, reference, id, read.command as never, originOf(req))
      if (result.outcome === 'not_found') throw new NotFoundError()
      if (result.outcome === 'recorded') {
        res.redirect(303, `/cases/${encodeURIComponent(reference)}/reviews/${id}`)
        return
      }
      const refused = refusalShown(step.binding, result)
      await show(res, reference, id, form, refused.errors, refused.status)
    })
  }

  return router
}
