import { ChronoUnit, LocalDate } from '@js-joda/core'
import type { PossessionNoticeType } from './code-lists.ts'

/**
 * The possession notices Part 7 of the Housing Act 1996 names, kept as data because Parliament changes
 * which notice it names:
 *
 * - s175(5): a person is also threatened with homelessness if a valid notice has been given in respect
 *   of the only accommodation available for their occupation and it will expire within 56 days;
 * - s195(6): the authority may not end the prevention duty on the ground that 56 days have passed
 *   (s195(8)(b)) while such a valid notice will expire within 56 days or has expired.
 *
 * From the Homelessness Reduction Act 2017 (3 April 2018) both named a notice under section 21 of the
 * Housing Act 1988. The Renters' Rights Act 2025 (Schedule 1) abolishes assured shorthold tenancies
 * from 1 May 2026 and amends both subsections to name a notice under section 8 of the 1988 Act, whose
 * specified date stands in for the expiry. Section 21 notices given before then, and any a social
 * landlord may still lawfully give, are left in the list with no end date: whether a given notice is
 * valid is the officer's judgement, recorded with it, and a list that let the bar lapse too early would
 * let a duty end unlawfully, while one that keeps it only keeps the officer from that one ground.
 */

export interface StatutoryNotice {
  /** The notice in the Act's words, for the officer's messages. */
  name: string
  /** The first day a decision can rely on the Act naming this notice. */
  namedFrom: LocalDate
}

export const STATUTORY_POSSESSION_NOTICES: Readonly<Partial<Record<PossessionNoticeType, StatutoryNotice>>> = {
  section_21: { name: 'a notice under section 21 of the Housing Act 1988', namedFrom: LocalDate.of(2018, 4, 3) },
  section_8: { name: 'a notice under section 8 of the Housing Act 1988', namedFrom: LocalDate.of(2026, 5, 1) },
}

/** The notice types the Act names on some day: the assessment asks whether such a notice is valid, and for the only home. */
export function isStatutoryNotice(type: PossessionNoticeType | undefined): boolean {
  return type !== undefined && STATUTORY_POSSESSION_NOTICES[type] !== undefined
}

/** Whether the officer is satisfied the notice is valid (a section 21 notice given too early, or without a deposit protected, is not). */
export const NOTICE_VALIDITY = {
  valid: 'Yes, the notice is valid',
  not_valid: 'No, the notice is not valid',
  not_checked: 'Not checked yet',
} as const
export type NoticeValidity = keyof typeof NOTICE_VALIDITY

/** Whether the home the notice is about is the only accommodation available for the household to occupy. */
export const ONLY_ACCOMMODATION = {
  yes: 'Yes, it is the only accommodation available to them',
  no: 'No, other accommodation is available to them',
} as const
export type OnlyAccommodation = keyof typeof ONLY_ACCOMMODATION

/** The notice as the case records it (the homelessness section of the assessment). */
export interface PossessionNotice {
  type: PossessionNoticeType
  expiresOn?: LocalDate | undefined
  validity?: NoticeValidity | undefined
  onlyAccommodation?: OnlyAccommodation | undefined
}

/**
 * Whether s195(6) keeps the authority from ending the prevention duty on `decidedOn` because 56 days
 * have passed: the notice is one the Act names on that day, it will expire within 56 days or has
 * expired, it is for the only accommodation available, and it is valid. Until the officer has recorded
 * that the notice is not valid, or that it is not the only home, or its expiry, the bar is presumed: the
 * authority must be satisfied before it relies on the ground, not after.
 */
export function possessionNoticeBarsEndingFor56Days(
  notice: PossessionNotice | undefined,
  decidedOn: LocalDate,
): StatutoryNotice | undefined {
  if (!notice) return undefined
  const statutory = STATUTORY_POSSESSION_NOTICES[notice.type]
  if (!statutory || decidedOn.isBefore(statutory.namedFrom)) return undefined
  if (notice.validity === 'not_valid' || notice.onlyAccommodation === 'no') return undefined
  if (notice.expiresOn && ChronoUnit.DAYS.between(decidedOn, notice.expiresOn) > 56) return undefined
  return statutory
}
