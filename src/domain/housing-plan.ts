import type { LocalDate } from '@js-joda/core'
import { planReviewDue } from './statutory-dates.ts'

/**
 * The personalised housing plan (s189A(4)-(9), Code of Guidance chapter 11): the reasonable steps the
 * applicant and the authority are to take to help the household keep or find accommodation, agreed with
 * the applicant where possible, written down, given to them, and kept under review.
 */

/** Who is to take a step: the applicant (s189A(4)(a)), the authority (s189A(4)(b)), or a partner. */
export const STEP_OWNERS = {
  applicant: 'The applicant',
  council: 'The council',
  partner: 'A partner organisation',
} as const
export type StepOwner = keyof typeof STEP_OWNERS

export const STEP_STATUSES = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  not_needed: 'Not done or no longer needed',
} as const
export type StepStatus = keyof typeof STEP_STATUSES

/** A typical reasonable step, to be chosen and then written for this household. */
export interface LibraryStep {
  code: string
  owner: StepOwner
  text: string
}

/**
 * The library of typical steps (Code of Guidance 11.18-11.26 and common practice). Officers choose from
 * it and then personalise the words: a plan is the household's, not a template.
 */
export const STEP_LIBRARY: readonly LibraryStep[] = [
  {
    code: 'register_letting_agents',
    owner: 'applicant',
    text: 'Register with at least three letting agents in the area and ask to be told about suitable homes',
  },
  {
    code: 'search_private_rented',
    owner: 'applicant',
    text: 'Look for private rented homes online every week and keep a note of the homes you contact',
  },
  { code: 'apply_dhp', owner: 'applicant', text: 'Apply for a Discretionary Housing Payment to help with the rent shortfall' },
  { code: 'attend_budgeting', owner: 'applicant', text: 'Attend a budgeting appointment and bring your bank statements and bills' },
  {
    code: 'ask_landlord_withdraw_notice',
    owner: 'applicant',
    text: 'Ask the landlord to withdraw the section 21 notice and tell us what they say',
  },
  {
    code: 'join_housing_register',
    owner: 'applicant',
    text: 'Complete the housing register application form and send the proof it asks for',
  },
  {
    code: 'claim_housing_costs',
    owner: 'applicant',
    text: 'Claim the housing costs element of Universal Credit (or Housing Benefit) and tell us when it is paid',
  },
  {
    code: 'provide_documents',
    owner: 'applicant',
    text: 'Bring proof of identity, income and your tenancy agreement to your next appointment',
  },
  { code: 'attend_viewings', owner: 'applicant', text: 'Go to the viewings we arrange, or tell us beforehand if you cannot' },
  {
    code: 'keep_in_touch',
    owner: 'applicant',
    text: 'Tell your housing officer straight away if anything changes, such as a court date or a new notice',
  },
  {
    code: 'negotiate_with_landlord',
    owner: 'council',
    text: 'Negotiate with the landlord to keep the tenancy going, including an arrears repayment plan',
  },
  {
    code: 'check_notice_validity',
    owner: 'council',
    text: 'Check whether the possession notice is valid and tell the applicant what we find',
  },
  { code: 'refer_mediation', owner: 'council', text: 'Refer the household to mediation with their family' },
  {
    code: 'prevention_fund_payment',
    owner: 'council',
    text: 'Consider a payment from the homelessness prevention fund towards the deposit and rent in advance',
  },
  { code: 'help_find_private_rented', owner: 'council', text: 'Look for suitable private rented homes and arrange viewings' },
  { code: 'resolve_housing_benefit', owner: 'council', text: 'Contact the benefits team to resolve the Housing Benefit problem' },
  { code: 'refer_supported_housing', owner: 'council', text: 'Refer to supported housing that meets the household’s support needs' },
  { code: 'debt_advice', owner: 'partner', text: 'Give debt advice and help to set up affordable repayments' },
  { code: 'legal_advice_possession', owner: 'partner', text: 'Give legal advice and represent the household at the possession hearing' },
  { code: 'tenancy_sustainment', owner: 'partner', text: 'Provide tenancy sustainment support visits' },
  { code: 'mental_health_support', owner: 'partner', text: 'Arrange an assessment of mental health support needs' },
]

export function libraryStep(code: string): LibraryStep | undefined {
  return STEP_LIBRARY.find((step) => step.code === code)
}

export const STEP_TEXT_LIMIT = 1000
const NAME_LIMIT = 200

/** A step as the officer wrote it, before it is saved. */
export interface StepDraft {
  owner: StepOwner
  /** The named officer for a council step; the organisation for a partner's. Ignored for the applicant. */
  ownerName: string
  text: string
  dueOn: LocalDate
  status: StepStatus
}

export interface StepProblem {
  field: 'text' | 'ownerName' | 'dueOn'
  text: string
}

