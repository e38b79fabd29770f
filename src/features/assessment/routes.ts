import { Router, type Request, type Response } from 'express'
import { ELIGIBILITY, HOMELESSNESS_STATUSES, SECTIONS, SECTION_STATUS_LABELS, type Section } from '../../domain/assessment.ts'
import {
  ACCOMMODATION_AT_APPLICATION,
  BENEFIT_CLAIMS,
  EMPLOYMENT_STATUSES,
  POSSESSION_NOTICE_TYPES,
  REASONS_FOR_LOSS_OF_HOME,
  SUPPORT_NEEDS,
} from '../../domain/code-lists.ts'
import { NOTICE_VALIDITY, ONLY_ACCOMMODATION } from '../../domain/possession-notices.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import type { Refusal } from '../../platform/commands.ts'
import { errorsOn, readForm, type FormBinding } from '../../platform/http/form-commands.ts'
import { ASSESSMENT_OUT_OF_DATE } from './commands.ts'
import { COMPLETE_FORM, formValues, SECTION_FORMS } from './forms.ts'
import { summaryOf } from './assessment-summary.ts'
import { householdRoutes } from './household-routes.ts'
import type { HouseholdService } from './household-service.ts'
import type { AssessmentResult, AssessmentService } from './service.ts'

const VIEWS = 'features/assessment/views'

const CONFLICT: FormError = { href: '#version', text: ASSESSMENT_OUT_OF_DATE }

/** A section's address: its key with hyphens, /cases/BAS-2026-00001/assessment/housing-needs. */
const slugOf = (section: Section) => section.replaceAll('_', '-')
const sectionOf = (slug: string): Section | undefined => {
  const key = slug.replaceAll('-', '_')
  return Object.hasOwn(SECTIONS, key) ? (key as Section) : undefined
}

/** Checkboxes' values as lists, however many were ticked. */
const asLists = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, key.startsWith('needs-') && !Array.isArray(value) ? [value] : value]),
  )

const items = (list: Record<string, string>) => Object.entries(list).map(([value, text]) => ({ value, text }))

/** The lists each section's questions offer, as GOV.UK radios', checkboxes' and selects' items. */
const LISTS = {
  eligibility: items(ELIGIBILITY),
  homelessnessStatuses: items(HOMELESSNESS_STATUSES),
  possessionNotices: items(POSSESSION_NOTICE_TYPES),
  noticeValidity: items(NOTICE_VALIDITY),
  onlyAccommodation: items(ONLY_ACCOMMODATION),
  accommodation: items(ACCOMMODATION_AT_APPLICATION),
  reasons: items(REASONS_FOR_LOSS_OF_HOME),
  supportNeeds: items(SUPPORT_NEEDS),
  employment: items(EMPLOYMENT_STATUSES),
  benefits: items(BENEFIT_CLAIMS),
}

/** The household and the assessment (s189A) of a case: a task list, a page per section, check your answers. */
export function assessmentRoutes(deps: { household: HouseholdService; assessment: AssessmentService; clock: Clock }): Router {
  const router = Router()
  const { assessment, clock } = deps
  const officers = [requireSignIn, requirePermission('case.change')]
  const reference = (req: Request) => String(req.params['reference'])
  const errorFor = errorsByField
  router.use(householdRoutes(deps))

  async function state(req: Request, res: Response) {
    const found = await assessment.view(signedIn(res).actor, reference(req), originOf(req))
    if (!found) throw new NotFoundError()
    return found
  }

  router.get('/cases/:reference/assessment', ...officers, async (req, res) => {
    const s = await state(req, res)
    res.render(`${VIEWS}/task-list.njk`, {
      pageTitle: `Assessment: case ${s.found.reference}`,
      ...s,
      tasks: s.sections.map((section) => ({
        title: { text: section.title },
        href: `/cases/${s.found.reference}/assessment/${slugOf(section.key)}`,
        status:
          section.status === 'completed'
            ? { text: SECTION_STATUS_LABELS.completed }
            : {
                tag: {
                  text: SECTION_STATUS_LABELS[section.status],
                  classes: section.status === 'not_started' ? 'govuk-tag--blue' : 'govuk-tag--light-blue',
                },
              },
      })),
    })
  })

  async function checkPage(req: Request, res: Response, values: Record<string, unknown>, errors: FormError[], status = 200) {
    const s = await state(req, res)
    res.status(status).render(`${VIEWS}/check.njk`, {
      pageTitle: `Check the assessment: case ${s.found.reference}`,
      ...s,
      summaries: s.sections.map((section) => ({
        ...section,
        slug: slugOf(section.key),
        rows: summaryOf(section.key, s.answers, s.found.people),
      })),
      values: { ...dateInputValues(clock.today()), version: String(s.version), ...values },
      errors,
      errorFor: errorFor(errors),
    })
  }

  router.get('/cases/:reference/assessment/check', ...officers, async (req, res) => {
    await checkPage(req, res, {}, [])
  })

  router.post('/cases/:reference/assessment/complete', ...officers, async (req, res) => {
    const form = req.body as Record<string, unknown>
    const read = readForm(COMPLETE_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await assessment.complete(signedIn(res).actor, reference(req), read.command, originOf(req))
    await after(
      res,
      COMPLETE_FORM,
      result,
      () => `/cases/${encodeURIComponent(reference(req))}`,
      (errors, status) =>
        checkPage(req, res, { day: form['day'], month: form['month'], year: form['year'], version: form['version'] }, errors, status),
    )
  })

  async function sectionPage(
    req: Request,
    res: Response,
    section: Section,
    values: Record<string, unknown> | undefined,
    errors: FormError[],
    status = 200,
  ) {
    const s = await state(req, res)
    res.status(status).render(`${VIEWS}/section.njk`, {
      pageTitle: `${SECTIONS[section]}: case ${s.found.reference}`,
      ...s,
      section,
      title: SECTIONS[section],
      lists: LISTS,
      // A form sent back keeps the version it was read at: after a conflict, saving again is refused until reloaded.
      values: values ? asLists(values) : { ...formValues(section, s.answers), version: String(s.version) },
      errors,
      errorFor: errorFor(errors),
    })
  }

  router.get('/cases/:reference/assessment/:section', ...officers, async (req, res) => {
    const section = sectionOf(String(req.params['section']))
    if (!section) throw new NotFoundError()
    await sectionPage(req, res, section, undefined, [])
  })

  router.post('/cases/:reference/assessment/:section', ...officers, async (req, res) => {
    const section = sectionOf(String(req.params['section']))
    if (!section) throw new NotFoundError()
    const form = req.body as Record<string, unknown>
    const binding = SECTION_FORMS[section]
    const read = readForm(binding, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await assessment.saveSection(signedIn(res).actor, reference(req), section, read.command, originOf(req))
    await after(
      res,
      binding,
      result,
      () => `/cases/${encodeURIComponent(reference(req))}/assessment`,
      (errors, status) => sectionPage(req, res, section, form, errors, status),
    )
  })

  async function after(
    res: Response,
    binding: Pick<FormBinding, 'fieldId'>,
    result: AssessmentResult | { outcome: 'invalid'; refusals: Refusal[] },
    next: () => string,
    again: (errors: FormError[], status: number) => Promise<void>,
  ) {
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, next())
      return
    }
    if (result.outcome === 'conflict') await again([CONFLICT], 409)
    else await again(errorsOn(binding, result.refusals), 400)
  }

  return router
}
