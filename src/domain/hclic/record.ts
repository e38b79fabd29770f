/**
 * One case as the statutory return sees it (H-CLIC, research/hclic.md §1.2–1.3): everything the nine
 * sections ask, drawn from the casework record by features/hclic/queries.ts. Codes are the platform's
 * own (domain/code-lists.ts and friends); the code lists (hclic/code-lists.ts) turn them into the
 * official codes a council configures. `null` means the case does not hold the answer.
 */
export interface HclicPerson {
  personId: string
  isApplicant: boolean
  /** domain/assessment.ts RELATIONSHIPS; null for the applicant. */
  relationship: string | null
  /** female, male or other (2.3). */
  sex: string | null
  dateOfBirth: string | null
  /** 2.4 and 2.8, whole years. */
  ageAtApplication: number | null
  ageAtQuarterEnd: number | null
  /** 1.7, 1.8, 1.9, 1.24: the applicant's are asked; recorded for everyone who gave them. */
  ethnicGroup: string | null
  nationality: string | null
  sexualOrientation: string | null
  genderSameAsAtBirth: string | null
  /** 3.2: this member's support needs; null when not yet assessed. */
  supportNeeds: string[] | null
}

/** Personal identifiers (the PI file, A1.x): sent apart from the case file, to ONS's trusted third party. */
export interface HclicPersonalDetails {
  personId: string
  givenName: string
  familyName: string
  dateOfBirth: string | null
  postcode: string | null
}

export interface HclicDutyPeriod {
  /** 4.2 / 5.2 */
  startedOn: string
  /** 4.5 / 5.5 */
  endedOn: string | null
  /** 4.6 / 5.6: domain/legal-status.ts PREVENTION_ENDING_GROUNDS / RELIEF_ENDING_GROUNDS, or moved_to_relief. */
  endingGround: string | null
  /** 4.8 / 5.8: ACCOMMODATION_SECURED, when the duty ended with accommodation. */
  accommodationSecured: string | null
  /** 4.3 / 5.3: ACTIVITY_TYPES done during the duty, most recent last. */
  activities: string[]
}

export interface HclicMainDuty {
  /** 7.1 */
  decidedOn: string
  /** 7.3: owed, or not owed, and why (mapping.ts mainDutyDecisionCode). */
  owed: boolean
  /** 7.5: a category of domain/priority-need.ts, or not_in_priority_need; null when the decision did not record it. */
  priorityNeed: string | null
  /** s191, as the decision found it: not_intentionally_homeless or intentionally_homeless; null when not recorded. */
  intentionality: string | null
  /** 8.2 / 8.3: MAIN_DUTY_ENDING_GROUNDS */
  endedOn: string | null
  endingGround: string | null
}

export interface HclicPlacement {
  /** 9.7: s188 or s193 */
  duty: string
  /** 9.5: ACCOMMODATION_TYPES */
  accommodationType: string
  /** 9.6 */
  bedrooms: number | null
  inAnotherDistrict: boolean
  /** 9.3 / 9.4 */
  placedOn: string
  endedOn: string | null
}

export interface HclicReview {
  /** 10.4: REVIEWABLE_DECISIONS */
  decision: string
  /** 10.2 / 10.3 */
  receivedOn: string
  decidedOn: string | null
  /** 10.6: REVIEW_OUTCOMES */
  outcome: string | null
  /** When the reviewed decision was notified, and any longer period allowed in writing (s202(3)): validation checks 10.2 against them. */
  notifiedOn?: string | null
  extendedInWritingTo?: string | null
}

export interface HclicCase {
  caseId: string
  /** 1.1: the case reference; never changes once sent. */
  reference: string
  authorityCode: string
  stage: string
  /** 1.22 */
  appliedOn: string
  /** 1.5 */
  assessedOn: string | null
  /** 1.3: ELIGIBILITY */
  eligibility: string | null
  /** 1.6: prevention, relief or no_duty, once decided. */
  initialDuty: 'prevention' | 'relief' | 'no_duty' | null
  /** Why no duty was owed: NO_DUTY_REASONS. */
  noDutyReason: string | null
  /** The threat is a valid section 21 notice (A1 "of which"). */
  section21: boolean
  /** 1.10 / 1.23: EMPLOYMENT_STATUSES */
  applicantEmployment: string | null
  partnerEmployment: string | null
  /** 1.11 / 1.12: BENEFIT_CLAIMS */
  housingCostBenefits: string | null
  livingCostBenefits: string | null
  /** 1.13 / 1.14: ACCOMMODATION_AT_APPLICATION */
  accommodationAtApplication: string | null
  lastSettledAccommodation: string | null
  /** 1.15: REASONS_FOR_LOSS_OF_HOME */
  reasonForLoss: string | null
  /** 1.19 / 1.20: referred, and by which kind of body (organisation type), from the referral it was opened from. */
  referred: boolean
  referringBodyType: string | null
  people: HclicPerson[]
  prevention: HclicDutyPeriod | null
  relief: HclicDutyPeriod | null
  mainDuty: HclicMainDuty | null
  placements: HclicPlacement[]
  reviews: HclicReview[]
  closedOn: string | null
}

/** The applicant: every case has exactly one. */
export function applicantOf(record: HclicCase): HclicPerson | undefined {
  return record.people.find((p) => p.isApplicant)
}

/** Children (1.4): members under 18 at application. */
export function childrenOf(record: HclicCase): number {
  return record.people.filter((p) => !p.isApplicant && p.ageAtApplication !== null && p.ageAtApplication < 18).length
}

/** The household's support needs (A3): every member's, each need once. Null until assessed. */
export function householdSupportNeeds(record: HclicCase): string[] | null {
  if (record.people.every((p) => p.supportNeeds === null)) return null
  return [...new Set(record.people.flatMap((p) => p.supportNeeds ?? []))].sort()
}
