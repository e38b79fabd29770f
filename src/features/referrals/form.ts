import type { Problem } from '../../domain/referral-submission.ts'
import { formText, type FormError } from '../../platform/forms.ts'

/**
 * The referral forms (partner and self-referral) name each field by its path in the API body, so one
 * set of rules reads both and every problem finds its way back to the field it is about.
 */

const DATE_FIELDS = ['person.dateOfBirth', 'expectedHomelessOn', 'dischargeOrReleaseOn'] as const

export type ReferralForm = Record<string, unknown>

/** The body the API would have been sent, built from the form's fields. */
export function bodyOfForm(form: ReferralForm, channel: 'web' | 'self_referral'): Record<string, unknown> {
  const text = (name: string) => formText(form[name]) || null
  const date = (name: string) => {
    const [day, month, year] = ['day', 'month', 'year'].map((part) => formText(form[`${name}-${part}`]))
    if (!day && !month && !year) return null
    return `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`
  }
  const number = (name: string) => {
    const given = formText(form[name])
    return /^\d{1,3}$/.test(given) ? Number(given) : given
  }
  const address = { line1: text('person.address.line1'), town: text('person.address.town'), postcode: text('person.address.postcode') }
  const adults = number('household.adults')
  const children = number('household.children')
  const needs = form['supportNeeds']
  const referrer = {
    name: text('referrer.name'),
    role: text('referrer.role'),
    phone: text('referrer.phone'),
    email: text('referrer.email'),
  }
  return {
    localAuthority: formText(form['localAuthority']),
    consent: {
      toReferral: form['consent.toReferral'] === 'yes',
      toShareContactDetails: form['consent.toShareContactDetails'] === 'yes',
      authorityChosenByPerson: form['consent.authorityChosenByPerson'] === 'yes',
    },
    person: {
      givenName: formText(form['person.givenName']),
      familyName: formText(form['person.familyName']),
      dateOfBirth: date('person.dateOfBirth'),
      phone: text('person.phone'),
      email: text('person.email'),
      preferredContact: formText(form['person.preferredContact']) || undefined,
      address: Object.values(address).every((v) => v === null) ? null : address,
    },
    reason: formText(form['reason']) || undefined,
    expectedHomelessOn: date('expectedHomelessOn'),
    dischargeOrReleaseOn: date('dischargeOrReleaseOn'),
    household: adults === '' && children === '' ? null : { adults, children: children === '' ? 0 : children },
    supportNeeds: Array.isArray(needs) ? needs : needs === undefined || needs === '' ? [] : [needs],
    risks: text('risks'),
    otherProfessionals: text('otherProfessionals'),
    referrer: channel === 'self_referral' ? null : referrer,
    notes: text('notes'),
  }
}

/** What a form says where the API's message names codes or formats. */
const FORM_MESSAGES: readonly [prefix: string, message: string][] = [
  ['Enter the ONS code', 'Select the housing authority the person chose'],
  ['Choose the reason', 'Select why the person is being referred'],
  ['Choose how the person prefers', 'Select how the person prefers to be contacted'],
]

/** A member of the public is asked about themselves, not about "the person". */
const SELF_REFERRAL_MESSAGES: Record<string, string> = {
  'consent.toReferral': 'Select yes if you want the council to contact you about help with housing',
  'consent.toShareContactDetails': 'Select yes if the council may use your contact details: they need one way to reach you',
  'consent.authorityChosenByPerson': 'Select yes to confirm the council you chose is the one you want help from',
  localAuthority: 'Select the council you want help from',
  'person.preferredContact': 'Select how you would like to be contacted',
}

/** Each problem as a GOV.UK error, linked to its field, in the order of the fields on the page. */
export function formErrorsOf(problems: readonly Problem[], selfReferral = false): FormError[] {
  const errors = problems.map((p) => {
    const path = p.path.replace(/\.\d+$/, '')
    const isDate = (DATE_FIELDS as readonly string[]).includes(path)
    const said = FORM_MESSAGES.find(([prefix]) => p.message.startsWith(prefix))?.[1] ?? p.message
    const text = selfReferral
      ? (SELF_REFERRAL_MESSAGES[path] ??
        said
          .replace(/the person’s/g, 'your')
          .replace(/The person’s/g, 'Your')
          .replace(/the person/g, 'you'))
      : said
    return {
      href: `#${fieldId(path)}${isDate ? '-day' : ''}`,
      text: isDate ? text.replace(' written as YYYY-MM-DD', '').replace('must be a date', 'must be a real date') : text,
    }
  })
  return inPageOrder(errors)
}

/** The HTML id of a field: its path with hyphens for dots. */
export function fieldId(path: string): string {
  return path === '' ? 'referral' : path.replace(/\./g, '-')
}

/** The form's fields from top to bottom (their ids, or the start of them). */
const FIELDS_IN_PAGE_ORDER = [
  'consent-toReferral',
  'consent-toShareContactDetails',
  'consent-authorityChosenByPerson',
  'localAuthority',
  'person-givenName',
  'person-familyName',
  'person-dateOfBirth',
  'person-phone',
  'person-email',
  'person-address',
  'person-preferredContact',
  'reason',
  'expectedHomelessOn',
  'dischargeOrReleaseOn',
  'household',
  'supportNeeds',
  'risks',
  'otherProfessionals',
  'notes',
  'referrer',
]

/**
 * The error summary lists problems in the order of the fields on the page (GOV.UK pattern); the rules
 * find them in the API body's order. A problem with the whole form comes first.
 */
function inPageOrder(errors: FormError[]): FormError[] {
  const rank = (error: FormError) => FIELDS_IN_PAGE_ORDER.findIndex((id) => error.href.slice(1).startsWith(id))
  return [...errors].sort((a, b) => rank(a) - rank(b))
}
