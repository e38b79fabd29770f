import { LocalDate } from '@js-joda/core'
import { type Actor, type Scoped } from '../../db/actor.ts'
import { contactHasDirection, mayRecordActivity, mayRecordContact } from '../../domain/activities.ts'
import {
  firstReviewDue,
  inPlanOrder,
  libraryStep,
  mayMakePlan,
  planIsKept,
  reviewPlan,
  stepProblems,
  type StepOwner,
  type StepStatus,
} from '../../domain/housing-plan.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Refusal } from '../../platform/commands.ts'
import { dateInputValues } from '../../platform/date-input.ts'
import { refused, type FoundCase, type Officer, type StepResult, type StepWork, CaseService } from '../case/kernel.ts'
import {
  activitiesOfCase,
  changePlan,
  contactsOfCase,
  insertActivity,
  insertContact,
  insertPlan,
  insertSteps,
  planOfCase,
  stepsOfPlan,
  updateStep,
  type PlanChanges,
} from './queries.ts'
import {
  NOTE_LIMIT,
  OUT_OF_DATE,
  type AddSteps,
  type ChangeStep,
  type MakePlan,
  type RecordActivity,
  type RecordAgreement,
  type RecordContact,
  type ReviewPlan,
} from './commands.ts'

export type PlanResult = StepResult

type Found = FoundCase
type Plan = NonNullable<Awaited<ReturnType<typeof planOfCase>>>
type Done = StepWork<object>

/** A new step is due a fortnight from today unless the officer sets another date. */
const DEFAULT_STEP_DAYS = 14

/**
 * The personalised housing plan (s189A) and the record of work on a case (activities under a duty, kept
 * apart from contacts). Every change is checked by the domain rules, written with its timeline entry and
 * audit record in one transaction, and refused if another officer changed the plan in the meantime.
 */
