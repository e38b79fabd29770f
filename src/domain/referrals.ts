/**
 * Where a referral has got to, as the referrer sees it (docs/interfaces.md, duty to refer): the status moves
 * forward through these steps, and the outcome says what the housing authority decided.
 */
export const REFERRAL_STATUSES = ['received', 'acknowledged', 'contacted', 'assessed', 'closed'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

export const REFERRAL_OUTCOMES = [
  'pending',
  'prevention_duty_accepted',
  'relief_duty_accepted',
  'main_duty_accepted',
  'not_homeless_or_threatened',
  'no_contact',
  'withdrawn',
  'rejected_no_local_connection',
  'rejected_intentionally_homeless',
  'rejected_other',
] as const
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number]

/** Why the referral was made (s213B): already homeless, threatened within 56 days, or at risk later on. */
export const REFERRAL_REASONS = ['homeless', 'threatened_within_56_days', 'at_risk_later'] as const
export type ReferralReason = (typeof REFERRAL_REASONS)[number]

export const PREFERRED_CONTACT = ['phone', 'email', 'post', 'via_referrer'] as const
export type PreferredContact = (typeof PREFERRED_CONTACT)[number]

/** What the authority decided after contact: the person's case went on to a duty, or no duty was owed. */
export const ASSESSED_OUTCOMES = [
  'prevention_duty_accepted',
  'relief_duty_accepted',
  'main_duty_accepted',
  'not_homeless_or_threatened',
] as const satisfies readonly ReferralOutcome[]

/** Why a referral is closed without an assessment. */
export const CLOSING_OUTCOMES = [
  'no_contact',
  'withdrawn',
  'rejected_no_local_connection',
  'rejected_intentionally_homeless',
  'rejected_other',
] as const satisfies readonly ReferralOutcome[]

export type ReferralAction =
  | { kind: 'acknowledge' }
  | { kind: 'record_contact' }
  | { kind: 'convert' }
  | { kind: 'record_outcome'; outcome: ReferralOutcome; details: string | null }
  | { kind: 'close'; outcome: ReferralOutcome; details: string | null }

export interface ReferralState {
  status: ReferralStatus
  outcome: ReferralOutcome
  converted: boolean
}

/**
 * What the person's case (the approach the referral was opened as, or linked to) has decided that a
 * referral's closing reason may rest on. Since the Homelessness Reduction Act 2017 the prevention and
 * relief duties are owed whether or not the person became homeless intentionally and wherever they have
 * a local connection (s195, s189B): a referral can be turned away for either only once a case has
 * decided it, never before anyone has assessed the person.
 */
export interface CaseDecisions {
  /** The case decided the person became homeless intentionally (s191). */
  intentionallyHomeless: boolean
  /** The case was referred to another authority under the local connection conditions (s198). */
  localConnectionReferral: boolean
}

const NOTHING_DECIDED: CaseDecisions = { intentionallyHomeless: false, localConnectionReferral: false }

/** The case's decisions that decide each finding, by the event that records them and its ground. */
const FINDINGS: readonly { finding: keyof CaseDecisions; kind: string; ground: string }[] = [
  { finding: 'intentionallyHomeless', kind: 'end_prevention_duty', ground: 'intentionally_homeless_from_suitable_accommodation' },
  { finding: 'intentionallyHomeless', kind: 'end_relief_duty', ground: 'intentionally_homeless_from_suitable_accommodation' },
  { finding: 'intentionallyHomeless', kind: 'end_main_duty', ground: 'intentionally_homeless_from_temporary_accommodation' },
  { finding: 'localConnectionReferral', kind: 'end_relief_duty', ground: 'local_connection_referral_accepted' },
]

/** The findings a case's decisions (its timeline's events) have made. */
export function decisionsOfCase(events: readonly { kind: string; details: Record<string, unknown> }[]): CaseDecisions {
  const made = (finding: keyof CaseDecisions) =>
    events.some((e) => FINDINGS.some((f) => f.finding === finding && f.kind === e.kind && f.ground === e.details['ground']))
  return { intentionallyHomeless: made('intentionallyHomeless'), localConnectionReferral: made('localConnectionReferral') }
}

/** The closing reasons that rest on a decision of the case, with the refusal when it has not been made. */
const CLOSING_NEEDS: Partial<Record<ReferralOutcome, { finding: keyof CaseDecisions; refusal: string }>> = {
  rejected_intentionally_homeless: {
    finding: 'intentionallyHomeless',
    refusal:
      'Close as intentionally homeless only once the person’s case has decided they became homeless intentionally: the prevention and relief duties are owed either way (sections 195 and 189B). Open an approach, or choose another reason',
  },
  rejected_no_local_connection: {
    finding: 'localConnectionReferral',
    refusal:
      'Close for no local connection only once the person’s case has been referred to another authority under the local connection conditions (section 198): the prevention and relief duties are owed wherever they have a connection. Open an approach, or choose another reason',
  },
}

