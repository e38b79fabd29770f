import type { LocalDate } from '@js-joda/core'
import {
  DECISIONS_BY_STAGE,
  MAIN_DUTY_ENDING_GROUNDS,
  NO_DUTY_REASONS,
  PREVENTION_ENDING_GROUNDS,
  RELIEF_ENDING_GROUNDS,
  type Decision,
  type Stage,
} from '../../domain/legal-status.ts'
import { ACCOMMODATION_SECURED, type AccommodationSecured } from '../../domain/code-lists.ts'
import { parseDateInput } from '../../platform/date-input.ts'
import { type FormError, oneOf } from '../../platform/forms.ts'

/**
 * The "Record a decision" form: the choices each stage offers, and reading what was submitted into a
 * Decision for the legal-status machine, with every problem in the form's own words.
 */

/** How a stage's decisions appear on the form. The main duty decision is two choices: owed or not. */
export type Choice = Exclude<Decision['kind'], 'main_duty_decision'> | 'main_duty_owed' | 'main_duty_not_owed'

export const CHOICE_LABELS: Record<Choice, string> = {
  accept_prevention_duty: 'Prevention duty owed (section 195): threatened with homelessness within 56 days',
  accept_relief_duty: 'Relief duty owed (section 189B): homeless',
  no_duty_owed: 'No duty owed',
  became_homeless: 'The household has become homeless: the relief duty is owed',
  end_prevention_duty: 'End the prevention duty',
  end_relief_duty: 'End the relief duty',
  main_duty_owed: 'Main housing duty owed (section 193)',
  main_duty_not_owed: 'Main housing duty not owed',
  end_main_duty: 'End the main housing duty',
}

export function choicesFor(stage: Stage): Choice[] {
  return DECISIONS_BY_STAGE[stage].flatMap((kind): Choice[] =>
    kind === 'main_duty_decision' ? ['main_duty_owed', 'main_duty_not_owed'] : [kind],
  )
}

/** Where the household is living once a duty ends with accommodation secured (H-CLIC P2/R2 in outline). */
export const ACCOMMODATION_OUTCOMES = {
  stayed_in_existing_home: 'Stayed in their existing home',
  moved_to_alternative_accommodation: 'Moved to alternative accommodation',
} as const
export type AccommodationOutcome = keyof typeof ACCOMMODATION_OUTCOMES

export interface DecisionForm {
  choice?: unknown
  day?: unknown
  month?: unknown
  year?: unknown
  ground?: unknown
  reason?: unknown
  accommodationOutcome?: unknown
  accommodationSecured?: unknown
  letterReasons?: unknown
  version?: unknown
}

/** Where a household lives once a duty ends with accommodation secured: stayed or moved, and to what. */
export interface SecuredAccommodation {
  outcome: AccommodationOutcome
  secured: AccommodationSecured
}

export type ReadDecision = { decision: Decision; accommodation: SecuredAccommodation | null; version: number } | { errors: FormError[] }

const REASONS_REQUIRED: ReadonlySet<Choice> = new Set(['no_duty_owed', 'main_duty_not_owed'])
const REASONS_LIMIT = 5000

export function readDecisionForm(stage: Stage, form: DecisionForm): ReadDecision {
  const errors: FormError[] = []
  const choice = oneOf(choicesFor(stage), form.choice)
  if (!choice) errors.push({ href: '#choice', text: 'Select the decision' })
  const details = choice ? readDetails(choice, form) : undefined
  if (details && 'errors' in details) errors.push(...details.errors)
  // A decision against the applicant must tell them why (s184(3)); the reasons go into its letter.
  if (choice && REASONS_REQUIRED.has(choice) && (typeof form.letterReasons !== 'string' || form.letterReasons.trim() === ''))
    errors.push({ href: '#letter-reasons', text: 'Enter the reasons for the decision: the applicant must be told why (section 184(3))' })
  else if (typeof form.letterReasons === 'string' && form.letterReasons.length > REASONS_LIMIT)
    errors.push({ href: '#letter-reasons', text: `The reasons must be ${String(REASONS_LIMIT)} characters or fewer` })
  const date = parseDateInput(form, 'Date of decision')
  if ('error' in date) errors.push({ href: '#decided-on-day', text: date.error })
  const version = typeof form.version === 'string' && /^\d+$/.test(form.version) ? Number(form.version) : undefined
  if (version === undefined) errors.push({ href: '#choice', text: 'The form is out of date: open the case again' })
  if (!details || 'errors' in details || 'error' in date || version === undefined || errors.length > 0) return { errors }
  return { decision: details.decisionOn(date.date), accommodation: details.accommodation, version }
}

