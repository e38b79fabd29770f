import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import { LocalDate } from '@js-joda/core'
import { approachProblems, caseReferencePrefix } from '../../domain/approach.ts'
import { byNextDeadline, deadlinesOf } from '../../domain/case-deadlines.ts'
import { decide, type CaseFacts, type Decision, type Stage } from '../../domain/legal-status.ts'
import { possessionNoticeOf } from '../../domain/assessment.ts'
import {
  findingsOfRecord,
  INTENTIONALITY,
  isPriorityNeedCategory,
  laterFindings,
  PRIORITY_NEED_LABELS,
  reliefEnding,
  type Findings,
} from '../../domain/priority-need.ts'
import { workOnCase } from '../plans/queries.ts'
import { eventLabel } from '../case/timeline.ts'
import { placementsOfCase } from './accommodation-queries.ts'
import { REVIEWABLE_DECISIONS, type ReviewableDecision } from '../../domain/reviews.ts'
import type { ReviewPeriod } from '../../domain/statutory-dates.ts'
import { openReviewsOfCases } from '../reviews/queries.ts'
import { lettersOfCase } from '../letters/queries.ts'
import { refused, type StepResult, CaseService } from '../case/kernel.ts'
import { approachOf, decisionOf, type NameOfficer, type RecordApproach, type RecordDecision } from './commands.ts'
import { choicesFor, type SecuredAccommodation } from './decisions.ts'
import type { Refusal } from '../../platform/commands.ts'
import {
  assignOfficer,
  authorisedNoticesOfCase,
  homelessnessAnswersOfCase,
  earlierCasesOfApplicant,
  insertApproach,
  nextCaseReference,
  organisationOf,
  changeCase,
  type CaseChanges,
  caseloadsOfTeam,
  casesByStage,
  openCasesOfOfficer,
  openCasesOfOrganisation,
  outcomesOfClosedCases,
} from './queries.ts'
import { addCaseEvent, eventsOfCase, officersOf } from '../case/queries.ts'
import { findOfficer } from '../case/officers.ts'
import { may } from '../../platform/permissions.ts'

export class CaseworkService extends CaseService {
  /** The officer's own open cases, the most urgent statutory deadline first. Reading the list (names) is audited. */
  async caseload(actor: Actor, origin: Origin) {
    if (actor.kind !== 'user' || !may(actor.role, 'case.read')) return []
    const [cases, reviews] = await asActor(this.db, actor, async (trx) => {
      const cases = await openCasesOfOfficer(trx, actor.organisationId, actor.userId)
      await this.listViewed(trx, actor, cases, origin)
      return [
        cases,
        await openReviewsOfCases(
          trx,
          cases.map((c) => c.id),
        ),
      ] as const
    })
    return this.inDeadlineOrder(cases, reviews)
  }

  /**
   * Open cases the actor's organisation holds, for managers and analysts, the most urgent first: all of
   * them, or one officer's. A list people read is audited (`origin`); one only counted is not, as no
   * one sees a record of it (`'counted'`).
   */
  async openCases(actor: Actor, options: { officerId?: string; limit?: number }, origin: Origin | 'counted') {
    if (!may(actor.role, 'case.read') || actor.organisationId === null) return []
    const [cases, reviews] = await asActor(this.db, actor, async (trx) => {
      const cases = await openCasesOfOrganisation(trx, actor.organisationId, options.limit ?? 500, options.officerId)
      if (origin !== 'counted') await this.listViewed(trx, actor, cases, origin)
      return [
        cases,
        await openReviewsOfCases(
          trx,
          cases.map((c) => c.id),
        ),
      ] as const
    })
    return this.inDeadlineOrder(cases, reviews)
  }

