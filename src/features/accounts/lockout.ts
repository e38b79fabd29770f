/** Repeated failed sign-ins lock an account for a while, to slow down password guessing. */
export interface LockoutPolicy {
  maxFailures: number
  minutes: number
}

export interface AccountLockState {
  failedSignIns: number
  lockedUntil: Date | null
}

export function isLocked(state: AccountLockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()
}

/** The state after one more failed attempt: the count rises and, at the limit, the lock starts. */
export function afterFailedSignIn(state: AccountLockState, policy: LockoutPolicy, now: Date): AccountLockState {
  // A lock that has run out gives a fresh allowance of attempts.
  const previous = state.lockedUntil !== null && !isLocked(state, now) ? 0 : state.failedSignIns
  const failedSignIns = previous + 1
  const lockedUntil = failedSignIns >= policy.maxFailures ? new Date(now.getTime() + policy.minutes * 60_000) : null
  return { failedSignIns, lockedUntil }
}
