import { describe, expect, it } from 'vitest'
import { errorsOn, readForm, type FormBinding } from '../../platform/http/form-commands.ts'
import { AUTHORISATION_FORM, NOTICE_FORM, PLACEMENT_ENDING_FORM, PLACEMENT_FORM, WARNING_FORM } from './forms.ts'

/** A form as the page reads it: the command, or the errors as the page shows them. */
function read(binding: FormBinding, form: Record<string, unknown>) {
  const got = readForm(binding, form)
  return 'refusals' in got ? { errors: errorsOn(binding, got.refusals) } : { command: got.command }
}

const date = { day: '1', month: '3', year: '2026' }

describe('the non-cooperation forms', () => {
  const stepId = '3f1c2b6e-8a4d-4c1e-9b7a-2d5e6f708192'

  it('make a warning: the plan step chosen, the date from its parts, the period a number', () => {
    expect(read(WARNING_FORM, { stepId, ...date, reasonablePeriodDays: ' 14 ' })).toEqual({
      command: { stepId, date: '2026-03-01', reasonablePeriodDays: 14 },
    })
  })

  it('tell every problem with a warning at once, on the page’s fields', () => {
    expect(read(WARNING_FORM, { day: '1', month: '', year: '2026', reasonablePeriodDays: '91' })).toEqual({
      errors: [
        { href: '#warned-on-day', text: 'Date of the warning must include a month' },
        { href: '#step-id', text: 'Select the step in the plan that the applicant has refused to take' },
        { href: '#reasonable-period', text: 'Enter the reasonable period as a whole number of days from 1 to 90' },
      ],
    })
    for (const period of ['', '0', '1.5', 'a week', '-3'])
      expect(read(WARNING_FORM, { stepId, ...date, reasonablePeriodDays: period })).toEqual({
        errors: [{ href: '#reasonable-period', text: 'Enter the reasonable period as a whole number of days from 1 to 90' }],
      })
  })

  it('make a notice, refusing no reasons and no date in the page’s words', () => {
    expect(read(NOTICE_FORM, { reasons: 'Refused every viewing', ...date })).toEqual({
      command: { reasons: 'Refused every viewing', date: '2026-03-01' },
    })
    expect(read(NOTICE_FORM, { reasons: '', day: '', month: '', year: '' })).toEqual({
      errors: [
        {
          href: '#reasons',
          text: 'Enter why the notice is given: the step refused, and why the refusal was deliberate and unreasonable',
        },
        { href: '#decided-on-day', text: 'Enter the date of the decision' },
      ],
    })
    expect(read(NOTICE_FORM, { reasons: 'x'.repeat(2001), ...date })).toEqual({
      errors: [{ href: '#reasons', text: 'The reasons must be 2000 characters or fewer' }],
    })
  })

  it('authorise with nothing but the button, to which a refusal of the whole command goes', () => {
    expect(read(AUTHORISATION_FORM, { _csrf: 'token' })).toEqual({ command: {} })
    expect(errorsOn(AUTHORISATION_FORM, [{ path: '', message: 'You cannot also authorise' }])).toEqual([
      { href: '#authorise', text: 'You cannot also authorise' },
    ])
  })
})

describe('the temporary accommodation forms', () => {
  it('make a placement: bedrooms optional, another district only when yes', () => {
    expect(read(PLACEMENT_FORM, { accommodationType: 'hostel', bedrooms: '', inAnotherDistrict: 'no', ...date })).toEqual({
      command: { accommodationType: 'hostel', inAnotherDistrict: false, date: '2026-03-01' },
    })
    expect(read(PLACEMENT_FORM, { accommodationType: 'hostel', bedrooms: '2', inAnotherDistrict: 'yes', ...date })).toEqual({
      command: { accommodationType: 'hostel', bedrooms: 2, inAnotherDistrict: true, date: '2026-03-01' },
    })
  })

  it('tell every problem with a placement at once, on the page’s fields', () => {
    expect(read(PLACEMENT_FORM, { bedrooms: '11', day: '30', month: '2', year: '2026' })).toEqual({
      errors: [
        { href: '#accommodation-type', text: 'Select the type of accommodation' },
        { href: '#bedrooms', text: 'Enter the number of bedrooms as a whole number from 0 to 10, or leave it blank' },
        { href: '#placed-on-day', text: 'Date of the placement must be a real date' },
      ],
    })
  })

  it('make an ending, refusing an unknown reason and a missing date', () => {
    expect(read(PLACEMENT_ENDING_FORM, { ending: 'settled_accommodation_secured', ...date })).toEqual({
      command: { ending: 'settled_accommodation_secured', date: '2026-03-01' },
    })
    expect(read(PLACEMENT_ENDING_FORM, { ending: 'nonsense' })).toEqual({
      errors: [
        { href: '#ending', text: 'Select why the placement ended' },
        { href: '#ended-on-day', text: 'Enter the date the placement ended' },
      ],
    })
  })
})
