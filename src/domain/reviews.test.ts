import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { deadlinesOf } from './case-deadlines.ts'
import {
  mayDecideReview,
  mayExtendReviewPeriod,
  mayGiveMindedToNotice,
  mayRecordRepresentations,
  mayRequestReview,
  reviewableDecisionOf,
  reviewDueOn,
  reviewPeriodFor,
  REVIEWABLE_DECISION_KINDS,
  type OpenReview,
  type ReviewableDecision,
  type Reviewer,
  type ReviewUnderWay,
} from './reviews.ts'
import type { ReviewPeriod } from './statutory-dates.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-04-30')
const approached = d('2026-02-01')

describe('review requests (s202(3)): 21 days beginning with the day of notification', () => {
  it.each([
    // notified, received, extended to, allowed, reason
    ['2026-03-02', '2026-03-02', undefined, true, undefined],
    ['2026-03-02', '2026-03-22', undefined, true, undefined], // day 21
    ['2026-03-02', '2026-03-23', undefined, false, /21 days for asking for a review ended on 2026-03-22/], // day 22
    ['2026-03-02', '2026-03-23', '2026-04-05', true, undefined], // a longer period agreed in writing
    ['2026-03-02', '2026-04-05', '2026-04-05', true, undefined], // its last day
    ['2026-03-02', '2026-04-06', '2026-04-05', false, /longer period the council agreed in writing ended on 2026-04-05/],
    ['2026-03-02', '2026-03-10', '2026-03-22', false, /must end after the 21 days/], // no longer than the Act's
    ['2026-03-02', '2026-03-01', undefined, false, /before the applicant was notified/],
    ['2026-05-01', '2026-05-01', undefined, false, /notified of the decision must be today or in the past/],
    ['2026-04-30', '2026-05-01', undefined, false, /received must be today or in the past/],
    ['2026-01-31', '2026-02-02', undefined, false, /on or after the day the household approached/],
  ] as const)('notified %s, received %s, extended to %s: %s', (notified, received, extended, expected, reason) => {
    const check = mayRequestReview(
      { decision: 'duty_owed', notifiedOn: d(notified), receivedOn: d(received), extendedInWritingTo: extended ? d(extended) : undefined },
      approached,
      today,
    )
    expect(check.allowed).toBe(expected)
    if (!check.allowed && reason) expect(check.reason).toMatch(reason)
  })

  it('refuses a second request while a review of the same decision is open', () => {
    const check = mayRequestReview(
      { decision: 'duty_owed', notifiedOn: d('2026-03-02'), receivedOn: d('2026-03-03'), alreadyUnderReview: true },
      approached,
      today,
    )
    expect(check).toEqual({ allowed: false, reason: expect.stringMatching(/already been requested/) as unknown, about: undefined })
  })

  it('refuses a notification before the decision was made', () => {
    const check = mayRequestReview(
      { decision: 'duty_owed', decisionMadeOn: d('2026-03-05'), notifiedOn: d('2026-03-04'), receivedOn: d('2026-03-06') },
      approached,
      today,
    )
    expect(check).toEqual({ allowed: false, reason: expect.stringMatching(/before it was made/) as unknown, about: 'notifiedOn' })
  })
})

describe('review decision due (reg 9): counted from the day the request is received', () => {
  it.each([
    ['prevention_steps', 'authority', '2026-03-02', '2026-03-22'], // 3 weeks
    ['prevention_duty_ended', 'authority', '2026-03-02', '2026-03-22'],
    ['relief_steps', 'authority', '2026-03-02', '2026-03-22'],
    ['non_cooperation_prevention', 'authority', '2026-03-02', '2026-03-22'],
    ['non_cooperation_relief', 'authority', '2026-03-02', '2026-04-26'], // 8 weeks
    ['relief_duty_ended', 'authority', '2026-03-02', '2026-04-26'],
    ['duty_owed', 'authority', '2026-03-02', '2026-04-26'],
    ['eligibility', 'authority', '2026-03-02', '2026-04-26'],
    ['suitability_of_accommodation', 'authority', '2026-03-02', '2026-04-26'],
    ['local_connection_conditions', 'authority', '2026-03-02', '2026-04-26'],
    ['local_connection_conditions', 'notifying_and_notified_authorities', '2026-03-02', '2026-05-10'], // 10 weeks
    ['local_connection_conditions', 'appointed_person', '2026-03-02', '2026-05-24'], // 12 weeks
  ] as const)('%s reviewed by %s, requested %s: due %s', (decision, reviewer, received, due) => {
    const period = reviewPeriodFor(decision, reviewer)
    if (!('period' in period)) throw new Error(period.refused)
    expect(reviewDueOn({ receivedOn: d(received), period: period.period }).toString()).toBe(due)
  })

  it('lets only a local connection conditions review be joint or by an appointed person', () => {
    const others = REVIEWABLE_DECISION_KINDS.filter((k) => k !== 'local_connection_conditions')
    for (const decision of others as ReviewableDecision[]) {
      for (const reviewer of ['notifying_and_notified_authorities', 'appointed_person'] as Reviewer[]) {
        expect(reviewPeriodFor(decision, reviewer)).toHaveProperty('refused')
      }
    }
  })
})

