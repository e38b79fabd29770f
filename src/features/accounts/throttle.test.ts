import { describe, expect, it } from 'vitest'
import { delayAfter, secondsToWait } from './throttle.ts'

const policy = { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: 900 }
const now = new Date('2026-01-10T10:00:00Z')
const secondsAgo = (n: number) => new Date(now.getTime() - n * 1000)

// OWASP ASVS 2.2.1 / NIST SP 800-63B 5.2.2: rate-limit failed attempts without letting an attacker lock the
// account; the delay grows with each failure and is capped, so the real person is kept out at most the cap.
describe('sign-in throttling', () => {
  it.each([
    { failures: 0, delay: 0 },
    { failures: 4, delay: 0 },
    { failures: 5, delay: 1 },
    { failures: 6, delay: 2 },
    { failures: 7, delay: 4 },
    { failures: 10, delay: 32 },
    { failures: 11, delay: 60 },
    { failures: 500, delay: 60 },
    { failures: 5000, delay: 60 },
  ])('after $failures failures the next attempt waits $delay seconds', ({ failures, delay }) => {
    expect(delayAfter(failures, policy)).toBe(delay)
  })

  it.each([
    { failures: 0, latest: null, wait: 0 },
    { failures: 4, latest: secondsAgo(0), wait: 0 },
    { failures: 7, latest: secondsAgo(0), wait: 4 },
    { failures: 7, latest: secondsAgo(3), wait: 1 },
    { failures: 7, latest: secondsAgo(4), wait: 0 },
    // However many failures an attacker piles up, the wait from the latest never passes the cap.
    { failures: 900, latest: secondsAgo(0), wait: 60 },
    { failures: 900, latest: secondsAgo(60), wait: 0 },
  ])('$failures failures, the latest at $latest: wait $wait seconds', ({ failures, latest, wait }) => {
    expect(secondsToWait(failures, latest, policy, now)).toBe(wait)
  })
})
