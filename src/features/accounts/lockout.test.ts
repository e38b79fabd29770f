import { describe, expect, it } from 'vitest'
import { afterFailedSignIn, isLocked } from './lockout.ts'

const policy = { maxFailures: 3, minutes: 15 }
const now = new Date('2026-01-10T10:00:00Z')
const minutes = (n: number) => new Date(now.getTime() + n * 60_000)

describe('lockout', () => {
  it.each([
    { before: { failedSignIns: 0, lockedUntil: null }, after: { failedSignIns: 1, lockedUntil: null } },
    { before: { failedSignIns: 1, lockedUntil: null }, after: { failedSignIns: 2, lockedUntil: null } },
    { before: { failedSignIns: 2, lockedUntil: null }, after: { failedSignIns: 3, lockedUntil: minutes(15) } },
    // A further failure while locked extends the lock.
    { before: { failedSignIns: 3, lockedUntil: minutes(5) }, after: { failedSignIns: 4, lockedUntil: minutes(15) } },
    // After the lock runs out the count starts again.
    { before: { failedSignIns: 3, lockedUntil: minutes(-1) }, after: { failedSignIns: 1, lockedUntil: null } },
  ])('$before.failedSignIns failures (locked until $before.lockedUntil) then one more', ({ before, after }) => {
    expect(afterFailedSignIn(before, policy, now)).toEqual(after)
  })

  it('is locked only until the time given', () => {
    expect(isLocked({ failedSignIns: 3, lockedUntil: minutes(1) }, now)).toBe(true)
    expect(isLocked({ failedSignIns: 3, lockedUntil: now }, now)).toBe(false)
    expect(isLocked({ failedSignIns: 0, lockedUntil: null }, now)).toBe(false)
  })
})
