import type { LocalDate } from '@js-joda/core'
import { REVIEW_PERIODS, reviewRequestDeadline, type ReviewPeriod } from './statutory-dates.ts'

/**
 * Decision letters and notices (Housing Act 1996 Part 7, as amended by the Homelessness Reduction Act
 * 2017): which letter each decision calls for, and the statutory facts each letter must state.
 *
 * Every decision is notified in writing (s184(3), s189A(3), s195(5), s189B(5)-(6), s193B(3)); an adverse
 * one gives its reasons, and every reviewable one states the right to request a review and the time
 * limit: 21 days beginning with the day the applicant is notified, or longer if the council allows it
 * in writing (s202(3)). The paragraphs of s202(1) follow the Code of Guidance chapter 19 and reg 9 of
 * the Homelessness (Review Procedure etc.) Regulations 2018.
 */

export const LETTER_KINDS = [
  'assessment_notification',
  'prevention_duty_owed',
  'relief_duty_owed',
  'no_duty_owed',
  'prevention_duty_ended',
  'relief_duty_ended',
  'main_duty_owed',
  'main_duty_not_owed',
  'main_duty_ended',
  'non_cooperation_warning',
  'non_cooperation_notice',
  'review_minded_to',
  'review_decision',
] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value)
}

/** What the applicant may ask to be reviewed, under which paragraph of s202(1), and how long the review may take. */
export interface ReviewRight {
  /** The paragraph of s202(1), for example "section 202(1)(bc)(ii)". */
  provision: string
  /** What can be reviewed, in the applicant's words: "our decision to end the prevention duty". */
  what: string
  /** How long the council has to decide the review, from the request (reg 9(1)). */
  reviewPeriod: ReviewPeriod
}

interface LetterKindDefinition {
  /** The letter's heading. */
  title: string
  /** The law it is given under, as the letter cites it. */
  givenUnder: string
  /**
   * The template's wording version. Raise it whenever a template's wording changes, so each stored
   * letter says which wording it was issued with.
   */
  templateVersion: number
}

export const LETTER_DEFINITIONS: Readonly<Record<LetterKind, LetterKindDefinition>> = {
  assessment_notification: {
    title: 'Your assessment: what we found and what happens next',
    givenUnder: 'section 189A(3) of the Housing Act 1996',
    templateVersion: 1,
  },
  prevention_duty_owed: {
    title: 'We will help you keep your home or find another: your assessment and the prevention duty',
    givenUnder: 'sections 184, 189A and 195 of the Housing Act 1996',
    templateVersion: 1,
  },
  relief_duty_owed: {
    title: 'We will help you find somewhere to live: your assessment and the relief duty',
    givenUnder: 'sections 184, 189A and 189B of the Housing Act 1996',
    templateVersion: 1,
  },
  no_duty_owed: {
    title: 'Our decision on your homelessness application',
    givenUnder: 'section 184 of the Housing Act 1996',
    templateVersion: 1,
  },
  prevention_duty_ended: {
    title: 'Notice that the prevention duty has ended',
    givenUnder: 'section 195(5) of the Housing Act 1996',
    templateVersion: 1,
  },
  relief_duty_ended: {
    title: 'Notice that the relief duty has ended',
    givenUnder: 'section 189B(5) of the Housing Act 1996',
    templateVersion: 1,
  },
  main_duty_owed: {
    title: 'Our decision: we owe you the main housing duty',
    givenUnder: 'sections 184 and 193 of the Housing Act 1996',
    templateVersion: 1,
  },
  main_duty_not_owed: {
    title: 'Our decision: we do not owe you the main housing duty',
    givenUnder: 'sections 184 and 193 of the Housing Act 1996',
    templateVersion: 1,
  },
  main_duty_ended: {
    title: 'Notice that the main housing duty has ended',
    givenUnder: 'section 193 of the Housing Act 1996',
    templateVersion: 1,
  },
  non_cooperation_warning: {
    title: 'Warning: you have not taken a step in your personalised housing plan',
    givenUnder: 'section 193B(4) of the Housing Act 1996',
    templateVersion: 1,
  },
  non_cooperation_notice: {
    title: 'Notice that you have deliberately and unreasonably refused to co-operate',
    givenUnder: 'section 193B(2) of the Housing Act 1996',
    templateVersion: 1,
  },
  review_minded_to: {
    title: 'Your review: what we are minded to decide, and your chance to comment',
    givenUnder: 'section 203 of the Housing Act 1996 and regulation 7(2) of the Homelessness (Review Procedure etc.) Regulations 2018',
    templateVersion: 1,
  },
  review_decision: {
    title: 'The decision on your review',
    givenUnder: 'sections 202 and 203 of the Housing Act 1996',
    templateVersion: 1,
  },
}

/** The facts of a recorded case event that decide which letter it calls for. */
export interface EventFacts {
  kind: string
  details: Record<string, unknown>
}

/**
 * The letter a case event calls for, if any. Deciding a non-cooperation notice is not yet a notice:
 * it is given only once a second officer has authorised it (reg 3 of the 2018 Regulations).
 */
