import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { ADD_MEMBER_FORM, COMPLETE_FORM, SECTION_FORMS } from './forms.ts'

const LEO = '3f0c6a36-52c5-4b0e-9a51-0d3e6c1f2a11'
const JADE = '7d1e2b44-8c3a-4f6e-b2a9-5e4d3c2b1a00'

/** A form as the page reads it: the command, or the errors as the page shows them. */
function read(binding: Parameters<typeof readForm>[0], form: Record<string, unknown>) {
  const result = readForm(binding, form)
  return 'refusals' in result ? { errors: errorsOn(binding, result.refusals) } : { command: result.command }
}

describe('the household member form', () => {
  it('makes the date of birth from its three boxes, leaving what is needed to the service', () => {
    const form = {
      givenName: ' Leo ',
      familyName: 'Turner',
      relationship: 'child',
      dobDay: '3',
      dobMonth: '9',
      dobYear: '2015',
      sex: 'male',
    }
    expect(read(ADD_MEMBER_FORM, form)).toEqual({
      command: { givenName: 'Leo', familyName: 'Turner', relationship: 'child', dateOfBirth: '2015-09-03', sex: 'male' },
    })
    expect(read(ADD_MEMBER_FORM, {})).toEqual({ command: {} })
  })

  it('refuses a date of birth with a missing part at its day box', () => {
    expect(read(ADD_MEMBER_FORM, { dobDay: '3', dobYear: '2015' })).toEqual({
      errors: [{ href: '#dateOfBirth-dobDay', text: 'Date of birth must include a month' }],
    })
  })
})

describe('a section’s form', () => {
  it('reads each person’s support needs, "none" as an empty list', () => {
    const form = { version: '2', action: 'continue', [`needs-${JADE}`]: ['mental_health'], [`needs-${LEO}`]: 'none' }
    expect(read(SECTION_FORMS.support_needs, form)).toEqual({
      command: { needs: { [JADE]: ['mental_health'], [LEO]: [] }, complete: true, version: 2 },
    })
  })

  it('refuses needs and "none" together, and a need not on the list, at the person’s checkboxes', () => {
    const form = { version: '2', [`needs-${JADE}`]: ['mental_health', 'none'], [`needs-${LEO}`]: ['flying'] }
    expect(read(SECTION_FORMS.support_needs, form)).toEqual({
      errors: [
        { href: `#needs-${JADE}`, text: 'Select support needs, or that the person has none, not both' },
        { href: `#needs-${LEO}`, text: 'Select support needs from the list' },
      ],
    })
  })

  it('reads dates from their boxes, "later" as not complete, and refuses an unreal date at its day box', () => {
    const form = {
      version: '0',
      action: 'later',
      status: 'homeless',
      homelessSinceDay: '1',
      homelessSinceMonth: '2',
      homelessSinceYear: '2026',
    }
    expect(read(SECTION_FORMS.homelessness, form)).toEqual({
      command: { status: 'homeless', homelessSince: '2026-02-01', complete: false, version: 0 },
    })
    expect(read(SECTION_FORMS.homelessness, { ...form, homelessSinceDay: '31', homelessSinceMonth: '2' })).toEqual({
      errors: [{ href: '#homelessSince-day', text: 'Date they became homeless must be a real date' }],
    })
  })

  it('refuses a number of bedrooms that is not a whole number from 0 to 10', () => {
    for (const bedrooms of ['two', '11', '-1'])
      expect(read(SECTION_FORMS.housing_needs, { version: '1', bedrooms })).toEqual({
        errors: [{ href: '#bedrooms', text: 'Enter the number of bedrooms as a whole number from 0 to 10' }],
      })
  })
})

describe('the completion form', () => {
  it('asks for the date of the assessment at its day box', () => {
    expect(read(COMPLETE_FORM, { version: '3' })).toEqual({
      errors: [{ href: '#assessedOn-day', text: 'Enter the date of the assessment' }],
    })
    expect(read(COMPLETE_FORM, { version: '3', day: '2', month: '3', year: '2026' })).toEqual({
      command: { date: '2026-03-02', version: 3 },
    })
  })
})
