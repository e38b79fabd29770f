import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { decide, DECISIONS_BY_STAGE, STAGES, type CaseFacts, type Decision, type Stage } from './legal-status.ts'
import type { PossessionNotice } from './possession-notices.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-06-30')
/** A valid section 21 notice for the only home, expiring within 56 days of 1 May 2026 (s195(6)). */
const section21: PossessionNotice = { type: 'section_21', expiresOn: d('2026-05-20'), validity: 'valid', onlyAccommodation: 'yes' }
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
      'non-cooperation with an authorised notice, on the day it was authorised (s193B)',
      facts('prevention', { nonCooperationNotices: [{ duty: 'prevention', authorisedOn: d('2026-04-01') }] }),
      { kind: 'end_prevention_duty', on: d('2026-04-01'), ground: 'non_cooperation' },
      'closed',
    ],
    [
      'main duty not owed after a non-cooperation notice (s193(1A)(b))',
      facts('relief', { nonCooperationNotices: [{ duty: 'relief', authorisedOn: d('2026-04-01') }] }),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: false },
      'closed',
    ],
    ['a decision made today', facts('approach'), { kind: 'accept_prevention_duty', on: today }, 'prevention'],
    ...(
      [
        ['not valid', { validity: 'not_valid' }],
        ['not for the only home', { onlyAccommodation: 'no' }],
        ['expiring more than 56 days after the decision', { expiresOn: d('2026-06-27') }],
        ['a section 8 notice before the Renters’ Rights Act names it', { type: 'section_8', expiresOn: d('2026-04-30') }],
        ['a notice to quit, which s195(6) does not name', { type: 'notice_to_quit' }],
      ] as const satisfies readonly (readonly [string, Partial<PossessionNotice>])[]
    ).map(([why, notice]: readonly [string, Partial<PossessionNotice>]): [string, CaseFacts, Decision, Stage] => [
      `prevention ended for 56 days with a possession notice ${why} (s195(6) does not apply)`,
      facts('prevention', { possessionNotice: { ...section21, ...notice } }),
      {
        kind: 'end_prevention_duty',
        on: notice.type === 'section_8' ? d('2026-04-30') : d('2026-05-01'),
        ground: 'fifty_six_days_elapsed',
      },
      'closed',
    ]),
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
      'prevention ended for 56 days while a valid section 21 notice for the only home expires within 56 days (s195(6))',
      facts('prevention', { possessionNotice: { ...section21, expiresOn: d('2026-06-26') } }),
      { kind: 'end_prevention_duty', on: d('2026-05-01'), ground: 'fifty_six_days_elapsed' },
      /section 21 of the Housing Act 1988.*s195\(6\)/,
    ],
    [
      'prevention ended for 56 days after a valid section 21 notice for the only home has expired (s195(6))',
      facts('prevention', { possessionNotice: { ...section21, expiresOn: d('2026-04-15') } }),
      { kind: 'end_prevention_duty', on: d('2026-05-01'), ground: 'fifty_six_days_elapsed' },
      /s195\(6\)/,
    ],
    [
      'the same when the officer has not yet checked the notice (s195(6): satisfied before relying on the ground)',
      facts('prevention', { possessionNotice: { ...section21, validity: 'not_checked', onlyAccommodation: undefined } }),
      { kind: 'end_prevention_duty', on: d('2026-05-01'), ground: 'fifty_six_days_elapsed' },
      /s195\(6\)/,
    ],
    [
      'prevention ended for 56 days on a section 8 notice once the Renters’ Rights Act names it (s195(6) as amended, 1 May 2026)',
      facts('prevention', { possessionNotice: { ...section21, type: 'section_8', expiresOn: d('2026-05-20') } }),
      { kind: 'end_prevention_duty', on: d('2026-05-01'), ground: 'fifty_six_days_elapsed' },
      /section 8 of the Housing Act 1988/,
    ],
    [
      'non-cooperation on a date before the notice was authorised (s193B; 2018 Regulations reg 3)',
      facts('prevention', { nonCooperationNotices: [{ duty: 'prevention', authorisedOn: d('2026-04-10') }] }),
      { kind: 'end_prevention_duty', on: d('2026-04-09'), ground: 'non_cooperation' },
      /before the notice was authorised, on 2026-04-10/,
    ],
    [
      'ending relief for non-cooperation on a notice about the prevention duty (s193B(2): a notice ends the duty it is about)',
      facts('relief', { nonCooperationNotices: [{ duty: 'prevention', authorisedOn: d('2026-03-10') }] }),
      { kind: 'end_relief_duty', on: d('2026-04-01'), ground: 'non_cooperation' },
      /second/,
    ],
    [
      'the main duty owed after a non-cooperation notice (s193(1A)(b); s193C(4) applies instead)',
      facts('relief', { nonCooperationNotices: [{ duty: 'relief', authorisedOn: d('2026-04-01') }] }),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true },
      /s193\(1A\)\(b\).*s193C\(4\)/,
    ],
    [
      'the main duty owed after a notice that ended the prevention duty (s193(1A)(b))',
      facts('relief', { nonCooperationNotices: [{ duty: 'prevention', authorisedOn: d('2026-03-01') }] }),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true },
      /s193C\(4\)/,
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
