import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { mayAuthorise, mayDecideNotice, mayWarn, mayWarnAbout, type PlanFacts, type Warning } from './non-cooperation.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-04-01')
const approached = d('2026-03-01')
const warning: Warning = { warnedOn: d('2026-03-10'), reasonablePeriodDays: 14 }
const decided: Warning = { ...warning, decidedOn: d('2026-03-24'), decidedBy: { userId: 'alice', role: 'caseworker' } }

describe('non-cooperation (s193B)', () => {
  it.each([
    ['prevention', undefined, '2026-03-10', true],
    ['relief', undefined, '2026-04-01', true],
    ['approach', undefined, '2026-03-10', false],
    ['main_duty', undefined, '2026-03-10', false],
    ['prevention', warning, '2026-03-20', false],
    ['prevention', undefined, '2026-04-02', false],
    ['prevention', undefined, '2026-02-28', false],
  ] as const)('warning at %s (existing %j) on %s: %s', (stage, existing, on, expected) => {
    expect(mayWarn(stage, existing, d(on), approached, today).allowed).toBe(expected)
  })

  it.each([
    [warning, '2026-03-23', false, /from 2026-03-24/],
    [warning, '2026-03-24', true, undefined],
    [{ ...warning, reasonablePeriodDays: 7 }, '2026-03-17', true, undefined],
    [undefined, '2026-03-24', false, /after a relevant warning/],
    [decided, '2026-03-30', false, /already been decided/],
    [warning, '2026-04-02', false, /today or in the past/],
  ] as const)('notice decided on %s after %j', (w, on, expected, reason) => {
    const check = mayDecideNotice(w, d(on), today)
    expect(check.allowed).toBe(expected)
    if (!check.allowed && reason) expect(check.reason).toMatch(reason)
  })

  it.each([
    [{ userId: 'bob', role: 'team_manager' }, true, undefined],
    [{ userId: 'carol', role: 'caseworker' }, true, undefined],
    [{ userId: 'alice', role: 'team_manager' }, false, /cannot also authorise/],
  ] as const)('authorised by %j: %s', (authoriser, expected, reason) => {
    const check = mayAuthorise(decided, authoriser)
    expect(check.allowed).toBe(expected)
    if (!check.allowed && reason) expect(check.reason).toMatch(reason)
  })

  it('needs a manager to authorise a manager’s notice, and a decided notice to authorise at all', () => {
    const byManager: Warning = { ...decided, decidedBy: { userId: 'dan', role: 'team_manager' } }
    expect(mayAuthorise(byManager, { userId: 'erin', role: 'caseworker' })).toEqual({
      allowed: false,
      reason: expect.stringMatching(/at least as senior/) as unknown,
    })
    expect(mayAuthorise(warning, { userId: 'erin', role: 'team_manager' }).allowed).toBe(false)
    expect(mayAuthorise({ ...decided, authorisedBy: { userId: 'bob' } }, { userId: 'erin', role: 'team_manager' }).allowed).toBe(false)
  })

  const plan: PlanFacts = {
    agreement: 'agreed',
    agreementRecordedOn: d('2026-03-05'),
    steps: [
      { id: 'viewings', owner: 'applicant', status: 'not_started' },
      { id: 'negotiate', owner: 'council', status: 'in_progress' },
      { id: 'debt-advice', owner: 'partner', status: 'not_started' },
      { id: 'documents', owner: 'applicant', status: 'done' },
    ],
  }
  it.each<[string, PlanFacts | undefined, string, string, RegExp | undefined]>([
    ['an agreed step of the applicant’s (s193B(2)(a), s189A(4))', plan, 'viewings', '2026-03-10', undefined],
    [
      'a step recorded as reasonably required where they disagreed (s193B(2)(b), s189A(6)(b))',
      { ...plan, agreement: 'disagreed' },
      'viewings',
      '2026-03-10',
      undefined,
    ],
    ['a warning on the day the agreement was recorded', plan, 'viewings', '2026-03-05', undefined],
    ['no plan: a warning cannot exist without a step (s193B(2))', undefined, 'viewings', '2026-03-10', /make the plan/],
    ['a step that is not in the plan', plan, 'somewhere-else', '2026-03-10', /Select the step in the plan/],
    ['the council’s step (s193B(2): steps the applicant is to take)', plan, 'negotiate', '2026-03-10', /only a step the applicant/],
    ['a partner’s step (s193B(2))', plan, 'debt-advice', '2026-03-10', /only a step the applicant/],
    ['a step the plan records as done', plan, 'documents', '2026-03-10', /done/],
    [
      'a plan whose steps were neither agreed nor recorded as required (s189A(4), (6)(b))',
      { ...plan, agreement: null, agreementRecordedOn: null },
      'viewings',
      '2026-03-10',
      /Record whether the applicant agrees/,
    ],
    ['a warning dated before the step was agreed (s193B(5)(a))', plan, 'viewings', '2026-03-04', /on or after 2026-03-05/],
  ])('a warning about %s', (_, p, stepId, on, reason) => {
    const check = mayWarnAbout(p, stepId, d(on))
    expect(check.allowed).toBe(reason === undefined)
    if (!check.allowed) expect(check.reason).toMatch(reason ?? /^$/)
  })
})
