import { LocalDate } from '@js-joda/core'
import { asActor, type Actor, type Scoped } from '../../db/actor.ts'
import {
  ACTIVITY_TYPES,
  CONTACT_DIRECTIONS,
  CONTACT_KINDS,
  contactHasDirection,
  mayRecordActivity,
  mayRecordContact,
  type ActivityType,
  type ContactDirection,
  type ContactKind,
} from '../../domain/activities.ts'
import {
  AGREEMENTS,
  STEP_LIBRARY,
  STEP_OWNERS,
  STEP_STATUSES,
  agreementProblems,
  firstReviewDue,
  inPlanOrder,
  libraryStep,
  mayMakePlan,
  planIsKept,
  reviewPlan,
  stepProblems,
  type Agreement,
  type StepOwner,
  type StepStatus,
} from '../../domain/housing-plan.ts'
import { recordAudit, type Origin } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { dateInputValues, parseNamedDateInput } from '../../platform/date-input.ts'
import { type FormError, formText, oneOf, versionOf } from '../../platform/forms.ts'
import { asOfficer, recordCaseStep, type FoundCase, type Officer, type StepResult, type StepWork } from '../casework/case-step.ts'
import { findCaseByReference } from '../casework/queries.ts'
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
import type { OwnerDb } from '../../db/modes.ts'

export type PlanResult = StepResult

type Found = FoundCase
type Plan = NonNullable<Awaited<ReturnType<typeof planOfCase>>>
type Done = StepWork<object>

const NOTE_LIMIT = 2000
/** A new step is due a fortnight from today unless the officer sets another date. */
const DEFAULT_STEP_DAYS = 14

/**
 * The personalised housing plan (s189A) and the record of work on a case (activities under a duty, kept
 * apart from contacts). Every change is checked by the domain rules, written with its timeline entry and
 * audit record in one transaction, and refused if another officer changed the plan in the meantime.
 */
export class PlanService {
  private readonly db: OwnerDb
  private readonly clock: Clock

  constructor(deps: { db: OwnerDb; clock: Clock }) {
    this.db = deps.db
    this.clock = deps.clock
  }

  /** The case, its plan and the plan's steps (the applicant's first). Reading the plan is audited. */
  async viewPlan(actor: Actor, reference: string, origin: Origin) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
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
  async makePlan(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, officer, found, plan) => {
      if (plan) return 'conflict'
      const date = parseNamedDateInput(form, 'made-on', 'Date of the plan')
      if ('error' in date) return { errors: [{ href: '#made-on-day', text: date.error }] }
      const check = mayMakePlan(found.stage, date.date, LocalDate.parse(found.approached_on), this.clock.today())
      if (!check.allowed) return { errors: [{ href: '#made-on-day', text: check.reason }] }
      const nextReviewOn = firstReviewDue(date.date).toString()
      const made = await insertPlan(
        trx,
        {
          caseId: found.id,
          authorityId: found.authority_id,
          providerId: found.provider_organisation_id,
          madeOn: date.date.toString(),
          madeBy: officer.userId,
          nextReviewOn,
        },
        this.clock.now(),
      )
      if (!made) return 'conflict'
      return { event: 'housing_plan_made', on: date.date.toString(), details: { duty: found.stage, nextReviewOn } }
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
  async addSteps(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found, plan) => {
      if (!plan) return { errors: [{ href: '#made-on-day', text: 'Make the plan before adding steps' }] }
      if (!planIsKept(found.stage)) return { errors: [planClosed] }
      const count = Number(formText(form['count']))
      if (!Number.isInteger(count) || count < 1 || count > STEP_LIBRARY.length + 1) return { errors: [formOutOfDate] }
      const errors: FormError[] = []
      const steps: Parameters<typeof insertSteps>[2] = []
      for (let i = 0; i < count; i++) {
        const owner = oneOf(Object.keys(STEP_OWNERS) as StepOwner[], form[`owner-${String(i)}`])
        if (!owner) {
          errors.push({ href: `#owner-${String(i)}`, text: `Step ${String(i + 1)}: select who is to take the step` })
          continue
        }
        const read = readStep(form, i, owner, 'not_started', LocalDate.parse(plan.made_on), `Step ${String(i + 1)}: `)
        if ('errors' in read) errors.push(...read.errors)
        else {
          const library = formText(form[`library-${String(i)}`])
          steps.push({ ...read.step, libraryCode: libraryStep(library) ? library : null })
        }
      }
      if (errors.length > 0) return { errors }
      const version = versionOf(form['version'])
      if (version === undefined) return { errors: [formOutOfDate] }
      if (!(await changePlan(trx, plan.id, version, {}, this.clock.now()))) return 'conflict'
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
  async changeStep(actor: Actor, reference: string, stepId: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found, plan) => {
      const existing = plan ? (await stepsOfPlan(trx, plan.id)).find((s) => s.id === stepId) : undefined
      if (!plan || !existing) return { errors: [formOutOfDate] }
      if (!planIsKept(found.stage)) return { errors: [planClosed] }
      const status = oneOf(Object.keys(STEP_STATUSES) as StepStatus[], form['status'])
      const read = readStep(form, 0, existing.owner as StepOwner, status ?? 'not_started', LocalDate.parse(plan.made_on), '')
      const errors = 'errors' in read ? [...read.errors] : []
      if (!status) errors.push({ href: '#status', text: 'Select how the step is going' })
      if (errors.length > 0 || 'errors' in read) return { errors }
      const version = versionOf(form['version'])
      if (version === undefined) return { errors: [formOutOfDate] }
      if (!(await changePlan(trx, plan.id, version, {}, this.clock.now()))) return 'conflict'
      await updateStep(trx, plan.id, stepId, read.step)
      return {
        event: 'housing_plan_step_changed',
        on: this.clock.today().toString(),
        details: { owner: existing.owner, status: read.step.status, previousStatus: existing.status },
      }
    })
  }