  /** A list of cases shows the applicants' names: its read is audited in the read's transaction, naming each case. */
  private async listViewed(trx: Scoped, actor: Actor, cases: readonly { id: string }[], origin: Origin) {
    await recordAudit(
      trx,
      actor,
      { action: 'view', subjectType: 'case_list', subjectOrganisationId: actor.organisationId, details: { cases: cases.map((c) => c.id) } },
      origin,
      this.clock.now(),
    )
  }

  /**
   * The open cases a person's case list shows: the one rule for the pages' case list and the command
   * line's `cases list --as`. A caseworker sees their own caseload; a team manager or analyst their
   * organisation's open cases (a team manager may look at one officer's); a role that may not read
   * cases sees none, and is told so (undefined). Every read runs as the person, under row-level security,
   * and is audited.
   */
  async caseList(actor: Actor, options: { officerId?: string | undefined }, origin: Origin) {
    if (actor.kind !== 'user' || !may(actor.role, 'case.read')) return undefined
    if (actor.role === 'caseworker') return { own: true, cases: await this.caseload(actor, origin) }
    return { own: false, cases: await this.openCases(actor, { officerId: options.officerId }, origin) }
  }

  private inDeadlineOrder<
    T extends {
      id: string
      stage: string
      approached_on: string
      prevention_started_on: string | null
      relief_started_on: string | null
      priority_need: string | null
      intentionality: string | null
    },
  >(cases: T[], reviews: readonly OpenReviewRow[]) {
    const today = this.clock.today()
    const reviewsByCase = Map.groupBy(reviews, (r) => r.case_id)
    return cases
      .map((c) => {
        const facts = factsOf(c, reviewsByCase.get(c.id))
        return { ...c, approachedOn: facts.approachedOn, nextDeadline: deadlinesOf(facts, today)[0] }
      })
      .sort(byNextDeadline)
  }

  /** Each officer of the team: how many open cases they hold, how many have something overdue, and due this week. */
  async teamCaseloads(actor: Actor) {
    if (!may(actor.role, 'case.read') || actor.organisationId === null) return []
    const members = await asActor(this.db, actor, (trx) => caseloadsOfTeam(trx, actor.organisationId))
    const byOfficer = Map.groupBy(await this.openCases(actor, { limit: TEAM_CASE_LIMIT }, 'counted'), (c) => c.officer_id)
    return members.map((member) => {
      const next = (byOfficer.get(member.id) ?? []).map((c) => c.nextDeadline).filter((d) => d !== undefined)
      return {
        ...member,
        overdue: next.filter((d) => d.daysLeft < 0).length,
        dueThisWeek: next.filter((d) => d.daysLeft >= 0 && d.daysLeft <= 7).length,
      }
    })
  }

  async figures(actor: Actor) {
    if (!may(actor.role, 'case.read') || actor.organisationId === null) return { byStage: [], outcomes: [] }
    return asActor(this.db, actor, async (trx) => ({
      byStage: await casesByStage(trx, actor.organisationId),
      outcomes: await outcomesOfClosedCases(trx, actor.organisationId),
    }))
  }

  /**
   * A case with its household. Reading it is audited in the same transaction, so there is no view
   * without its audit entry.
   */
  async viewCase(actor: Actor, reference: string, origin: Origin) {
    return this.cases.viewCase(actor, reference, async (trx, found) => {
      await recordAudit(
        trx,
        actor,
        {
          action: 'view',
          subjectType: 'case',
          subjectId: found.id,
          subjectOrganisationId: found.authority_id,
          details: { reference: found.reference, people: found.people.map((p) => p.id) },
        },
        origin,
        this.clock.now(),
      )
      const today = this.clock.today()
      const applicant = found.people.find((p) => p.is_applicant)
      return {
        ...found,
        deadlines: deadlinesOf(factsOf(found, await openReviewsOfCases(trx, [found.id])), today),
        events: (await eventsOfCase(trx, found.id)).map((event) => ({ ...event, label: eventLabel(event.kind) })),
        placement: (await placementsOfCase(trx, found.id)).find((p) => p.ended_on === null),
        letters: await lettersOfCase(trx, found.id),
        earlierCases: applicant ? await earlierCasesOfApplicant(trx, found.authority_id, found.id, applicant) : [],
        decisions: actor.kind === 'user' && may(actor.role, 'case.change') ? choicesFor(found.stage as Stage) : [],
        work: await workOnCase(trx, found.id),
        mayWork: actor.kind === 'user' && may(actor.role, 'case.change'),
        findings: findingsLabels(found.priority_need, found.intentionality),
      }
    })
  }

