import { datesOf, fieldsById, formBinding, given, listOf, wholeNumber } from '../../platform/http/form-commands.ts'
import { NameOfficer, RecordApproach, RecordDecision } from './commands.ts'

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
    version: 'choice',
  }),
})

/** The "Change the named officer" page's field, and the command it makes. */
export const OFFICER_FORM = formBinding({
  schema: NameOfficer,
  read: (form) => ({ input: { officerId: given(form['officerId']), version: wholeNumber(form['version']) } }),
  fieldId: fieldsById({ '': 'officer', officerId: 'officer', version: 'officer' }),
})
