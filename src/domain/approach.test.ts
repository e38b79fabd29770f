import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { approachProblems, caseReferencePrefix, type Approach } from './approach.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-11-23')
const approach = (more: Partial<Approach>): Approach => ({
  givenName: 'Jade',
  familyName: 'Turner',
  dateOfBirth: d('1990-01-01'),
  sex: 'female',
  approachedOn: today,
  channel: 'phone',
  route: 'self_referral',
  emergencies: [],
  ...more,
})

describe('a first approach', () => {
  it.each<[string, Partial<Approach>, string[]]>([
    ['an ordinary approach', {}, []],
    ['an applicant who turned 16 that day', { dateOfBirth: d('2010-11-23') }, []],
    ['an applicant a day short of 16', { dateOfBirth: d('2010-11-24') }, ['The applicant must be 16 or over on the day they approached']],
    ['a birth in the future', { dateOfBirth: d('2026-11-24') }, ['Date of birth must be in the past']],
    ['a birth 121 years ago', { dateOfBirth: d('1905-11-22') }, ['Date of birth must be a real date of birth']],
    ['an approach tomorrow', { approachedOn: d('2026-11-24') }, ['Date of approach must be today or in the past']],
    ['a leap-day birthday', { dateOfBirth: d('2008-02-29'), approachedOn: d('2024-02-29') }, []],
    ['a phone call found by an outreach worker (identified proactively)', { channel: 'phone', route: 'proactive' }, []],
    ['a partner’s referral (s213B duty to refer)', { channel: 'referral', route: 'partner_referral' }, []],
    ['a partner who found them and referred them', { channel: 'referral', route: 'proactive' }, []],
    [
      'a referral by another organisation recorded as a self-referral',
      { channel: 'referral', route: 'self_referral' },
      ['Another organisation referred them, so this is not a self-referral: choose how they came to us again'],
    ],
  ])('%s', (_, more, messages) => {
    expect(approachProblems(approach(more), today).map((p) => p.message)).toEqual(messages)
  })

  it.each([
    ['Basildon Borough Council', 'BAS'],
    ['Southend-on-Sea City Council', 'SOU'],
    ['City of Colchester', 'CIT'],
    ['Ây', 'YXX'],
  ])('prefixes references of %s with %s', (name, prefix) => {
    expect(caseReferencePrefix(name)).toBe(prefix)
  })
})
