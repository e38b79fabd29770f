import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { CONVERT_FORM, LINK_FORM, REFERRAL_FORM, referralFormErrors, SELF_REFERRAL_FORM, SETTINGS_FORM, stepFormOf } from './forms.ts'

const refusalsOf = (read: { command: unknown } | { refusals: { path: string; message: string }[] }) =>
  'refusals' in read ? read.refusals : []

const partnerForm = {
  'consent.toReferral': 'yes',
  'consent.toShareContactDetails': 'yes',
  'consent.authorityChosenByPerson': 'yes',
  localAuthority: 'E07000073',
  'person.givenName': ' Robin ',
  'person.familyName': 'Ash',
  'person.dateOfBirth-day': '1',
  'person.dateOfBirth-month': '4',
  'person.dateOfBirth-year': '1990',
  'person.phone': '07700 900123',
  'person.preferredContact': 'phone',
  reason: 'homeless',
  'household.adults': '2',
  supportNeeds: 'mental_health',
  'referrer.name': 'A. Nurse',
  'referrer.email': 'a.nurse@example.nhs.uk',
}

describe('the referral forms', () => {
  it('read the partner form into the API’s body', () => {
    const read = readForm(REFERRAL_FORM, partnerForm)
    expect(read).toHaveProperty('command')
    if (!('command' in read)) return
    expect(read.command.person).toMatchObject({ givenName: 'Robin', dateOfBirth: '1990-04-01', address: null })
    expect(read.command.household).toEqual({ adults: 2, children: 0 })
    expect(read.command.supportNeeds).toEqual(['mental_health'])
    expect(read.command.referrer).toMatchObject({ name: 'A. Nurse', phone: null })
  })

  it('show a date, a list and a missing consent on their fields, in the page’s order and the form’s words', () => {
    const read = readForm(REFERRAL_FORM, {
      ...partnerForm,
      'consent.toReferral': undefined,
      'person.dateOfBirth-month': '',
      supportNeeds: ['mental_health', 'a_garden'],
      reason: undefined,
    })
    expect(referralFormErrors(refusalsOf(read))).toEqual([
      { href: '#consent-toReferral', text: expect.stringContaining('The person must agree to be referred') as string },
      { href: '#person-dateOfBirth-day', text: 'The person’s date of birth must be a real date' },
      { href: '#reason', text: 'Select why the person is being referred' },
      { href: '#supportNeeds', text: 'Choose support needs from the list' },
    ])
  })

  it('ask a member of the public about themselves', () => {
    const read = readForm(SELF_REFERRAL_FORM, {
      ...partnerForm,
      'consent.toShareContactDetails': 'no',
      'person.givenName': '',
    })
    expect(referralFormErrors(refusalsOf(read), true)).toEqual([
      {
        href: '#consent-toShareContactDetails',
        text: expect.stringContaining('Select yes if the council may use your contact details') as string,
      },
      { href: '#person-givenName', text: 'Enter your first name' },
    ])
  })
})

describe('the referral page’s step forms', () => {
  it('show the closing form’s problems on its own fields', () => {
    const close = { action: 'close', outcome: 'flying', details: '<b>no</b>', version: '3' }
    expect(errorsOn(stepFormOf(close), refusalsOf(readForm(stepFormOf(close), close)))).toEqual([
      { href: '#close-outcome', text: 'Choose why the referral is being closed' },
      { href: '#close-details', text: 'The details must not contain HTML tags' },
    ])
    const outcome = { action: 'record_outcome', version: '3' }
    expect(errorsOn(stepFormOf(outcome), refusalsOf(readForm(stepFormOf(outcome), outcome)))).toEqual([
      { href: '#outcome', text: 'Choose what the assessment found' },
    ])
    expect(errorsOn(stepFormOf({}), refusalsOf(readForm(stepFormOf({}), { action: 'dance' })))).toEqual([
      { href: '#action', text: 'Choose what to do with the referral' },
    ])
  })

  it('read a step without a version as unchecked', () => {
    expect(readForm(stepFormOf({}), { action: 'acknowledge', version: 'x' })).toEqual({ command: { action: 'acknowledge' } })
  })
})

describe('the conversion and settings forms', () => {
  it('show the approach’s problems on the approach’s fields', () => {
    const read = readForm(CONVERT_FORM, {
      givenName: 'Robin',
      dobDay: '31',
      dobMonth: '2',
      dobYear: '1990',
      channel: 'referral',
      version: '2',
    })
    expect(errorsOn(CONVERT_FORM, refusalsOf(read))).toEqual([
      { href: '#family-name', text: 'Enter the applicant’s last name' },
      { href: '#date-of-birth-dobDay', text: 'Date of birth must be a real date' },
      { href: '#approached-on-approachedDay', text: 'Enter the date of approach' },
      { href: '#referral-route', text: 'Select how the household came to us: themselves, referred, or found by us or a partner' },
    ])
    expect(errorsOn(LINK_FORM, refusalsOf(readForm(LINK_FORM, { caseReference: ' ' })))).toEqual([
      { href: '#case-reference', text: 'Choose one of your authority’s cases' },
    ])
  })

  it('read the response target as a whole number from 1 to 20', () => {
    expect(readForm(SETTINGS_FORM, { targetWorkingDays: '3', contactEmail: '' })).toEqual({ command: { targetWorkingDays: 3 } })
    expect(errorsOn(SETTINGS_FORM, refusalsOf(readForm(SETTINGS_FORM, { targetWorkingDays: '0', contactEmail: 'x' })))).toEqual([
      { href: '#target-working-days', text: 'Enter a number of working days from 1 to 20' },
      { href: '#contact-email', text: 'Enter the team’s email address in the right format, like housing.options@council.gov.uk' },
    ])
  })
})
