import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { issueLetterForm } from './forms.ts'

const EVENT = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60'

describe('the issue a letter form', () => {
  it('makes the command, leaving out what was left blank', () => {
    expect(readForm(issueLetterForm(EVENT), { eventId: EVENT, replacesLetterId: '', reasons: '  ' })).toEqual({
      command: { eventId: EVENT },
    })
  })

  it('shows every refusal on the reasons box of the decision’s own form', () => {
    const binding = issueLetterForm(EVENT)
    const read = readForm(binding, { eventId: EVENT, replacesLetterId: 'not-a-letter', reasons: 'x'.repeat(5001) })
    expect('refusals' in read && errorsOn(binding, read.refusals)).toEqual([
      { href: `#reasons-${EVENT}`, text: 'The letter to correct is not a letter for this decision' },
      { href: `#reasons-${EVENT}`, text: 'The reasons must be 5000 characters or fewer' },
    ])
  })

  it('asks for a decision when none was sent', () => {
    const binding = issueLetterForm(undefined)
    const read = readForm(binding, {})
    expect('refusals' in read && errorsOn(binding, read.refusals)).toEqual([
      { href: '#reasons-', text: 'Select a decision that needs a letter' },
    ])
  })
})
