import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { isStatutoryNotice, possessionNoticeBarsEndingFor56Days, type PossessionNotice } from './possession-notices.ts'

const d = (iso: string) => LocalDate.parse(iso)
const decidedOn = d('2026-06-01')
const valid: PossessionNotice = { type: 'section_21', expiresOn: d('2026-06-20'), validity: 'valid', onlyAccommodation: 'yes' }

describe('the possession-notice bar on ending prevention after 56 days (s195(6))', () => {
  it.each<[string, PossessionNotice | undefined, string | undefined]>([
    ['a valid s21 notice for the only home expiring within 56 days (s195(6)(a), (b))', valid, 'section 21'],
    [
      'one expiring on the 56th day after the decision (s195(6)(a): "within 56 days")',
      { ...valid, expiresOn: d('2026-07-27') },
      'section 21',
    ],
    ['one expiring on the 57th day (s195(6)(a))', { ...valid, expiresOn: d('2026-07-28') }, undefined],
    ['one that has expired (s195(6)(a): "or has expired")', { ...valid, expiresOn: d('2026-03-01') }, 'section 21'],
    ['one the officer has found not valid (s195(6): "a valid notice")', { ...valid, validity: 'not_valid' }, undefined],
    ['one not yet checked: presumed, until the officer is satisfied otherwise', { ...valid, validity: 'not_checked' }, 'section 21'],
    ['one for a home that is not the only accommodation available (s195(6)(b))', { ...valid, onlyAccommodation: 'no' }, undefined],
    ['one whose expiry is not recorded', { ...valid, expiresOn: undefined }, 'section 21'],
    ['a s8 notice once the Renters’ Rights Act 2025 names it (from 1 May 2026)', { ...valid, type: 'section_8' }, 'section 8'],
    ['a notice to quit, which the Act does not name', { ...valid, type: 'notice_to_quit' }, undefined],
    ['a household asked to leave by family (no statutory notice)', { ...valid, type: 'asked_to_leave' }, undefined],
    ['no notice at all', undefined, undefined],
  ])('%s', (_, notice, named) => {
    const bar = possessionNoticeBarsEndingFor56Days(notice, decidedOn)
    if (named === undefined) expect(bar).toBeUndefined()
    else expect(bar?.name).toContain(named)
  })

  it('names a section 8 notice only for decisions from 1 May 2026 (Renters’ Rights Act 2025 Sch 1)', () => {
    const section8: PossessionNotice = { ...valid, type: 'section_8', expiresOn: d('2026-05-10') }
    expect(possessionNoticeBarsEndingFor56Days(section8, d('2026-04-30'))).toBeUndefined()
    expect(possessionNoticeBarsEndingFor56Days(section8, d('2026-05-01'))).toBeDefined()
  })

  it('asks about validity and the only home just for the notices the Act names', () => {
    expect(['section_21', 'section_8', 'notice_to_quit', 'none'].map((t) => isStatutoryNotice(t as PossessionNotice['type']))).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})
