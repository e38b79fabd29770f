import type { LocalDate } from '@js-joda/core'

/**
 * Prevention and relief activities, kept apart from contacts: the statutory return counts the work done
 * under a duty (H-CLIC 4.3 prevention activity, 5.3 relief activity), not the phone calls about it.
 */

/** The activity taxonomy, in H-CLIC's words (the P3 / R3 headings; hclic.md §4). */
export const ACTIVITY_TYPES = {
  accommodation_secured_by_authority: 'Accommodation secured by local authority or organisation delivering housing options service',
  helped_secure_with_financial_payment: 'Helped to secure accommodation found by applicant, with financial payment',
  helped_secure_without_financial_payment: 'Helped to secure accommodation found by applicant, without financial payment',
  supported_housing_provided: 'Supported housing provided',
  negotiation_mediation_return_to_family: 'Negotiation / mediation work to secure return to family or friend',
  negotiation_mediation_advocacy_prevent_eviction: 'Negotiation / mediation / advocacy work to prevent eviction / repossession',
  discretionary_housing_payment: 'Discretionary Housing Payment to reduce shortfall',
  other_financial_payment: 'Other financial payments (e.g. to reduce arrears)',
  other: 'Other',
  advice_and_information: 'No activity – advice and information provided',
} as const
export type ActivityType = keyof typeof ACTIVITY_TYPES

/** The ways of being in touch with a household. */
export const CONTACT_KINDS = {
  phone_call: 'Phone call',
  text_message: 'Text message',
  email: 'Email',
  letter: 'Letter',
  home_visit: 'Home visit',
  office_appointment: 'Office appointment',
  missed_appointment: 'Missed appointment',
} as const
export type ContactKind = keyof typeof CONTACT_KINDS

/** Calls, texts, emails and letters go one way or the other; visits and appointments are both ways. */
export const CONTACT_DIRECTIONS = {
  from_household: 'From the household',
  to_household: 'To the household',
} as const
export type ContactDirection = keyof typeof CONTACT_DIRECTIONS

export function contactHasDirection(kind: ContactKind): boolean {
  return kind === 'phone_call' || kind === 'text_message' || kind === 'email' || kind === 'letter'
}

export type Duty = 'prevention' | 'relief'

export type DutyCheck = { allowed: true; duty: Duty } | { allowed: false; reason: string }

/**
 * An activity is work under a duty, so it can be recorded only while the prevention or relief duty is
 * owed, dated within it (not before it began, not in the future). The duty is the case's, not chosen.
 */
export function mayRecordActivity(
  facts: { stage: string; preventionStartedOn?: LocalDate | undefined; reliefStartedOn?: LocalDate | undefined },
  on: LocalDate,
  today: LocalDate,
): DutyCheck {
  if (facts.stage !== 'prevention' && facts.stage !== 'relief')
    return { allowed: false, reason: 'An activity can be recorded only while the prevention or relief duty is owed' }
  if (on.isAfter(today)) return { allowed: false, reason: 'The date of the activity must be today or in the past' }
  const started = facts.stage === 'prevention' ? facts.preventionStartedOn : facts.reliefStartedOn
  if (started && on.isBefore(started))
    return { allowed: false, reason: `The date of the activity must be on or after the day the ${facts.stage} duty started` }
  return { allowed: true, duty: facts.stage }
}

/** A contact can be at any stage of the case, but not before the household approached nor in the future. */
export function mayRecordContact(
  approachedOn: LocalDate,
  on: LocalDate,
  today: LocalDate,
): { allowed: true } | { allowed: false; reason: string } {
  if (on.isAfter(today)) return { allowed: false, reason: 'The date of the contact must be today or in the past' }
  if (on.isBefore(approachedOn))
    return { allowed: false, reason: 'The date of the contact must be on or after the day the household approached' }
  return { allowed: true }
}