export function letterKindForEvent(event: EventFacts): LetterKind | undefined {
  switch (event.kind) {
    case 'accept_prevention_duty':
      return 'prevention_duty_owed'
    case 'accept_relief_duty':
    case 'became_homeless':
      return 'relief_duty_owed'
    case 'no_duty_owed':
      return 'no_duty_owed'
    case 'end_prevention_duty':
      return 'prevention_duty_ended'
    case 'end_relief_duty':
      return 'relief_duty_ended'
    case 'main_duty_decision':
      return event.details['owed'] === true ? 'main_duty_owed' : 'main_duty_not_owed'
    case 'end_main_duty':
      return 'main_duty_ended'
    case 'non_cooperation_warning_given':
      return 'non_cooperation_warning'
    case 'non_cooperation_notice_authorised':
      return 'non_cooperation_notice'
    case 'review_minded_to_notified':
      return 'review_minded_to'
    case 'review_decided':
      // A withdrawn request is not decided: there is nothing to notify.
      return event.details['outcome'] === 'withdrawn' ? undefined : 'review_decision'
    default:
      return undefined
  }
}

/**
 * The right to request a review that a letter must state, if the decision it notifies is reviewable.
 * A decision on a review cannot itself be reviewed (s202(2)): its letter states the right of appeal
 * to the county court instead (s204).
 */
export function reviewRightFor(kind: LetterKind, details: Record<string, unknown> = {}): ReviewRight | undefined {
  switch (kind) {
    case 'prevention_duty_owed':
      return {
        provision: 'section 202(1)(bc)(i)',
        what: 'the steps we will take to help you, set out in your plan',
        reviewPeriod: 'prevention_stage',
      }
    case 'relief_duty_owed':
      // Becoming homeless ends the prevention duty (s195(8)): the same letter gives that notice (s195(5)).
      if (details['fromPrevention'] === true)
        return {
          provision: 'section 202(1)(bc)(ii) and (ba)(i)',
          what: 'our decision to end the prevention duty, and the steps we will take to help you, set out in your plan',
          reviewPeriod: 'prevention_stage',
        }
      return {
        provision: 'section 202(1)(ba)(i)',
        what: 'the steps we will take to help you, set out in your plan',
        reviewPeriod: 'prevention_stage',
      }
    case 'no_duty_owed':
      if (details['reason'] === 'not_eligible')
        return { provision: 'section 202(1)(a)', what: 'our decision that you are not eligible for help', reviewPeriod: 'standard' }
      if (details['reason'] === 'not_homeless_or_threatened')
        return { provision: 'section 202(1)(b)', what: 'our decision that we do not owe you a duty', reviewPeriod: 'standard' }
      // A withdrawn or lapsed application is not a decision about a duty: the applicant may apply again.
      return undefined
    case 'prevention_duty_ended':
      return { provision: 'section 202(1)(bc)(ii)', what: 'our decision to end the prevention duty', reviewPeriod: 'prevention_stage' }
    case 'relief_duty_ended':
      return { provision: 'section 202(1)(ba)(ii)', what: 'our decision to end the relief duty', reviewPeriod: 'standard' }
    case 'main_duty_not_owed':
      return { provision: 'section 202(1)(b)', what: 'our decision that we do not owe you the main housing duty', reviewPeriod: 'standard' }
    case 'main_duty_ended':
      return { provision: 'section 202(1)(b)', what: 'our decision that the main housing duty has ended', reviewPeriod: 'standard' }
    case 'non_cooperation_notice':
      // Reg 9(1): three weeks where the notice ends the prevention duty, eight where it ends the relief duty.
      return {
        provision: 'section 202(1)(bb)',
        what: 'our decision to give you this notice',
        reviewPeriod: details['duty'] === 'prevention' ? 'prevention_stage' : 'standard',
      }
    // The assessment is notified in writing (s189A(3)); the steps in the plan that follow it are what may be reviewed.
    case 'assessment_notification':
    case 'main_duty_owed':
    case 'non_cooperation_warning':
    // A notice during a review is not a decision: the review's own decision is notified later.
    case 'review_minded_to':
    case 'review_decision':
      return undefined
  }
}

/** The weeks the council has to decide a review of this kind (reg 9(1)). */
export function reviewWeeks(right: ReviewRight): number {
  return REVIEW_PERIODS[right.reviewPeriod]
}

/**
 * The last day to ask for a review, as the letter states it: 21 days beginning with the day of the
 * letter (s202(3)). Counting from the letter's own date gives a day the applicant can rely on; one
 * notified later still has 21 days from that later day, and the letter says so.
 */
export function reviewRequestBy(letterDate: LocalDate): LocalDate {
  return reviewRequestDeadline(letterDate)
}

/** An appeal on a point of law to the county court: within 21 days of being notified of the review decision (s204(2)). */
export function appealBy(letterDate: LocalDate): LocalDate {
  return reviewRequestDeadline(letterDate)
}

/** What the review decided (s203(4): reasons are needed where the original decision is confirmed against the applicant's interests). */
export const REVIEW_OUTCOMES = ['upheld', 'overturned', 'varied'] as const
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]

