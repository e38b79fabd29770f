import { APPROACH_CHANNELS, APPROACH_ROUTES, EMERGENCIES, SEXES } from '../../domain/approach.ts'
import { errorsByField, type FormError } from '../../platform/forms.ts'
import { datesOf, fieldsById, formBinding, given, listOf, wholeNumber } from '../../platform/http/form-commands.ts'
import {
  AuthoriseNotice,
  DecideNotice,
  EndPlacement,
  GiveWarning,
  NameOfficer,
  PlaceInAccommodation,
  RecordApproach,
  RecordDecision,
} from './commands.ts'

/** The casework pages' forms: how each one's fields make its command, and which field each refusal is about. */

/** The "Record a new approach" page's fields, and the command they make. */
export const APPROACH_FORM = formBinding({
  schema: RecordApproach,
  read(form) {
    const dates = datesOf(form, {
      'applicant.dateOfBirth': { prefix: 'dob', label: 'Date of birth', parts: 'camel' },
      approachedOn: { prefix: 'approached', label: 'Date of approach', parts: 'camel' },
    })
    return {
      input: {
        applicant: {
          givenName: given(form['givenName']),
          familyName: given(form['familyName']),
          dateOfBirth: dates.values['applicant.dateOfBirth'],
          sex: given(form['sex']),
        },
        approachedOn: dates.values['approachedOn'],
        channel: given(form['channel']),
        referralRoute: given(form['referralRoute']),
        emergencies: listOf(form['emergencies']),
      },
      refusals: dates.refusals,
    }
  },
  fieldId: (path) =>
    path.startsWith('emergencies')
      ? 'emergencies'
      : fieldsById({
          'applicant.givenName': 'given-name',
          'applicant.familyName': 'family-name',
          'applicant.dateOfBirth': 'date-of-birth-dobDay',
          'applicant.sex': 'sex',
          approachedOn: 'approached-on-approachedDay',
          channel: 'channel',
          referralRoute: 'referral-route',
        })(path),
})

/** The "Record a decision" page's fields, and the command they make. */
export const DECISION_FORM = formBinding({
  schema: RecordDecision,
  read(form) {
    const dates = datesOf(form, { date: { prefix: '', label: 'Date of decision', parts: 'plain' } })
    return {
      input: {
        decision: given(form['choice']),
        date: dates.values['date'],
        ground: given(form['ground']),
        reason: given(form['reason']),
        accommodationOutcome: given(form['accommodationOutcome']),
        accommodationSecured: given(form['accommodationSecured']),
        letterReasons: given(form['letterReasons']),
        priorityNeed: given(form['priorityNeed']),
        priorityNeedCategory: given(form['priorityNeedCategory']),
        intentionality: given(form['intentionality']),
        intentionalityReasons: given(form['intentionalityReasons']),
        version: wholeNumber(form['version']),
      },
      refusals: dates.refusals,
    }
  },
  fieldId: fieldsById({
    '': 'choice',
    decision: 'choice',
    date: 'decided-on-day',
    ground: 'ground',
    reason: 'reason',
    accommodationOutcome: 'accommodation-outcome',
    accommodationSecured: 'accommodation-secured',
    letterReasons: 'letter-reasons',
    priorityNeed: 'priority-need',
    priorityNeedCategory: 'priority-need-category',
    intentionality: 'intentionality',
    intentionalityReasons: 'intentionality-reasons',
    version: 'choice',
  }),
})

/** The "Change the named officer" page's field, and the command it makes. */
export const OFFICER_FORM = formBinding({
  schema: NameOfficer,
  read: (form) => ({ input: { officerId: given(form['officerId']), version: wholeNumber(form['version']) } }),
  fieldId: fieldsById({ '': 'officer', officerId: 'officer', version: 'officer' }),
})

/** A form whose only date is the GOV.UK date input with plain `day`, `month` and `year` fields, at the command's `date`. */
function withDate(form: Record<string, unknown>, label: string, input: Record<string, unknown>) {
  const dates = datesOf(form, { date: { prefix: '', label, parts: 'plain' } })
  return { input: { ...input, date: dates.values['date'] }, refusals: dates.refusals }
}

/** The non-cooperation page's warning form, and the command it makes. */
export const WARNING_FORM = formBinding({
  schema: GiveWarning,
  read: (form) =>
    withDate(form, 'Date of the warning', {
      stepId: given(form['stepId']),
      reasonablePeriodDays: wholeNumber(form['reasonablePeriodDays']),
    }),
  fieldId: fieldsById({
    '': 'step-id',
    stepId: 'step-id',
    date: 'warned-on-day',
    reasonablePeriodDays: 'reasonable-period',
  }),
})

/** The non-cooperation page's notice form, and the command it makes. */
export const NOTICE_FORM = formBinding({
  schema: DecideNotice,
  read: (form) => withDate(form, 'Date of the decision', { reasons: given(form['reasons']) }),
  fieldId: fieldsById({ '': 'reasons', reasons: 'reasons', date: 'decided-on-day' }),
})

/** The non-cooperation page's authorisation button: no fields, so every refusal is about the button. */
export const AUTHORISATION_FORM = formBinding({
  schema: AuthoriseNotice,
  read: () => ({ input: {} }),
  fieldId: () => 'authorise',
})

/** The temporary accommodation page's placement form, and the command it makes. */
export const PLACEMENT_FORM = formBinding({
  schema: PlaceInAccommodation,
  read: (form) =>
    withDate(form, 'Date of the placement', {
      accommodationType: given(form['accommodationType']),
      // Asked only for interim accommodation (s188): a placement under the main duty sends neither.
      reasonToBelieve: form['reasonToBelieve'] === undefined ? undefined : listOf(form['reasonToBelieve']),
      apparentPriorityNeed: given(form['apparentPriorityNeed']),
      bedrooms: wholeNumber(form['bedrooms']),
      inAnotherDistrict: form['inAnotherDistrict'] === 'yes',
    }),
  fieldId: (path) =>
    path.startsWith('reasonToBelieve')
      ? 'reason-to-believe'
      : fieldsById({
          '': 'accommodation-type',
          accommodationType: 'accommodation-type',
          apparentPriorityNeed: 'apparent-priority-need',
          bedrooms: 'bedrooms',
          inAnotherDistrict: 'in-another-district',
          date: 'placed-on-day',
        })(path),
})

/** The temporary accommodation page's ending form, and the command it makes. */
export const PLACEMENT_ENDING_FORM = formBinding({
  schema: EndPlacement,
  read: (form) => withDate(form, 'Date the placement ended', { ending: given(form['ending']) }),
  fieldId: fieldsById({ '': 'ending', ending: 'ending', date: 'ended-on-day' }),
})

/** What the approach's fields need to be shown, on the approach page and on a referral's: the values sent, the errors and the choices. */
export function approachFields(values: Record<string, unknown>, errors: FormError[]) {
  const checked = listOf(values['emergencies'])
  return {
    values,
    errors,
    errorFor: errorsByField(errors),
    channels: Object.entries(APPROACH_CHANNELS).map(([value, text]) => ({ value, text })),
    routes: Object.entries(APPROACH_ROUTES).map(([value, text]) => ({ value, text })),
    sexes: Object.entries(SEXES).map(([value, text]) => ({ value, text })),
    emergencies: Object.entries(EMERGENCIES).map(([value, text]) => ({ value, text, checked: checked.includes(value) })),
  }
}
