import type { LocalDate } from '@js-joda/core'
import { threatOn, type HomelessnessAnswers } from './assessment.ts'
import { laterFindings, mainDutyFindingsProblem, priorityNeedProblem, reliefEnding, type Findings } from './priority-need.ts'
import { earliestEndOfPreventionFor56Days, mainDutyDecisionDue, reliefPeriodEnds, type ReviewPeriod } from './statutory-dates.ts'
import { possessionNoticeBarsEndingFor56Days, type PossessionNotice } from './possession-notices.ts'

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
  /** The possession notice the household was given, if any, as the assessment records it (s175(5), s195(6)). */
  possessionNotice?: PossessionNotice | undefined
  /**
   * The s193B notices on the case, each decided by one officer and authorised by a second: the duty it
   * is about and the day it was authorised, from which it can end that duty.
   */
  nonCooperationNotices?: readonly NonCooperationNoticeFact[] | undefined
  /** Reviews (s202) requested and not yet decided: each has a decision due, whatever the case's stage. */
  openReviews?: readonly OpenReviewFact[] | undefined
  /** When the personalised housing plan is next to be reviewed (s189A(9)), if there is a plan. */
  planReviewDue?: LocalDate | undefined
  /** Priority need and intentionality as last decided on the case; how the relief duty ends rests on them. */
  findings?: Findings | undefined
  /** The assessment's record of the threat (s175(4)-(5)), judged on the date of the prevention duty decision. */
  threat?: HomelessnessAnswers | undefined
}

export interface NonCooperationNoticeFact {
  duty: 'prevention' | 'relief'
  authorisedOn: LocalDate
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

/**
 * The relief duty's decisions may record what the authority have decided so far about priority need and
 * intentionality (left null while undecided); the main duty decision must record what it rests on.
 */
export type Decision =
  | { kind: 'accept_prevention_duty'; on: LocalDate }
  | { kind: 'accept_relief_duty'; on: LocalDate; findings?: Findings | undefined }
  | { kind: 'no_duty_owed'; on: LocalDate; reason: NoDutyReason }
  | { kind: 'became_homeless'; on: LocalDate; findings?: Findings | undefined }
  | { kind: 'end_prevention_duty'; on: LocalDate; ground: PreventionEndingGround }
  | { kind: 'end_relief_duty'; on: LocalDate; ground: ReliefEndingGround; findings?: Findings | undefined }
  | { kind: 'main_duty_decision'; on: LocalDate; owed: boolean; findings: Findings }
  | { kind: 'end_main_duty'; on: LocalDate; ground: MainDutyEndingGround }

export type DecisionKind = Decision['kind']

/** The part of a decision a refusal is about, so the form can put the message beside it. */
export type RefusedPart = 'decision' | 'date' | 'ground' | 'priorityNeed' | 'intentionality'

export type Outcome = { lawful: true; stage: Stage } | { lawful: false; reason: string; about: RefusedPart }

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
  const categoryProblem = 'findings' in decision ? priorityNeedProblem(decision.findings?.priorityNeed ?? null, decision.on) : undefined
  if (categoryProblem) return refused(categoryProblem, 'priorityNeed')

  switch (decision.kind) {
    case 'accept_prevention_duty':
      return threatenedOnTheDay(facts, decision.on) ?? lawful('prevention')
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
      // After a s193B notice the main duty does not apply (s193(1A)(b)); the s193C(4) duty does instead.
      if (decision.owed && (facts.nonCooperationNotices ?? []).length > 0)
        return refused(
          'The main housing duty (s193) cannot be owed after a non-cooperation notice (s193(1A)(b)): the duty under s193C(4) applies instead',
          'decision',
        )
      const problem = mainDutyFindingsProblem(decision.owed, decision.findings)
      if (problem) return refused(problem.reason, problem.about)
      return lawful(decision.owed ? 'main_duty' : 'closed')
    }
    case 'end_main_duty':
      return lawful('closed')
  }
}

/**
 * The prevention duty is owed to a household threatened with homelessness within 56 days (s175(4)-(5),
 * s195(1)), judged on the day the authority decide it. Where the assessment has recorded the threat,
 * a decision recorded late is judged on its own date, never on the day it is typed in.
 */
