import type { LocalDate } from '@js-joda/core'
import {
  ELIGIBILITY,
  HOMELESSNESS_STATUSES,
  homelessnessProblems,
  missingAnswers,
  type Answers,
  type HouseholdFacts,
  type Problem,
  type Section,
  type SupportNeedsAnswers,
} from '../../domain/assessment.ts'
import {
  ACCOMMODATION_AT_APPLICATION,
  BENEFIT_CLAIMS,
  EMPLOYMENT_STATUSES,
  POSSESSION_NOTICE_TYPES,
  REASONS_FOR_LOSS_OF_HOME,
  SUPPORT_NEEDS,
  type SupportNeed,
} from '../../domain/code-lists.ts'
import { parseDateInput } from '../../platform/date-input.ts'
import type { FormError } from '../../platform/forms.ts'
import { codeOf, text } from './household-form.ts'

/**
 * Reading each section's form into the answers the domain rules understand. Whatever is given must be
 * right (a real date, a code from the list, text not too long); "Save and continue" also needs every
 * answer the section requires, while "Save and come back later" keeps a section in progress.
 */

const TEXT_LIMIT = 2000

/** Date fields are named `<field>Day`, `<field>Month`, `<field>Year`, with ids `<field>-day` and so on. */
export const DATE_FIELDS = ['homelessSince', 'expectedHomelessOn', 'noticeServedOn', 'noticeExpiresOn'] as const

const DATE_LABELS: Record<(typeof DATE_FIELDS)[number], string> = {
  homelessSince: 'Date they became homeless',
  expectedHomelessOn: 'Date they expect to become homeless',
  noticeServedOn: 'Date the notice was served',
  noticeExpiresOn: 'Date the notice expires',
}

export type SectionRead = { answers: Answers[Section] } | { errors: FormError[] }

/** A domain problem as a form error: date fields point at their day box. */
function toError(problem: Problem): FormError {
  const isDate = (DATE_FIELDS as readonly string[]).includes(problem.field)
  return { href: `#${problem.field}${isDate ? '-day' : ''}`, text: problem.message }
}

