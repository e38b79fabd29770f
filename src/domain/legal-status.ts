import type { LocalDate } from '@js-joda/core'
import { earliestEndOfPreventionFor56Days, mainDutyDecisionDue, reliefPeriodEnds, type ReviewPeriod } from './statutory-dates.ts'

/**
 * The legal status of a case as an explicit state machine (architecture.md, habit 3):
 *
 *   approach ──▶ prevention (s195) ──▶ relief (s189B) ──▶ main duty (s193) ──▶ closed
 *       │              │                    │                                    ▲
 *       └──────────────┴────────────────────┴────────────────────────────────────┘
 *
 * Each move is a decision with a date and, where the Act requires one, a lawful ground. `decide`
 * returns the next stage or the reason the move is unlawful; nothing else may change a case's stage.
 */

export const STAGES = ['approach', 'prevention', 'relief', 'main_duty', 'closed'] as const
export type Stage = (typeof STAGES)[number]

/** Grounds on which both the prevention and the relief duty may be ended (Code of Guidance 14.2). */
const COMMON_ENDING_GROUNDS = [
  'suitable_accommodation_secured',
  'fifty_six_days_elapsed',
  'refused_suitable_accommodation',
  'intentionally_homeless_from_suitable_accommodation',
  'no_longer_eligible',
  'application_withdrawn',
  'contact_lost',
  'non_cooperation',
] as const

/** Why the prevention duty ended (s195(8), H-CLIC P1). Becoming homeless moves the case to relief instead. */
export const PREVENTION_ENDING_GROUNDS = COMMON_ENDING_GROUNDS
export type PreventionEndingGround = (typeof PREVENTION_ENDING_GROUNDS)[number]

/** Why the relief duty ended (s189B, H-CLIC R1). */
export const RELIEF_ENDING_GROUNDS = [
  ...COMMON_ENDING_GROUNDS,
  'refused_final_accommodation_offer',
  'local_connection_referral_accepted',
] as const
export type ReliefEndingGround = (typeof RELIEF_ENDING_GROUNDS)[number]

/** Why no duty is owed after the s184 inquiries. */
export const NO_DUTY_REASONS = ['not_homeless_or_threatened', 'not_eligible', 'application_withdrawn', 'contact_lost'] as const
export type NoDutyReason = (typeof NO_DUTY_REASONS)[number]

/** Why the main duty ended (s193(5)-(7AA), H-CLIC MD2). */
export const MAIN_DUTY_ENDING_GROUNDS = [
  'accepted_part_6_offer',
  'refused_final_part_6_offer',
  'accepted_private_rented_sector_offer',
  'refused_private_rented_sector_offer',
  'refused_suitable_temporary_accommodation',
  'no_longer_eligible',
  'intentionally_homeless_from_temporary_accommodation',
  'voluntarily_ceased_to_occupy',
  'application_withdrawn',
] as const
export type MainDutyEndingGround = (typeof MAIN_DUTY_ENDING_GROUNDS)[number]

/** Facts about the case that the law's guards depend on. */
export interface CaseFacts {
  stage: Stage
  /** The day the case was opened: no decision can come before it. */
  approachedOn: LocalDate
  preventionStartedOn?: LocalDate | undefined
  reliefStartedOn?: LocalDate | undefined
  /** The threat is a valid possession notice (s21, or s8 after the Renters' Rights Act) not yet expired. */
  threatIsValidPossessionNotice?: boolean | undefined
  /** A s193B notice has been decided by one officer and authorised by a second. */
  nonCooperationNoticeAuthorised?: boolean | undefined
  /** Reviews (s202) requested and not yet decided: each has a decision due, whatever the case's stage. */
  openReviews?: readonly OpenReviewFact[] | undefined
  /** When the personalised housing plan is next to be reviewed (s189A(9)), if there is a plan. */
  planReviewDue?: LocalDate | undefined
}

export interface OpenReviewFact {
  /** The decision under review, in words. */
  what: string
  receivedOn: LocalDate
  period: ReviewPeriod
  /** The applicant's representations under reg 7, which start a three-week review's period again. */
  representationsReceivedOn?: LocalDate | undefined
  /** The end of a longer period for the decision agreed in writing (reg 9(1)). */
  extendedTo?: LocalDate | undefined
}

