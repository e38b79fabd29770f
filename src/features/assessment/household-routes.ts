import { Router, type Request, type Response } from 'express'
import { SEXES } from '../../domain/approach.ts'
import { RELATIONSHIPS } from '../../domain/assessment.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { HOUSEHOLD_OUT_OF_DATE, SENSITIVE_QUESTIONS } from './commands.ts'
import { ADD_MEMBER_FORM, CHANGE_MEMBER_FORM, PERSONAL_DETAILS_FORM } from './forms.ts'
import type { HouseholdService } from './household-service.ts'

const VIEWS = 'features/assessment/views'

const CONFLICT: FormError = { href: '#version', text: HOUSEHOLD_OUT_OF_DATE }

/** The household pages of a case: the members, adding and changing one, and each one's personal details. */
export function householdRoutes(deps: { household: HouseholdService }): Router {
  const router = Router()
  const { household } = deps
  const officers = [requireSignIn, requirePermission('case.change')]
  const params = (req: Request) => ({ reference: String(req.params['reference']), personId: String(req.params['personId']) })
  const errorFor = errorsByField
  const options = (list: Record<string, string>) => Object.entries(list).map(([value, text]) => ({ value, text }))

  router.get('/cases/:reference/household', ...officers, async (req, res) => {
    const { reference } = params(req)
    const state = await household.household(signedIn(res).actor, reference, originOf(req))
    if (!state) throw new NotFoundError()
    res.render(`${VIEWS}/household.njk`, {
      pageTitle: `Household: case ${reference}`,
      ...state,
      relationships: RELATIONSHIPS,
      sexes: SEXES,
    })
  })

  function memberPage(
    res: Response,
    found: { reference: string },
    person: { id: string; is_applicant: boolean } | undefined,
    values: Record<string, unknown>,
    errors: FormError[],
    status = 200,
  ) {
    res.status(status).render(`${VIEWS}/member.njk`, {
      pageTitle: `${person ? 'Change a household member' : 'Add a household member'}: case ${found.reference}`,
      found,
      person,
      values,
      errors,
      errorFor: errorFor(errors),
      relationships: options(RELATIONSHIPS),
      sexes: options(SEXES),
    })
  }

  router.get('/cases/:reference/household/add', ...officers, async (req, res) => {
    const { reference } = params(req)
    const state = await household.household(signedIn(res).actor, reference, originOf(req))
    if (!state) throw new NotFoundError()
    memberPage(res, state.found, undefined, {}, [])
  })

  router.post('/cases/:reference/household/add', ...officers, async (req, res) => {
    const { reference } = params(req)
    const form = req.body as Record<string, unknown>
    const read = readForm(ADD_MEMBER_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await household.addMember(signedIn(res).actor, reference, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/household`)
      return
    }
    const errors = result.outcome === 'conflict' ? [CONFLICT] : errorsOn(ADD_MEMBER_FORM, result.refusals)
    memberPage(res, { reference }, undefined, form, errors, 400)
  })

  router.get('/cases/:reference/household/:personId', ...officers, async (req, res) => {
    const { reference, personId } = params(req)
    const state = await household.member(signedIn(res).actor, reference, personId, originOf(req))
    if (!state) throw new NotFoundError()
    const { person } = state
    const [year, month, day] = (person.date_of_birth ?? '--').split('-')
    memberPage(
      res,
      state.found,
      person,
      {
        givenName: person.given_name,
        familyName: person.family_name,
        relationship: person.relationship_to_applicant,
        sex: person.sex,
        dobDay: day ? String(Number(day)) : '',
        dobMonth: month ? String(Number(month)) : '',
        dobYear: year ?? '',
        version: String(person.version),
      },
      [],
    )
  })

  router.post('/cases/:reference/household/:personId', ...officers, async (req, res) => {
    const { reference, personId } = params(req)
    const form = req.body as Record<string, unknown>
    const actor = signedIn(res).actor
    const read = readForm(CHANGE_MEMBER_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await household.changeMember(actor, reference, personId, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/household`)
      return
    }
    const state = await household.member(actor, reference, personId, originOf(req))
    if (!state) throw new NotFoundError()
    if (result.outcome === 'conflict') memberPage(res, state.found, state.person, form, [CONFLICT], 409)
    else memberPage(res, state.found, state.person, form, errorsOn(CHANGE_MEMBER_FORM, result.refusals), 400)
  })

  async function detailsPage(req: Request, res: Response, values: Record<string, unknown> | undefined, errors: FormError[], status = 200) {
    const { reference, personId } = params(req)
    const state = await household.personalDetails(signedIn(res).actor, reference, personId, originOf(req))
    if (!state) throw new NotFoundError()
    const saved = state.details
    res.status(status).render(`${VIEWS}/personal-details.njk`, {
      pageTitle: `Personal details for the statutory return: case ${reference}`,
      ...state,
      questions: SENSITIVE_QUESTIONS.map((q) => ({ ...q, items: options(q.options) })),
      values: values ?? {
        ...Object.fromEntries(SENSITIVE_QUESTIONS.map((q) => [q.field, saved?.[q.column] ?? ''])),
        version: String(saved?.version ?? 0),
      },
      errors,
      errorFor: errorFor(errors),
    })
  }

  router.get('/cases/:reference/household/:personId/personal-details', ...officers, async (req, res) => {
    await detailsPage(req, res, undefined, [])
  })

  router.post('/cases/:reference/household/:personId/personal-details', ...officers, async (req, res) => {
    const { reference, personId } = params(req)
    const form = req.body as Record<string, unknown>
    const read = readForm(PERSONAL_DETAILS_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await household.savePersonalDetails(signedIn(res).actor, reference, personId, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}/household`)
      return
    }
    if (result.outcome === 'conflict') await detailsPage(req, res, form, [CONFLICT], 409)
    else await detailsPage(req, res, form, errorsOn(PERSONAL_DETAILS_FORM, result.refusals), 400)
  })

  return router
}