export function readSection(
  section: Section,
  form: Record<string, unknown>,
  context: { today: LocalDate; household: HouseholdFacts; complete: boolean },
): SectionRead {
  const errors: FormError[] = []
  const optionalText = (field: string, label: string): string | undefined => {
    const given = text(form[field])
    if (given.length > TEXT_LIMIT) errors.push({ href: `#${field}`, text: `${label} must be ${String(TEXT_LIMIT)} characters or fewer` })
    return given || undefined
  }
  const optionalCode = <T extends string>(field: string, options: Record<T, string>, message: string): T | undefined => {
    const given = text(form[field])
    if (!given) return undefined
    const code = codeOf(options, given)
    if (!code) errors.push({ href: `#${field}`, text: message })
    return code
  }
  const optionalDate = (field: (typeof DATE_FIELDS)[number]): string | undefined => {
    const parts = { day: form[`${field}Day`], month: form[`${field}Month`], year: form[`${field}Year`] }
    if (![parts.day, parts.month, parts.year].some((p) => text(p))) return undefined
    const read = parseDateInput(parts, DATE_LABELS[field])
    if ('error' in read) {
      errors.push({ href: `#${field}-day`, text: read.error })
      return undefined
    }
    return read.date.toString()
  }

  let answers: Answers[Section]
  const whole: Answers = {}
  switch (section) {
    case 'eligibility':
      whole.eligibility = {
        eligibility: optionalCode('eligibility', ELIGIBILITY, 'Select whether the applicant is eligible for assistance'),
        immigrationStatus: optionalText('immigrationStatus', 'The immigration status'),
      }
      answers = whole.eligibility
      break
    case 'homelessness': {
      const a = {
        status: optionalCode('status', HOMELESSNESS_STATUSES, 'Select whether the household is homeless or threatened with homelessness'),
        homelessSince: optionalDate('homelessSince'),
        expectedHomelessOn: optionalDate('expectedHomelessOn'),
        possessionNotice: optionalCode('possessionNotice', POSSESSION_NOTICE_TYPES, 'Select the type of notice from the list'),
        noticeServedOn: optionalDate('noticeServedOn'),
        noticeExpiresOn: optionalDate('noticeExpiresOn'),
      }
      for (const problem of homelessnessProblems(a, context.today))
        if (!errors.some((e) => e.href.startsWith(`#${problem.field}`))) errors.push(toError(problem))
      whole.homelessness = a
      answers = a
      break
    }
    case 'circumstances':
      whole.circumstances = {
        lastSettledAccommodation: optionalCode(
          'lastSettledAccommodation',
          ACCOMMODATION_AT_APPLICATION,
          'Select the last settled home from the list',
        ),
        reasonForLoss: optionalCode('reasonForLoss', REASONS_FOR_LOSS_OF_HOME, 'Select the reason from the list'),
        circumstances: optionalText('circumstances', 'The circumstances'),
      }
      answers = whole.circumstances
      break
    case 'accommodation':
      whole.accommodation = {
        accommodationAtApplication: optionalCode(
          'accommodationAtApplication',
          ACCOMMODATION_AT_APPLICATION,
          'Select where they live from the list',
        ),
        details: optionalText('details', 'The details'),
      }
      answers = whole.accommodation
      break
    case 'housing_needs': {
      const given = text(form['bedrooms'])
      let bedrooms: number | undefined
      if (given) {
        if (/^\d{1,2}$/.test(given) && Number(given) <= 10) bedrooms = Number(given)
        else errors.push({ href: '#bedrooms', text: 'Enter the number of bedrooms as a whole number from 0 to 10' })
      }
      whole.housing_needs = {
        bedrooms,
        accessibility: optionalText('accessibility', 'The accessibility needs'),
        location: optionalText('location', 'The location needs'),
        other: optionalText('other', 'The other needs'),
      }
      answers = whole.housing_needs
      break
    }
    case 'support_needs': {
      const needs: SupportNeedsAnswers = {}
      for (const id of context.household.personIds) {
        const raw = form[`needs-${id}`]
        const given = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(text).filter(Boolean)
        if (given.length === 0) continue
        if (given.includes('none')) {
          if (given.length > 1) errors.push({ href: `#needs-${id}`, text: 'Select support needs, or that the person has none, not both' })
          needs[id] = []
          continue
        }
        const codes = given.map((g) => codeOf(SUPPORT_NEEDS, g))
        if (codes.some((c) => c === undefined)) errors.push({ href: `#needs-${id}`, text: 'Select support needs from the list' })
        needs[id] = codes.filter((c): c is SupportNeed => c !== undefined)
      }
      whole.support_needs = needs
      answers = needs
      break
    }
    case 'employment':
      whole.employment = {
        applicantEmployment: optionalCode(
          'applicantEmployment',
          EMPLOYMENT_STATUSES,
          'Select the applicant’s employment status from the list',
        ),
        partnerEmployment: context.household.hasPartner
          ? optionalCode('partnerEmployment', EMPLOYMENT_STATUSES, 'Select the partner’s employment status from the list')
          : undefined,
        housingCostBenefits: optionalCode(
          'housingCostBenefits',
          BENEFIT_CLAIMS,
          'Select whether anyone claims benefits towards housing costs',
        ),
        livingCostBenefits: optionalCode(
          'livingCostBenefits',
          BENEFIT_CLAIMS,
          'Select whether anyone claims benefits towards other living costs',
        ),
        benefitsDetails: optionalText('benefitsDetails', 'The benefits details'),
      }
      answers = whole.employment
      break
    case 'strengths':
      whole.strengths = {
        skills: optionalText('skills', 'The skills'),
        networks: optionalText('networks', 'The networks'),
        whatHasWorked: optionalText('whatHasWorked', 'What has worked before'),
        goals: optionalText('goals', 'The goals'),
      }
      answers = whole.strengths
      break
  }
  if (context.complete && errors.length === 0)
    for (const problem of missingAnswers(section, whole, context.household)) errors.push(toError(problem))
  if (errors.length > 0) return { errors }
  return { answers: withoutBlanks(answers) }
}

/** Answers without the questions left blank, so that what is stored is only what was said. */
function withoutBlanks<T>(answers: T): T {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return answers
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as T
}

/** A stored section as the form's values, dates split back into their boxes. */
export function formValues(section: Section, answers: Answers): Record<string, unknown> {
  if (section === 'support_needs') {
    const needs = answers.support_needs ?? {}
    return Object.fromEntries(Object.entries(needs).map(([id, list]) => [`needs-${id}`, list.length === 0 ? ['none'] : list]))
  }
  const stored = (answers[section] ?? {}) as Record<string, unknown>
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stored)) {
    if ((DATE_FIELDS as readonly string[]).includes(key) && typeof value === 'string') {
      const [year, month, day] = value.split('-')
      values[`${key}Day`] = String(Number(day))
      values[`${key}Month`] = String(Number(month))
      values[`${key}Year`] = year
    } else values[key] = typeof value === 'number' ? String(value) : value
  }
  return values
}