export type Decision =
  | { kind: 'accept_prevention_duty'; on: LocalDate }
  | { kind: 'accept_relief_duty'; on: LocalDate }
  | { kind: 'no_duty_owed'; on: LocalDate; reason: NoDutyReason }
  | { kind: 'became_homeless'; on: LocalDate }
  | { kind: 'end_prevention_duty'; on: LocalDate; ground: PreventionEndingGround }
  | { kind: 'end_relief_duty'; on: LocalDate; ground: ReliefEndingGround }
  | { kind: 'main_duty_decision'; on: LocalDate; owed: boolean }
  | { kind: 'end_main_duty'; on: LocalDate; ground: MainDutyEndingGround }

export type DecisionKind = Decision['kind']

/** A refusal says which part of the decision is wrong, so the form can put the message beside it. */
export type Outcome = { lawful: true; stage: Stage } | { lawful: false; reason: string; about: 'decision' | 'date' | 'ground' }

/** Which decisions each stage allows at all; the guards in `decide` then check the facts. */
export const DECISIONS_BY_STAGE: Readonly<Record<Stage, readonly DecisionKind[]>> = {
  approach: ['accept_prevention_duty', 'accept_relief_duty', 'no_duty_owed'],
  prevention: ['became_homeless', 'end_prevention_duty'],
  relief: ['end_relief_duty', 'main_duty_decision'],
  main_duty: ['end_main_duty'],
  closed: [],
}

const DUTY_NAMES: Record<Stage, string> = {
  approach: 'the case is at approach, before any duty',
  prevention: 'the prevention duty is owed',
  relief: 'the relief duty is owed',
  main_duty: 'the main housing duty is owed',
  closed: 'the case is closed',
}

export function decide(facts: CaseFacts, decision: Decision, today: LocalDate): Outcome {
  if (!DECISIONS_BY_STAGE[facts.stage].includes(decision.kind)) {
    return refused(`This decision cannot be made while ${DUTY_NAMES[facts.stage]}`, 'decision')
  }
  if (decision.on.isAfter(today)) return refused('The date of the decision must be today or in the past', 'date')
  if (decision.on.isBefore(facts.approachedOn))
    return refused('The date of the decision must be on or after the day the household approached', 'date')
  const started = facts.stage === 'prevention' ? facts.preventionStartedOn : facts.stage === 'relief' ? facts.reliefStartedOn : undefined
  if (started && decision.on.isBefore(started))
    return refused('The date of the decision must be on or after the day the current duty started', 'date')

  switch (decision.kind) {
    case 'accept_prevention_duty':
      return lawful('prevention')
    case 'accept_relief_duty':
    case 'became_homeless':
      return lawful('relief')
    case 'no_duty_owed':
      return lawful('closed')
    case 'end_prevention_duty':
    case 'end_relief_duty':
      return endDuty(facts, decision)
    case 'main_duty_decision': {
      const reliefStartedOn = facts.reliefStartedOn ?? facts.approachedOn
      if (decision.on.isBefore(mainDutyDecisionDue(reliefStartedOn))) {
        return refused(
          `The main duty decision can be made once the relief duty has run its 56 days, from ${mainDutyDecisionDue(reliefStartedOn).toString()}`,
          'date',
        )
      }
      return lawful(decision.owed ? 'main_duty' : 'closed')
    }
    case 'end_main_duty':
      return lawful('closed')
  }
}

function endDuty(facts: CaseFacts, decision: Extract<Decision, { kind: 'end_prevention_duty' | 'end_relief_duty' }>): Outcome {
  if (decision.ground === 'non_cooperation' && !facts.nonCooperationNoticeAuthorised) {
    return refused('A duty ends for non-cooperation only by a notice decided by one officer and authorised by a second (s193B)', 'ground')
  }
  if (decision.ground === 'fifty_six_days_elapsed') {
    const earliest =
      decision.kind === 'end_prevention_duty'
        ? earliestEndOfPreventionFor56Days(facts.preventionStartedOn ?? facts.approachedOn)
        : reliefPeriodEnds(facts.reliefStartedOn ?? facts.approachedOn).plusDays(1)
    if (decision.on.isBefore(earliest))
      return refused(`56 days have not yet passed since the duty started: this ground is available from ${earliest.toString()}`, 'ground')
    if (decision.kind === 'end_prevention_duty' && facts.threatIsValidPossessionNotice) {
      return refused(
        'The prevention duty cannot end because 56 days have passed while the threat is a valid possession notice (s195(6))',
        'ground',
      )
    }
  }
  return lawful('closed')
}

function lawful(stage: Stage): Outcome {
  return { lawful: true, stage }
}

function refused(reason: string, about: 'decision' | 'date' | 'ground'): Outcome {
  return { lawful: false, reason, about }
}