describe('which reviewable decision a timeline event is', () => {
  it.each([
    ['no_duty_owed', { reason: 'not_eligible' }, 'eligibility'],
    ['no_duty_owed', { reason: 'not_homeless_or_threatened' }, 'duty_owed'],
    ['main_duty_decision', { owed: false }, 'duty_owed'],
    ['end_main_duty', { ground: 'refused_final_part_6_offer' }, 'duty_owed'],
    ['end_prevention_duty', { ground: 'fifty_six_days_elapsed' }, 'prevention_duty_ended'],
    ['end_prevention_duty', { ground: 'non_cooperation' }, 'non_cooperation_prevention'],
    ['end_relief_duty', { ground: 'contact_lost' }, 'relief_duty_ended'],
    ['end_relief_duty', { ground: 'non_cooperation' }, 'non_cooperation_relief'],
    ['end_relief_duty', { ground: 'local_connection_referral_accepted' }, 'local_connection_notification'],
    ['non_cooperation_notice_decided', { duty: 'relief' }, 'non_cooperation_relief'],
    ['non_cooperation_notice_decided', { duty: 'prevention' }, 'non_cooperation_prevention'],
    ['approach_recorded', {}, undefined],
    ['officer_reassigned', {}, undefined],
  ] as const)('%s %j is %s', (kind, details, expected) => {
    expect(reviewableDecisionOf({ kind, details })).toBe(expected)
  })
})

describe('the decision on review: an officer not involved, senior to the original decision maker', () => {
  const review: OpenReview = { receivedOn: d('2026-03-10'), originalDecisionBy: { userId: 'alice', role: 'caseworker' } }
  it.each([
    [review, 'upheld', '2026-03-20', { userId: 'bob', role: 'team_manager' }, true, undefined],
    [review, 'overturned', '2026-03-10', { userId: 'bob', role: 'team_manager' }, true, undefined],
    [review, 'varied', '2026-03-20', { userId: 'carol', role: 'caseworker' }, false, /senior to the officer/],
    [review, 'upheld', '2026-03-20', { userId: 'alice', role: 'team_manager' }, false, /cannot review it/],
    [review, 'upheld', '2026-03-09', { userId: 'bob', role: 'team_manager' }, false, /on or after the day the request was received/],
    [review, 'upheld', '2026-05-01', { userId: 'bob', role: 'team_manager' }, false, /today or in the past/],
    [review, 'withdrawn', '2026-03-20', { userId: 'alice', role: 'caseworker' }, true, undefined],
    [
      { ...review, originalDecisionBy: { userId: 'dan', role: 'team_manager' } },
      'upheld',
      '2026-03-20',
      { userId: 'erin', role: 'team_manager' },
      false,
      /senior to the officer/,
    ],
    [{ ...review, decidedOn: d('2026-03-15') }, 'upheld', '2026-03-20', { userId: 'bob', role: 'team_manager' }, false, /already/],
    [undefined, 'upheld', '2026-03-20', { userId: 'bob', role: 'team_manager' }, false, /no such review/],
  ] as const)('%j %s on %s by %j: %s', (r, outcome, on, reviewer, expected, reason) => {
    const check = mayDecideReview(r, outcome, d(on), reviewer, today)
    expect(check.allowed).toBe(expected)
    if (!check.allowed && reason) expect(check.reason).toMatch(reason)
  })
})

