import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { DECISION_FORM } from './forms.ts'

const date = { day: '1', month: '3', year: '2026', version: '1' }

/** The decision form as the page reads it: the command, or the errors as the page shows them. */
function readDecisionForm(form: Record<string, string>) {
  const read = readForm(DECISION_FORM, form)
  return 'refusals' in read ? { errors: errorsOn(DECISION_FORM, read.refusals) } : { decision: read.command }
}

describe('reasons for a decision against the applicant (s184(3))', () => {
  it.each([
    ['approach', { choice: 'no_duty_owed', reason: 'not_eligible' }],
    ['relief', { choice: 'main_duty_not_owed' }],
  ] as const)('are required for %s: %j', (_stage, fields) => {
    const without = readDecisionForm({ ...date, ...fields })
    expect(without).toEqual({ errors: [expect.objectContaining({ href: '#letter-reasons' })] })
    const blank = readDecisionForm({ ...date, ...fields, letterReasons: '   ' })
    expect('errors' in blank).toBe(true)
    const given = readDecisionForm({ ...date, ...fields, letterReasons: 'You are not eligible because ...' })
    expect('decision' in given).toBe(true)
  })

  it('are optional for a decision in the applicant’s favour', () => {
    expect('decision' in readDecisionForm({ ...date, choice: 'accept_prevention_duty' })).toBe(true)
    expect('decision' in readDecisionForm({ ...date, choice: 'main_duty_owed' })).toBe(true)
  })

  it('are limited in length', () => {
    const long = readDecisionForm({ ...date, choice: 'accept_prevention_duty', letterReasons: 'x'.repeat(5001) })
    expect(long).toEqual({ errors: [{ href: '#letter-reasons', text: 'The reasons must be 5000 characters or fewer' }] })
  })
})

describe('every problem with the form at once', () => {
  it('names each field that is wrong, dates in the design system’s words', () => {
    const read = readDecisionForm({ choice: 'end_prevention_duty', day: '1', year: '2026', version: '1' })
    expect(read).toEqual({
      errors: [
        { href: '#decided-on-day', text: 'Date of decision must include a month' },
        { href: '#ground', text: 'Select the ground for ending the duty' },
      ],
    })
  })

  it('asks where the household lives when a duty ends with accommodation secured', () => {
    const read = readDecisionForm({ ...date, choice: 'end_relief_duty', ground: 'suitable_accommodation_secured', day: '31', month: '2' })
    expect(read).toEqual({
      errors: [
        { href: '#decided-on-day', text: 'Date of decision must be a real date' },
        { href: '#accommodation-outcome', text: 'Select where the household is living now' },
        { href: '#accommodation-secured', text: 'Select the type of accommodation secured' },
      ],
    })
  })
})
