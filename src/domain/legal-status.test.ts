import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { decide, DECISIONS_BY_STAGE, STAGES, type CaseFacts, type Decision, type Stage } from './legal-status.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-06-30')
const facts = (stage: Stage, more: Partial<CaseFacts> = {}): CaseFacts => ({
  stage,
  approachedOn: d('2026-03-02'),
  preventionStartedOn: stage === 'prevention' ? d('2026-03-02') : undefined,
  reliefStartedOn: stage === 'relief' ? d('2026-03-02') : undefined,
  ...more,
})

describe('the legal status of a case', () => {
  it.each<[string, CaseFacts, Decision, Stage]>([
    ['prevention accepted at approach', facts('approach'), { kind: 'accept_prevention_duty', on: d('2026-03-02') }, 'prevention'],
    ['relief accepted at approach', facts('approach'), { kind: 'accept_relief_duty', on: d('2026-03-03') }, 'relief'],
    ['no duty owed', facts('approach'), { kind: 'no_duty_owed', on: d('2026-03-05'), reason: 'not_homeless_or_threatened' }, 'closed'],
    ['household becomes homeless during prevention', facts('prevention'), { kind: 'became_homeless', on: d('2026-04-01') }, 'relief'],
    [
      'prevention ends with accommodation secured',
      facts('prevention'),
      { kind: 'end_prevention_duty', on: d('2026-04-01'), ground: 'suitable_accommodation_secured' },
      'closed',
    ],
    [
      'prevention ends on day 57',
      facts('prevention'),
      { kind: 'end_prevention_duty', on: d('2026-04-27'), ground: 'fifty_six_days_elapsed' },
      'closed',
    ],
    [
      'relief ends on day 57',
      facts('relief'),
      { kind: 'end_relief_duty', on: d('2026-04-27'), ground: 'fifty_six_days_elapsed' },
      'closed',
    ],
    ['main duty owed on day 57', facts('relief'), { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true }, 'main_duty'],
    ['main duty not owed', facts('relief'), { kind: 'main_duty_decision', on: d('2026-05-10'), owed: false }, 'closed'],
    [
      'main duty ends with a Part 6 offer',
      facts('main_duty'),
      { kind: 'end_main_duty', on: d('2026-06-01'), ground: 'accepted_part_6_offer' },
      'closed',
    ],
    [
      'non-cooperation with an authorised notice',
      facts('prevention', { nonCooperationNoticeAuthorised: true }),
      { kind: 'end_prevention_duty', on: d('2026-04-01'), ground: 'non_cooperation' },
      'closed',
    ],
    ['a decision made today', facts('approach'), { kind: 'accept_prevention_duty', on: today }, 'prevention'],
  ])('allows %s', (_, before, decision, stage) => {
    expect(decide(before, decision, today)).toEqual({ lawful: true, stage })
  })

  it.each<[string, CaseFacts, Decision, RegExp]>([
    [
      'ending prevention before it started',
      facts('approach'),
      { kind: 'end_prevention_duty', on: d('2026-04-01'), ground: 'contact_lost' },
      /at approach/,
    ],
    ['accepting prevention twice', facts('prevention'), { kind: 'accept_prevention_duty', on: d('2026-04-01') }, /prevention duty is owed/],
    ['relief going back to prevention', facts('relief'), { kind: 'accept_prevention_duty', on: d('2026-04-01') }, /relief duty is owed/],
    ['any decision on a closed case', facts('closed'), { kind: 'accept_relief_duty', on: d('2026-04-01') }, /closed/],
    ['a decision dated in the future', facts('approach'), { kind: 'accept_prevention_duty', on: d('2026-07-01') }, /today or in the past/],
    [
      'a decision before the approach',
      facts('approach'),
      { kind: 'accept_relief_duty', on: d('2026-03-01') },
      /on or after the day the household approached/,
    ],
    [
      'a decision before the duty started',
      facts('prevention', { preventionStartedOn: d('2026-03-10') }),
      { kind: 'became_homeless', on: d('2026-03-09') },
      /current duty started/,
    ],
    [
      'prevention ended for 56 days on day 56',
      facts('prevention'),
      { kind: 'end_prevention_duty', on: d('2026-04-26'), ground: 'fifty_six_days_elapsed' },
      /2026-04-27/,
    ],
    [
      'prevention ended for 56 days while a valid possession notice is the threat',
      facts('prevention', { threatIsValidPossessionNotice: true }),
      { kind: 'end_prevention_duty', on: d('2026-05-01'), ground: 'fifty_six_days_elapsed' },
      /possession notice/,
    ],
    [
      'relief ended for 56 days on day 56',
      facts('relief'),
      { kind: 'end_relief_duty', on: d('2026-04-26'), ground: 'fifty_six_days_elapsed' },
      /2026-04-27/,
    ],
    [
      'the main duty decided on day 56',
      facts('relief'),
      { kind: 'main_duty_decision', on: d('2026-04-26'), owed: true },
      /from 2026-04-27/,
    ],
    [
      'non-cooperation without an authorised notice',
      facts('relief'),
      { kind: 'end_relief_duty', on: d('2026-04-01'), ground: 'non_cooperation' },
      /second/,
    ],
  ])('refuses %s, with a reason', (_, before, decision, reason) => {
    const outcome = decide(before, decision, today)
    expect(outcome.lawful).toBe(false)
    if (!outcome.lawful) expect(outcome.reason).toMatch(reason)
  })

  it('reaches closed from every stage, and leaves closed by no decision', () => {
    for (const stage of STAGES) expect(DECISIONS_BY_STAGE[stage].length > 0).toBe(stage !== 'closed')
  })
})