  /**
   * Records a decision on a case: the law's state machine decides whether it is lawful, the version
   * guards against another officer's change since the form was opened, and the case, its timeline and
   * the audit trail change together or not at all.
   */
  async recordDecision(actor: Actor, reference: string, command: RecordDecision, origin: Origin): Promise<DecisionResult> {
    return this.cases.recordStep<{ stage: Stage }>(actor, reference, origin, async (trx, _officer, found) => {
      if (!choicesFor(found.stage as Stage).includes(command.decision)) return refused('decision', 'Select the decision')
      if (command.version !== found.version) return 'conflict'
      const { decision, accommodation, intentionalityReasons } = decisionOf(command)
      // The assessment's homelessness answers, read once: the notice served, and the threat it records.
      const homelessness = await homelessnessAnswersOfCase(trx, found.id)
      const facts: CaseFacts = {
        ...factsOf(found),
        possessionNotice: possessionNoticeOf(homelessness),
        nonCooperationNotices: (await authorisedNoticesOfCase(trx, found.id)).flatMap((n) =>
          (n.duty === 'prevention' || n.duty === 'relief') && n.authorised_on
            ? [{ duty: n.duty, authorisedOn: LocalDate.parse(n.authorised_on) }]
            : [],
        ),
        threat: decision.kind === 'accept_prevention_duty' ? homelessness : undefined,
      }
      const judged = decide(facts, decision, this.clock.today())
      if (!judged.lawful) return refused(judged.about, judged.reason)
      const changes = {
        ...changesFor(decision, judged.stage, accommodation),
        ...findingsChanges(facts.findings, decision, intentionalityReasons),
      }
      if (!(await changeCase(trx, found.id, command.version, changes, this.clock.now()))) return 'conflict'
      return {
        event: decision.kind,
        on: decision.on.toString(),
        details: {
          ...decisionDetails(decision),
          accommodationOutcome: accommodation?.outcome ?? null,
          accommodationSecured: accommodation?.secured ?? null,
          stage: judged.stage,
        },
        // The decision's letter or notice (s184, s195(5), s189B(5)) carries the officer's reasons.
        letterReasons: command.letterReasons,
        letterFacts: intentionalityReasons ? { intentionalityReasons } : undefined,
        result: { stage: judged.stage },
      }
    })
  }

  /** The officers a team manager may name on a case: active caseworkers and managers of their own organisation. */
  async officers(actor: Actor) {
    if (actor.kind !== 'user' || actor.role !== 'team_manager') return []
    return asActor(this.db, actor, (trx) => officersOf(trx, actor.organisationId))
  }

  /**
   * A team manager names another officer on a case. The case always has exactly one named officer;
   * the change goes into the timeline (with who it was before) and the audit trail.
   */
  async reassign(actor: Actor, reference: string, command: NameOfficer, origin: Origin): Promise<ReassignResult> {
    if (actor.kind !== 'user' || actor.role !== 'team_manager') return { outcome: 'not_found' }
    return this.cases.recordStep(actor, reference, origin, async (trx, _officer, found) => {
      const officer = findOfficer(await officersOf(trx, actor.organisationId), command.officerId)
      if (!officer) return refused('officerId', 'Select an officer from your organisation')
      if (officer.id === found.officer_id) return refused('officerId', `${officer.display_name} is already the named officer`)
      if (found.version !== command.version) return 'conflict'
      if (!(await assignOfficer(trx, found.id, found.version, officer.id, this.clock.now()))) return 'conflict'
      return {
        event: 'officer_reassigned',
        on: this.clock.today().toString(),
        details: { from: found.officer_id, to: officer.id, toName: officer.display_name, fromName: found.officer_name },
      }
    })
  }

