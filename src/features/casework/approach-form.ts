import type { LocalDate } from '@js-joda/core'
import {
  APPROACH_CHANNELS,
  EMERGENCIES,
  SEXES,
  approachProblems,
  type Approach,
  type ApproachChannel,
  type Emergency,
  type Sex,
} from '../../domain/approach.ts'
import { parseDateInput } from '../../platform/date-input.ts'
import { codeOf, type FormError, formText } from '../../platform/forms.ts'

/** The "Record a new approach" form, as submitted: every field a string, or several for checkboxes. */
export interface ApproachForm {
  givenName?: unknown
  familyName?: unknown
  dobDay?: unknown
  dobMonth?: unknown
  dobYear?: unknown
  sex?: unknown
  approachedDay?: unknown
  approachedMonth?: unknown
  approachedYear?: unknown
  channel?: unknown
  emergencies?: unknown
}

const NAME_LIMIT = 100

/** Reads the form into an Approach, or lists every problem at once with the field it belongs to. */
export function readApproachForm(form: ApproachForm, today: LocalDate): { approach: Approach } | { errors: FormError[] } {
  const errors: FormError[] = []
  const name = (value: unknown, href: string, label: string) => {
    const given = formText(value)
    if (!given) errors.push({ href, text: `Enter the applicant’s ${label}` })
    else if (given.length > NAME_LIMIT)
      errors.push({ href, text: `The applicant’s ${label} must be ${String(NAME_LIMIT)} characters or fewer` })
    return given
  }
  const givenName = name(form.givenName, '#given-name', 'first name')
  const familyName = name(form.familyName, '#family-name', 'last name')
  const dateOfBirth = parseDateInput({ day: form.dobDay, month: form.dobMonth, year: form.dobYear }, 'Date of birth')
  if ('error' in dateOfBirth) errors.push({ href: '#date-of-birth-dobDay', text: dateOfBirth.error })
  const sexGiven = formText(form.sex)
  const sex: Sex | undefined = codeOf(SEXES, sexGiven)
  if (sexGiven && !sex) errors.push({ href: '#sex', text: 'Select the applicant’s sex, or leave it blank' })
  const approachedOn = parseDateInput(
    { day: form.approachedDay, month: form.approachedMonth, year: form.approachedYear },
    'Date of approach',
  )
  if ('error' in approachedOn) errors.push({ href: '#approached-on-approachedDay', text: approachedOn.error })
  const channel: ApproachChannel | undefined = codeOf(APPROACH_CHANNELS, form.channel)
  if (!channel) errors.push({ href: '#channel', text: 'Select how they approached' })
  const listed = Array.isArray(form.emergencies)
    ? (form.emergencies as unknown[])
    : form.emergencies === undefined
      ? []
      : [form.emergencies]
  const emergencies = listed.map((e) => codeOf(EMERGENCIES, e))
  if (emergencies.some((e) => e === undefined)) errors.push({ href: '#emergencies', text: 'Select only the emergencies listed' })

  if ('error' in dateOfBirth || 'error' in approachedOn || !channel || errors.length > 0) return { errors }
  const approach: Approach = {
    givenName,
    familyName,
    dateOfBirth: dateOfBirth.date,
    sex: sex ?? null,
    approachedOn: approachedOn.date,
    channel,
    emergencies: emergencies.filter((e): e is Emergency => e !== undefined),
  }
  const problems = approachProblems(approach, today)
  if (problems.length > 0) {
    return {
      errors: problems.map((p) => ({
        href: p.field === 'dateOfBirth' ? '#date-of-birth-dobDay' : '#approached-on-approachedDay',
        text: p.message,
      })),
    }
  }
  return { approach }
}
