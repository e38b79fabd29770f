import { describe, expect, it } from 'vitest'
import { errorsOn, readForm } from '../../platform/http/form-commands.ts'
import { reviewFlagForm } from './forms.ts'

describe('the review form of a data-quality flag', () => {
  const form = reviewFlagForm('0b9d6a3e-5f0c-4a52-9f57-1c2d3e4f5a6b')

  it('makes the command from the reason, trimmed', () => {
    expect(readForm(form, { reason: ' Typed up late ', programme: 'Basildon Upstream', page: '2' })).toEqual({
      command: { reason: 'Typed up late' },
    })
  })

  it('puts a refusal on the flag’s own reason field, as the page lists many', () => {
    for (const reason of [undefined, '  ']) {
      const read = readForm(form, { reason })
      expect('refusals' in read && errorsOn(form, read.refusals)).toEqual([
        { href: '#reason-0b9d6a3e-5f0c-4a52-9f57-1c2d3e4f5a6b', text: 'Enter why this flag has been dealt with or can stand' },
      ])
    }
    const long = readForm(form, { reason: 'x'.repeat(1001) })
    expect('refusals' in long && long.refusals).toEqual([{ path: 'reason', message: 'The reason must be 1000 characters or fewer' }])
  })
})