describe('open reviews on a case’s list of what is due', () => {
  it('adds each open review’s decision due date, whatever the stage, overdue when past', () => {
    const due = deadlinesOf(
      {
        stage: 'closed',
        openReviews: [
          { what: 'Eligibility for assistance', receivedOn: d('2026-03-02'), period: 'standard' },
          { what: 'Steps in the plan', receivedOn: d('2026-03-02'), period: 'prevention_stage' },
        ],
      },
      d('2026-03-25'),
    )
    expect(due.map((x) => [x.what, x.due.toString(), x.daysLeft])).toEqual([
      ['Review decision due (section 202): Steps in the plan', '2026-03-22', -3],
      ['Review decision due (section 202): Eligibility for assistance', '2026-04-26', 32],
    ])
  })
})

describe('review decision due after representations (reg 7) or a longer period agreed in writing (reg 9(1))', () => {
  it.each<[ReviewPeriod, string, string | undefined, string | undefined, string, string]>([
    // period, request received, representations received, longer period to, due, why
    ['prevention_stage', '2026-03-02', undefined, undefined, '2026-03-22', 'reg 9(1)(a): three weeks beginning with the request'],
    [
      'prevention_stage',
      '2026-03-02',
      '2026-03-10',
      undefined,
      '2026-03-30',
      'reg 9(1)(a): three weeks beginning with the representations',
    ],
    [
      'prevention_stage',
      '2026-03-02',
      '2026-03-22',
      undefined,
      '2026-04-11',
      'reg 9(1)(a): representations on the last day start it again',
    ],
    ['prevention_stage', '2026-03-02', '2026-03-02', undefined, '2026-03-22', 'representations on the day of the request change nothing'],
    ['standard', '2026-03-02', '2026-03-10', undefined, '2026-04-26', 'reg 9(1)(b): eight weeks from the request, whatever is said'],
    ['joint_referral', '2026-03-02', '2026-03-10', undefined, '2026-05-10', 'reg 9(1)(c): ten weeks from the request'],
    ['appointed_person', '2026-03-02', '2026-03-10', undefined, '2026-05-24', 'reg 9(1)(d): twelve weeks from the request'],
    ['prevention_stage', '2026-03-02', undefined, '2026-04-15', '2026-04-15', 'reg 9(1): the longer period agreed in writing'],
    ['standard', '2026-03-02', undefined, '2026-05-31', '2026-05-31', 'reg 9(1): the longer period agreed in writing'],
    [
      'prevention_stage',
      '2026-03-02',
      '2026-03-20',
      '2026-03-25',
      '2026-04-09',
      'the representations’ three weeks end after the longer period',
    ],
    [
      'prevention_stage',
      '2026-03-02',
      '2026-03-05',
      '2026-04-30',
      '2026-04-30',
      'the longer period ends after the representations’ three weeks',
    ],
  ])('%s, requested %s, representations %s, longer period to %s: due %s (%s)', (period, received, representations, extended, due) => {
    const review = {
      receivedOn: d(received),
      period,
      representationsReceivedOn: representations ? d(representations) : undefined,
      extendedTo: extended ? d(extended) : undefined,
    }
    expect(reviewDueOn(review).toString()).toBe(due)
    // The case's list of what is due reads the same rule.
    expect(deadlinesOf({ stage: 'closed', openReviews: [{ what: 'x', ...review }] }, d('2026-03-02'))[0]?.due.toString()).toBe(due)
  })
})

const underWay: ReviewUnderWay = {
  receivedOn: d('2026-03-10'),
  period: 'prevention_stage',
  originalDecisionBy: { userId: 'alice', role: 'caseworker' },
}
const manager = { userId: 'bob', role: 'team_manager' } as const

describe('the reviewer’s “minded to” notice (reg 7(2)): given by the reviewer, once, after the request', () => {
  it.each<
    [
      string,
      ReviewUnderWay | undefined,
      string,
      { userId: string; role: 'caseworker' | 'team_manager' },
      RegExp | undefined,
      string | undefined,
    ]
  >([
    ['given by a senior officer not involved', underWay, '2026-03-12', manager, undefined, undefined],
    ['given on the day the request was received', underWay, '2026-03-10', manager, undefined, undefined],
    [
      'before the request was received',
      underWay,
      '2026-03-09',
      manager,
      /before the request for the review was received/,
      'mindedToNotifiedOn',
    ],
    ['in the future', underWay, '2026-05-01', manager, /today or in the past/, 'mindedToNotifiedOn'],
    [
      'by the officer who made the decision (s203(2))',
      underWay,
      '2026-03-12',
      { userId: 'alice', role: 'team_manager' },
      /cannot give the notice/,
      undefined,
    ],
    [
      'by an officer no more senior (s203(2))',
      underWay,
      '2026-03-12',
      { userId: 'carol', role: 'caseworker' },
      /senior to the officer who made/,
      undefined,
    ],
    ['a second time', { ...underWay, mindedToNotifiedOn: d('2026-03-11') }, '2026-03-12', manager, /already told on 2026-03-11/, undefined],
    ['on a decided review', { ...underWay, decidedOn: d('2026-03-11') }, '2026-03-12', manager, /already been decided/, undefined],
    ['on no review', undefined, '2026-03-12', manager, /no such review/, undefined],
  ])('%s', (_what, review, on, reviewer, reason, about) => {
    const check = mayGiveMindedToNotice(review, d(on), reviewer, today)
    expect(check.allowed).toBe(reason === undefined)
    if (!check.allowed) expect([check.reason, check.about]).toEqual([expect.stringMatching(reason ?? /^$/), about])
  })
})