export class PlanService extends CaseService {
  /** The case, its plan and the plan's steps (the applicant's first). Reading the plan is audited. */
  async viewPlan(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { recordedByWork: 'a view of the housing plan' }, async (trx, found, officer) => {
      await this.audited(trx, officer, found, origin, 'view', { reference, read: 'housing_plan' })
      const plan = await planOfCase(trx, found.id)
      const steps = plan ? inPlanOrder(await stepsOfPlan(trx, plan.id)) : []
      return {
        found,
        plan,
        steps,
        applicant: found.people.find((p) => p.is_applicant),
        mayMakePlan: found.stage === 'prevention' || found.stage === 'relief',
        mayChangePlan: planIsKept(found.stage),
      }
    })
  }

  /** Starts the plan on the date it was made; its first review falls due from that date. */
  async makePlan(actor: Actor, reference: string, command: MakePlan, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, officer, found, plan) => {
      if (plan) return 'conflict'
      const madeOn = LocalDate.parse(command.date)
      const check = mayMakePlan(found.stage, madeOn, LocalDate.parse(found.approached_on), this.clock.today())
      if (!check.allowed) return refused('date', check.reason)
      const nextReviewOn = firstReviewDue(madeOn).toString()
      const made = await insertPlan(
        trx,
        {
          caseId: found.id,
          authorityId: found.authority_id,
          providerId: found.provider_organisation_id,
          madeOn: command.date,
          madeBy: officer.userId,
          nextReviewOn,
        },
        this.clock.now(),
      )
      if (!made) return 'conflict'
      return { event: 'housing_plan_made', on: command.date, details: { duty: found.stage, nextReviewOn } }
    })
  }

  /**
   * The form for new steps: the chosen library steps with their words ready to personalise, or one blank
   * step for the applicant when nothing was chosen.
   */
  async newSteps(actor: Actor, reference: string, codes: readonly string[], origin: Origin) {
    const state = await this.viewPlan(actor, reference, origin)
    if (!state?.plan) return state ? { ...state, drafts: [] } : undefined
    const due = this.clock.today().plusDays(DEFAULT_STEP_DAYS)
    const chosen = codes.map(libraryStep).filter((s) => s !== undefined)
    const drafts = (chosen.length > 0 ? chosen : [{ code: '', owner: 'applicant' as const, text: '' }]).map((step) => ({
      library: step.code,
      owner: step.owner,
      ownerName: step.owner === 'council' ? state.found.officer_name : '',
      text: step.text,
      ...dateInputValues(due),
    }))
    return { ...state, drafts }
  }

  /** Adds personalised steps to the plan: all of them or, if any is wrong, none. */
  async addSteps(actor: Actor, reference: string, command: AddSteps, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found, plan) => {
      if (!plan) return refused('', 'Make the plan before adding steps')
      if (!planIsKept(found.stage)) return refused('', PLAN_CLOSED)
      const planMadeOn = LocalDate.parse(plan.made_on)
      const drafts = command.steps.map((step) => ({ ...step, status: 'not_started' as const }))
      const refusals = drafts.flatMap((step, i) => stepRefusals(step, planMadeOn, `steps[${String(i)}].`, `Step ${String(i + 1)}: `))
      if (refusals.length > 0) return { refusals }
      if (command.version === undefined) return refused('version', OUT_OF_DATE)
      const steps = drafts.map((step) => ({
        ...stepOf(step),
        libraryCode: step.library !== undefined && libraryStep(step.library) ? step.library : null,
      }))
      if (!(await changePlan(trx, plan.id, command.version, {}, this.clock.now()))) return 'conflict'
      await insertSteps(trx, plan, steps)
      return {
        event: 'housing_plan_steps_added',
        on: this.clock.today().toString(),
        details: { steps: steps.length, owners: steps.map((s) => s.owner), library: steps.map((s) => s.libraryCode) },
      }
    })
  }

  /** One step, for its change form. */
  async step(actor: Actor, reference: string, stepId: string, origin: Origin) {
    const state = await this.viewPlan(actor, reference, origin)
    const step = state?.steps.find((s) => s.id === stepId)
    return state?.plan && step ? { ...state, plan: state.plan, step } : undefined
  }

  /** Changes a step's words, owner's name, due date or progress. */
  async changeStep(actor: Actor, reference: string, stepId: string, command: ChangeStep, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found, plan) => {
      const existing = plan ? (await stepsOfPlan(trx, plan.id)).find((s) => s.id === stepId) : undefined
      if (!plan || !existing) return refused('', OUT_OF_DATE)
      if (!planIsKept(found.stage)) return refused('', PLAN_CLOSED)
      const step = { ...command, owner: existing.owner as StepOwner }
      const refusals = stepRefusals(step, LocalDate.parse(plan.made_on), '', '')
      if (refusals.length > 0) return { refusals }
      if (command.version === undefined) return refused('version', OUT_OF_DATE)
      if (!(await changePlan(trx, plan.id, command.version, {}, this.clock.now()))) return 'conflict'
      await updateStep(trx, plan.id, stepId, stepOf(step))
      return {
        event: 'housing_plan_step_changed',
        on: this.clock.today().toString(),
        details: { owner: existing.owner, status: command.status, previousStatus: existing.status },
      }
    })
  }

  /** Records whether the applicant agrees the steps and, if not, why (s189A(5)-(6)). */
  async recordAgreement(actor: Actor, reference: string, command: RecordAgreement, origin: Origin): Promise<PlanResult> {
    return this.planChange(actor, reference, command.version, origin, (plan) => {
      const agreedOn = LocalDate.parse(command.date)
      if (agreedOn.isAfter(this.clock.today()))
        return refused('date', 'The date the applicant gave their view must be today or in the past')
      if (agreedOn.isBefore(LocalDate.parse(plan.made_on)))
        return refused('date', 'The date the applicant gave their view must be on or after the date of the plan')
      return {
        changes: {
          agreement: command.agreement,
          agreement_recorded_on: command.date,
          disagreement_reasons: command.agreement === 'disagreed' ? (command.reasons ?? '') : null,
        },
        event: 'housing_plan_agreement_recorded',
        on: command.date,
        details: { agreement: command.agreement },
      }
    })
  }

  /** Records a review of the plan (s189A(9)) and schedules the next. */
  async recordReview(actor: Actor, reference: string, command: ReviewPlan, origin: Origin): Promise<PlanResult> {
    return this.planChange(actor, reference, command.version, origin, (plan) => {
      const reviewed = reviewPlan(
        {
          madeOn: LocalDate.parse(plan.made_on),
          lastReviewedOn: plan.last_reviewed_on ? LocalDate.parse(plan.last_reviewed_on) : undefined,
        },
        LocalDate.parse(command.date),
        this.clock.today(),
      )
      if (!reviewed.allowed) return refused('date', reviewed.reason)
      const nextReviewOn = reviewed.nextReviewDue.toString()
      return {
        changes: { last_reviewed_on: command.date, next_review_on: nextReviewOn },
        event: 'housing_plan_reviewed',
        on: command.date,
        details: { nextReviewOn },
      }
    })
  }

  /** The case's activities and contacts, each list on its own. */
  async viewActivities(actor: Actor, reference: string, origin: Origin) {
    return this.cases.readCase(actor, reference, { origin, read: 'activities_and_contacts' }, async (trx, found) => {
      return {
        found,
        activities: await activitiesOfCase(trx, found.id),
        contacts: await contactsOfCase(trx, found.id),
        underDuty: found.stage === 'prevention' || found.stage === 'relief',
      }
    })
  }

  /**
   * Records a prevention or relief activity: under the duty the case is in, dated within it. What is
   * missing or too long is told beside the date's rules, every problem at once.
   */
  async recordActivity(actor: Actor, reference: string, command: RecordActivity, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const refusals: Refusal[] = []
      const { activity, doneBy, note } = command
      if (!activity) refusals.push({ path: 'activity', message: 'Select the activity' })
      if (!doneBy) refusals.push({ path: 'doneBy', message: 'Enter who did it' })
      else if (doneBy.length > 200) refusals.push({ path: 'doneBy', message: 'Who did it must be 200 characters or fewer' })
      if (note !== undefined && note.length > NOTE_LIMIT)
        refusals.push({ path: 'note', message: `The note must be ${String(NOTE_LIMIT)} characters or fewer` })
      const check = mayRecordActivity(
        {
          stage: found.stage,
          preventionStartedOn: found.prevention_started_on ? LocalDate.parse(found.prevention_started_on) : undefined,
          reliefStartedOn: found.relief_started_on ? LocalDate.parse(found.relief_started_on) : undefined,
        },
        LocalDate.parse(command.date),
        this.clock.today(),
      )
      if (!check.allowed) refusals.push({ path: 'date', message: check.reason })
      if (refusals.length > 0 || !activity || !check.allowed) return { refusals }
      await insertActivity(
        trx,
        {
          caseId: found.id,
          authorityId: found.authority_id,
          providerId: found.provider_organisation_id,
          activity,
          duty: check.duty,
          doneOn: command.date,
          doneBy,
          note: blankAsNull(note),
          recordedBy: officer.userId,
        },
        this.clock.now(),
      )
      return { event: 'activity_recorded', on: command.date, details: { activity, duty: check.duty } }
    })
  }

  /** Records a contact with the household: not work under a duty, so never counted as an activity. */
  async recordContact(actor: Actor, reference: string, command: RecordContact, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const check = mayRecordContact(LocalDate.parse(found.approached_on), LocalDate.parse(command.date), this.clock.today())
      if (!check.allowed) return refused('date', check.reason)
      const { kind } = command
      const kept = contactHasDirection(kind) ? (command.direction ?? null) : null
      await insertContact(
        trx,
        {
          caseId: found.id,
          authorityId: found.authority_id,
          providerId: found.provider_organisation_id,
          kind,
          direction: kept,
          contactOn: command.date,
          note: blankAsNull(command.note),
          recordedBy: officer.userId,
        },
        this.clock.now(),
      )
      return { event: 'contact_recorded', on: command.date, details: { kind, direction: kept } }
    })
  }

  /** A change to the plan itself, guarded by the version the command was made from. */
  private planChange(
    actor: Actor,
    reference: string,
    version: number | undefined,
    origin: Origin,
    read: (plan: Plan) => { refusals: Refusal[] } | { changes: PlanChanges; event: string; on: string; details: Record<string, unknown> },
  ): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found, plan) => {
      if (!plan) return refused('', 'Make the plan first')
      if (!planIsKept(found.stage)) return refused('', PLAN_CLOSED)
      const result = read(plan)
      if ('refusals' in result) return result
      if (version === undefined) return refused('version', OUT_OF_DATE)
      if (!(await changePlan(trx, plan.id, version, result.changes, this.clock.now()))) return 'conflict'
      return { event: result.event, on: result.on, details: result.details }
    })
  }

  /** One change to the plan or the case's work, as a case step: all or nothing, in the timeline and audited. */
  private async change(
    actor: Actor,
    reference: string,
    origin: Origin,
    work: (trx: Scoped, officer: Officer, found: FoundCase, plan: Plan | undefined) => Promise<Done>,
  ): Promise<PlanResult> {
    return this.cases.recordStep(actor, reference, origin, async (trx, officer, found) =>
      work(trx, officer, found, await planOfCase(trx, found.id)),
    )
  }

  private async audited(trx: Scoped, officer: Officer, found: Found, origin: Origin, action: string, details: Record<string, unknown>) {
    await recordAudit(
      trx,
      officer,
      { action, subjectType: 'case', subjectId: found.id, subjectOrganisationId: found.authority_id, details },
      origin,
      this.clock.now(),
    )
  }
}