function threatenedOnTheDay(facts: CaseFacts, on: LocalDate): Outcome | undefined {
  switch (facts.threat ? threatOn(facts.threat, on) : undefined) {
    case 'already_homeless':
      return refused(
        `The assessment records that the household expected to lose their home on ${facts.threat?.expectedHomelessOn ?? ''}, before the date of this decision: if they were homeless then, the relief duty is owed`,
        'date',
      )
    case 'beyond_56_days':
      return refused(
        `On ${on.toString()} the household was not threatened with homelessness within 56 days (section 175(4)): the assessment expects them to lose their home on ${facts.threat?.expectedHomelessOn ?? ''}`,
        'date',
      )
    default:
      return undefined
  }
}

/**
 * Where the applicant is in priority need and not intentionally homeless the relief duty ends by itself
 * at the end of its 56 days (s189B(4)): no notice ends it then, and nothing ends it after, as it has
 * ended; the main housing duty decision follows. Otherwise it ends only by notice (s189B(5), (7)).
 */
function reliefEndingByNotice(facts: CaseFacts, decision: Extract<Decision, { kind: 'end_relief_duty' }>): Outcome | undefined {
  if (reliefEnding(laterFindings(facts.findings, decision.findings)) !== 'automatically') return undefined
  const startedOn = facts.reliefStartedOn ?? facts.approachedOn
  const lastDay = reliefPeriodEnds(startedOn)
  if (decision.ground === 'fifty_six_days_elapsed')
    return refused(
      `The applicant is in priority need and not intentionally homeless, so the relief duty ends by itself at the end of its 56 days, on ${lastDay.toString()}, without a notice (section 189B(4)): record the main housing duty decision from ${mainDutyDecisionDue(startedOn).toString()}`,
      'ground',
    )
  if (decision.on.isAfter(lastDay))
    return refused(
      `The relief duty ended by itself on ${lastDay.toString()}, at the end of its 56 days, as the applicant is in priority need and not intentionally homeless (section 189B(4)): record the main housing duty decision`,
      'date',
    )
  return undefined
}

function endDuty(facts: CaseFacts, decision: Extract<Decision, { kind: 'end_prevention_duty' | 'end_relief_duty' }>): Outcome {
  if (decision.kind === 'end_relief_duty') {
    const automatic = reliefEndingByNotice(facts, decision)
    if (automatic) return automatic
  }
  if (decision.ground === 'non_cooperation') {
    const notice = facts.nonCooperationNotices?.find((n) => n.duty === facts.stage)
    if (!notice)
      return refused('A duty ends for non-cooperation only by a notice decided by one officer and authorised by a second (s193B)', 'ground')
    if (decision.on.isBefore(notice.authorisedOn))
      return refused(
        `The duty cannot end for non-cooperation before the notice was authorised, on ${notice.authorisedOn.toString()} (s193B; Homelessness (Review Procedure etc.) Regulations 2018 reg 3)`,
        'date',
      )
  }
  if (decision.ground === 'fifty_six_days_elapsed') {
    const earliest =
      decision.kind === 'end_prevention_duty'
        ? earliestEndOfPreventionFor56Days(facts.preventionStartedOn ?? facts.approachedOn)
        : reliefPeriodEnds(facts.reliefStartedOn ?? facts.approachedOn).plusDays(1)
    if (decision.on.isBefore(earliest))
      return refused(`56 days have not yet passed since the duty started: this ground is available from ${earliest.toString()}`, 'ground')
    const notice =
      decision.kind === 'end_prevention_duty' ? possessionNoticeBarsEndingFor56Days(facts.possessionNotice, decision.on) : undefined
    if (notice) {
      return refused(
        `The prevention duty cannot end because 56 days have passed while the household has ${notice.name} for the only accommodation available to them, expiring within 56 days or expired (s195(6)). If the notice is not valid, or other accommodation is available, record that in the assessment first`,
        'ground',
      )
    }
  }
  return lawful('closed')
}

function lawful(stage: Stage): Outcome {
  return { lawful: true, stage }
}

function refused(reason: string, about: RefusedPart): Outcome {
  return { lawful: false, reason, about }
}