  /** Records whether the applicant agrees the steps and, if not, why (s189A(5)-(6)). */
  async recordAgreement(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.planChange(actor, reference, form, origin, (plan) => {
      const agreement = oneOf(Object.keys(AGREEMENTS) as Agreement[], form['agreement'])
      const reasons = formText(form['reasons'])
      const errors: FormError[] = agreementProblems(agreement, reasons).map((p) => ({ href: `#${p.field}`, text: p.text }))
      const date = parseNamedDateInput(form, 'agreed-on', 'Date the applicant gave their view')
      if ('error' in date) errors.push({ href: '#agreed-on-day', text: date.error })
      else if (date.date.isAfter(this.clock.today()))
        errors.push({ href: '#agreed-on-day', text: 'The date the applicant gave their view must be today or in the past' })
      else if (date.date.isBefore(LocalDate.parse(plan.made_on)))
        errors.push({ href: '#agreed-on-day', text: 'The date the applicant gave their view must be on or after the date of the plan' })
      if (errors.length > 0 || !agreement || 'error' in date) return { errors }
      return {
        changes: {
          agreement,
          agreement_recorded_on: date.date.toString(),
          disagreement_reasons: agreement === 'disagreed' ? reasons : null,
        },
        event: 'housing_plan_agreement_recorded',
        on: date.date.toString(),
        details: { agreement },
      }
    })
  }

  /** Records a review of the plan (s189A(9)) and schedules the next. */
  async recordReview(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.planChange(actor, reference, form, origin, (plan) => {
      const date = parseNamedDateInput(form, 'reviewed-on', 'Date of the review')
      if ('error' in date) return { errors: [{ href: '#reviewed-on-day', text: date.error }] }
      const reviewed = reviewPlan(
        {
          madeOn: LocalDate.parse(plan.made_on),
          lastReviewedOn: plan.last_reviewed_on ? LocalDate.parse(plan.last_reviewed_on) : undefined,
        },
        date.date,
        this.clock.today(),
      )
      if (!reviewed.allowed) return { errors: [{ href: '#reviewed-on-day', text: reviewed.reason }] }
      const nextReviewOn = reviewed.nextReviewDue.toString()
      return {
        changes: { last_reviewed_on: date.date.toString(), next_review_on: nextReviewOn },
        event: 'housing_plan_reviewed',
        on: date.date.toString(),
        details: { nextReviewOn },
      }
    })
  }

  /** The case's activities and contacts, each list on its own. */
  async viewActivities(actor: Actor, reference: string) {
    const officer = asOfficer(actor)
    if (!officer) return undefined
    return asActor(this.db, actor, async (trx) => {
      const found = await findCaseByReference(trx, officer.organisationId, reference)
      if (!found) return undefined
      return {
        found,
        activities: await activitiesOfCase(trx, found.id),
        contacts: await contactsOfCase(trx, found.id),
        underDuty: found.stage === 'prevention' || found.stage === 'relief',
      }
    })
  }