/**
 * What is wrong with a step, in the form's words. A step must say what is to be done and by whom, and
 * cannot be due before the plan was made: a plan looks forward.
 */
export function stepProblems(step: StepDraft, planMadeOn: LocalDate): StepProblem[] {
  const problems: StepProblem[] = []
  if (!step.text.trim()) problems.push({ field: 'text', text: 'Enter what is to be done' })
  else if (step.text.length > STEP_TEXT_LIMIT)
    problems.push({ field: 'text', text: `The step must be ${String(STEP_TEXT_LIMIT)} characters or fewer` })
  if (step.owner === 'partner' && !step.ownerName.trim())
    problems.push({ field: 'ownerName', text: 'Enter the name of the partner organisation taking this step' })
  if (step.owner === 'council' && !step.ownerName.trim())
    problems.push({ field: 'ownerName', text: 'Enter the name of the officer taking this step' })
  if (step.ownerName.length > NAME_LIMIT)
    problems.push({ field: 'ownerName', text: `The name must be ${String(NAME_LIMIT)} characters or fewer` })
  if (step.dueOn.isBefore(planMadeOn))
    problems.push({ field: 'dueOn', text: 'The step’s due date must be on or after the date of the plan' })
  return problems
}

/** The applicant's steps first (the printed copy is theirs), then the council's, then partners'. */
export function inPlanOrder<T extends { owner: string; due_on: string; position: number }>(steps: readonly T[]): T[] {
  const rank = (owner: string) => Object.keys(STEP_OWNERS).indexOf(owner)
  return [...steps].sort((a, b) => rank(a.owner) - rank(b.owner) || a.due_on.localeCompare(b.due_on) || a.position - b.position)
}

/** Whether the applicant agrees the steps (s189A(5)-(6)). */
export const AGREEMENTS = {
  agreed: 'The applicant agrees the steps',
  disagreed: 'The applicant does not agree the steps',
} as const
export type Agreement = keyof typeof AGREEMENTS

export type Check = { allowed: true } | { allowed: false; reason: string }
const allowed: Check = { allowed: true }
const refuse = (reason: string): Check => ({ allowed: false, reason })

/**
 * The plan is kept under review until the authority consider they owe no further duty under ss189B-195
 * (s189A(9)): through prevention, relief and the main duty, but not before a duty or after closure.
 */
export function planIsKept(stage: string): boolean {
  return stage === 'prevention' || stage === 'relief' || stage === 'main_duty'
}

/** A plan is made while a prevention or relief duty is owed (s189A is the assessment they follow). */
export function mayMakePlan(stage: string, madeOn: LocalDate, approachedOn: LocalDate, today: LocalDate): Check {
  if (stage !== 'prevention' && stage !== 'relief') return refuse('A plan can be made only while the prevention or relief duty is owed')
  if (madeOn.isAfter(today)) return refuse('The date of the plan must be today or in the past')
  if (madeOn.isBefore(approachedOn)) return refuse('The date of the plan must be on or after the day the household approached')
  return allowed
}

/**
 * Recording the applicant's view. Where they do not agree, s189A(6) requires the reasons to be
 * recorded; the steps the authority then set stay in the plan.
 */
export function agreementProblems(agreement: Agreement | undefined, reasons: string): { field: 'agreement' | 'reasons'; text: string }[] {
  if (!agreement) return [{ field: 'agreement', text: 'Select whether the applicant agrees the steps' }]
  if (agreement === 'disagreed' && !reasons.trim())
    return [{ field: 'reasons', text: 'Enter why the applicant does not agree the steps (section 189A(6))' }]
  if (reasons.length > 2000) return [{ field: 'reasons', text: 'The reasons must be 2000 characters or fewer' }]
  return []
}

/**
 * A review of the plan (s189A(9)): on or after the plan's date and the last review, never in the
 * future. The next one falls due from it.
 */
export function reviewPlan(
  plan: { madeOn: LocalDate; lastReviewedOn?: LocalDate | undefined },
  reviewedOn: LocalDate,
  today: LocalDate,
  intervalDays?: number,
): { allowed: true; nextReviewDue: LocalDate } | { allowed: false; reason: string } {
  if (reviewedOn.isAfter(today)) return { allowed: false, reason: 'The date of the review must be today or in the past' }
  if (reviewedOn.isBefore(plan.madeOn)) return { allowed: false, reason: 'The date of the review must be on or after the date of the plan' }
  if (plan.lastReviewedOn && reviewedOn.isBefore(plan.lastReviewedOn))
    return { allowed: false, reason: 'The date of the review must be on or after the last review' }
  return { allowed: true, nextReviewDue: planReviewDue(reviewedOn, intervalDays) }
}

/** The first review of a new plan falls due from the day it was made. */
export function firstReviewDue(madeOn: LocalDate, intervalDays?: number): LocalDate {
  return planReviewDue(madeOn, intervalDays)
}
