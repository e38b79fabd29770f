import { describe, expect, it } from 'vitest'
import { untilNextRun } from './nightly.ts'

const minutes = (ms: number) => ms / 60_000

describe('when the nightly H-CLIC validation next runs (02:00 in London)', () => {
  it.each([
    ['mid-morning in winter: 2am tomorrow', '2026-03-02T10:00:00Z', 16 * 60],
    ['just before 2am in winter', '2026-01-15T01:59:00Z', 1],
    ['exactly 2am: the next night', '2026-01-15T02:00:00Z', 24 * 60],
    ['half past midnight in summer (British Summer Time): 2am is 01:00 UTC', '2026-06-01T23:30:00Z', 90],
    ['the evening before the clocks go forward (29 March 2026): a 23-hour night', '2026-03-28T02:00:00Z', 23 * 60],
    ['the evening before the clocks go back (25 October 2026): a 25-hour night', '2026-10-24T01:00:00Z', 25 * 60],
  ])('%s', (_name, now, expected) => {
    expect(minutes(untilNextRun(new Date(now)))).toBe(expected)
  })
})