  /** Records a prevention or relief activity: under the duty the case is in, dated within it. */
  async recordActivity(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const errors: FormError[] = []
      const activity = oneOf(Object.keys(ACTIVITY_TYPES) as ActivityType[], form['activity'])
      if (!activity) errors.push({ href: '#activity', text: 'Select the activity' })
      const doneBy = formText(form['doneBy'])
      if (!doneBy) errors.push({ href: '#done-by', text: 'Enter who did it' })
      else if (doneBy.length > 200) errors.push({ href: '#done-by', text: 'Who did it must be 200 characters or fewer' })
      const note = formText(form['note'])
      if (note.length > NOTE_LIMIT)
        errors.push({ href: '#activity-note', text: `The note must be ${String(NOTE_LIMIT)} characters or fewer` })
      const date = parseNamedDateInput(form, 'done-on', 'Date of the activity')
      if ('error' in date) errors.push({ href: '#done-on-day', text: date.error })
      else {
        const check = mayRecordActivity(
          {
            stage: found.stage,
            preventionStartedOn: found.prevention_started_on ? LocalDate.parse(found.prevention_started_on) : undefined,
            reliefStartedOn: found.relief_started_on ? LocalDate.parse(found.relief_started_on) : undefined,
          },
          date.date,
          this.clock.today(),
        )
        if (!check.allowed) errors.push({ href: '#done-on-day', text: check.reason })
        else if (errors.length === 0 && activity) {
          await insertActivity(
            trx,
            {
              caseId: found.id,
              authorityId: found.authority_id,
              providerId: found.provider_organisation_id,
              activity,
              duty: check.duty,
              doneOn: date.date.toString(),
              doneBy,
              note: note || null,
              recordedBy: officer.userId,
            },
            this.clock.now(),
          )
          return { event: 'activity_recorded', on: date.date.toString(), details: { activity, duty: check.duty } }
        }
      }
      return { errors }
    })
  }

  /** Records a contact with the household: not work under a duty, so never counted as an activity. */
  async recordContact(actor: Actor, reference: string, form: Record<string, unknown>, origin: Origin): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, officer, found) => {
      const errors: FormError[] = []
      const kind = oneOf(Object.keys(CONTACT_KINDS) as ContactKind[], form['kind'])
      if (!kind) errors.push({ href: '#kind', text: 'Select the kind of contact' })
      const direction = oneOf(Object.keys(CONTACT_DIRECTIONS) as ContactDirection[], form['direction'])
      if (kind && contactHasDirection(kind) && !direction)
        errors.push({ href: '#direction', text: 'Select whether the contact was from or to the household' })
      const note = formText(form['note'])
      if (note.length > NOTE_LIMIT)
        errors.push({ href: '#contact-note', text: `The note must be ${String(NOTE_LIMIT)} characters or fewer` })
      const date = parseNamedDateInput(form, 'contact-on', 'Date of the contact')
      if ('error' in date) errors.push({ href: '#contact-on-day', text: date.error })
      else {
        const check = mayRecordContact(LocalDate.parse(found.approached_on), date.date, this.clock.today())
        if (!check.allowed) errors.push({ href: '#contact-on-day', text: check.reason })
      }
      if (errors.length > 0 || !kind || 'error' in date) return { errors }
      const kept = contactHasDirection(kind) ? (direction ?? null) : null
      await insertContact(
        trx,
        {
          caseId: found.id,
          authorityId: found.authority_id,
          providerId: found.provider_organisation_id,
          kind,
          direction: kept,
          contactOn: date.date.toString(),
          note: note || null,
          recordedBy: officer.userId,
        },
        this.clock.now(),
      )
      return { event: 'contact_recorded', on: date.date.toString(), details: { kind, direction: kept } }
    })
  }

  /** A change to the plan itself, guarded by its version. */
  private planChange(
    actor: Actor,
    reference: string,
    form: Record<string, unknown>,
    origin: Origin,
    read: (plan: Plan) => { errors: FormError[] } | { changes: PlanChanges; event: string; on: string; details: Record<string, unknown> },
  ): Promise<PlanResult> {
    return this.change(actor, reference, origin, async (trx, _officer, found, plan) => {
      if (!plan) return { errors: [{ href: '#made-on-day', text: 'Make the plan first' }] }
      if (!planIsKept(found.stage)) return { errors: [planClosed] }
      const result = read(plan)
      if ('errors' in result) return result
      const version = versionOf(form['version'])
      if (version === undefined) return { errors: [formOutOfDate] }
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
    return recordCaseStep({ db: this.db, clock: this.clock }, actor, reference, origin, async (trx, officer, found) =>
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

const planClosed: FormError = {
  href: '#plan',
  text: 'The plan can be changed only while the prevention, relief or main housing duty is owed',
}
const formOutOfDate: FormError = { href: '#plan', text: 'The form is out of date: open the plan again' }

/** Reads step `i` of a form: its words, owner's name and due date, checked against the plan's date. */
function readStep(
  form: Record<string, unknown>,
  i: number,
  owner: StepOwner,
  status: StepStatus,
  planMadeOn: LocalDate,
  prefix: string,
): { step: { owner: StepOwner; ownerName: string | null; text: string; dueOn: string; status: StepStatus } } | { errors: FormError[] } {
  const n = String(i)
  const words = formText(form[`text-${n}`])
  const ownerName = owner === 'applicant' ? '' : formText(form[`ownerName-${n}`])
  const date = parseNamedDateInput(form, `due-${n}`, 'Due date')
  const errors: FormError[] = []
  if ('error' in date) errors.push({ href: `#due-${n}-day`, text: prefix + date.error })
  const problems = stepProblems({ owner, ownerName, text: words, dueOn: 'error' in date ? planMadeOn : date.date, status }, planMadeOn)
  const hrefs = { text: `#text-${n}`, ownerName: `#ownerName-${n}`, dueOn: `#due-${n}-day` }
  errors.push(...problems.map((p) => ({ href: hrefs[p.field], text: prefix + p.text })))
  if (errors.length > 0 || 'error' in date) return { errors }
  return { step: { owner, ownerName: ownerName || null, text: words, dueOn: date.date.toString(), status } }
}
