import { describe, expect, it } from 'vitest'
import { plainTextOf, renderLetter } from './render.ts'

describe('letters as rendered', () => {
  it('escapes what people typed and gives a plain-text copy with the same words', () => {
    const { html, text } = renderLetter('main_duty_not_owed', {
      council: 'Harlow Council',
      reference: 'HAR-2026-00001',
      officer: 'Tom Walsh',
      addressee: 'Kirsty <em>Hughes</em>',
      letterDate: '2026-03-02',
      decidedOn: '2026-02-27',
      title: 'Our decision',
      givenUnder: 'sections 184 and 193 of the Housing Act 1996',
      reasons: 'You are not in priority need & "not vulnerable".',
    })
    expect(html).toContain('Kirsty &lt;em&gt;Hughes&lt;/em&gt;')
    expect(html).not.toContain('<em>')
    expect(text).toContain('Dear Kirsty <em>Hughes</em>,')
    expect(text).toContain('You are not in priority need & "not vulnerable".')
    expect(text).toContain('Date: 2 March 2026')
    expect(text).toContain('On 27 February 2026 we decided')
    expect(text).not.toMatch(/\n{3,}/)
  })

  it('turns our templates’ markup into lines', () => {
    expect(plainTextOf('<h2>Title</h2><p>One<br>Two &amp; three</p><dl><div><dt>Date</dt><dd>1 May</dd></div></dl>')).toBe(
      'Title\n\nOne\nTwo & three\n\nDate: 1 May',
    )
  })
})
