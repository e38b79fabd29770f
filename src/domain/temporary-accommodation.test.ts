import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import type { Stage } from './legal-status.ts'
import { dutyToAccommodate, mayEnd, mayPlace } from './temporary-accommodation.ts'

const d = (s: string) => LocalDate.parse(s)
const today = d('2026-03-02')
const approached = d('2026-02-01')

describe('the duty a placement is made under', () => {
  it.each<[Stage, string | undefined]>([
    ['approach', 's188'],
    ['prevention', undefined],
    ['relief', 's188'],
    ['main_duty', 's193'],
    ['closed', undefined],
  ])('at %s: %s', (stage, duty) => {
    expect(dutyToAccommodate(stage)).toBe(duty)
  })
})

describe('placing a household', () => {
  it.each<[string, Stage, boolean, string, string | undefined]>([
    ['at approach, today', 'approach', false, '2026-03-02', undefined],
    ['on the day of approach', 'relief', false, '2026-02-01', undefined],
    ['the day before the approach', 'relief', false, '2026-01-31', 'on or after the day the household approached'],
    ['tomorrow', 'relief', false, '2026-03-03', 'today or in the past'],
    ['under prevention', 'prevention', false, '2026-03-01', 'become homeless'],
    ['on a closed case', 'closed', false, '2026-03-01', 'closed case'],
    ['while already placed', 'relief', true, '2026-03-01', 'already in a placement'],
  ])('%s', (_what, stage, placed, on, refusal) => {
    const check = mayPlace(stage, placed ? { placedOn: d('2026-02-10') } : undefined, d(on), approached, today)
    if (refusal === undefined) expect(check.allowed).toBe(true)
    else expect(check).toMatchObject({ allowed: false, reason: expect.stringContaining(refusal) as string })
  })
})

describe('ending a placement', () => {
  const current = { placedOn: d('2026-02-10') }
  it.each<[string, typeof current | undefined, string, string | undefined]>([
    ['the day it began', current, '2026-02-10', undefined],
    ['today', current, '2026-03-02', undefined],
    ['before it began', current, '2026-02-09', 'on or after the day it began'],
    ['tomorrow', current, '2026-03-03', 'today or in the past'],
    ['with no placement', undefined, '2026-03-01', 'not in a placement'],
  ])('%s', (_what, placement, on, refusal) => {
    const check = mayEnd(placement, d(on), today)
    if (refusal === undefined) expect(check.allowed).toBe(true)
    else expect(check).toMatchObject({ allowed: false, reason: expect.stringContaining(refusal) as string })
  })
})
