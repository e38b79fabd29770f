import { Router, type Request, type Response } from 'express'
import { approachFields } from '../casework/forms.ts'
import { SUPPORT_NEEDS } from '../../domain/code-lists.ts'
import { PREFERRED_CONTACT, REFERRAL_REASONS } from '../../domain/referrals.ts'
import type { Actor } from '../../db/actor.ts'
import type { Clock } from '../../platform/clock.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { humanise } from '../../platform/formatting.ts'
import { ForbiddenError, requirePermission, requireRole, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { errorsOn, type FormBinding, withCommand } from '../../platform/http/form-commands.ts'
import { CONSENT_EXPLAINED } from './commands.ts'
import {
  CONVERT_FORM,
  fieldId,
  LINK_FORM,
  MESSAGE_FORM,
  REFERRAL_FORM,
  readReferralForm,
  referralFormErrors,
  SELF_REFERRAL_FORM,
  SETTINGS_FORM,
  stepFormOf,
  type ReferralForm,
} from './forms.ts'
import type { ReferralIntake } from './intake.ts'
import { OUTCOME_CHOICES, type ReferralService, type StepResult } from './service.ts'
import { periodOf, PERIODS } from './period.ts'

const PUBLIC: Actor = { kind: 'public', organisationId: null, role: 'public', label: 'Member of the public' }
const AUTHORITY_STAFF = requirePermission('referral.receive')

export function referralRoutes(deps: { referrals: ReferralService; referralIntake: ReferralIntake; clock: Clock }): Router {
  const router = Router()
  const { referrals, referralIntake: intake } = deps

  router.get('/referrals', requireSignIn, requireRole('caseworker', 'team_manager', 'referrer'), async (req, res) => {
    const { user, actor } = signedIn(res)
    const made = user.role === 'referrer'
    const finished = req.query['show'] === 'finished'
    const list = await referrals.list(actor, { open: made ? undefined : !finished }, originOf(req))
    res.render('features/referrals/views/list.njk', {
      pageTitle: made ? 'Your organisation’s referrals' : finished ? 'Referrals: finished' : 'Referrals inbox',
      list,
      made,
      finished,
    })
  })

  // Partner staff: the duty to refer, by form.
  router.get('/referrals/new', requireSignIn, requirePermission('referral.make'), async (_req, res) => {
    const { user } = signedIn(res)
    res.render(
      'features/referrals/views/new.njk',
      await referralFormPage(intake, { 'referrer.name': user.displayName, 'referrer.email': user.email }, []),
    )
  })

  router.post('/referrals/new', requireSignIn, requirePermission('referral.make'), async (req, res) => {
    const { actor } = signedIn(res)
    const form = req.body as ReferralForm
    const result = await intake.submit(actor, readReferralForm(REFERRAL_FORM, form), { origin: originOf(req) })
    if (result.outcome === 'not_allowed') throw new ForbiddenError(result.message)
    if (result.outcome === 'invalid') {
      res.status(400).render('features/referrals/views/new.njk', await referralFormPage(intake, form, referralFormErrors(result.refusals)))
      return
    }
    if (result.outcome !== 'created') throw new Error(`a form referral cannot be ${result.outcome}`)
    res.render('features/referrals/views/sent.njk', { pageTitle: 'Referral sent', receipt: result.receipt, made: true })
  })

  // Members of the public: no sign-in, a small body, throttled per address in the intake.
  router.get('/refer-yourself', async (_req, res) => {
    res.render('features/referrals/views/self-referral.njk', await referralFormPage(intake, {}, [], true))
  })

  router.post('/refer-yourself', async (req, res) => {
    const form = req.body as ReferralForm
    // A field people cannot see: only a robot fills it in.
    if (typeof form['website'] === 'string' && form['website'] !== '') {
      res
        .status(400)
        .render(
          'features/referrals/views/self-referral.njk',
          await referralFormPage(
            intake,
            form,
            [{ href: '#person-givenName', text: 'Your form could not be sent. Fill in only the questions shown and try again' }],
            true,
          ),
        )
      return
    }
    const result = await intake.submit(PUBLIC, readReferralForm(SELF_REFERRAL_FORM, form), { origin: originOf(req) })
    if (result.outcome === 'throttled') {
      res.status(429).set('Retry-After', String(result.retryAfterSeconds)).render('features/referrals/views/self-referral-throttled.njk', {
        pageTitle: 'Too many referrals from this connection',
      })
      return
    }
    if (result.outcome === 'invalid') {
      res
        .status(400)
        .render(
          'features/referrals/views/self-referral.njk',
          await referralFormPage(intake, form, referralFormErrors(result.refusals, true), true),
        )
      return
    }
    if (result.outcome !== 'created') throw new Error(`a self-referral cannot be ${result.outcome}`)
    res.render('features/referrals/views/sent.njk', { pageTitle: 'Your referral has been sent', receipt: result.receipt, made: false })
  })

  router.get('/referrals/figures', requireSignIn, requirePermission('referral.figures'), async (req, res) => {
    const { actor } = signedIn(res)
    const period = periodOf(req.query['period'], deps.clock.today())
    const found = await referrals.figures(actor, period)
    if (!found) throw new NotFoundError()
    res.render('features/referrals/views/figures.njk', { pageTitle: 'Referral figures', ...found, period, periods: PERIODS })
  })

  router.get('/referrals/settings', requireSignIn, requirePermission('referral.settings'), async (_req, res) => {
    const { actor } = signedIn(res)
    const settings = await referrals.settings(actor)
    if (!settings) throw new NotFoundError()
    res.render(
      'features/referrals/views/settings.njk',
      settingsPage(
        { targetWorkingDays: String(settings.referral_target_working_days), contactEmail: settings.referral_contact_email ?? '' },
        [],
      ),
    )
  })

  router.post('/referrals/settings', requireSignIn, requirePermission('referral.settings'), async (req, res) => {
    const { actor } = signedIn(res)
    const form = req.body as Record<string, string>
    const result = await withCommand(SETTINGS_FORM, form, (command) => referrals.saveSettings(actor, command, originOf(req)))
    if (result.outcome === 'invalid') {
      res.status(400).render('features/referrals/views/settings.njk', settingsPage(form, errorsOn(SETTINGS_FORM, result.refusals)))
      return
    }
    if (result.outcome !== 'done') throw new NotFoundError()
    res.redirect(303, '/referrals/settings?saved=1')
  })

  router.get('/referrals/:id', requireSignIn, requireRole('caseworker', 'team_manager', 'referrer'), async (req, res) => {
    await renderReferral(req, res, [], 200)
  })

  router.post('/referrals/:id/steps', requireSignIn, AUTHORITY_STAFF, async (req, res) => {
    const { actor } = signedIn(res)
    const form = req.body as Record<string, unknown>
    const binding = stepFormOf(form)
    const result = await withCommand(binding, form, (command) =>
      referrals.takeStep(actor, String(req.params['id']), command, originOf(req)),
    )
    await answer(req, res, result, binding)
  })

  router.post('/referrals/:id/messages', requireSignIn, requireRole('caseworker', 'team_manager', 'referrer'), async (req, res) => {
    const { actor } = signedIn(res)
    const result = await withCommand(MESSAGE_FORM, req.body, (command) =>
      referrals.sendMessage(actor, String(req.params['id']), command, originOf(req)),
    )
    await answer(req, res, result, MESSAGE_FORM)
  })

  router.get('/referrals/:id/convert', requireSignIn, AUTHORITY_STAFF, async (req, res) => {
    const { actor } = signedIn(res)
    const found = await referrals.view(actor, String(req.params['id']), originOf(req))
    if (!found?.authority) throw new NotFoundError()
    res.render('features/referrals/views/convert.njk', convertPage(found, referrals.approachFormOf(found.referral), []))
  })

  router.post('/referrals/:id/convert', requireSignIn, AUTHORITY_STAFF, async (req, res) => {
    const { actor } = signedIn(res)
    const id = String(req.params['id'])
    const form = req.body as Record<string, unknown>
    // A duplicate's "Link to case" button sends the case's reference; the approach's form does not.
    const linking = form['caseReference'] !== undefined
    const binding = linking ? LINK_FORM : CONVERT_FORM
    const result = linking
      ? await withCommand(LINK_FORM, form, (command) => referrals.linkToCase(actor, id, command, originOf(req)))
      : await withCommand(CONVERT_FORM, form, (command) => referrals.convert(actor, id, command, originOf(req)))
    if (result.outcome === 'opened') {
      res.redirect(303, `/cases/${encodeURIComponent(result.reference)}`)
      return
    }
    if (result.outcome === 'invalid') {
      const found = await referrals.view(actor, id, originOf(req))
      if (!found?.authority) throw new NotFoundError()
      res.status(400).render('features/referrals/views/convert.njk', convertPage(found, form, errorsOn(binding, result.refusals)))
      return
    }
    await answer(req, res, result, binding)
  })

  async function answer(req: Request, res: Response, result: StepResult, binding: Pick<FormBinding, 'fieldId'>): Promise<void> {
    const id = String(req.params['id'])
    switch (result.outcome) {
      case 'done':
        res.redirect(303, `/referrals/${id}`)
        return
      case 'not_allowed':
        throw new ForbiddenError()
      case 'not_found':
        throw new NotFoundError()
      case 'stale':
        await renderReferral(
          req,
          res,
          [
            {
              href: '#action',
              text: 'Someone else has changed this referral since you opened it. Check it again below; nothing you sent was saved',
            },
          ],
          409,
        )
        return
      case 'invalid':
        await renderReferral(req, res, errorsOn(binding, result.refusals), 400)
        return
    }
  }

  async function renderReferral(req: Request, res: Response, errors: FormError[], status: number): Promise<void> {
    const { user, actor } = signedIn(res)
    const found = await referrals.view(actor, String(req.params['id']), originOf(req))
    if (!found) throw new NotFoundError()
    res.status(status).render('features/referrals/views/referral.njk', {
      pageTitle: `Referral ${found.referral.reference}`,
      ...found,
      made: user.role === 'referrer',
      errors,
      errorFor: errorsByField(errors),
      values: req.method === 'POST' ? (req.body as Record<string, unknown>) : {},
      assessedOutcomes: OUTCOME_CHOICES.assessed.map((value) => ({
        value,
        text: humanise(value),
        checked: value === found.authority?.suggestedOutcome,
      })),
      closingOutcomes: OUTCOME_CHOICES.closing.map((value) => ({ value, text: humanise(value), hint: CLOSING_HINTS[value] })),
      supportNeeds: found.referral.support_needs.map((need) =>
        need in SUPPORT_NEEDS ? SUPPORT_NEEDS[need as keyof typeof SUPPORT_NEEDS] : humanise(need),
      ),
    })
  }

  return router
}

async function referralFormPage(intake: ReferralIntake, values: ReferralForm, errors: FormError[], selfReferral = false) {
  return {
    pageTitle: selfReferral ? 'Ask your council for help with housing' : 'Refer someone to a housing authority',
    values,
    errors,
    errorFor: errorsByField(errors),
    fieldId,
    consentExplained: CONSENT_EXPLAINED,
    authorities: (await intake.authorities()).map((a) => ({ value: a.ons_code ?? '', text: a.name })),
    reasons: REFERRAL_REASONS.map((value) => ({ value, text: REASON_LABELS[value] })),
    contactWays: PREFERRED_CONTACT.filter((c) => !selfReferral || c !== 'via_referrer').map((value) => ({
      value,
      text: CONTACT_LABELS[value],
    })),
    supportNeeds: Object.entries(SUPPORT_NEEDS).map(([value, text]) => ({ value, text })),
  }
}

const REASON_LABELS = {
  homeless: 'Homeless now, or will be within days',
  threatened_within_56_days: 'Likely to become homeless within 56 days',
  at_risk_later: 'At risk of homelessness later (more than 56 days away)',
} as const

const CONTACT_LABELS = { phone: 'Phone', email: 'Email', post: 'Post', via_referrer: 'Through the referrer' } as const

function settingsPage(values: Record<string, string>, errors: FormError[]) {
  return { pageTitle: 'Referral settings', values, errors, errorFor: errorsByField(errors) }
}

function convertPage(
  found: NonNullable<Awaited<ReturnType<ReferralService['view']>>>,
  values: Record<string, unknown>,
  errors: FormError[],
) {
  return { pageTitle: `Open an approach from referral ${found.referral.reference}`, ...found, ...approachFields(values, errors) }
}

/** The closing reasons that rest on a decision of the person's case: the officer sees when they are open. */
const CLOSING_HINTS: Partial<Record<string, { text: string }>> = {
  rejected_no_local_connection: { text: 'Only once the person’s case has been referred to another authority (section 198)' },
  rejected_intentionally_homeless: { text: 'Only once the person’s case has decided they became homeless intentionally' },
}
