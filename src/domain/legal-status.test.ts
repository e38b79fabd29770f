import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import type { HomelessnessAnswers } from './assessment.ts'
import { decide, DECISIONS_BY_STAGE, STAGES, type CaseFacts, type Decision, type Stage } from './legal-status.ts'
import type { Findings } from './priority-need.ts'
import type { PossessionNotice } from './possession-notices.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-06-30')
/** In priority need and not intentionally homeless: the main duty is owed (s193(1)-(2)). */
const owedTo: Findings = { priorityNeed: 'dependent_children', intentionality: 'not_intentionally_homeless' }
const notInPriorityNeed: Findings = { priorityNeed: 'not_in_priority_need', intentionality: null }
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
    [
      'main duty owed on day 57',
      facts('relief'),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: owedTo },
      'main_duty',
    ],
    [
      'main duty not owed',
      facts('relief'),
      { kind: 'main_duty_decision', on: d('2026-05-10'), owed: false, findings: notInPriorityNeed },
      'closed',
    ],
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
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: false, findings: notInPriorityNeed },
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
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: owedTo },
      /s193\(1A\)\(b\).*s193C\(4\)/,
    ],
    [
      'the main duty owed after a notice that ended the prevention duty (s193(1A)(b))',
      facts('relief', { nonCooperationNotices: [{ duty: 'prevention', authorisedOn: d('2026-03-01') }] }),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: owedTo },
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
      { kind: 'main_duty_decision', on: d('2026-04-26'), owed: true, findings: owedTo },
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

/**
 * How the relief duty ends (s189B(4)-(5), (7); Code of Guidance 14.3): by itself at the end of its 56
 * days where the authority are satisfied of priority need and not satisfied of intentionality, otherwise
 * only by notice. The relief duty began on 2 March 2026, so its 56th day is 26 April and day 57 is 27 April.
 */
describe('the end of the relief duty, by priority need and intentionality', () => {
  const ih = (priorityNeed: Findings['priorityNeed'], intentionality: Findings['intentionality']): Findings => ({
    priorityNeed,
    intentionality,
  })
  const endRelief = (on: string, ground: 'fifty_six_days_elapsed' | 'suitable_accommodation_secured' | 'contact_lost') =>
    ({ kind: 'end_relief_duty', on: d(on), ground }) as const

  it.each<[string, Findings | undefined, Decision, string]>([
    // s189B(5), (7)(b): no priority need, so only a notice ends it, and not before 56 days have passed.
    [
      'not in priority need: by notice after 56 days',
      ih('not_in_priority_need', null),
      endRelief('2026-04-27', 'fifty_six_days_elapsed'),
      'closed',
    ],
    // s189B(5): the notice may come long after day 56; the duty runs on until it does.
    [
      'not in priority need: by notice on day 90',
      ih('not_in_priority_need', null),
      endRelief('2026-05-30', 'fifty_six_days_elapsed'),
      'closed',
    ],
    // s189B(4) needs the authority to be satisfied of intentionality's absence: intentional, so by notice.
    [
      'priority need, intentionally homeless: by notice',
      ih('pregnant', 'intentionally_homeless'),
      endRelief('2026-04-27', 'fifty_six_days_elapsed'),
      'closed',
    ],
    // Priority need not yet decided: the authority are not satisfied of it, so s189B(4) does not apply.
    ['priority need not decided: by notice', undefined, endRelief('2026-04-27', 'fifty_six_days_elapsed'), 'closed'],
    // s189B(7)(a): other grounds end it by notice within the 56 days, whatever the findings.
    [
      'priority need, not intentional: accommodation secured on day 56',
      ih('dependent_children', 'not_intentionally_homeless'),
      endRelief('2026-04-26', 'suitable_accommodation_secured'),
      'closed',
    ],
    // s193(1)-(2): the main duty decision follows the automatic end.
    [
      'priority need, not intentional: main duty owed on day 57',
      ih('dependent_children', 'not_intentionally_homeless'),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: ih('dependent_children', 'not_intentionally_homeless') },
      'main_duty',
    ],
    // s189B(5), (7)(b) with s184: the decision that no main duty is owed is the notice that ends relief.
    [
      'not in priority need: main duty not owed on day 57',
      ih('not_in_priority_need', null),
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: false, findings: ih('not_in_priority_need', null) },
      'closed',
    ],
    // s190(2): in priority need but intentionally homeless, no main duty.
    [
      'intentionally homeless: main duty not owed',
      undefined,
      { kind: 'main_duty_decision', on: d('2026-05-01'), owed: false, findings: ih('vulnerable_mental_health', 'intentionally_homeless') },
      'closed',
    ],
    // s189B(1): the relief duty is owed whether or not the applicant is in priority need or intentionally homeless.
    [
      'relief owed to an applicant found intentionally homeless',
      undefined,
      { kind: 'accept_relief_duty', on: d('2026-03-02'), findings: ih('not_in_priority_need', 'intentionally_homeless') },
      'relief',
    ],
    // s189(1)(e), in force 5 July 2021: homeless as a result of domestic abuse.
    [
      'domestic abuse as priority need from 5 July 2021',
      undefined,
      { kind: 'accept_relief_duty', on: d('2026-03-02'), findings: ih('domestic_abuse', null) },
      'relief',
    ],
  ])('%s', (_, findings, decision, stage) => {
    const before = decision.kind === 'accept_relief_duty' ? facts('approach') : facts('relief', { findings })
    expect(decide(before, decision, today)).toEqual({ lawful: true, stage })
  })

  it.each<[string, Findings | undefined, Decision, 'ground' | 'date' | 'priorityNeed' | 'intentionality', RegExp]>([
    // s189B(4): no notice ends a duty that ends by itself.
    [
      'priority need, not intentional: a 56-day notice',
      ih('dependent_children', 'not_intentionally_homeless'),
      endRelief('2026-04-27', 'fifty_six_days_elapsed'),
      'ground',
      /ends by itself .* on 2026-04-26, .*section 189B\(4\).*from 2026-04-27/,
    ],
    // s189B(4)(b) reads "not satisfied": intentionality undecided, with priority need decided, is the automatic end.
    [
      'priority need, intentionality undecided: a 56-day notice',
      ih('aged_16_or_17', null),
      endRelief('2026-04-27', 'fifty_six_days_elapsed'),
      'ground',
      /ends by itself/,
    ],
    // After day 56 the duty has ended: nothing is left to end by notice.
    [
      'priority need, not intentional: contact lost on day 57',
      ih('pregnant', 'not_intentionally_homeless'),
      endRelief('2026-04-27', 'contact_lost'),
      'date',
      /ended by itself on 2026-04-26/,
    ],
    // The ending decision's own findings count: deciding priority need with the notice makes it automatic.
    [
      'a 56-day notice that itself records priority need',
      undefined,
      { ...endRelief('2026-04-27', 'fifty_six_days_elapsed'), findings: ih('emergency', 'not_intentionally_homeless') },
      'ground',
      /ends by itself/,
    ],
    // s193(1): owed only in priority need and not intentionally homeless, and the decision must say so.
    [
      'main duty owed without priority need',
      undefined,
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: ih('not_in_priority_need', 'not_intentionally_homeless') },
      'priorityNeed',
      /only to an applicant in priority need/,
    ],
    [
      'main duty owed to an applicant intentionally homeless',
      undefined,
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: ih('pregnant', 'intentionally_homeless') },
      'intentionality',
      /section 190\(2\)/,
    ],
    [
      'main duty decided without priority need decided',
      undefined,
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: false, findings: ih(null, 'intentionally_homeless') },
      'priorityNeed',
      /Record whether the applicant is in priority need/,
    ],
    [
      'main duty owed without intentionality decided',
      undefined,
      { kind: 'main_duty_decision', on: d('2026-04-27'), owed: true, findings: ih('dependent_children', null) },
      'intentionality',
      /Record whether the applicant became homeless intentionally/,
    ],
    // Domestic Abuse Act 2021 s78: not a priority need for a decision before 5 July 2021.
    [
      'domestic abuse as priority need before 5 July 2021',
      undefined,
      { kind: 'main_duty_decision', on: d('2021-07-04'), owed: true, findings: ih('domestic_abuse', 'not_intentionally_homeless') },
      'priorityNeed',
      /on or after 2021-07-05/,
    ],
  ])('refuses %s', (_, findings, decision, about, reason) => {
    const before = facts('relief', {
      findings,
      ...(decision.on.year() === 2021 ? { approachedOn: d('2021-03-01'), reliefStartedOn: d('2021-03-01') } : {}),
    })
    const outcome = decide(before, decision, today)
    expect(outcome).toMatchObject({ lawful: false, about })
    if (!outcome.lawful) expect(outcome.reason).toMatch(reason)
  })
})