  /**
   * Records a first approach to a housing authority: the applicant, when and how they came, and any
   * emergency triage found. The officer recording it becomes the case's named officer.
   */
  async recordApproach(actor: Actor, command: RecordApproach, origin: Origin, from?: ApproachSource): Promise<ApproachResult> {
    if (actor.kind !== 'user' || !may(actor.role, 'case.change')) return { outcome: 'not_allowed' }
    const approach = approachOf(command)
    const problems = approachProblems(approach, this.clock.today())
    if (problems.length > 0)
      return {
        outcome: 'invalid',
        refusals: problems.map((p) => ({ path: APPROACH_PATHS[p.field], message: p.message })),
      }
    return asActor(this.db, actor, async (trx) => {
      const authority = await organisationOf(trx, actor.organisationId)
      // Cases belong to housing authorities; a provider's mentor takes cases the authority opens.
      if (authority.type !== 'local_housing_authority') return { outcome: 'not_allowed' as const }
      const reference = await nextCaseReference(trx, caseReferencePrefix(authority.name), approach.approachedOn.year())
      const created = await insertApproach(trx, {
        authorityId: authority.id,
        officerId: actor.userId,
        reference,
        givenName: approach.givenName,
        familyName: approach.familyName,
        dateOfBirth: approach.dateOfBirth.toString(),
        sex: approach.sex,
        approachedOn: approach.approachedOn.toString(),
        channel: approach.channel,
        emergencies: approach.emergencies,
        referralRoute: approach.route,
        supportNeeds: from?.supportNeeds,
      })
      await from?.opened(trx, { caseId: created.caseId, reference })
      const now = this.clock.now()
      const details = { channel: approach.channel, referralRoute: approach.route, emergencies: approach.emergencies, ...from?.details }
      await addCaseEvent(
        trx,
        {
          caseId: created.caseId,
          authorityId: authority.id,
          providerId: null,
          kind: 'approach_recorded',
          occurredOn: approach.approachedOn.toString(),
          recordedBy: actor.userId,
          details,
        },
        now,
      )
      await recordAudit(
        trx,
        actor,
        {
          action: 'create',
          subjectType: 'case',
          subjectId: created.caseId,
          subjectOrganisationId: authority.id,
          details: { reference, ...details },
        },
        origin,
        now,
      )
      return { outcome: 'recorded' as const, reference }
    })
  }
}

export type ReassignResult = StepResult

/** The approach's problems at the command's paths. */
const APPROACH_PATHS = { dateOfBirth: 'applicant.dateOfBirth', approachedOn: 'approachedOn', route: 'referralRoute' } as const

/**
 * Where an approach came from, when it did not come to the door: a referral carries its support needs
 * over, and is linked to the new case in the same transaction (`opened` may throw to undo the whole
 * approach). Its route is the command's, like any approach's.
 */
export interface ApproachSource {
  supportNeeds: string[]
  details: Record<string, string>
  opened(trx: Scoped, created: { caseId: string; reference: string }): Promise<void>
}

export type ApproachResult =
  { outcome: 'recorded'; reference: string } | { outcome: 'invalid'; refusals: Refusal[] } | { outcome: 'not_allowed' }

export type DecisionResult = StepResult<{ stage: Stage }>

/** More open cases than any one housing team holds; the team page counts deadlines across all of them. */
const TEAM_CASE_LIMIT = 100_000

type OpenReviewRow = Awaited<ReturnType<typeof openReviewsOfCases>>[number]

