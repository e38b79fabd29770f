import {
  DECISIONS_BY_STAGE,
  MAIN_DUTY_ENDING_GROUNDS,
  NO_DUTY_REASONS,
  PREVENTION_ENDING_GROUNDS,
  RELIEF_ENDING_GROUNDS,
  type Decision,
  type Stage,
} from '../../domain/legal-status.ts'
import type { AccommodationSecured } from '../../domain/code-lists.ts'

/** The "Record a decision" form's choices: those each stage offers, and how they read. */

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

/**
 * The decisions that record priority need and intentionality: those of the relief duty, where either
 * may still be undecided, and the main duty decision, which rests on both (s193(1)-(2)).
 */
const FINDINGS_CHOICES: ReadonlySet<Choice> = new Set([
  'accept_relief_duty',
  'became_homeless',
  'end_relief_duty',
  'main_duty_owed',
  'main_duty_not_owed',
])
export const FINDINGS_REQUIRED: ReadonlySet<Choice> = new Set(['main_duty_owed', 'main_duty_not_owed'])

export function takesFindings(choice: Choice): boolean {
  return FINDINGS_CHOICES.has(choice)
}

/** The answers to "Is the applicant in priority need?"; the category is asked beside it. */
export const PRIORITY_NEED_ANSWERS = {
  in_priority_need: 'Yes',
  not_in_priority_need: 'No',
} as const

/** Where the household is living once a duty ends with accommodation secured (H-CLIC P2/R2 in outline). */
export const ACCOMMODATION_OUTCOMES = {
  stayed_in_existing_home: 'Stayed in their existing home',
  moved_to_alternative_accommodation: 'Moved to alternative accommodation',
} as const
export type AccommodationOutcome = keyof typeof ACCOMMODATION_OUTCOMES

/** Where a household lives once a duty ends with accommodation secured: stayed or moved, and to what. */
export interface SecuredAccommodation {
  outcome: AccommodationOutcome
  secured: AccommodationSecured
}

/** The grounds and reasons offered on the form, for each choice that needs one. */
export const GROUND_OPTIONS = {
  end_prevention_duty: PREVENTION_ENDING_GROUNDS,
  end_relief_duty: RELIEF_ENDING_GROUNDS,
  end_main_duty: MAIN_DUTY_ENDING_GROUNDS,
  no_duty_owed: NO_DUTY_REASONS,
} as const
