import type { LocalDate } from '@js-joda/core'
import { SEXES, type Sex } from '../../domain/approach.ts'
import { RELATIONSHIPS, dateOfBirthProblem, type Relationship } from '../../domain/assessment.ts'
import {
  DISABILITY,
  ETHNIC_GROUPS,
  GENDER_SAME_AS_AT_BIRTH,
  NATIONALITIES,
  RELIGIONS,
  SEXUAL_ORIENTATIONS,
} from '../../domain/code-lists.ts'
import { parseDateInput } from '../../platform/date-input.ts'
import type { FormError } from '../../platform/forms.ts'

/** The household member form, and the personal details form, read into values or every problem at once. */

const NAME_LIMIT = 100

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

export function codeOf<T extends string>(options: Record<T, string>, value: unknown): T | undefined {
  return typeof value === 'string' && Object.hasOwn(options, value) ? (value as T) : undefined
}

export interface Member {
  givenName: string
  familyName: string
  relationship: Relationship | null
  dateOfBirth: LocalDate
  sex: Sex
}

export function readMemberForm(
  form: Record<string, unknown>,
  today: LocalDate,
  isApplicant: boolean,
): { member: Member } | { errors: FormError[] } {
  const errors: FormError[] = []
  const who = isApplicant ? 'the applicant’s' : 'their'
  const name = (value: unknown, href: string, label: string) => {
    const given = text(value)
    if (!given) errors.push({ href, text: `Enter ${who} ${label}` })
    else if (given.length > NAME_LIMIT) errors.push({ href, text: `The ${label} must be ${String(NAME_LIMIT)} characters or fewer` })
    return given
  }
  const givenName = name(form['givenName'], '#givenName', 'first name')
  const familyName = name(form['familyName'], '#familyName', 'last name')
  const relationship = isApplicant ? null : codeOf(RELATIONSHIPS, form['relationship'])
  if (!isApplicant && !relationship) errors.push({ href: '#relationship', text: 'Select their relationship to the applicant' })
  const birth = parseDateInput({ day: form['dobDay'], month: form['dobMonth'], year: form['dobYear'] }, 'Date of birth')
  if ('error' in birth) errors.push({ href: '#dateOfBirth-dobDay', text: birth.error })
  else {
    const problem = dateOfBirthProblem(birth.date, today)
    if (problem) errors.push({ href: '#dateOfBirth-dobDay', text: problem })
  }
  const sex = codeOf(SEXES, form['sex'])
  if (!sex) errors.push({ href: '#sex', text: `Select ${who} sex` })
  if (errors.length > 0 || 'error' in birth || !sex || relationship === undefined) return { errors }
  return { member: { givenName, familyName, relationship, dateOfBirth: birth.date, sex } }
}

/** The personal details' questions, each with its code list; every one may be "not known or prefers not to say". */
export const SENSITIVE_QUESTIONS = [
  { field: 'ethnicGroup', column: 'ethnic_group', question: 'Ethnic group', options: ETHNIC_GROUPS },
  { field: 'nationality', column: 'nationality', question: 'Nationality', options: NATIONALITIES },
  { field: 'sexualOrientation', column: 'sexual_orientation', question: 'Sexual orientation', options: SEXUAL_ORIENTATIONS },
  {
    field: 'genderSameAsAtBirth',
    column: 'gender_same_as_at_birth',
    question: 'Is their gender the same as the sex they were registered at birth?',
    options: GENDER_SAME_AS_AT_BIRTH,
  },
  { field: 'religion', column: 'religion', question: 'Religion or belief', options: RELIGIONS },
  {
    field: 'disability',
    column: 'disability',
    question: 'Do they have a disability or long-term ill health?',
    options: DISABILITY,
  },
] as const

export type SensitiveField = (typeof SENSITIVE_QUESTIONS)[number]['field']

/** Each answer is optional (people need not say), but one given must come from its list. */
export function readSensitiveForm(
  form: Record<string, unknown>,
): { details: Record<SensitiveField, string | null> } | { errors: FormError[] } {
  const errors: FormError[] = []
  const details = {} as Record<SensitiveField, string | null>
  for (const q of SENSITIVE_QUESTIONS) {
    const given = text(form[q.field])
    const code = codeOf(q.options as Record<string, string>, given)
    if (given && !code) errors.push({ href: `#${q.field}`, text: `Select an answer from the list for ${q.question.toLowerCase()}` })
    details[q.field] = code ?? null
  }
  return errors.length > 0 ? { errors } : { details }
}