function factsOf(
  found: {
    stage: string
    approached_on: string
    prevention_started_on: string | null
    relief_started_on: string | null
    plan_review_due_on?: string | null
    priority_need: string | null
    intentionality: string | null
  },
  openReviews: readonly OpenReviewRow[] = [],
): CaseFacts {
  const date = (value: string | null) => (value === null ? undefined : LocalDate.parse(value))
  return {
    stage: found.stage as Stage,
    approachedOn: LocalDate.parse(found.approached_on),
    preventionStartedOn: date(found.prevention_started_on),
    reliefStartedOn: date(found.relief_started_on),
    openReviews: openReviews.map((r) => ({
      what: REVIEWABLE_DECISIONS[r.decision as ReviewableDecision].label,
      receivedOn: LocalDate.parse(r.received_on),
      period: r.review_period as ReviewPeriod,
      representationsReceivedOn: date(r.representations_received_on),
      extendedTo: date(r.extended_to),
    })),
    planReviewDue: date(found.plan_review_due_on ?? null),
    findings: findingsOfRecord(found.priority_need, found.intentionality),
  }
}

/**
 * Priority need and intentionality on the case after a decision that records them: what it decides
 * replaces what was, what it leaves open stays. The reasons for intentional homelessness go with the
 * finding, so a later finding that the applicant was not intentionally homeless drops them.
 */
function findingsChanges(before: Findings | undefined, decision: Decision, intentionalityReasons: string | null): Partial<CaseChanges> {
  if (!('findings' in decision) || decision.findings === undefined) return {}
  const after = laterFindings(before, decision.findings)
  return {
    priority_need: after.priorityNeed,
    intentionality: after.intentionality,
    ...(decision.findings.intentionality === null ? {} : { intentionality_reasons: intentionalityReasons }),
  }
}

/** Priority need and intentionality as the case page states them: decided, or not yet. */
function findingsLabels(priorityNeed: string | null, intentionality: string | null) {
  const { priorityNeed: need, intentionality: intent } = findingsOfRecord(priorityNeed, intentionality)
  return {
    priorityNeed: isPriorityNeedCategory(need) ? `Yes: ${PRIORITY_NEED_LABELS[need]}` : need === null ? 'Not decided' : 'No',
    intentionality: intent === null ? 'Not decided' : INTENTIONALITY[intent],
  }
}

/** What a lawful decision changes on the case itself. */
function changesFor(decision: Decision, stage: Stage, accommodation: SecuredAccommodation | null): CaseChanges {
  const on = decision.on.toString()
  switch (decision.kind) {
    case 'accept_prevention_duty':
      return { stage, prevention_started_on: on }
    case 'accept_relief_duty':
    case 'became_homeless':
      return { stage, relief_started_on: on }
    case 'main_duty_decision':
      return decision.owed ? { stage, main_duty_started_on: on } : { stage, outcome: 'main_duty_not_owed', closed_on: on }
    case 'no_duty_owed':
      return { stage, outcome: decision.reason, closed_on: on }
    case 'end_prevention_duty':
    case 'end_relief_duty':
    case 'end_main_duty':
      return {
        stage,
        outcome: decision.ground,
        accommodation_outcome: accommodation?.outcome ?? null,
        accommodation_secured: accommodation?.secured ?? null,
        closed_on: on,
      }
  }
}

/**
 * The decision as facts for the timeline and the audit trail: codes, never personal details. Priority
 * need and intentionality are the decision's own (null where it left them undecided); a main duty
 * decision also says how the relief duty ended (s189B(4)-(5)), for its letter and the statutory return.
 */
function decisionDetails(decision: Decision): Record<string, unknown> {
  const { on: _on, kind: _kind, ...rest } = decision
  if (!('findings' in rest) || rest.findings === undefined) return rest
  const { findings, ...others } = rest
  return {
    ...others,
    priorityNeed: findings.priorityNeed,
    intentionality: findings.intentionality,
    ...(decision.kind === 'main_duty_decision' ? { reliefEnded: reliefEnding(findings) } : {}),
  }
}
