import { AddSteps, ChangeStep, MakePlan, RecordActivity, RecordAgreement, RecordContact, ReviewPlan } from '../plans/commands.ts'
import { ActivitiesView, PlanView } from './case-schemas.ts'
import { CASE_OFFICERS, UUID, command, type Command, type Reading } from './commands.ts'

/**
 * The housing plan's and the case work's commands and readings: the same PlanService methods as the
 * pages, given the same commands. A refusal of the command as a whole (no plan yet, no duty to keep one
 * under, a step that is not the plan's) is at the path ''.
 */

const CONFLICT = 'Someone else has changed this plan since that version. Read it again, then make your change.'

export const PLAN_COMMANDS: Command<unknown>[] = [
  command({
    operation: {
      path: '/cases/{reference}/plan',
      summary: 'Make the personalised housing plan (s189A)',
      description:
        'Under the prevention or relief duty; its first review falls due from its date. A case has one plan: a second answers 409.',
    },
    body: MakePlan,
    roles: CASE_OFFICERS,
    conflict: 'This case already has a housing plan. Read it, then add steps or record a review.',
    run: ({ plans }, officer, reference, plan, origin) => plans.makePlan(officer, reference, plan, origin),
  }),
  command({
    operation: { path: '/cases/{reference}/plan/steps', summary: 'Add steps to the plan: all of them, or if any is wrong, none' },
    body: AddSteps,
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ plans }, officer, reference, steps, origin) => plans.addSteps(officer, reference, steps, origin),
  }),
  command({
    operation: { path: '/cases/{reference}/plan/steps/{stepId}', summary: 'Change a step’s words, owner’s name, due date or progress' },
    body: ChangeStep,
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: async ({ plans }, officer, reference, change, origin, params) => {
      const stepId = params['stepId'] ?? ''
      // As the page: an address that cannot be a step's is no step of this case.
      if (!UUID.test(stepId)) return { outcome: 'not_found' }
      return plans.changeStep(officer, reference, stepId, change, origin)
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/plan/agreement',
      summary: 'Record whether the applicant agrees the steps (s189A(5)-(6))',
      description: 'If not, why not.',
    },
    body: RecordAgreement,
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ plans }, officer, reference, agreement, origin) => plans.recordAgreement(officer, reference, agreement, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/plan/reviews',
      summary: 'Record a review of the plan (s189A(9))',
      description: 'The next review falls due from it.',
    },
    body: ReviewPlan,
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ plans }, officer, reference, review, origin) => plans.recordReview(officer, reference, review, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/activities',
      summary: 'Record a prevention or relief activity',
      description: 'Under the duty the case is in, dated within it (H-CLIC 3.x activities).',
    },
    body: RecordActivity,
    roles: CASE_OFFICERS,
    run: ({ plans }, officer, reference, activity, origin) => plans.recordActivity(officer, reference, activity, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/contacts',
      summary: 'Record a contact with the household',
      description: 'Not work under a duty, so never counted as an activity.',
    },
    body: RecordContact,
    roles: CASE_OFFICERS,
    run: ({ plans }, officer, reference, contact, origin) => plans.recordContact(officer, reference, contact, origin),
  }),
]

export const PLAN_READINGS: Reading[] = [
  {
    operation: {
      path: '/cases/{reference}/plan',
      summary: 'The housing plan and its steps (the applicant’s first)',
      description: 'Reading the plan is recorded in the audit trail.',
    },
    response: PlanView,
    roles: CASE_OFFICERS,
    async read({ plans }, officer, { reference = '' }, origin) {
      const state = await plans.viewPlan(officer, reference, origin)
      if (!state) return undefined
      const { plan } = state
      return {
        reference: state.found.reference,
        plan: plan
          ? {
              id: plan.id,
              version: plan.version,
              madeOn: plan.made_on,
              agreement: plan.agreement,
              agreementRecordedOn: plan.agreement_recorded_on,
              disagreementReasons: plan.disagreement_reasons,
              lastReviewedOn: plan.last_reviewed_on,
              nextReviewOn: plan.next_review_on,
            }
          : null,
        steps: state.steps.map((s) => ({
          id: s.id,
          owner: s.owner,
          ownerName: s.owner_name,
          libraryCode: s.library_code,
          text: s.text,
          dueOn: s.due_on,
          status: s.status,
        })),
        mayMakePlan: state.mayMakePlan,
        mayChangePlan: state.mayChangePlan,
      }
    },
  },
  {
    operation: { path: '/cases/{reference}/activities', summary: 'The case’s activities and contacts, each list on its own, latest first' },
    response: ActivitiesView,
    roles: CASE_OFFICERS,
    async read({ plans }, officer, { reference = '' }, origin) {
      const state = await plans.viewActivities(officer, reference, origin)
      return (
        state && {
          reference: state.found.reference,
          activities: state.activities.map((a) => ({
            id: a.id,
            activity: a.activity,
            duty: a.duty,
            doneOn: a.done_on,
            doneBy: a.done_by,
            note: a.note,
            recordedBy: a.recorded_by_name,
            recordedAt: a.recorded_at.toISOString(),
          })),
          contacts: state.contacts.map((c) => ({
            id: c.id,
            kind: c.kind,
            direction: c.direction,
            contactOn: c.contact_on,
            note: c.note,
            recordedBy: c.recorded_by_name,
            recordedAt: c.recorded_at.toISOString(),
          })),
        }
      )
    },
  },
]
