import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { ACTIVITY_TYPES, contactHasDirection, mayRecordActivity, mayRecordContact } from './activities.ts'

const d = (iso: string) => LocalDate.parse(iso)
const today = d('2026-03-02')

describe('an activity is work under a prevention or relief duty', () => {
  it.each([
    ['prevention', '2026-02-01', undefined, '2026-02-10', 'prevention'],
    ['prevention', '2026-02-01', undefined, '2026-02-01', 'prevention'],
    ['relief', '2026-01-10', '2026-02-15', '2026-02-15', 'relief'],
    ['prevention', '2026-02-01', undefined, '2026-01-31', false],
    ['relief', '2026-01-10', '2026-02-15', '2026-02-14', false],
    ['prevention', '2026-02-01', undefined, '2026-03-03', false],
    ['approach', undefined, undefined, '2026-02-10', false],
    ['main_duty', '2026-01-01', '2026-01-10', '2026-02-10', false],
    ['closed', '2026-01-01', undefined, '2026-02-10', false],
  ] as const)('at %s (prevention from %s, relief from %s) dated %s: %s', (stage, prevention, relief, on, expected) => {
    const check = mayRecordActivity(
      { stage, preventionStartedOn: prevention ? d(prevention) : undefined, reliefStartedOn: relief ? d(relief) : undefined },
      d(on),
      today,
    )
    expect(check.allowed ? check.duty : false).toBe(expected)
  })

  it('uses the statutory return’s activity headings', () => {
    expect(Object.values(ACTIVITY_TYPES)).toContain('Negotiation / mediation / advocacy work to prevent eviction / repossession')
    expect(Object.values(ACTIVITY_TYPES)).toContain('Discretionary Housing Payment to reduce shortfall')
  })
})

describe('a contact', () => {
  it.each([
    ['2026-02-01', true],
    ['2026-03-02', true],
    ['2026-01-31', false],
    ['2026-03-03', false],
  ])('dated %s: %s', (on, expected) => {
    expect(mayRecordContact(d('2026-02-01'), d(on), today).allowed).toBe(expected)
  })

  it.each([
    ['phone_call', true],
    ['letter', true],
    ['home_visit', false],
    ['missed_appointment', false],
  ] as const)('%s has a direction: %s', (kind, expected) => {
    expect(contactHasDirection(kind)).toBe(expected)
  })
})