/**
 * What the authority may do with a referral next. Steps move forward only; a referral already
 * contacted is not acknowledged again, and a closed one is finished.
 */
export function nextReferralState(
  current: ReferralState,
  action: ReferralAction,
  decided: CaseDecisions = NOTHING_DECIDED,
): { state: ReferralState; firstContact: boolean } | { refused: string; field: string } {
  const { status } = current
  if (status === 'closed') return { refused: 'This referral is closed', field: 'action' }
  const step = REFERRAL_STATUSES.indexOf(status)
  switch (action.kind) {
    case 'acknowledge':
      if (status !== 'received') return { refused: 'This referral has been acknowledged already', field: 'action' }
      return { state: { ...current, status: 'acknowledged' }, firstContact: false }
    case 'record_contact':
      if (step >= REFERRAL_STATUSES.indexOf('contacted')) return { refused: 'Contact has been recorded already', field: 'action' }
      return { state: { ...current, status: 'contacted' }, firstContact: true }
    case 'convert':
      if (current.converted) return { refused: 'This referral has been opened as an approach already', field: 'action' }
      return {
        state: { ...current, status: step < REFERRAL_STATUSES.indexOf('contacted') ? 'contacted' : status, converted: true },
        firstContact: step < REFERRAL_STATUSES.indexOf('contacted'),
      }
    case 'record_outcome':
      if (!(ASSESSED_OUTCOMES as readonly string[]).includes(action.outcome))
        return { refused: 'Choose what the assessment found', field: 'outcome' }
      if (step < REFERRAL_STATUSES.indexOf('contacted'))
        return { refused: 'Record contact with the person, or open an approach, before the outcome of an assessment', field: 'outcome' }
      return { state: { ...current, status: 'assessed', outcome: action.outcome }, firstContact: false }
    case 'close': {
      const assessed = status === 'assessed'
      if (assessed) return { state: { ...current, status: 'closed' }, firstContact: false }
      if (!(CLOSING_OUTCOMES as readonly string[]).includes(action.outcome))
        return { refused: 'Choose why the referral is being closed', field: 'outcome' }
      if (action.outcome === 'rejected_other' && !action.details?.trim())
        return { refused: 'Say why the referral is rejected: the referrer will see this', field: 'details' }
      const needs = CLOSING_NEEDS[action.outcome]
      if (needs && !decided[needs.finding]) return { refused: needs.refusal, field: 'outcome' }
      return { state: { ...current, status: 'closed', outcome: action.outcome }, firstContact: false }
    }
  }
}

/** The settings Oxfordshire and the issue tracked referrals by. */
export const REFERRAL_SETTINGS = {
  health: 'Health',
  criminal_justice: 'Criminal justice',
  adult_social_care: 'Adult social care',
  childrens_social_care: 'Children’s social care',
  social_care_side_not_recorded: 'Social services (adult or children’s not recorded)',
  other: 'Other public bodies and partners',
  self_referral: 'Self-referral',
} as const
export type ReferralSetting = keyof typeof REFERRAL_SETTINGS

/** The setting a referring body works in; a referral with no referring body is a self-referral. */
export function settingOf(organisationType: string | null): ReferralSetting {
  switch (organisationType) {
    case null:
      return 'self_referral'
    case 'emergency_department':
    case 'urgent_treatment_centre':
    case 'hospital':
      return 'health'
    case 'prison':
    case 'youth_offender_institution':
    case 'secure_training_centre':
    case 'secure_college':
    case 'youth_offending_team':
    case 'probation':
      return 'criminal_justice'
    case 'adult_social_care':
      return 'adult_social_care'
    case 'childrens_social_care':
      return 'childrens_social_care'
    case 'social_services':
      return 'social_care_side_not_recorded'
    default:
      return 'other'
  }
}

/** The threat as the referrer saw it: "upstream" referrals are those more than 56 days out. */
export const PERCEIVED_THREAT: Record<ReferralReason, string> = {
  at_risk_later: 'More than 56 days away (upstream)',
  threatened_within_56_days: 'Within 56 days',
  homeless: 'Already homeless',
}

/** Referral outcomes that mean a duty was accepted: the conversion the figures count. */
export function isDutyOutcome(outcome: string): boolean {
  return outcome === 'prevention_duty_accepted' || outcome === 'relief_duty_accepted' || outcome === 'main_duty_accepted'
}

/** The outcome a referral's case suggests: the duty its stage shows, once a duty has been decided. */
export function outcomeSuggestedByStage(stage: string): ReferralOutcome | undefined {
  switch (stage) {
    case 'prevention':
      return 'prevention_duty_accepted'
    case 'relief':
      return 'relief_duty_accepted'
    case 'main_duty':
      return 'main_duty_accepted'
    default:
      return undefined
  }
}
