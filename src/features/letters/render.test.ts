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

  // s189B(4)-(5): the relief letter says how the duty will end, from what has been decided so far.
  it.each([
    [
      { priorityNeed: 'pregnant', intentionality: 'not_intentionally_homeless' },
      'it ends by itself at the end of those 56 days (section 189B(4))',
    ],
    [{ priorityNeed: 'not_in_priority_need' }, 'It does not end by itself: it continues until we write to you'],
    [{ priorityNeed: 'pregnant', intentionality: 'intentionally_homeless' }, 'It does not end by itself'],
    [{}, 'If you are in priority need and did not become homeless intentionally, it ends by itself'],
  ])('tells the applicant how a relief duty with findings %j ends', (findings, words) => {
    const { text } = renderLetter('relief_duty_owed', {
      council: 'Harlow Council',
      reference: 'HAR-2026-00001',
      officer: 'Tom Walsh',
      addressee: 'Kirsty Hughes',
      letterDate: '2026-03-02',
      decidedOn: '2026-03-02',
      periodEnds: '2026-04-26',
      title: 'Relief',
      givenUnder: 'sections 184, 189A and 189B of the Housing Act 1996',
      ...findings,
    })
    expect(text).toContain(words)
  })

  it('turns our templates’ markup into lines', () => {
    expect(plainTextOf('<h2>Title</h2><p>One<br>Two &amp; three</p><dl><div><dt>Date</dt><dd>1 May</dd></div></dl>')).toBe(
      'Title\n\nOne\nTwo & three\n\nDate: 1 May',
    )
  })
})
