import type { LocalDate } from '@js-joda/core'
import type { Stage } from './legal-status.ts'

/**
 * Temporary accommodation secured by the authority. While the relief duty is owed (and from approach,
 * where there is reason to believe the applicant may be homeless, eligible and in priority need) it is
 * interim accommodation under s188; once the main housing duty is owed it is provided under s193. The
 * statutory return records each placement (H-CLIC 9.3 entry, 9.4 exit, 9.5 type, 9.6 bedrooms, 9.7
 * the duty) and counts households in it on the last day of each quarter (TA1).
 */

/** H-CLIC 9.5, the type of temporary accommodation (TA1's rows). */
export const ACCOMMODATION_TYPES = {
  bed_and_breakfast: 'Bed and breakfast hotel (including shared annexes)',
  nightly_paid_self_contained: 'Nightly paid, privately managed accommodation, self-contained',
  hostel: 'Hostel (including reception centres, emergency units and refuges)',
  private_sector_leased: 'Private sector accommodation leased by the authority or a registered provider',
  council_or_housing_association_stock: 'Local authority or housing association stock',
  other: 'Any other type (including private landlord)',
} as const

/** Why a placement ended. */
export const PLACEMENT_ENDINGS = {
  settled_accommodation_secured: 'Settled accommodation secured',
  moved_to_other_temporary_accommodation: 'Moved to other temporary accommodation',
  duty_ended: 'The duty to accommodate ended',
  left_or_abandoned: 'The household left or abandoned it',
  evicted_from_temporary_accommodation: 'Evicted from the temporary accommodation',
} as const

export type AccommodationDuty = 's188' | 's193'

export const DUTY_NAMES: Record<AccommodationDuty, string> = {
  s188: 'Interim accommodation (section 188)',
  s193: 'Temporary accommodation under the main housing duty (section 193)',
}

export type Check<T = undefined> = { allowed: true; value: T } | { allowed: false; reason: string; about: 'date' | 'case' }

/** The duty a placement made today on a case at this stage is provided under, if any. */
export function dutyToAccommodate(stage: Stage): AccommodationDuty | undefined {
  if (stage === 'approach' || stage === 'relief') return 's188'
  if (stage === 'main_duty') return 's193'
  return undefined
}

export function mayPlace(
  stage: Stage,
  current: { placedOn: LocalDate } | undefined,
  placedOn: LocalDate,
  approachedOn: LocalDate,
  today: LocalDate,
): Check<AccommodationDuty> {
  const duty = dutyToAccommodate(stage)
  if (!duty)
    return {
      allowed: false,
      about: 'case',
      reason:
        stage === 'prevention'
          ? 'Interim accommodation is for a household that may be homeless: record that they have become homeless (the relief duty) first'
          : 'Temporary accommodation cannot be recorded on a closed case',
    }
  if (current)
    return { allowed: false, about: 'case', reason: 'The household is already in a placement: end it first, then record the new one' }
  if (placedOn.isAfter(today)) return { allowed: false, about: 'date', reason: 'The date of the placement must be today or in the past' }
  if (placedOn.isBefore(approachedOn))
    return { allowed: false, about: 'date', reason: 'The date of the placement must be on or after the day the household approached' }
  return { allowed: true, value: duty }
}

export function mayEnd(current: { placedOn: LocalDate } | undefined, endedOn: LocalDate, today: LocalDate): Check {
  if (!current) return { allowed: false, about: 'case', reason: 'The household is not in a placement' }
  if (endedOn.isAfter(today)) return { allowed: false, about: 'date', reason: 'The date the placement ended must be today or in the past' }
  if (endedOn.isBefore(current.placedOn))
    return { allowed: false, about: 'date', reason: 'The date the placement ended must be on or after the day it began' }
  return { allowed: true, value: undefined }
}

/** Bed and breakfast for a family for more than six weeks is unlawful (SI 2003/3326): warn when it is near. */
export const BED_AND_BREAKFAST_LIMIT_DAYS = 42