/** Everything the letter's wording depends on besides its kind. */
export interface LetterWording {
  title: string
  givenUnder: string
  templateVersion: number
  reviewRight: ReviewRight | undefined
  reviewWeeks: number | undefined
  reviewRequestBy: LocalDate | undefined
  /** An adverse review decision may be appealed to the county court on a point of law (s204). */
  appealBy: LocalDate | undefined
}

export function wordingFor(kind: LetterKind, details: Record<string, unknown>, letterDate: LocalDate): LetterWording {
  const definition = LETTER_DEFINITIONS[kind]
  const right = reviewRightFor(kind, details)
  const appealable = kind === 'review_decision' && details['outcome'] !== 'overturned'
  return {
    ...definition,
    reviewRight: right,
    reviewWeeks: right ? reviewWeeks(right) : undefined,
    reviewRequestBy: right ? reviewRequestBy(letterDate) : undefined,
    appealBy: appealable ? appealBy(letterDate) : undefined,
  }
}

/**
 * Why a duty ended, or why no duty is owed, in the applicant's words with the provision it rests on.
 * The letter states the ground (s195(5), s189B(6)); an adverse decision gives its reasons (s184(3)).
 */
export const GROUND_WORDING: Readonly<Record<string, string>> = {
  // Prevention (s195(8)) and relief (s189B(7)) duties.
  suitable_accommodation_secured:
    'You have suitable accommodation available to you, with a reasonable prospect that it will stay available for at least 6 months.',
  fifty_six_days_elapsed:
    'The period of 56 days beginning with the day the duty started has ended, and we have done what the duty required of us.',
  refused_suitable_accommodation:
    'You refused an offer of suitable accommodation that had a reasonable prospect of being available for at least 6 months.',
  intentionally_homeless_from_suitable_accommodation:
    'You became homeless intentionally from suitable accommodation that was available to you.',
  no_longer_eligible: 'You are no longer eligible for help under Part 7 of the Housing Act 1996.',
  application_withdrawn: 'You have withdrawn your application.',
  contact_lost: 'We have not been able to contact you, so we have treated your application as withdrawn.',
  non_cooperation:
    'We gave you a notice under section 193B(2) because you deliberately and unreasonably refused to take a step in your personalised housing plan.',
  refused_final_accommodation_offer:
    'You refused a final accommodation offer or a final Part 6 offer (section 193A) after we told you in writing what would happen if you refused.',
  local_connection_referral_accepted:
    'Your case has been referred to another council under section 198 and that council has accepted it. It now owes you the relief duty.',
  // No duty owed after inquiries (s184).
  not_homeless_or_threatened:
    'We are not satisfied that you are homeless, or that you are likely to become homeless within 56 days (section 175 of the Housing Act 1996).',
  not_eligible:
    'You are not eligible for help (sections 185 and 186 of the Housing Act 1996). Eligibility depends on your immigration status and where you normally live.',
  // The main housing duty (s193(5)-(7AA)).
  accepted_part_6_offer: 'You accepted an offer of a council or housing association home (a Part 6 offer).',
  refused_final_part_6_offer:
    'You refused a final offer of a suitable council or housing association home after we told you what would happen if you refused.',
  accepted_private_rented_sector_offer: 'You accepted a private rented sector offer.',
  refused_private_rented_sector_offer:
    'You refused a suitable private rented sector offer after we told you what would happen if you refused.',
  refused_suitable_temporary_accommodation:
    'You refused suitable temporary accommodation after we told you what would happen if you refused.',
  intentionally_homeless_from_temporary_accommodation: 'You became homeless intentionally from the temporary accommodation we gave you.',
  voluntarily_ceased_to_occupy: 'You stopped living in the temporary accommodation we gave you as your only or main home.',
}

export function groundWording(code: unknown): string | undefined {
  return typeof code === 'string' ? GROUND_WORDING[code] : undefined
}

/** The facts a letter is written from: codes and dates, and the officer's own words where the letter needs them. */
export interface LetterFacts {
  /** The day of the decision, warning or notice (ISO date). */
  decidedOn: string
  /** A ground for ending a duty, or why no duty is owed: a code the domain words for the applicant. */
  ground?: string | undefined
  reason?: string | undefined
  /** The officer's reasons, in their words, added to the letter. */
  reasons?: string | undefined
  /** The duty a non-cooperation warning or notice is about. */
  duty?: string | undefined
  stepRefused?: string | undefined
  reasonablePeriodDays?: number | undefined
  warnedOn?: string | undefined
  noticeDecidedOn?: string | undefined
  noticeReasons?: string | undefined
  accommodationOutcome?: string | null | undefined
  /** The household became homeless while the prevention duty was owed: the letter also ends that duty. */
  fromPrevention?: boolean | undefined
  /** A review decision: the day it was asked for, the decision reviewed (in words) and what the review decided. */
  requestedOn?: string | undefined
  reviewedDecision?: string | undefined
  outcome?: string | undefined
  /** An assessment (s189A): what it found, in words for the applicant. */
  circumstances?: string | undefined
  housingNeeds?: string[] | undefined
  supportNeeds?: string[] | undefined
}
