/**
 * Slowing down password guessing without a lock an attacker controls (OWASP ASVS 2.2.1; NIST SP 800-63B
 * 5.2.2). A lock that anyone can set with a few wrong passwords keeps the real person out; growing delays,
 * capped, keep guessing slow while the real person waits at most the cap before a right password works.
 */
import type { ThrottlePolicy } from '../../platform/rate-limits.ts'

/** The seconds to wait after `failures` failures in the window, the latest of them counting from then. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0
  const doublings = failures - policy.freeFailures
  // Past 2^30 the cap has long been reached; stop before the number does anything odd.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(doublings, 30))
}

/** Whole seconds from `now` until another attempt may be made (0: it may be made now). */
export function secondsToWait(failures: number, latest: Date | null, policy: ThrottlePolicy, now: Date): number {
  if (latest === null) return 0
  const allowedAt = latest.getTime() + delayAfter(failures, policy) * 1000
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000))
}
