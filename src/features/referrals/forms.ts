import { formText, versionOf, type FormError } from '../../platform/forms.ts'
import type { Refusal } from '../../platform/commands.ts'
import { errorsOn, fieldsById, formBinding, given, listOf, wholeNumber, type FormBinding } from '../../platform/http/form-commands.ts'
import { APPROACH_FORM } from '../casework/forms.ts'
import {
  ConvertReferral,
  LinkReferralToCase,
  readSubmission,
  SaveReferralSettings,
  SendReferralMessage,
  SubmitReferral,
  TakeReferralStep,
  type ReferralReading,
} from './commands.ts'

/** The referral pages' forms: how each one's fields make its command, and which field each refusal is about. */

// ---------------------------------------------------------------------------------------------------
// The partner's and the self-referral's forms. Their fields are named by their path in the API's body,
// so one schema reads both and every refusal finds its way back to the field it is about.

export type ReferralForm = Record<string, unknown>

const DATE_FIELDS: readonly string[] = ['person.dateOfBirth', 'expectedHomelessOn', 'dischargeOrReleaseOn']

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
    supportNeeds: listOf(needs),
    risks: text('risks'),
    otherProfessionals: text('otherProfessionals'),
    referrer: channel === 'self_referral' ? null : referrer,
    notes: text('notes'),
  }
}

/** The HTML id of a field: its path with hyphens for dots. */
export function fieldId(path: string): string {
  return path === '' ? 'referral' : path.replace(/\./g, '-')
}

/** The field a refusal is about: one of a list (`supportNeeds[1]`) is about the list; a date, about its day. */
function referralFieldId(path: string): string {
  const field = fieldOf(path)
  return `${fieldId(field)}${DATE_FIELDS.includes(field) ? '-day' : ''}`
}

const fieldOf = (path: string) => path.replace(/\[\d+\]$/, '')

/** The partner's form ("Refer someone to a housing authority"). */
export const REFERRAL_FORM = formBinding({
  schema: SubmitReferral,
  read: (form) => ({ input: bodyOfForm(form, 'web') }),
  fieldId: referralFieldId,
})

/** The member of the public's form ("Ask your council for help with housing"). */
export const SELF_REFERRAL_FORM = formBinding({
  schema: SubmitReferral,
  read: (form) => ({ input: bodyOfForm(form, 'self_referral') }),
  fieldId: referralFieldId,
})

/**
 * A referral form read as the API reads its body, with what of it could be read, so that its page is
 * told every problem at once, those across fields included; one refusal a field, as a page shows them.
 */
export function readReferralForm(binding: typeof REFERRAL_FORM, form: ReferralForm): ReferralReading {
  const read = readSubmission(binding.read(form).input)
  if ('command' in read) return read
  const shown = new Set<string>()
  const refusals = read.refusals.filter((refusal) => {
    if (shown.has(refusal.path)) return false
    shown.add(refusal.path)
    return true
  })
  return { ...read, refusals }
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

/** A refusal in the form's words: the form's choices rather than the API's codes, and "you" to a member of the public. */
function inFormWords(refusal: Refusal, selfReferral: boolean): Refusal {
  const path = fieldOf(refusal.path)
  const said = FORM_MESSAGES.find(([prefix]) => refusal.message.startsWith(prefix))?.[1] ?? refusal.message
  const text = selfReferral
    ? (SELF_REFERRAL_MESSAGES[path] ??
      said
        .replace(/the person’s/g, 'your')
        .replace(/The person’s/g, 'Your')
        .replace(/the person/g, 'you'))
    : said
  const message = DATE_FIELDS.includes(path)
    ? text.replace(' written as YYYY-MM-DD', '').replace('must be a date', 'must be a real date')
    : text
  return { path: refusal.path, message }
}

/** Each refusal as a GOV.UK error, linked to its field, in the order of the fields on the page. */
export function referralFormErrors(refusals: readonly Refusal[], selfReferral = false): FormError[] {
  const binding = selfReferral ? SELF_REFERRAL_FORM : REFERRAL_FORM
  return inPageOrder(
    errorsOn(
      binding,
      refusals.map((r) => inFormWords(r, selfReferral)),
    ),
  )
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
 * The error summary lists problems in the order of the fields on the page (GOV.UK pattern); the schema
 * finds them in the API body's order. A problem with the whole form comes first.
 */
function inPageOrder(errors: FormError[]): FormError[] {
  const rank = (error: FormError) => FIELDS_IN_PAGE_ORDER.findIndex((id) => error.href.slice(1).startsWith(id))
  return [...errors].sort((a, b) => rank(a) - rank(b))
}

// ---------------------------------------------------------------------------------------------------
// The housing authority's forms on the referral's page, its conversion page and its settings page.

const stepInput = (form: Record<string, unknown>) => ({
  input: {
    action: given(form['action']),
    outcome: given(form['outcome']),
    details: given(form['details']),
    // A form without a version is not checked against one, as before.
    version: versionOf(form['version']),
  },
})

/** The steps' forms: acknowledge, record contact and record the outcome. */
export const STEP_FORM = formBinding({
  schema: TakeReferralStep,
  read: stepInput,
  fieldId: fieldsById({ '': 'action', action: 'action', version: 'action', outcome: 'outcome', details: 'details' }),
})

/** The closing form sits on the same page as the outcome's, so its fields have their own ids. */
export const CLOSE_STEP_FORM = formBinding({
  schema: TakeReferralStep,
  read: stepInput,
  fieldId: fieldsById({ '': 'action', action: 'action', version: 'action', outcome: 'close-outcome', details: 'close-details' }),
})

/** The binding for the step a form asks for. */
export const stepFormOf = (form: Record<string, unknown>): FormBinding<typeof TakeReferralStep> =>
  form['action'] === 'close' ? CLOSE_STEP_FORM : STEP_FORM

export const MESSAGE_FORM = formBinding({
  schema: SendReferralMessage,
  read: (form) => ({ input: { message: typeof form['message'] === 'string' ? form['message'] : undefined } }),
  fieldId: fieldsById({ '': 'message', message: 'message' }),
})

/** "Link to case": a duplicate's button on the conversion page. */
export const LINK_FORM = formBinding({
  schema: LinkReferralToCase,
  read: (form) => ({ input: { caseReference: given(form['caseReference']) ?? '', version: versionOf(form['version']) } }),
  fieldId: fieldsById({ '': 'case-reference', caseReference: 'case-reference', version: 'case-reference' }),
})

/** The conversion page: the approach's own form, with the referral's version. */
export const CONVERT_FORM = formBinding({
  schema: ConvertReferral,
  read(form) {
    const approach = APPROACH_FORM.read(form)
    return {
      input: { approach: approach.input, version: versionOf(form['version']) },
      refusals: (approach.refusals ?? []).map((r) => ({ ...r, path: r.path === '' ? 'approach' : `approach.${r.path}` })),
    }
  },
  fieldId: (path) =>
    path === 'approach' || path === 'version'
      ? APPROACH_FORM.fieldId('')
      : path.startsWith('approach.')
        ? APPROACH_FORM.fieldId(path.slice('approach.'.length))
        : APPROACH_FORM.fieldId(path),
})

export const SETTINGS_FORM = formBinding({
  schema: SaveReferralSettings,
  read: (form) => ({ input: { targetWorkingDays: wholeNumber(form['targetWorkingDays']), contactEmail: given(form['contactEmail']) } }),
  fieldId: fieldsById({ '': 'target-working-days', targetWorkingDays: 'target-working-days', contactEmail: 'contact-email' }),
})
