/**
 * Where a referral has got to, as the referrer sees it (interfaces.md, duty to refer): the status moves
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
