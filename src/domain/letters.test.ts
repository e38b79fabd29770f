import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { MAIN_DUTY_ENDING_GROUNDS, NO_DUTY_REASONS, PREVENTION_ENDING_GROUNDS, RELIEF_ENDING_GROUNDS } from './legal-status.ts'
import {
  GROUND_WORDING,
  LETTER_DEFINITIONS,
  LETTER_KINDS,
  letterKindForEvent,
  reviewRequestBy,
  reviewRightFor,
  wordingFor,
  type LetterKind,
} from './letters.ts'

const d = (iso: string) => LocalDate.parse(iso)

describe('which letter each decision calls for', () => {
  it.each([
    ['accept_prevention_duty', {}, 'prevention_duty_owed'],
    ['accept_relief_duty', {}, 'relief_duty_owed'],
    ['became_homeless', {}, 'relief_duty_owed'],
    ['no_duty_owed', { reason: 'not_eligible' }, 'no_duty_owed'],
    ['end_prevention_duty', { ground: 'suitable_accommodation_secured' }, 'prevention_duty_ended'],
    ['end_relief_duty', { ground: 'fifty_six_days_elapsed' }, 'relief_duty_ended'],
    ['main_duty_decision', { owed: true }, 'main_duty_owed'],
    ['main_duty_decision', { owed: false }, 'main_duty_not_owed'],
    ['end_main_duty', { ground: 'accepted_part_6_offer' }, 'main_duty_ended'],
    ['non_cooperation_warning_given', { duty: 'prevention' }, 'non_cooperation_warning'],
    ['non_cooperation_notice_decided', { duty: 'prevention' }, undefined],
    ['non_cooperation_notice_authorised', { duty: 'relief' }, 'non_cooperation_notice'],
    ['review_minded_to_notified', {}, 'review_minded_to'], // reg 7(2)
    ['review_representations_received', {}, undefined],
    ['review_period_extended', {}, undefined],
    ['review_decided', { outcome: 'upheld' }, 'review_decision'],
    ['review_decided', { outcome: 'withdrawn' }, undefined],
    ['approach_recorded', {}, undefined],
    ['officer_reassigned', {}, undefined],
  ])('%s %j: %s', (kind, details, expected) => {
    expect(letterKindForEvent({ kind, details })).toBe(expected)
  })
})

describe('review rights stated in each letter (s202)', () => {
  it.each<[LetterKind, Record<string, unknown>, string | undefined, number | undefined]>([
    ['prevention_duty_owed', {}, 'section 202(1)(bc)(i)', 3],
    ['relief_duty_owed', {}, 'section 202(1)(ba)(i)', 3],
    ['relief_duty_owed', { fromPrevention: true }, 'section 202(1)(bc)(ii) and (ba)(i)', 3],
    ['no_duty_owed', { reason: 'not_eligible' }, 'section 202(1)(a)', 8],
    ['no_duty_owed', { reason: 'not_homeless_or_threatened' }, 'section 202(1)(b)', 8],
    ['no_duty_owed', { reason: 'application_withdrawn' }, undefined, undefined],
    ['prevention_duty_ended', { ground: 'fifty_six_days_elapsed' }, 'section 202(1)(bc)(ii)', 3],
    ['relief_duty_ended', { ground: 'fifty_six_days_elapsed' }, 'section 202(1)(ba)(ii)', 8],
    ['main_duty_not_owed', {}, 'section 202(1)(b)', 8],
    ['main_duty_ended', {}, 'section 202(1)(b)', 8],
    ['non_cooperation_notice', { duty: 'prevention' }, 'section 202(1)(bb)', 3],
    ['non_cooperation_notice', { duty: 'relief' }, 'section 202(1)(bb)', 8],
    ['non_cooperation_warning', {}, undefined, undefined],
    ['main_duty_owed', {}, undefined, undefined],
    ['review_minded_to', {}, undefined, undefined],
    ['review_decision', { outcome: 'upheld' }, undefined, undefined],
  ])('%s %j: %s, decided within %s weeks', (kind, details, provision, weeks) => {
    const wording = wordingFor(kind, details, d('2026-03-02'))
    expect(reviewRightFor(kind, details)?.provision).toBe(provision)
    expect(wording.reviewWeeks).toBe(weeks)
    expect(wording.reviewRequestBy?.toString()).toBe(provision ? '2026-03-22' : undefined)
  })

  it.each([
    ['2026-03-02', '2026-03-22'],
    ['2026-02-08', '2026-02-28'],
    ['2028-02-09', '2028-02-29'],
    ['2026-12-20', '2027-01-09'],
  ])('a letter dated %s gives until %s to ask for a review: 21 days beginning with the day', (dated, by) => {
    expect(reviewRequestBy(d(dated)).toString()).toBe(by)
  })

  it('states a county court appeal (s204) after a review that goes against the applicant, and none after one in their favour', () => {
    expect(wordingFor('review_decision', { outcome: 'upheld' }, d('2026-03-02')).appealBy?.toString()).toBe('2026-03-22')
    expect(wordingFor('review_decision', { outcome: 'varied' }, d('2026-03-02')).appealBy?.toString()).toBe('2026-03-22')
    expect(wordingFor('review_decision', { outcome: 'overturned' }, d('2026-03-02')).appealBy).toBeUndefined()
  })
})

describe('wording', () => {
  it('words every ground and reason the decisions can record', () => {
    const codes = [...PREVENTION_ENDING_GROUNDS, ...RELIEF_ENDING_GROUNDS, ...MAIN_DUTY_ENDING_GROUNDS, ...NO_DUTY_REASONS]
    expect(codes.filter((code) => !GROUND_WORDING[code])).toEqual([])
  })

  it('gives every kind a title, the law it is given under and a template version', () => {
    for (const kind of LETTER_KINDS) {
      const definition = LETTER_DEFINITIONS[kind]
      expect(definition.title.length).toBeGreaterThan(0)
      expect(definition.givenUnder).toMatch(/section/)
      expect(definition.templateVersion).toBeGreaterThanOrEqual(1)
    }
  })
})
