import type { LocalDate } from '@js-joda/core'

/**
 * A first approach: who came, when and how, and what triage found that cannot wait for the assessment
 * (Code of Guidance 11.3: everyone who says they are or will be homeless gets an initial interview).
 */

export const APPROACH_CHANNELS = {
  in_person: 'In person',
  phone: 'By phone',
  email: 'By email or online',
  referral: 'Referred by another organisation',
} as const
export type ApproachChannel = keyof typeof APPROACH_CHANNELS

/**
 * How the household came to the authority (the monitoring data's `referral_route`): they came
 * themselves, another service referred them (the duty to refer, s213B, or a partner by agreement), or
 * the council or a partner found them before they asked (the upstream work the Trailblazers fund).
 * Distinct from the channel, which says only how the contact was made.
 */
export const APPROACH_ROUTES = {
  self_referral: 'They came to us themselves (self-referral)',
  partner_referral: 'Another service or partner referred them',
  proactive: 'We or a partner found them before they asked for help (identified proactively)',
} as const
export type ApproachRoute = keyof typeof APPROACH_ROUTES

export const EMERGENCIES = {
  rough_sleeping_tonight: 'Will sleep rough tonight',
  domestic_abuse: 'At risk of domestic abuse',
  hospital_discharge: 'Being discharged from hospital with nowhere to go',
  release_from_custody: 'Being released from custody with nowhere to go',
} as const
export type Emergency = keyof typeof EMERGENCIES

export const SEXES = { female: 'Female', male: 'Male', other: 'Other or prefer not to say' } as const
export type Sex = keyof typeof SEXES

export interface Approach {
  givenName: string
  familyName: string
  dateOfBirth: LocalDate
  sex: Sex | null
  approachedOn: LocalDate
  channel: ApproachChannel
  route: ApproachRoute
  emergencies: Emergency[]
}

/** The rules a first approach must meet, beyond each field being filled in. Returns each problem by field. */
export function approachProblems(
  approach: Approach,
  today: LocalDate,
): { field: 'dateOfBirth' | 'approachedOn' | 'route'; message: string }[] {
  const problems: { field: 'dateOfBirth' | 'approachedOn' | 'route'; message: string }[] = []
  if (approach.dateOfBirth.isAfter(today)) problems.push({ field: 'dateOfBirth', message: 'Date of birth must be in the past' })
  else if (approach.dateOfBirth.isBefore(today.minusYears(120)))
    problems.push({ field: 'dateOfBirth', message: 'Date of birth must be a real date of birth' })
  // Housing authorities owe duties to applicants aged 16 or over (Code of Guidance 18.7).
  else if (approach.dateOfBirth.plusYears(16).isAfter(approach.approachedOn)) {
    problems.push({ field: 'dateOfBirth', message: 'The applicant must be 16 or over on the day they approached' })
  }
  if (approach.approachedOn.isAfter(today))
    problems.push({ field: 'approachedOn', message: 'Date of approach must be today or in the past' })
  if (approach.channel === 'referral' && approach.route === 'self_referral')
    problems.push({
      field: 'route',
      message: 'Another organisation referred them, so this is not a self-referral: choose how they came to us again',
    })
  return problems
}

/** A case reference begins with the first three letters of the authority's name: Basildon → BAS. */
export function caseReferencePrefix(authorityName: string): string {
  const letters = authorityName.replace(/[^A-Za-z]/g, '').toUpperCase()
  return (letters + 'XXX').slice(0, 3)
}
