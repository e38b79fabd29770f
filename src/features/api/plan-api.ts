import {
  ActivitiesView,
  ActivityRequest,
  AgreementRequest,
  ContactRequest,
  PlanRequest,
  PlanReviewRequest,
  PlanView,
  StepChangeRequest,
  StepsRequest,
} from './case-schemas.ts'
import { CASE_OFFICERS, UUID, command, dashed, dateFields, type Command, type Reading } from './commands.ts'

/** The housing plan's and the case work's commands and readings: the same PlanService methods as the pages. */

const CONFLICT = 'Someone else has changed this plan since that version. Read it again, then make your change.'

/**
 * The plan's own refusals point at the plan as a whole on the page (`#plan`: out of date, or no duty to
 * keep a plan under) or at the form to make it (`#made-on-day`: make the plan first): the request as a whole.
 */
const WHOLE = { '#plan': '', '#made-on-day': '' }

export const PLAN_COMMANDS: Command<unknown>[] = [
  command({
    operation: {
      path: '/cases/{reference}/plan',
      summary: 'Make the personalised housing plan (s189A)',
      description:
        'Under the prevention or relief duty; its first review falls due from its date. A case has one plan: a second answers 409.',
    },
    body: PlanRequest,
    toForm: (b) => dateFields(b.date, dashed('made-on')),
    fields: { '#made-on-day': 'date' },
    roles: CASE_OFFICERS,
    conflict: 'This case already has a housing plan. Read it, then add steps or record a review.',
    run: ({ plans }, officer, reference, form, origin) => plans.makePlan(officer, reference, form, origin),
  }),
  command({
    operation: { path: '/cases/{reference}/plan/steps', summary: 'Add steps to the plan: all of them, or if any is wrong, none' },
    body: StepsRequest,
    toForm: (b) => ({
      count: String(b.steps.length),
      ...Object.fromEntries(
        b.steps.flatMap((step, i) =>
          Object.entries({
            [`owner-${String(i)}`]: step.owner,
            [`ownerName-${String(i)}`]: step.ownerName ?? '',
            [`text-${String(i)}`]: step.text,
            [`library-${String(i)}`]: step.library ?? '',
            ...dateFields(step.due, dashed(`due-${String(i)}`)),
          }),
        ),
      ),
      version: String(b.version),
    }),
    // `#text-2` is steps.2.text, `#due-2-day` is steps.2.due.
    fields: (href) => {
      const step = /^#(owner|ownerName|text|due)-(\d+)(?:-day)?$/.exec(href)
      return step ? `steps.${step[2] ?? ''}.${step[1] ?? ''}` : ''
    },
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ plans }, officer, reference, form, origin) => plans.addSteps(officer, reference, form, origin),
  }),
  command({
    operation: { path: '/cases/{reference}/plan/steps/{stepId}', summary: 'Change a step’s words, owner’s name, due date or progress' },
    body: StepChangeRequest,
    toForm: (b) => ({
      'text-0': b.text,
      'ownerName-0': b.ownerName ?? '',
      ...dateFields(b.due, dashed('due-0')),
      status: b.status,
      version: String(b.version),
    }),
    fields: { ...WHOLE, '#text-0': 'text', '#ownerName-0': 'ownerName', '#due-0-day': 'due', '#status': 'status' },
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: async ({ plans }, officer, reference, form, origin, params) => {
      const stepId = params['stepId'] ?? ''
      // As the page: an address that cannot be a step's is no step of this case.
      if (!UUID.test(stepId)) return { outcome: 'not_found' }
      return plans.changeStep(officer, reference, stepId, form, origin)
    },
  }),
  command({
    operation: {
      path: '/cases/{reference}/plan/agreement',
      summary: 'Record whether the applicant agrees the steps (s189A(5)-(6))',
      description: 'If not, why not.',
    },
    body: AgreementRequest,
    toForm: (b) => ({
      agreement: b.agreement,
      reasons: b.reasons ?? '',
      ...dateFields(b.date, dashed('agreed-on')),
      version: String(b.version),
    }),
    fields: { ...WHOLE, '#agreement': 'agreement', '#reasons': 'reasons', '#agreed-on-day': 'date' },
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ plans }, officer, reference, form, origin) => plans.recordAgreement(officer, reference, form, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/plan/reviews',
      summary: 'Record a review of the plan (s189A(9))',
      description: 'The next review falls due from it.',
    },
    body: PlanReviewRequest,
    toForm: (b) => ({ ...dateFields(b.date, dashed('reviewed-on')), version: String(b.version) }),
    fields: { ...WHOLE, '#reviewed-on-day': 'date' },
    roles: CASE_OFFICERS,
    conflict: CONFLICT,
    run: ({ plans }, officer, reference, form, origin) => plans.recordReview(officer, reference, form, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/activities',
      summary: 'Record a prevention or relief activity',
      description: 'Under the duty the case is in, dated within it (H-CLIC 3.x activities).',
    },
    body: ActivityRequest,
    toForm: (b) => ({ activity: b.activity, doneBy: b.doneBy, note: b.note ?? '', ...dateFields(b.date, dashed('done-on')) }),
    fields: { '#activity': 'activity', '#done-by': 'doneBy', '#activity-note': 'note', '#done-on-day': 'date' },
    roles: CASE_OFFICERS,
    run: ({ plans }, officer, reference, form, origin) => plans.recordActivity(officer, reference, form, origin),
  }),
  command({
    operation: {
      path: '/cases/{reference}/contacts',
      summary: 'Record a contact with the household',
      description: 'Not work under a duty, so never counted as an activity.',
    },
    body: ContactRequest,
    toForm: (b) => ({ kind: b.kind, direction: b.direction ?? '', note: b.note ?? '', ...dateFields(b.date, dashed('contact-on')) }),
    fields: { '#kind': 'kind', '#direction': 'direction', '#contact-note': 'note', '#contact-on-day': 'date' },
    roles: CASE_OFFICERS,
    run: ({ plans }, officer, reference, form, origin) => plans.recordContact(officer, reference, form, origin),
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
    async read({ plans }, officer, { reference = '' }) {
      const state = await plans.viewActivities(officer, reference)
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
