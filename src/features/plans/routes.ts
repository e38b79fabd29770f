import { Router, type Request, type Response } from 'express'
import { ACTIVITY_TYPES, CONTACT_DIRECTIONS, CONTACT_KINDS } from '../../domain/activities.ts'
import { AGREEMENTS, STEP_LIBRARY, STEP_OWNERS, STEP_STATUSES } from '../../domain/housing-plan.ts'
import type { Actor } from '../../db/actor.ts'
import type { Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { errorsOn, type FormBinding, withCommand } from '../../platform/http/form-commands.ts'
import type { Refusal } from '../../platform/commands.ts'
import type { z } from 'zod'
import { ACTIVITY_FORM, AGREEMENT_FORM, CONTACT_FORM, PLAN_FORM, REVIEW_FORM, STEP_FORM, STEPS_FORM } from './forms.ts'
import type { PlanResult, PlanService } from './service.ts'

const VIEWS = 'features/plans/views'
const STEP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const conflictError = (href: string): FormError => ({
  href,
  text: 'Someone else changed this plan while you were working on it. Check the plan as it is now, then make your change again.',
})

/** The personalised housing plan of a case, its printable copy, and the case's activities and contacts. */
export function planRoutes(deps: { plans: PlanService; clock: Clock }): Router {
  const router = Router()
  const { plans, clock } = deps
  const officers = [requireSignIn, requirePermission('case.change')]
  const referenceOf = (req: Request) => String(req.params['reference'])
  const planPath = (reference: string) => `/cases/${encodeURIComponent(reference)}/plan`
  const errorFor = errorsByField

  const refusalsOf = (result: PlanResult): Refusal[] => (result.outcome === 'invalid' ? result.refusals : [])

  /** A date input's values keyed by its prefix, starting at today. */
  const today = (prefix: string) => dateInputValues(clock.today(), prefix)

  /**
   * The plan's page; a form's refusals are shown on its fields. One about the whole command is about the
   * plan, or, before there is one, the form to make it.
   */
  async function renderPlan(
    req: Request,
    res: Response,
    values: Record<string, unknown>,
    shown: FormError[] | { binding: Pick<FormBinding, 'fieldId'>; refusals: Refusal[] },
    status = 200,
  ) {
    const reference = referenceOf(req)
    const state = await plans.viewPlan(signedIn(res).actor, reference, originOf(req))
    if (!state) throw new NotFoundError()
    const errors = Array.isArray(shown)
      ? shown
      : errorsOn({ fieldId: (path) => (path === '' && !state.plan ? 'made-on-day' : shown.binding.fieldId(path)) }, shown.refusals)
    res.status(status).render(`${VIEWS}/plan.njk`, {
      pageTitle: `Housing plan: case ${reference}`,
      ...state,
      owners: STEP_OWNERS,
      statuses: STEP_STATUSES,
      agreements: AGREEMENTS,
      agreementItems: itemsOf(AGREEMENTS),
      errors,
      errorFor: errorFor(errors),
      values: {
        ...today('made-on'),
        ...today('agreed-on'),
        ...today('reviewed-on'),
        agreement: state.plan?.agreement ?? undefined,
        reasons: state.plan?.disagreement_reasons ?? undefined,
        ...values,
        version: String(state.plan?.version ?? ''),
      },
    })
  }

  /** After a change to the plan page's forms: back to the plan, or the page again with what is wrong. */
  async function afterPlanChange(req: Request, res: Response, result: PlanResult, binding: Pick<FormBinding, 'fieldId'>, href: string) {
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, planPath(referenceOf(req)))
      return
    }
    const form = req.body as Record<string, unknown>
    if (result.outcome === 'conflict') await renderPlan(req, res, {}, [conflictError(href)], 409)
    else await renderPlan(req, res, form, { binding, refusals: refusalsOf(result) }, 400)
  }

  router.get('/cases/:reference/plan', ...officers, async (req, res) => {
    await renderPlan(req, res, {}, [])
  })

  router.post('/cases/:reference/plan', ...officers, async (req, res) => {
    const result = await withCommand(PLAN_FORM, req.body, (command) =>
      plans.makePlan(signedIn(res).actor, referenceOf(req), command, originOf(req)),
    )
    await afterPlanChange(req, res, result, PLAN_FORM, '#made-on-day')
  })

  router.post('/cases/:reference/plan/agreement', ...officers, async (req, res) => {
    const result = await withCommand(AGREEMENT_FORM, req.body, (command) =>
      plans.recordAgreement(signedIn(res).actor, referenceOf(req), command, originOf(req)),
    )
    await afterPlanChange(req, res, result, AGREEMENT_FORM, '#agreement')
  })

  router.post('/cases/:reference/plan/review', ...officers, async (req, res) => {
    const result = await withCommand(REVIEW_FORM, req.body, (command) =>
      plans.recordReview(signedIn(res).actor, referenceOf(req), command, originOf(req)),
    )
    await afterPlanChange(req, res, result, REVIEW_FORM, '#reviewed-on-day')
  })

  router.get('/cases/:reference/plan/library', ...officers, async (req, res) => {
    const reference = referenceOf(req)
    const state = await plans.viewPlan(signedIn(res).actor, reference, originOf(req))
    if (!state?.plan) throw new NotFoundError()
    res.render(`${VIEWS}/plan-library.njk`, {
      pageTitle: `Choose steps: case ${reference}`,
      found: state.found,
      groups: Object.entries(STEP_OWNERS).map(([owner, label]) => ({ owner, label, steps: STEP_LIBRARY.filter((s) => s.owner === owner) })),
    })
  })

  async function renderNewSteps(
    req: Request,
    res: Response,
    drafts: Record<string, string>[] | undefined,
    errors: FormError[],
    status = 200,
  ) {
    const reference = referenceOf(req)
    const chosen = ([] as unknown[]).concat(req.query['step'] ?? []).filter((c): c is string => typeof c === 'string')
    const state = await plans.newSteps(signedIn(res).actor, reference, chosen, originOf(req))
    if (!state?.plan) throw new NotFoundError()
    res.status(status).render(`${VIEWS}/plan-steps.njk`, {
      pageTitle: `Add steps to the plan: case ${reference}`,
      found: state.found,
      plan: state.plan,
      // Each step's due date as its date input's values, named by the step's number.
      drafts: (drafts ?? state.drafts).map((draft, i) => ({
        ...draft,
        dates: { [`due-${String(i)}-day`]: draft.day, [`due-${String(i)}-month`]: draft.month, [`due-${String(i)}-year`]: draft.year },
      })),
      owners: STEP_OWNERS,
      errors,
      errorFor: errorFor(errors),
      version: String(state.plan.version),
    })
  }

  router.get('/cases/:reference/plan/steps/new', ...officers, async (req, res) => {
    await renderNewSteps(req, res, undefined, [])
  })

  router.post('/cases/:reference/plan/steps', ...officers, async (req, res) => {
    const reference = referenceOf(req)
    const form = req.body as Record<string, unknown>
    const result = await withCommand(STEPS_FORM, req.body, (command) =>
      plans.addSteps(signedIn(res).actor, reference, command, originOf(req)),
    )
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, planPath(reference))
      return
    }
    // The officer's words are kept, step by step, so nothing they wrote is lost.
    const count = Math.min(Number(form['count']) || 0, STEP_LIBRARY.length + 1)
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '')
    const drafts = Array.from({ length: count }, (_, i) => ({
      library: field(`library-${String(i)}`),
      owner: field(`owner-${String(i)}`),
      ownerName: field(`ownerName-${String(i)}`),
      text: field(`text-${String(i)}`),
      day: field(`due-${String(i)}-day`),
      month: field(`due-${String(i)}-month`),
      year: field(`due-${String(i)}-year`),
    }))
    if (result.outcome === 'conflict') await renderNewSteps(req, res, drafts, [conflictError('#text-0')], 409)
    else await renderNewSteps(req, res, drafts, errorsOn(STEPS_FORM, refusalsOf(result)), 400)
  })

  async function renderStep(req: Request, res: Response, values: Record<string, unknown> | undefined, errors: FormError[], status = 200) {
    const reference = referenceOf(req)
    const stepId = String(req.params['stepId'])
    if (!STEP_ID.test(stepId)) throw new NotFoundError()
    const state = await plans.step(signedIn(res).actor, reference, stepId, originOf(req))
    if (!state) throw new NotFoundError()
    const due = state.step.due_on.split('-')
    res.status(status).render(`${VIEWS}/plan-step.njk`, {
      pageTitle: `Change a step: case ${reference}`,
      found: state.found,
      step: state.step,
      owners: STEP_OWNERS,
      statusItems: itemsOf(STEP_STATUSES),
      errors,
      errorFor: errorFor(errors),
      values: {
        ...(values ?? {
          'text-0': state.step.text,
          'ownerName-0': state.step.owner_name ?? '',
          'due-0-day': String(Number(due[2])),
          'due-0-month': String(Number(due[1])),
          'due-0-year': due[0],
          status: state.step.status,
        }),
        version: String(state.plan.version),
      },
    })
  }

  router.get('/cases/:reference/plan/steps/:stepId', ...officers, async (req, res) => {
    await renderStep(req, res, undefined, [])
  })

  router.post('/cases/:reference/plan/steps/:stepId', ...officers, async (req, res) => {
    const reference = referenceOf(req)
    const stepId = String(req.params['stepId'])
    if (!STEP_ID.test(stepId)) throw new NotFoundError()
    const form = req.body as Record<string, unknown>
    const result = await withCommand(STEP_FORM, req.body, (command) =>
      plans.changeStep(signedIn(res).actor, reference, stepId, command, originOf(req)),
    )
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') res.redirect(303, planPath(reference))
    else if (result.outcome === 'conflict') await renderStep(req, res, undefined, [conflictError('#text-0')], 409)
    else await renderStep(req, res, form, errorsOn(STEP_FORM, refusalsOf(result)), 400)
  })

  router.get('/cases/:reference/plan/print', ...officers, async (req, res) => {
    const reference = referenceOf(req)
    const state = await plans.viewPlan(signedIn(res).actor, reference, originOf(req))
    if (!state?.plan) throw new NotFoundError()
    res.render(`${VIEWS}/plan-print.njk`, {
      pageTitle: `Your housing plan: case ${reference}`,
      ...state,
      statuses: STEP_STATUSES,
      groups: [
        { owner: 'applicant', heading: 'What you will do', steps: state.steps.filter((s) => s.owner === 'applicant') },
        { owner: 'council', heading: 'What the council will do', steps: state.steps.filter((s) => s.owner === 'council') },
        { owner: 'partner', heading: 'What other organisations will do', steps: state.steps.filter((s) => s.owner === 'partner') },
      ],
    })
  })

  /** The page of activities and contacts; a form sent back with errors keeps its own values only. */
  async function renderActivities(
    req: Request,
    res: Response,
    sent: { activity?: Record<string, unknown>; contact?: Record<string, unknown> },
    errors: FormError[],
    status = 200,
  ) {
    const reference = referenceOf(req)
    const { actor, user } = signedIn(res)
    const state = await plans.viewActivities(actor, reference, originOf(req))
    if (!state) throw new NotFoundError()
    res.status(status).render(`${VIEWS}/activities.njk`, {
      pageTitle: `Activities and contacts: case ${reference}`,
      ...state,
      activityTypes: ACTIVITY_TYPES,
      contactKinds: CONTACT_KINDS,
      directions: CONTACT_DIRECTIONS,
      activityItems: itemsOf(ACTIVITY_TYPES),
      contactItems: itemsOf(CONTACT_KINDS),
      directionItems: itemsOf(CONTACT_DIRECTIONS),
      errors,
      errorFor: errorFor(errors),
      activityValues: { ...today('done-on'), doneBy: user.displayName, ...sent.activity },
      contactValues: { ...today('contact-on'), ...sent.contact },
    })
  }

  router.get('/cases/:reference/activities', ...officers, async (req, res) => {
    await renderActivities(req, res, {}, [])
  })

  /** Records an activity or a contact from its form on the page; sent back with what is wrong, the form keeps its values. */
  function recording<S extends z.ZodType>(
    path: string,
    which: 'activity' | 'contact',
    binding: FormBinding<S>,
    record: (actor: Actor, reference: string, command: z.output<S>, origin: Origin) => Promise<PlanResult>,
  ) {
    router.post(`/cases/:reference/${path}`, ...officers, async (req, res) => {
      const reference = referenceOf(req)
      const form = req.body as Record<string, unknown>
      const result = await withCommand(binding, req.body, (command) => record(signedIn(res).actor, reference, command, originOf(req)))
      if (result.outcome === 'not_found') throw new NotFoundError()
      if (result.outcome === 'recorded') res.redirect(303, `/cases/${encodeURIComponent(reference)}/activities`)
      else await renderActivities(req, res, { [which]: form }, errorsOn(binding, refusalsOf(result)), 400)
    })
  }
  recording('activities', 'activity', ACTIVITY_FORM, (...a) => plans.recordActivity(...a))
  recording('contacts', 'contact', CONTACT_FORM, (...a) => plans.recordContact(...a))

  return router
}

/** A code list as the items of a GOV.UK radios, checkboxes or select. */
function itemsOf(list: Record<string, string>) {
  return Object.entries(list).map(([value, text]) => ({ value, text }))
}
