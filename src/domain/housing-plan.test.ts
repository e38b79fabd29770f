import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import {
  STEP_LIBRARY,
  agreementProblems,
  firstReviewDue,
  inPlanOrder,
  mayMakePlan,
  planIsKept,
  reviewPlan,
  stepProblems,
  type StepDraft,
} from './housing-plan.ts'

const d = (iso: string) => LocalDate.parse(iso)
const planMadeOn = d('2026-03-02')
const step = (over: Partial<StepDraft>): StepDraft => ({
  owner: 'applicant',
  ownerName: '',
  text: 'Register with letting agents',
  dueOn: d('2026-03-16'),
  status: 'not_started',
  ...over,
})

describe('a step in the plan', () => {
  it.each([
    ['an applicant’s step due later', {}, []],
    ['a step due on the day of the plan', { dueOn: d('2026-03-02') }, []],
    ['a step due the day before the plan', { dueOn: d('2026-03-01') }, ['dueOn']],
    ['a step with no words', { text: '   ' }, ['text']],
    ['a step far too long', { text: 'x'.repeat(1001) }, ['text']],
    ['a council step with its officer', { owner: 'council', ownerName: 'Priya Shah' }, []],
    ['a council step with no officer', { owner: 'council' }, ['ownerName']],
    ['a partner’s step with the organisation', { owner: 'partner', ownerName: 'Citizens Advice' }, []],
    ['a partner’s step with no organisation', { owner: 'partner' }, ['ownerName']],
    ['everything wrong at once', { owner: 'partner', text: '', dueOn: d('2026-01-01') }, ['text', 'ownerName', 'dueOn']],
  ] as const)('%s', (_name, over, fields) => {
    expect(stepProblems(step(over), planMadeOn).map((p) => p.field)).toEqual(fields)
  })

  it('has a library of typical steps for each kind of owner, with unique codes', () => {
    expect(new Set(STEP_LIBRARY.map((s) => s.code)).size).toBe(STEP_LIBRARY.length)
    expect(STEP_LIBRARY.length).toBeGreaterThanOrEqual(20)
    for (const owner of ['applicant', 'council', 'partner']) expect(STEP_LIBRARY.some((s) => s.owner === owner)).toBe(true)
  })

  it('orders the applicant’s steps first, then the council’s and partners’, each by due date', () => {
    const steps = [
      { owner: 'partner', due_on: '2026-03-05', position: 1 },
      { owner: 'council', due_on: '2026-03-20', position: 2 },
      { owner: 'applicant', due_on: '2026-03-30', position: 3 },
      { owner: 'applicant', due_on: '2026-03-10', position: 4 },
    ]
    expect(inPlanOrder(steps).map((s) => s.position)).toEqual([4, 3, 2, 1])
  })
})

describe('making a plan', () => {
  it.each([
    ['prevention', '2026-03-02', true],
    ['relief', '2026-02-01', true],
    ['approach', '2026-03-02', false],
    ['closed', '2026-03-02', false],
    ['prevention', '2026-03-03', false],
    ['prevention', '2026-01-31', false],
  ])('at %s dated %s: %s', (stage, on, expected) => {
    expect(mayMakePlan(stage, d(on), d('2026-02-01'), d('2026-03-02')).allowed).toBe(expected)
  })
})

describe('keeping the plan (s189A(9))', () => {
  it.each([
    ['approach', false],
    ['prevention', true],
    ['relief', true],
    ['main_duty', true],
    ['closed', false],
  ])('at %s: %s', (stage, expected) => {
    expect(planIsKept(stage)).toBe(expected)
  })
})

describe('the applicant’s agreement (s189A(5)-(6))', () => {
  it.each([
    [undefined, '', ['agreement']],
    ['agreed', '', []],
    ['disagreed', '', ['reasons']],
    ['disagreed', 'Cannot afford to view homes outside the borough', []],
  ] as const)('%s with reasons %j', (agreement, reasons, fields) => {
    expect(agreementProblems(agreement, reasons).map((p) => p.field)).toEqual(fields)
  })
})

describe('reviewing the plan (s189A(9))', () => {
  const today = d('2026-04-15')
  const plan = { madeOn: d('2026-03-02'), lastReviewedOn: d('2026-03-30') }

  it('schedules the first review four weeks after the plan is made', () => {
    expect(firstReviewDue(d('2026-03-02')).toString()).toBe('2026-03-30')
  })

  it.each([
    ['2026-04-15', '2026-05-13'],
    ['2026-03-30', '2026-04-27'],
  ])('a review on %s sets the next for %s', (on, next) => {
    const reviewed = reviewPlan(plan, d(on), today)
    expect(reviewed.allowed && reviewed.nextReviewDue.toString()).toBe(next)
  })

  it('takes a shorter interval where the officer sets one', () => {
    const reviewed = reviewPlan(plan, d('2026-04-15'), today, 14)
    expect(reviewed.allowed && reviewed.nextReviewDue.toString()).toBe('2026-04-29')
  })

  it.each([
    ['2026-04-16', /today or in the past/],
    ['2026-03-01', /on or after the date of the plan/],
    ['2026-03-29', /on or after the last review/],
  ])('refuses a review on %s', (on, reason) => {
    const reviewed = reviewPlan(plan, d(on), today)
    expect(reviewed.allowed).toBe(false)
    if (!reviewed.allowed) expect(reviewed.reason).toMatch(reason)
  })
})
