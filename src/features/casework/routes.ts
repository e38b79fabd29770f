import { Router } from 'express'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { ForbiddenError, requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import type { Actor } from '../../db/actor.ts'
import { RISKS_AT_ASSESSMENT } from '../../domain/assessment.ts'
import { ACCOMMODATION_SECURED } from '../../domain/code-lists.ts'
import type { Stage } from '../../domain/legal-status.ts'
import { humanise } from '../../platform/formatting.ts'
import { NOT_IN_PRIORITY_NEED, PRIORITY_NEED_LABELS } from '../../domain/priority-need.ts'
import { ACCOMMODATION_OUTCOMES, CHOICE_LABELS, choicesFor, GROUND_OPTIONS, takesFindings, type Choice } from './decisions.ts'
import type { CaseworkService } from './service.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { APPROACH_FORM, approachFields, DECISION_FORM, OFFICER_FORM } from './forms.ts'

type Form = Record<string, unknown>

export function caseworkRoutes(deps: { casework: CaseworkService; clock: Clock }): Router {
  const router = Router()
  const { casework } = deps

  router.get('/cases', requireSignIn, requirePermission('case.read'), async (req, res) => {
    const { user, actor } = signedIn(res)
    // A manager looks at one officer's caseload from the team page.
    const officerId = user.role !== 'caseworker' && typeof req.query['officer'] === 'string' ? req.query['officer'] : undefined
    const officer = officerId === undefined ? undefined : (await casework.officers(actor)).find((o) => o.id === officerId)
    if (officerId !== undefined && !officer) throw new NotFoundError()
    // The same list `cases list --as` prints.
    const list = await casework.caseList(actor, { officerId: officer?.id }, originOf(req))
    if (!list) throw new ForbiddenError()
    res.render('features/casework/views/cases.njk', {
      pageTitle: list.own ? 'Your caseload' : officer ? `Caseload of ${officer.display_name}` : 'Open cases',
      cases: list.cases,
      own: list.own,
    })
  })

  const mayRecord = requirePermission('case.change')

  router.get('/cases/new', requireSignIn, mayRecord, (_req, res) => {
    const today = dateInputValues(deps.clock.today())
    res.render(
      'features/casework/views/approach.njk',
      approachPage({ approachedDay: today.day, approachedMonth: today.month, approachedYear: today.year }, []),
    )
  })

  router.post('/cases/new', requireSignIn, mayRecord, async (req, res) => {
    const { actor } = signedIn(res)
    const form = req.body as Form
    const read = readForm(APPROACH_FORM, form)
    const result = 'refusals' in read ? read : await casework.recordApproach(actor, read.command, originOf(req))
    if ('outcome' in result && result.outcome === 'not_allowed') throw new ForbiddenError()
    if ('refusals' in result) {
      res.status(400).render('features/casework/views/approach.njk', approachPage(form, errorsOn(APPROACH_FORM, result.refusals)))
      return
    }
    res.redirect(303, `/cases/${encodeURIComponent(result.reference)}`)
  })

  router.get('/cases/:reference', requireSignIn, requirePermission('case.read'), async (req, res) => {
    const { actor } = signedIn(res)
    const found = await casework.viewCase(actor, String(req.params['reference']), originOf(req))
    if (!found) throw new NotFoundError()
    res.render('features/casework/views/case.njk', {
      pageTitle: `Case ${found.reference}`,
      found,
      riskLabel: riskLabel(found.risk_at_assessment),
    })
  })

  const mayDecide = requirePermission('case.change')

  router.get('/cases/:reference/decision', requireSignIn, mayDecide, async (req, res) => {
    const { actor } = signedIn(res)
    const found = await casework.viewCase(actor, String(req.params['reference']), originOf(req))
    if (!found) throw new NotFoundError()
    res.render(
      'features/casework/views/decision.njk',
      decisionPage(found, { version: String(found.version), ...dateInputValues(deps.clock.today()), ...findingsValues(found) }, []),
    )
  })

  router.post('/cases/:reference/decision', requireSignIn, mayDecide, async (req, res) => {
    const { actor } = signedIn(res)
    const reference = String(req.params['reference'])
    const form = req.body as Form
    const read = readForm(DECISION_FORM, form)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await casework.recordDecision(actor, reference, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}`)
      return
    }
    const found = await casework.viewCase(actor, reference, originOf(req))
    if (!found) throw new NotFoundError()
    const errors =
      result.outcome === 'conflict'
        ? [
            {
              href: '#choice',
              text: 'Someone else changed this case while you were deciding. Check the case as it is now, then record your decision again.',
            },
          ]
        : errorsOn(DECISION_FORM, result.refusals)
    // After a conflict the form starts from the case as it now is; otherwise it keeps what was entered.
    const values =
      result.outcome === 'conflict'
        ? { version: String(found.version) }
        : { ...form, version: String(found.version === Number(form['version']) ? form['version'] : found.version) }
    res
      .status(result.outcome === 'conflict' ? 409 : 400)
      .render('features/casework/views/decision.njk', decisionPage(found, values, errors))
  })

  const manager = requirePermission('team.manage')

  router.get('/cases/:reference/officer', requireSignIn, manager, async (req, res) => {
    const { actor } = signedIn(res)
    const found = await casework.viewCase(actor, String(req.params['reference']), originOf(req))
    if (!found) throw new NotFoundError()
    res.render('features/casework/views/officer.njk', await officerPage(casework, actor, found, { version: String(found.version) }, []))
  })

  router.post('/cases/:reference/officer', requireSignIn, manager, async (req, res) => {
    const { actor } = signedIn(res)
    const reference = String(req.params['reference'])
    const read = readForm(OFFICER_FORM, req.body)
    const result =
      'refusals' in read
        ? ({ outcome: 'invalid', ...read } as const)
        : await casework.reassign(actor, reference, read.command, originOf(req))
    if (result.outcome === 'not_found') throw new NotFoundError()
    if (result.outcome === 'recorded') {
      res.redirect(303, `/cases/${encodeURIComponent(reference)}`)
      return
    }
    const found = await casework.viewCase(actor, reference, originOf(req))
    if (!found) throw new NotFoundError()
    const errors =
      result.outcome === 'conflict'
        ? [
            {
              href: '#officer',
              text: 'Someone else changed this case while you were choosing. Check the case as it is now, then choose again.',
            },
          ]
        : errorsOn(OFFICER_FORM, result.refusals)
    res
      .status(result.outcome === 'conflict' ? 409 : 400)
      .render('features/casework/views/officer.njk', await officerPage(casework, actor, found, { version: String(found.version) }, errors))
  })

  return router
}

async function officerPage(
  casework: CaseworkService,
  actor: Actor,
  found: { reference: string; officer_id: string; officer_name: string },
  values: { version: string },
  errors: FormError[],
) {
  const officers = await casework.officers(actor)
  return {
    pageTitle: `Change the named officer: case ${found.reference}`,
    found,
    errors,
    values,
    officers: [
      { value: '', text: 'Choose an officer' },
      ...officers
        .filter((o) => o.id !== found.officer_id)
        .map((o) => ({ value: o.id, text: `${o.display_name} (${humanise(o.role).toLowerCase()})` })),
    ],
  }
}

function approachPage(values: Form, errors: FormError[]) {
  return { pageTitle: 'Record a new approach', ...approachFields(values, errors) }
}

function decisionPage(found: { reference: string; stage: string; decisions: Choice[] }, values: Form, errors: FormError[]) {
  const stage = found.stage as Stage
  const ending = found.decisions.find((c): c is keyof typeof GROUND_OPTIONS => c in GROUND_OPTIONS)
  return {
    findingsAsked: found.decisions.some(takesFindings),
    priorityNeedCategories: Object.entries(PRIORITY_NEED_LABELS).map(([value, text]) => ({ value, text })),
    pageTitle: `Record a decision: case ${found.reference}`,
    found,
    errors,
    errorFor: errorsByField(errors),
    values,
    choices: choicesFor(stage).map((choice) => ({ value: choice, text: CHOICE_LABELS[choice] })),
    ending,
    grounds: ending ? GROUND_OPTIONS[ending].map((ground) => ({ value: ground, text: humanise(ground) })) : [],
    accommodationOutcomes: Object.entries(ACCOMMODATION_OUTCOMES).map(([value, text]) => ({ value, text })),
    accommodationSecured: Object.entries(ACCOMMODATION_SECURED).map(([value, text]) => ({ value, text })),
  }
}

/** The form starts from what the council has already decided about priority need and intentionality. */
function findingsValues(found: { priority_need: string | null; intentionality: string | null; intentionality_reasons: string | null }) {
  const decided = found.priority_need !== null
  return {
    priorityNeed: decided ? (found.priority_need === NOT_IN_PRIORITY_NEED ? 'not_in_priority_need' : 'in_priority_need') : undefined,
    priorityNeedCategory: decided && found.priority_need !== NOT_IN_PRIORITY_NEED ? found.priority_need : undefined,
    intentionality: found.intentionality ?? undefined,
    intentionalityReasons: found.intentionality_reasons ?? undefined,
  }
}

/** The risk recorded at assessment in words; a code on no list is shown as it is, not hidden. */
function riskLabel(code: string | null): string | null {
  if (code === null) return null
  return Object.hasOwn(RISKS_AT_ASSESSMENT, code) ? RISKS_AT_ASSESSMENT[code as keyof typeof RISKS_AT_ASSESSMENT] : humanise(code)
}
