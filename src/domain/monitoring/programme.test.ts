import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { programmeStartProblem } from './programme.ts'

describe('the day a programme began', () => {
  const today = LocalDate.parse('2026-03-02')
  it.each([
    ['2025-10-01', undefined],
    ['2026-03-02', undefined],
    ['2026-03-03', 'The date the programme began must be today or in the past'],
  ])('%s: %s', (startsOn, problem) => {
    expect(programmeStartProblem(LocalDate.parse(startsOn), today)).toBe(problem)
  })
})