/**
 * Threatened with homelessness within 56 days (s175(4)-(5)) is judged on the date of the prevention
 * duty decision, not on the day it is recorded. Today is 30 June 2026 throughout.
 */
describe('the threat, judged on the date of the decision', () => {
  const threatened = (expectedHomelessOn: string, notice: Partial<HomelessnessAnswers> = {}): HomelessnessAnswers => ({
    status: 'threatened_within_56_days',
    expectedHomelessOn,
    ...notice,
  })
  const prevention = (on: string): Decision => ({ kind: 'accept_prevention_duty', on: d(on) })

  it.each<[string, HomelessnessAnswers | undefined, Decision, boolean]>([
    // Recorded late: decided on 2 March, homeless expected 20 April (49 days on), both long past today.
    ['a decision recorded late, judged on its own date', threatened('2026-04-20'), prevention('2026-03-02'), true],
    // 56 days from the decision, though 120 days before today.
    ['homeless expected 56 days after a late decision', threatened('2026-04-27'), prevention('2026-03-02'), true],
    // 57 days after the decision: not threatened then, whatever today makes of it.
    ['homeless expected 57 days after a late decision', threatened('2026-04-28'), prevention('2026-03-02'), false],
    // Decided on 2 March for a date before it: already homeless on the decision's date (relief).
    ['homeless expected before the decision', threatened('2026-03-01'), prevention('2026-03-02'), false],
    // s175(5): a valid section 21 notice expiring within 56 days of the decision threatens the household.
    [
      'a section 21 notice expiring within 56 days of the decision',
      threatened('2026-06-20', { possessionNotice: 'section_21', noticeServedOn: '2026-02-01', noticeExpiresOn: '2026-04-20' }),
      prevention('2026-03-02'),
      true,
    ],
    // Decided on 20 May and recorded on 30 June: the notice expires 61 days after the decision, though
    // only 20 days after today. Judged on the decision's date, it did not yet threaten the household.
    [
      'a section 21 notice within 56 days of today but not of the decision',
      threatened('2026-08-01', { possessionNotice: 'section_21', noticeServedOn: '2026-05-01', noticeExpiresOn: '2026-07-20' }),
      prevention('2026-05-20'),
      false,
    ],
    ['no threat recorded yet', undefined, prevention('2026-03-02'), true],
  ])('%s: lawful %s', (_, threat, decision, lawful) => {
    const outcome = decide(facts('approach', { threat }), decision, today)
    expect(outcome.lawful).toBe(lawful)
    if (!outcome.lawful) expect(outcome.about).toBe('date')
  })
})