describe('the applicant’s representations (reg 7(2)(b)): in answer to the notice, once', () => {
  const told = { ...underWay, mindedToNotifiedOn: d('2026-03-12') }
  it.each<[string, ReviewUnderWay | undefined, string, RegExp | undefined, string | undefined]>([
    ['received after the notice', told, '2026-03-16', undefined, undefined],
    ['received on the day of the notice', told, '2026-03-12', undefined, undefined],
    ['with no notice given', underWay, '2026-03-16', /record that notice first/, undefined],
    ['before the notice', told, '2026-03-11', /before the applicant was told, on 2026-03-12/, 'representationsReceivedOn'],
    ['in the future', told, '2026-05-01', /today or in the past/, 'representationsReceivedOn'],
    [
      'a second time',
      { ...told, representationsReceivedOn: d('2026-03-14') },
      '2026-03-16',
      /already recorded as received on 2026-03-14/,
      undefined,
    ],
    ['on a decided review', { ...told, decidedOn: d('2026-03-13') }, '2026-03-16', /already been decided/, undefined],
  ])('%s', (_what, review, on, reason, about) => {
    const check = mayRecordRepresentations(review, d(on), today)
    expect(check.allowed).toBe(reason === undefined)
    if (!check.allowed) expect([check.reason, check.about]).toEqual([expect.stringMatching(reason ?? /^$/), about])
  })
})

describe('a longer period for the decision on review, agreed in writing (reg 9(1))', () => {
  // Received 10 March: a three-week review is due on 30 March.
  it.each<[string, ReviewUnderWay | undefined, string, string, RegExp | undefined, string | undefined]>([
    ['agreed while the period runs', underWay, '2026-03-20', '2026-04-20', undefined, undefined],
    ['agreed after it ran out: reg 9(1) sets no day', underWay, '2026-04-02', '2026-04-20', undefined, undefined],
    ['agreed again, to run longer still', { ...underWay, extendedTo: d('2026-04-20') }, '2026-04-15', '2026-04-29', undefined, undefined],
    [
      'ending when the decision is due anyway',
      underWay,
      '2026-03-20',
      '2026-03-30',
      /must end after the decision is now due, on 2026-03-30/,
      'extendedTo',
    ],
    [
      'shorter than one already agreed',
      { ...underWay, extendedTo: d('2026-04-20') },
      '2026-04-15',
      '2026-04-18',
      /now due, on 2026-04-20/,
      'extendedTo',
    ],
    [
      'shorter than the representations’ three weeks',
      { ...underWay, mindedToNotifiedOn: d('2026-03-12'), representationsReceivedOn: d('2026-03-20') },
      '2026-03-21',
      '2026-04-05',
      /now due, on 2026-04-09/,
      'extendedTo',
    ],
    ['ending before the day it was agreed', underWay, '2026-04-25', '2026-04-20', /on or after the day it was agreed/, 'extendedTo'],
    [
      'agreed before the request',
      underWay,
      '2026-03-09',
      '2026-04-20',
      /before the request for the review was received/,
      'extensionAgreedOn',
    ],
    ['agreed in the future', underWay, '2026-05-01', '2026-05-20', /today or in the past/, 'extensionAgreedOn'],
    ['on a decided review', { ...underWay, decidedOn: d('2026-03-20') }, '2026-03-21', '2026-04-20', /already been decided/, undefined],
  ])('%s', (_what, review, agreed, to, reason, about) => {
    const check = mayExtendReviewPeriod(review, d(agreed), d(to), today)
    expect(check.allowed).toBe(reason === undefined)
    if (!check.allowed) expect([check.reason, check.about]).toEqual([expect.stringMatching(reason ?? /^$/), about])
  })
})
