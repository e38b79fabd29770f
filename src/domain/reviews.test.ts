import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { deadlinesOf } from './case-deadlines.ts'
import {
  mayDecideReview,
  mayRequestReview,
  reviewableDecisionOf,
  reviewDueOn,
  reviewPeriodFor,
  REVIEWABLE_DECISION_KINDS,
  type OpenReview,
  type ReviewableDecision,
  type Reviewer,
} from './reviews.ts'

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
