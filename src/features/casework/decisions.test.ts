import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { decisionOf } from './commands.ts'
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
    ['relief', { choice: 'main_duty_not_owed', priorityNeed: 'not_in_priority_need' }],
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
    expect(
      'decision' in
        readDecisionForm({
          ...date,
          choice: 'main_duty_owed',
          priorityNeed: 'in_priority_need',
          priorityNeedCategory: 'dependent_children',
          intentionality: 'not_intentionally_homeless',
        }),
    ).toBe(true)
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

/**
 * Priority need (s189) and intentionality (s191) on the decision form: what each choice must say. The
 * main duty decision rests on both (s193(1)); the relief duty may leave them undecided; a finding of
 * intentional homelessness carries its reasons (s184(3)).
 */
describe('priority need and intentionality on the decision form', () => {
  const inNeed = { priorityNeed: 'in_priority_need', priorityNeedCategory: 'domestic_abuse' }
  it.each<[string, Record<string, string>, string[]]>([
    ['relief owed, nothing decided yet', { choice: 'accept_relief_duty' }, []],
    ['relief owed, in priority need', { choice: 'accept_relief_duty', ...inNeed }, []],
    [
      'relief owed, in priority need but no category',
      { choice: 'accept_relief_duty', priorityNeed: 'in_priority_need' },
      ['#priority-need-category'],
    ],
    [
      'relief owed, a category without priority need',
      { choice: 'became_homeless', priorityNeed: 'not_in_priority_need', priorityNeedCategory: 'pregnant' },
      ['#priority-need-category'],
    ],
    [
      'relief owed, intentionally homeless without reasons',
      { choice: 'accept_relief_duty', intentionality: 'intentionally_homeless' },
      ['#intentionality-reasons'],
    ],
    ['main duty owed, nothing decided', { choice: 'main_duty_owed' }, ['#priority-need']],
    ['main duty owed, in priority need, intentionality open', { choice: 'main_duty_owed', ...inNeed }, ['#intentionality']],
    [
      'main duty not owed, not in priority need',
      { choice: 'main_duty_not_owed', priorityNeed: 'not_in_priority_need', letterReasons: 'Not vulnerable.' },
      [],
    ],
    // The finding's reasons are the decision's reasons.
    [
      'main duty not owed, intentionally homeless with its reasons',
      {
        choice: 'main_duty_not_owed',
        ...inNeed,
        intentionality: 'intentionally_homeless',
        intentionalityReasons: 'You gave up your tenancy.',
      },
      [],
    ],
    // A prevention decision takes no findings: whatever is sent is not read.
    ['prevention owed, findings sent', { choice: 'accept_prevention_duty', priorityNeed: 'in_priority_need' }, []],
    [
      'an unknown category',
      { choice: 'accept_relief_duty', priorityNeed: 'in_priority_need', priorityNeedCategory: 'rich' },
      ['#priority-need-category'],
    ],
  ])('%s', (_, fields, hrefs) => {
    const read = readDecisionForm({ ...date, ...fields })
    expect(('errors' in read ? read.errors : undefined)?.map((e) => e.href) ?? []).toEqual(hrefs)
  })

  it('reads the findings into the decision', () => {
    const read = readForm(DECISION_FORM, {
      ...date,
      choice: 'main_duty_not_owed',
      ...inNeed,
      intentionality: 'intentionally_homeless',
      intentionalityReasons: 'You gave up your tenancy.',
    })
    if (!('command' in read)) throw new Error('refused')
    const { decision, intentionalityReasons } = decisionOf(read.command)
    expect(decision).toMatchObject({
      kind: 'main_duty_decision',
      owed: false,
      findings: { priorityNeed: 'domestic_abuse', intentionality: 'intentionally_homeless' },
    })
    expect(intentionalityReasons).toBe('You gave up your tenancy.')
  })
})
