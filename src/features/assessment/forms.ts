import { SECTION_ORDER, type Answers, type Section } from '../../domain/assessment.ts'
import type { Refusal } from '../../platform/commands.ts'
import { datesOf, fieldsById, formBinding, given, listOf, wholeNumber } from '../../platform/http/form-commands.ts'
import {
  AddMember,
  ChangeMember,
  CompleteAssessment,
  SavePersonalDetails,
  SECTION_COMMANDS,
  SECTION_DATES,
  SENSITIVE_QUESTIONS,
} from './commands.ts'

/** The household and assessment pages' forms: how each one's fields make its command, and which field each refusal is about. */

/* The household. */

const memberInput = (form: Record<string, unknown>) => {
  const dates = datesOf(form, { dateOfBirth: { prefix: 'dob', label: 'Date of birth', parts: 'camel' } })
  return {
    input: {
      givenName: given(form['givenName']),
      familyName: given(form['familyName']),
      relationship: given(form['relationship']),
      dateOfBirth: dates.values['dateOfBirth'],
      sex: given(form['sex']),
      version: wholeNumber(form['version']),
    },
    refusals: dates.refusals,
  }
}

const MEMBER_FIELDS = fieldsById({
  '': 'givenName',
  givenName: 'givenName',
  familyName: 'familyName',
  relationship: 'relationship',
  dateOfBirth: 'dateOfBirth-dobDay',
  sex: 'sex',
  version: 'version',
})

/** The "Add a household member" page's fields, and the command they make. */
export const ADD_MEMBER_FORM = formBinding({ schema: AddMember, read: memberInput, fieldId: MEMBER_FIELDS })

/** The "Change a household member" page's fields (the applicant's too), and the command they make. */
export const CHANGE_MEMBER_FORM = formBinding({ schema: ChangeMember, read: memberInput, fieldId: MEMBER_FIELDS })

/** The personal details page's questions, and the command they make: a question left blank is not answered. */
export const PERSONAL_DETAILS_FORM = formBinding({
  schema: SavePersonalDetails,
  read: (form) => ({
    input: {
      ...Object.fromEntries(SENSITIVE_QUESTIONS.map((q) => [q.field, given(form[q.field])])),
      version: wholeNumber(form['version']),
    },
  }),
  fieldId: fieldsById({
    '': SENSITIVE_QUESTIONS[0].field,
    ...Object.fromEntries(SENSITIVE_QUESTIONS.map((q) => [q.field, q.field])),
    // The version is a hidden field: its refusal is shown on the first question, where the person can act.
    version: SENSITIVE_QUESTIONS[0].field,
  }),
})

/* The assessment. */

type DateField = keyof typeof SECTION_DATES
const isDateField = (field: string): field is DateField => Object.hasOwn(SECTION_DATES, field)

/** A person's support needs are the checkboxes `needs-PERSONID`; "none" is a checkbox of its own. */
const NEEDS_PREFIX = 'needs-'
const NONE = 'none'

function supportNeedsOf(form: Record<string, unknown>): { needs: Record<string, unknown[]>; refusals: Refusal[] } {
  const needs: Record<string, unknown[]> = {}
  const refusals: Refusal[] = []
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith(NEEDS_PREFIX)) continue
    const personId = name.slice(NEEDS_PREFIX.length)
    const ticked = listOf(value)
      .map(given)
      .filter((v) => v !== undefined)
    if (ticked.length === 0) continue
    if (ticked.includes(NONE)) {
      if (ticked.length > 1)
        refusals.push({ path: `needs.${personId}`, message: 'Select support needs, or that the person has none, not both' })
      needs[personId] = []
    } else needs[personId] = ticked
  }
  return { needs, refusals }
}

/**
 * A section's page: each question is the field of its name, dates are `<field>Day`, `<field>Month` and
 * `<field>Year` (with ids `<field>-day`), each person's support needs are the checkboxes `needs-PERSONID`,
 * and the button pressed says whether the section is to be complete ("later" keeps it in progress).
 */
function sectionForm(section: Section) {
  const schema: (typeof SECTION_COMMANDS)[Section] = SECTION_COMMANDS[section]
  const questions = Object.keys(schema.shape).filter((field) => field !== 'complete' && field !== 'version')
  return formBinding({
    schema,
    read(form) {
      const input: Record<string, unknown> = { complete: form['action'] !== 'later', version: wholeNumber(form['version']) }
      const refusals: Refusal[] = []
      const dates = datesOf(
        form,
        Object.fromEntries(
          questions.filter(isDateField).map((field) => [field, { prefix: field, label: SECTION_DATES[field], parts: 'camel' as const }]),
        ),
      )
      refusals.push(...dates.refusals)
      for (const field of questions) {
        if (isDateField(field)) input[field] = dates.values[field]
        else if (field === 'bedrooms') input[field] = wholeNumber(form[field])
        else if (field === 'needs') {
          const read = supportNeedsOf(form)
          input[field] = read.needs
          refusals.push(...read.refusals)
        } else input[field] = given(form[field])
      }
      return { input, refusals }
    },
    fieldId(path) {
      if (path === '' || path === 'complete') return undefined
      if (path.startsWith('needs.')) return `${NEEDS_PREFIX}${path.slice('needs.'.length).replace(/\[\d+\]$/, '')}`
      return isDateField(path) ? `${path}-day` : path
    },
  })
}

/** Each section page's form. */
export const SECTION_FORMS = Object.fromEntries(SECTION_ORDER.map((section) => [section, sectionForm(section)])) as Record<
  Section,
  ReturnType<typeof sectionForm>
>

/** A stored section as its page's fields: dates split back into their boxes, "none" for a person with no support needs. */
export function formValues(section: Section, answers: Answers): Record<string, unknown> {
  if (section === 'support_needs') {
    const needs = answers.support_needs ?? {}
    return Object.fromEntries(Object.entries(needs).map(([id, list]) => [`${NEEDS_PREFIX}${id}`, list.length === 0 ? [NONE] : list]))
  }
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries((answers[section] ?? {}) as Record<string, unknown>)) {
    if (isDateField(key) && typeof value === 'string') {
      const [year = '', month = '', day = ''] = value.split('-')
      values[`${key}Day`] = String(Number(day))
      values[`${key}Month`] = String(Number(month))
      values[`${key}Year`] = year
    } else values[key] = typeof value === 'number' ? String(value) : value
  }
  return values
}

/** The "Check the assessment" page's date of the assessment, and the command it makes. */
export const COMPLETE_FORM = formBinding({
  schema: CompleteAssessment,
  read(form) {
    const dates = datesOf(form, { date: { prefix: '', label: 'Date of the assessment', parts: 'plain' } })
    return { input: { date: dates.values['date'], version: wholeNumber(form['version']) }, refusals: dates.refusals }
  },
  fieldId: (path) =>
    path.startsWith('sections.') ? `section-${path.slice('sections.'.length)}` : path === 'version' ? 'version' : 'assessedOn-day',
})
