import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { mayAuthorise, mayDecideNotice, mayWarn, type Warning } from './non-cooperation.ts'

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
})