const PLAN_CLOSED = 'The plan can be changed only while the prevention, relief or main housing duty is owed'

interface StepCommand {
  owner: StepOwner
  ownerName?: string | undefined
  text: string
  due: string
  status: StepStatus
}

/** What was left blank is kept as nothing. */
const blankAsNull = (text: string | undefined) => (text === undefined || text === '' ? null : text)

/** A step's words, owner's name and due date, checked against the plan's date: refusals at `at` + the field, numbered by `label`. */
function stepRefusals(step: StepCommand, planMadeOn: LocalDate, at: string, label: string): Refusal[] {
  const { ownerName, ...draft } = stepOf(step)
  const problems = stepProblems({ ...draft, ownerName: ownerName ?? '', dueOn: LocalDate.parse(step.due) }, planMadeOn)
  const fields = { text: 'text', ownerName: 'ownerName', dueOn: 'due' } as const
  return problems.map((p) => ({ path: at + fields[p.field], message: label + p.text }))
}

/** A step as it is kept: the applicant's own steps name no one. */
function stepOf(step: StepCommand) {
  return {
    owner: step.owner,
    ownerName: step.owner === 'applicant' ? null : blankAsNull(step.ownerName),
    text: step.text,
    dueOn: step.due,
    status: step.status,
  }
}
