import { z } from 'zod'
import { ACTIVITY_TYPES, CONTACT_DIRECTIONS, CONTACT_KINDS, contactHasDirection } from '../../domain/activities.ts'
import { AGREEMENTS, STEP_LIBRARY, STEP_OWNERS, STEP_STATUSES, agreementProblems } from '../../domain/housing-plan.ts'
import { calendarDate, codes, recordVersion } from '../../platform/commands.ts'

/**
 * The housing plan's and the case work's commands: one schema each, read by the plan's pages, the API
 * and its OpenAPI document alike.
 *
 * A step's words, owner's name and due date are checked together by the service (`stepProblems`), as
 * whether a step is due too early depends on the plan's date: so a blank step is refused beside a step
 * due before the plan, every problem at once. So are an activity's fields, beside its date's rules under
 * the case's duty. What is refused here is what no form could make into a step, activity or contact.
 */

export const NOTE_LIMIT = 2000
export const OUT_OF_DATE = 'The form is out of date: open the plan again'

/**
 * The version of the plan the command was made from. Asked for once there is a plan that may be changed:
 * the service refuses a command without it after the plan's own state (no plan yet, or no duty to keep it
 * under), as that is what a form sent from a page without the plan's forms needs to be told.
 */
const planVersion = recordVersion(OUT_OF_DATE)
  .optional()
  .meta({ description: 'The version of the plan you last read; a later change by someone else answers 409. Refused when left out.' })

/** Cross-field checks run even when a field is wrong, as long as there is an object to look at. */
const everyTime = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null }

/** "Step 2: " for a refusal about `steps[1]`, as the page numbers its steps; nothing for a step changed on its own. */
export function stepLabel(path: readonly PropertyKey[] | undefined): string {
  const index = path?.[0] === 'steps' ? path[1] : undefined
  return typeof index === 'number' ? `Step ${String(index + 1)}: ` : ''
}
const ofStep =
  (message: string) =>
  (issue: { path?: PropertyKey[] | undefined }): string =>
    stepLabel(issue.path) + message

const REAL_DATE = calendarDate('Due date')

/** A step's due date: `calendarDate`, its refusals numbered by the step they are about. */
const dueDate = z
  .string({ error: ofStep('Enter the due date') })
  .refine((s) => s !== '', { error: ofStep('Enter the due date'), abort: true })
  .refine((s) => REAL_DATE.safeParse(s).success, { error: ofStep('Due date must be a real date') })
  .meta({ description: 'A calendar date, YYYY-MM-DD (Europe/London)', format: 'date' })

const StepWords = {
  text: z
    .string({ error: ofStep('Enter what is to be done') })
    .trim()
    .meta({ description: 'The step, in words the applicant understands' }),
  ownerName: z
    .string()
    .trim()
    .optional()
    .meta({ description: 'Who at the council or the partner organisation will take it; not asked of the applicant' }),
  due: dueDate,
}

export const MakePlan = z
  .object({ date: calendarDate('Date of the plan').meta({ description: 'The date of the plan' }) })
  .meta({ id: 'PlanRequest' })
export type MakePlan = z.output<typeof MakePlan>

export const STEPS_AT_ONCE = STEP_LIBRARY.length + 1

export const AddSteps = z
  .object({
    steps: z
      .array(
        z.object({
          owner: z.enum(codes(STEP_OWNERS), { error: ofStep('select who is to take the step') }),
          ...StepWords,
          library: z.string().optional().meta({ description: 'The code of the library step it was personalised from' }),
        }),
      )
      .min(1, 'Add at least one step')
      .max(STEPS_AT_ONCE, `Add at most ${String(STEPS_AT_ONCE)} steps at once`),
    version: planVersion,
  })
  .meta({ id: 'PlanStepsRequest', description: 'Every step is added, or, if any is wrong, none' })
export type AddSteps = z.output<typeof AddSteps>

export const ChangeStep = z
  .object({
    ...StepWords,
    status: z.enum(codes(STEP_STATUSES), { error: 'Select how the step is going' }),
    version: planVersion,
  })
  .meta({ id: 'PlanStepChangeRequest' })
export type ChangeStep = z.output<typeof ChangeStep>

export const RecordAgreement = z
  .object({
    agreement: z.enum(codes(AGREEMENTS), { error: 'Select whether the applicant agrees the steps' }),
    reasons: z.string().trim().optional().meta({ description: 'Why the applicant does not agree (s189A(6))' }),
    date: calendarDate('Date the applicant gave their view').meta({ description: 'The date the applicant gave their view' }),
    version: planVersion,
  })
  // The reasons a disagreement must give (s189A(6)), told beside the fields' own problems.
  .superRefine((a, ctx) => {
    const agreement = Object.hasOwn(AGREEMENTS, a.agreement) ? a.agreement : undefined
    for (const problem of agreementProblems(agreement, typeof a.reasons === 'string' ? a.reasons.trim() : ''))
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.text })
  }, everyTime)
  .meta({ id: 'PlanAgreementRequest' })
export type RecordAgreement = z.output<typeof RecordAgreement>

export const ReviewPlan = z
  .object({ date: calendarDate('Date of the review').meta({ description: 'The date of the review' }), version: planVersion })
  .meta({ id: 'PlanReviewRequest' })
export type ReviewPlan = z.output<typeof ReviewPlan>

export const RecordActivity = z
  .object({
    activity: z
      .enum(codes(ACTIVITY_TYPES), { error: 'Select the activity' })
      .optional()
      .meta({ description: 'The activity (H-CLIC 3.x); refused when left out' }),
    doneBy: z.string({ error: 'Enter who did it' }).trim(),
    note: z.string().trim().optional(),
    date: calendarDate('Date of the activity'),
  })
  .meta({ id: 'ActivityRequest' })
export type RecordActivity = z.output<typeof RecordActivity>

export const RecordContact = z
  .object({
    kind: z.enum(codes(CONTACT_KINDS), { error: 'Select the kind of contact' }),
    direction: z
      .enum(codes(CONTACT_DIRECTIONS), { error: 'Select whether the contact was from or to the household' })
      .optional()
      .meta({ description: 'For a phone call, text message, email or letter: from or to the household' }),
    note: z
      .string()
      .trim()
      .max(NOTE_LIMIT, `The note must be ${String(NOTE_LIMIT)} characters or fewer`)
      .optional(),
    date: calendarDate('Date of the contact'),
  })
  .superRefine((c, ctx) => {
    if (contactHasDirection(c.kind) && !c.direction)
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'Select whether the contact was from or to the household' })
  }, everyTime)
  .meta({ id: 'ContactRequest' })
export type RecordContact = z.output<typeof RecordContact>