/** Everything the chosen decision needs besides its date: a ground, a reason, where the household lives now. */
interface Details {
  decisionOn: (on: LocalDate) => Decision
  accommodation: SecuredAccommodation | null
}

const missingGround = { errors: [{ href: '#ground', text: 'Select the ground for ending the duty' }] }

function readDetails(choice: Choice, form: DecisionForm): Details | { errors: FormError[] } {
  const plain = (decisionOn: (on: LocalDate) => Decision): Details => ({ decisionOn, accommodation: null })
  switch (choice) {
    case 'accept_prevention_duty':
    case 'accept_relief_duty':
    case 'became_homeless':
      return plain((on) => ({ kind: choice, on }))
    case 'main_duty_owed':
    case 'main_duty_not_owed':
      return plain((on) => ({ kind: 'main_duty_decision', on, owed: choice === 'main_duty_owed' }))
    case 'no_duty_owed': {
      const reason = oneOf(NO_DUTY_REASONS, form.reason)
      return reason ? plain((on) => ({ kind: choice, on, reason })) : { errors: [{ href: '#reason', text: 'Select why no duty is owed' }] }
    }
    case 'end_main_duty': {
      const ground = oneOf(MAIN_DUTY_ENDING_GROUNDS, form.ground)
      return ground ? plain((on) => ({ kind: choice, on, ground })) : missingGround
    }
    case 'end_prevention_duty': {
      const ground = oneOf(PREVENTION_ENDING_GROUNDS, form.ground)
      return ground ? withAccommodation(ground, form, (on) => ({ kind: choice, on, ground })) : missingGround
    }
    case 'end_relief_duty': {
      const ground = oneOf(RELIEF_ENDING_GROUNDS, form.ground)
      return ground ? withAccommodation(ground, form, (on) => ({ kind: choice, on, ground })) : missingGround
    }
  }
}

/** A duty ended because accommodation was secured must say where the household is living now, and in what. */
function withAccommodation(ground: string, form: DecisionForm, decisionOn: (on: LocalDate) => Decision): Details | { errors: FormError[] } {
  if (ground !== 'suitable_accommodation_secured') return { decisionOn, accommodation: null }
  const outcome = oneOf(Object.keys(ACCOMMODATION_OUTCOMES) as AccommodationOutcome[], form.accommodationOutcome)
  const secured = oneOf(Object.keys(ACCOMMODATION_SECURED) as AccommodationSecured[], form.accommodationSecured)
  if (outcome && secured) return { decisionOn, accommodation: { outcome, secured } }
  return {
    errors: [
      ...(outcome ? [] : [{ href: '#accommodation-outcome', text: 'Select where the household is living now' }]),
      ...(secured ? [] : [{ href: '#accommodation-secured', text: 'Select the type of accommodation secured' }]),
    ],
  }
}

/** The grounds and reasons offered on the form, for each choice that needs one. */
export const GROUND_OPTIONS = {
  end_prevention_duty: PREVENTION_ENDING_GROUNDS,
  end_relief_duty: RELIEF_ENDING_GROUNDS,
  end_main_duty: MAIN_DUTY_ENDING_GROUNDS,
  no_duty_owed: NO_DUTY_REASONS,
} as const
