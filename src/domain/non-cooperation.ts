import type { LocalDate } from '@js-joda/core'
import type { Agreement, StepOwner, StepStatus } from './housing-plan.ts'
import type { Stage } from './legal-status.ts'
import { earliestNonCooperationNotice } from './statutory-dates.ts'

/**
 * Non-cooperation (s193B and the Homelessness (Review Procedure etc.) Regulations 2018 reg 3): an
 * applicant who deliberately and unreasonably refuses a step in their plan can be given a notice that
 * ends the prevention or relief duty, but only
 *  1. after a relevant warning,
 *  2. once a reasonable period has passed since it,
 *  3. by a decision of one officer, authorised by a second who is at least as senior and was not
 *     involved in the decision.
 */

export type OfficerRole = 'caseworker' | 'team_manager'

/** Officers' seniority, for rules that need a second officer at least as senior (s193B) or senior (s202 reviews). */
export const SENIORITY: Record<OfficerRole, number> = { caseworker: 1, team_manager: 2 }

export interface Warning {
  warnedOn: LocalDate
  reasonablePeriodDays: number
  decidedBy?: { userId: string; role: OfficerRole } | undefined
  decidedOn?: LocalDate | undefined
  authorisedBy?: { userId: string } | undefined
}

export type Check = { allowed: true } | { allowed: false; reason: string }

const allowed: Check = { allowed: true }
const refuse = (reason: string): Check => ({ allowed: false, reason })

export function mayWarn(
  stage: Stage,
  existing: Warning | undefined,
  warnedOn: LocalDate,
  approachedOn: LocalDate,
  today: LocalDate,
): Check {
  if (stage !== 'prevention' && stage !== 'relief')
    return refuse('A non-cooperation warning can be given only while the prevention or relief duty is owed')
  if (existing && !existing.authorisedBy) return refuse('There is already a warning on this case')
  if (warnedOn.isAfter(today)) return refuse('The date of the warning must be today or in the past')
  if (warnedOn.isBefore(approachedOn)) return refuse('The date of the warning must be on or after the day the household approached')
  return allowed
}

/** The personalised housing plan as the warning rule reads it: whether the applicant's view is recorded, and its steps. */
export interface PlanFacts {
  agreement: Agreement | null
  agreementRecordedOn: LocalDate | null
  steps: readonly { id: string; owner: StepOwner; status: StepStatus }[]
}

/**
 * A relevant warning is about a step the applicant has refused to take: one they agreed to take under
 * s189A(4), or one the authority recorded under s189A(6)(b) as reasonably required of them where they
 * did not agree (s193B(2), (5)(a)). So it needs a plan whose agreement or disagreement is recorded, and
 * one of the applicant's own steps in it, not yet done; and it follows the agreement it is about.
 */
export function mayWarnAbout(plan: PlanFacts | undefined, stepId: string, warnedOn: LocalDate): Check & { about?: 'step' | 'date' } {
  if (!plan)
    return refuse('A warning must be about a step in the personalised housing plan: make the plan and record its steps first (s193B(2))')
  const step = plan.steps.find((s) => s.id === stepId)
  if (!step) return refuse('Select the step in the plan that the applicant has refused to take')
  if (step.owner !== 'applicant')
    return refuse('A warning can be about only a step the applicant is to take, not one for the council or a partner (s193B(2))')
  if (step.status === 'done') return refuse('The plan records this step as done: choose a step the applicant has refused to take')
  if (plan.agreement === null || plan.agreementRecordedOn === null)
    return refuse(
      'Record whether the applicant agrees the steps first: a warning can be about only a step they agreed (s189A(4)) or one recorded as reasonably required of them (s189A(6)(b))',
    )
  if (warnedOn.isBefore(plan.agreementRecordedOn))
    return {
      about: 'date',
      ...refuse(
        `The date of the warning must be on or after ${plan.agreementRecordedOn.toString()}, when the applicant’s view of the steps was recorded: a step is refused only after it was agreed or required`,
      ),
    }
  return allowed
}

export function mayDecideNotice(warning: Warning | undefined, decidedOn: LocalDate, today: LocalDate): Check {
  if (!warning) return refuse('A notice can be given only after a relevant warning (s193B(4))')
  if (warning.decidedBy) return refuse('A notice has already been decided')
  if (decidedOn.isAfter(today)) return refuse('The date of the decision must be today or in the past')
  const earliest = earliestNonCooperationNotice(warning.warnedOn, warning.reasonablePeriodDays)
  if (decidedOn.isBefore(earliest)) {
    return refuse(`A reasonable period must pass after the warning (s193B(5)): a notice can be decided from ${earliest.toString()}`)
  }
  return allowed
}

export function mayAuthorise(warning: Warning | undefined, authoriser: { userId: string; role: OfficerRole }): Check {
  if (!warning?.decidedBy) return refuse('There is no notice waiting to be authorised')
  if (warning.authorisedBy) return refuse('The notice has already been authorised')
  if (authoriser.userId === warning.decidedBy.userId) {
    return refuse('The officer who decided the notice cannot also authorise it: a second officer not involved in the decision must')
  }
  if (SENIORITY[authoriser.role] < SENIORITY[warning.decidedBy.role]) {
    return refuse('The notice must be authorised by an officer at least as senior as the one who decided it')
  }
  return allowed
}
