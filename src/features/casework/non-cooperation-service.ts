import { LocalDate } from '@js-joda/core'
import { type Actor, type Scoped } from '../../db/actor.ts'
import type { Stage } from '../../domain/legal-status.ts'
import { inPlanOrder, type StepOwner, type StepStatus } from '../../domain/housing-plan.ts'
import {
  mayAuthorise,
  mayDecideNotice,
  mayWarn,
  mayWarnAbout,
  type Check,
  type PlanFacts,
  type Warning,
} from '../../domain/non-cooperation.ts'
import { DEFAULT_WARNING_PERIOD_DAYS, earliestNonCooperationNotice } from '../../domain/statutory-dates.ts'
import type { Origin } from '../../platform/audit.ts'
import type { Refusal } from '../../platform/commands.ts'
import { refused, type FoundCase, type Officer, type StepResult, type StepWork, CaseService } from '../case/kernel.ts'
import type { AuthoriseNotice, DecideNotice, GiveWarning } from './commands.ts'
import { currentWarning, insertWarning, recordNoticeAuthorised, recordNoticeDecision } from './queries.ts'
import { planOfCase, stepsOfPlan } from '../plans/queries.ts'

export type NonCooperationResult = StepResult

type Row = NonNullable<Awaited<ReturnType<typeof currentWarning>>>

/**
 * Non-cooperation on a case (s193B): a warning, then a notice decided by one officer and authorised
 * by a second. Each step is checked by the domain rules, kept in the case's timeline and audited.
 */
export class NonCooperationService extends CaseService {
  /** The case and where its non-cooperation process stands, for the page. */
  async view(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { origin, read: 'non_cooperation' }, async (trx, found, officer) => {
      const row = await currentWarning(trx, found.id, found.stage)
      const warning = row ? toWarning(row) : undefined
      const plan = row ? undefined : await planFactsOf(trx, found.id)
      return {
        found,
        row,
        plan: plan && { agreement: plan.facts.agreement, made: true },
        // The steps a warning can be about: the applicant's, not yet done (s193B(2)).
        applicantSteps: (plan?.steps ?? []).filter((s) => s.owner === 'applicant' && s.status !== 'done'),
        earliestNotice: warning ? earliestNonCooperationNotice(warning.warnedOn, warning.reasonablePeriodDays) : undefined,
        mayAuthorise: mayAuthorise(warning, officer).allowed,
        defaultPeriod: DEFAULT_WARNING_PERIOD_DAYS,
      }
    })
  }

  async warn(actor: Actor, reference: string, command: GiveWarning, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, found, row) => {
      const warnedOn = LocalDate.parse(command.date)
      const check = mayWarn(
        found.stage as Stage,
        row ? toWarning(row) : undefined,
        warnedOn,
        LocalDate.parse(found.approached_on),
        this.clock.today(),
      )
      const plan = await planFactsOf(trx, found.id)
      const about = mayWarnAbout(plan?.facts, command.stepId, warnedOn)
      // Every problem at once: the date's and the step's.
      const refusals: Refusal[] = []
      if (!check.allowed) refusals.push({ path: 'date', message: check.reason })
      if (!about.allowed && !(about.about === 'date' && refusals.length > 0))
        refusals.push({ path: about.about === 'date' ? 'date' : 'stepId', message: about.reason })
      const step = plan?.steps.find((s) => s.id === command.stepId)
      if (refusals.length > 0) return { refusals }
      if (!step) return refused('stepId', 'Select the step in the plan that the applicant has refused to take')
      await insertWarning(trx, {
        caseId: found.id,
        authorityId: found.authority_id,
        providerId: found.provider_organisation_id,
        duty: found.stage,
        // The step's words as they stood when the warning was given: the letters quote them.
        stepRefused: step.text,
        planStepId: step.id,
        warnedOn: warnedOn.toString(),
        warnedBy: officer.userId,
        reasonablePeriodDays: command.reasonablePeriodDays,
      })
      return {
        event: 'non_cooperation_warning_given',
        on: warnedOn.toString(),
        details: { duty: found.stage, reasonablePeriodDays: command.reasonablePeriodDays, planStepId: step.id },
      }
    })
  }

  async decideNotice(actor: Actor, reference: string, command: DecideNotice, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, _found, row) => {
      const decidedOn = LocalDate.parse(command.date)
      const check: Check = mayDecideNotice(row ? toWarning(row) : undefined, decidedOn, this.clock.today())
      if (!check.allowed || !row) return refused('date', check.allowed ? 'There is no warning on this case' : check.reason)
      await recordNoticeDecision(trx, row.id, {
        decidedOn: decidedOn.toString(),
        decidedBy: officer.userId,
        role: officer.role,
        reasons: command.reasons,
      })
      return { event: 'non_cooperation_notice_decided', on: decidedOn.toString(), details: { duty: row.duty } }
    })
  }

  /** Authorises the case's notice: the command says nothing more, as the officer and the day are the step's own. */
  async authorise(actor: Actor, reference: string, _command: AuthoriseNotice, origin: Origin): Promise<NonCooperationResult> {
    return this.step(actor, reference, origin, async (trx, officer, _found, row) => {
      const check = mayAuthorise(row ? toWarning(row) : undefined, officer)
      if (!check.allowed || !row) return refused('', check.allowed ? 'There is no notice on this case' : check.reason)
      const today = this.clock.today().toString()
      await recordNoticeAuthorised(trx, row.id, today, officer.userId)
      return { event: 'non_cooperation_notice_authorised', on: today, details: { duty: row.duty } }
    })
  }

  /** One step of the process, with the case's current warning, as a case step: all or nothing, in the timeline and audited. */
  private async step(
    actor: Actor,
    reference: string,
    origin: Origin,
    work: (trx: Scoped, officer: Officer, found: FoundCase, row: Row | undefined) => Promise<StepWork<object>>,
  ): Promise<NonCooperationResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) =>
      work(trx, officer, found, await currentWarning(trx, found.id, found.stage)),
    )
  }
}

export function toWarning(row: Row): Warning {
  return {
    warnedOn: LocalDate.parse(row.warned_on),
    reasonablePeriodDays: row.reasonable_period_days,
    decidedOn: row.notice_decided_on ? LocalDate.parse(row.notice_decided_on) : undefined,
    decidedBy: row.notice_decided_by
      ? { userId: row.notice_decided_by, role: row.notice_decided_by_role === 'team_manager' ? 'team_manager' : 'caseworker' }
      : undefined,
    authorisedBy: row.authorised_by ? { userId: row.authorised_by } : undefined,
  }
}

/** The case's plan as the warning rule reads it, with its steps in the plan's order; none before a plan is made. */
async function planFactsOf(trx: Scoped, caseId: string): Promise<{ facts: PlanFacts; steps: PlanStep[] } | undefined> {
  const plan = await planOfCase(trx, caseId)
  if (!plan) return undefined
  const steps = inPlanOrder(await stepsOfPlan(trx, plan.id)).map((s) => ({
    id: s.id,
    owner: s.owner as StepOwner,
    status: s.status as StepStatus,
    text: s.text,
    due_on: s.due_on,
  }))
  return {
    facts: {
      agreement: plan.agreement === 'agreed' || plan.agreement === 'disagreed' ? plan.agreement : null,
      agreementRecordedOn: plan.agreement_recorded_on ? LocalDate.parse(plan.agreement_recorded_on) : null,
      steps,
    },
    steps,
  }
}

interface PlanStep {
  id: string
  owner: StepOwner
  status: StepStatus
  text: string
  due_on: string
}
