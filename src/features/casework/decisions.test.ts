import { describe, expect, it } from 'vitest'
import { readDecisionForm } from './decisions.ts'

const date = { day: '1', month: '3', year: '2026', version: '1' }

describe('reasons for a decision against the applicant (s184(3))', () => {
  it.each([
    ['approach', { choice: 'no_duty_owed', reason: 'not_eligible' }],
    ['relief', { choice: 'main_duty_not_owed' }],
  ] as const)('are required for %s: %j', (stage, fields) => {
    const without = readDecisionForm(stage, { ...date, ...fields })
    expect(without).toEqual({ errors: [expect.objectContaining({ href: '#letter-reasons' })] })
    const blank = readDecisionForm(stage, { ...date, ...fields, letterReasons: '   ' })
    expect('errors' in blank).toBe(true)
    const given = readDecisionForm(stage, { ...date, ...fields, letterReasons: 'You are not eligible because ...' })
    expect('decision' in given).toBe(true)
  })

  it('are optional for a decision in the applicant’s favour', () => {
    expect('decision' in readDecisionForm('approach', { ...date, choice: 'accept_prevention_duty' })).toBe(true)
    expect('decision' in readDecisionForm('relief', { ...date, choice: 'main_duty_owed' })).toBe(true)
  })

  it('are limited in length', () => {
    const long = readDecisionForm('approach', { ...date, choice: 'accept_prevention_duty', letterReasons: 'x'.repeat(5001) })
    expect(long).toEqual({ errors: [{ href: '#letter-reasons', text: 'The reasons must be 5000 characters or fewer' }] })
  })
})
