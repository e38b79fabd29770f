import type { Refusal } from '../../platform/commands.ts'
import { formText } from '../../platform/forms.ts'
import { dateOfParts, datesOf, fieldsById, formBinding, given, wholeNumber } from '../../platform/http/form-commands.ts'
import {
  AddSteps,
  ChangeStep,
  MakePlan,
  OUT_OF_DATE,
  RecordActivity,
  RecordAgreement,
  RecordContact,
  ReviewPlan,
  STEPS_AT_ONCE,
  stepLabel,
} from './commands.ts'

/**
 * The plan's pages' forms: how each one's fields make its command, and which field each refusal is
 * about. A refusal of the command as a whole, or of the version it was made from, is about the plan.
 *
 * A step's words are sent as written (blank too), so that the service tells a blank step beside one due
 * before the plan; likewise who did an activity.
 */

/** The "Make the plan" form. */
export const PLAN_FORM = formBinding({
  schema: MakePlan,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'made-on', label: 'Date of the plan' } })
    return { input: { date: dates.values['date'] }, refusals: dates.refusals }
  },
  fieldId: fieldsById({ '': 'made-on-day', date: 'made-on-day' }),
})

/** The applicant's view of the steps, on the plan's page. */
export const AGREEMENT_FORM = formBinding({
  schema: RecordAgreement,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'agreed-on', label: 'Date the applicant gave their view' } })
    return {
      input: {
        agreement: given(form['agreement']),
        reasons: given(form['reasons']),
        date: dates.values['date'],
        version: wholeNumber(form['version']),
      },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({ '': 'plan', agreement: 'agreement', reasons: 'reasons', date: 'agreed-on-day', version: 'plan' }),
})

/** A review of the plan, on the plan's page. */
export const REVIEW_FORM = formBinding({
  schema: ReviewPlan,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'reviewed-on', label: 'Date of the review' } })
    return { input: { date: dates.values['date'], version: wholeNumber(form['version']) }, refusals: dates.refusals }
  },
  fieldId: fieldsById({ '': 'plan', date: 'reviewed-on-day', version: 'plan' }),
})

/** A step's fields are numbered from 0 (`text-0`, `due-0-day`); the form says how many it has (`count`). */
const STEP_FIELD = /^steps\[(\d+)\]\.(owner|ownerName|text|due)$/

/** The steps of the "Add steps" page, `count` of them, as the command's list, numbered as the page numbers them. */
export function stepsOf(form: Record<string, unknown>): { input: unknown[]; refusals: Refusal[] } {
  const count = wholeNumber(form['count'])
  // A count the page never sends: the form is not the one the page made.
  if (typeof count !== 'number' || count < 1 || count > STEPS_AT_ONCE)
    return { input: [], refusals: [{ path: 'steps', message: OUT_OF_DATE }] }
  const refusals: Refusal[] = []
  const input = Array.from({ length: count }, (_, i) => {
    const n = String(i)
    const due = dateOfParts({ day: form[`due-${n}-day`], month: form[`due-${n}-month`], year: form[`due-${n}-year`] }, 'Due date')
    if ('message' in due) refusals.push({ path: `steps[${n}].due`, message: stepLabel(['steps', i]) + due.message })
    return {
      owner: given(form[`owner-${n}`]),
      ownerName: given(form[`ownerName-${n}`]),
      text: formText(form[`text-${n}`]),
      due: 'date' in due ? due.date : undefined,
      library: given(form[`library-${n}`]),
    }
  })
  return { input, refusals }
}

/** The "Add steps" page. */
export const STEPS_FORM = formBinding({
  schema: AddSteps,
  read(form) {
    const steps = stepsOf(form)
    return { input: { steps: steps.input, version: wholeNumber(form['version']) }, refusals: steps.refusals }
  },
  fieldId(path) {
    const step = STEP_FIELD.exec(path)
    if (!step) return 'plan'
    const [, n = '0', field = 'text'] = step
    return field === 'due' ? `due-${n}-day` : `${field}-${n}`
  },
})

/** The "Change a step" page: one step's fields, numbered 0 as on the page that adds them. */
export const STEP_FORM = formBinding({
  schema: ChangeStep,
  read(form) {
    const dates = datesOf(form, { due: { prefix: 'due-0', label: 'Due date' } })
    return {
      input: {
        text: formText(form['text-0']),
        ownerName: given(form['ownerName-0']),
        due: dates.values['due'],
        status: given(form['status']),
        version: wholeNumber(form['version']),
      },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({ '': 'plan', text: 'text-0', ownerName: 'ownerName-0', due: 'due-0-day', status: 'status', version: 'plan' }),
})

/** The "Record an activity" form, on the page of activities and contacts. */
export const ACTIVITY_FORM = formBinding({
  schema: RecordActivity,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'done-on', label: 'Date of the activity' } })
    return {
      input: { activity: given(form['activity']), doneBy: formText(form['doneBy']), note: given(form['note']), date: dates.values['date'] },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({ '': 'activity', activity: 'activity', doneBy: 'done-by', note: 'activity-note', date: 'done-on-day' }),
})

/** The "Record a contact" form, on the page of activities and contacts. */
export const CONTACT_FORM = formBinding({
  schema: RecordContact,
  read(form) {
    const dates = datesOf(form, { date: { prefix: 'contact-on', label: 'Date of the contact' } })
    return {
      input: { kind: given(form['kind']), direction: given(form['direction']), note: given(form['note']), date: dates.values['date'] },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({ '': 'kind', kind: 'kind', direction: 'direction', note: 'contact-note', date: 'contact-on-day' }),
})
