import { LocalDate } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { STAFF_ROLES } from '../db/actor.ts'
import { RISKS_AT_ASSESSMENT } from '../domain/assessment.ts'
import { CLOSING_CODES } from '../domain/monitoring/casework.ts'
import { isEnglishHousingAuthorityCode } from '../domain/organisations.ts'
import { DEMO_ACCOUNTS, generateDemoData, placeSlug } from './generate.ts'

const today = LocalDate.parse('2026-11-23')
const data = generateDemoData({ today })
const applicants = data.people.filter((p) => p.is_applicant)
const share = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length / items.length

describe('the demonstration data', () => {
  it('is the same every time for the same day and seed, and different for another seed', () => {
    expect(generateDemoData({ today })).toEqual(data)
    expect(generateDemoData({ today, seed: 7 }).cases[0]?.id).not.toBe(data.cases[0]?.id)
  })

  it('has the 14 Essex housing authorities with their ONS codes, the districts under Essex County Council', () => {
    const authorities = data.organisations.filter((o) => o.type === 'local_housing_authority')
    expect(authorities).toHaveLength(14)
    expect(authorities.every((a) => a.ons_code && isEnglishHousingAuthorityCode(a.ons_code))).toBe(true)
    const byCode = new Map(authorities.map((a) => [a.ons_code, a]))
    expect(byCode.get('E07000066')?.name).toBe('Basildon Borough Council')
    expect(byCode.get('E07000077')?.name).toBe('Uttlesford District Council')
    expect(byCode.get('E06000033')?.name).toBe('Southend-on-Sea City Council')
    expect(byCode.get('E06000034')?.name).toBe('Thurrock Council')
    const county = data.organisations.find((o) => o.type === 'county_council')
    expect(county?.ons_code).toBe('E10000012')
    expect(authorities.filter((a) => a.parent_id === county?.id)).toHaveLength(12)
    expect(byCode.get('E06000033')?.parent_id).toBeNull()
  })

  it('has three providers, the five kinds of referring body and a programme led by the county', () => {
    expect(data.organisations.filter((o) => o.type === 'provider').map((o) => o.name)).toEqual([
      'Phoenix Futures',
      'Peabody',
      'One Support',
    ])
    expect(data.organisations.map((o) => o.type)).toEqual(
      expect.arrayContaining(['hospital', 'prison', 'probation', 'jobcentre_plus', 'childrens_social_care', 'adult_social_care']),
    )
    expect(data.programmes).toHaveLength(1)
    expect(data.programmes[0]?.lead_organisation_id).toBe(data.organisations.find((o) => o.type === 'county_council')?.id)
  })

  it('has a printed account for every role, each one a real user of the named organisation', () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(STAFF_ROLES))
    for (const account of DEMO_ACCOUNTS) {
      const user = data.users.find((u) => u.email === account.email)
      expect(user, account.email).toBeDefined()
      expect(user?.organisationName).toBe(account.organisationName)
      expect(user?.role).toBe(account.role)
    }
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length)
  })

  it('has a few hundred households shaped like the Essex evaluation (section 2.2)', () => {
    expect(data.households.length).toBeGreaterThanOrEqual(300)
    expect(share(applicants, (p) => p.sex === 'female')).toBeCloseTo(0.7, 1)
    const adults = data.households.map(
      (h) => data.people.filter((p) => p.household_id === h.id && p.relationship_to_applicant !== 'child').length,
    )
    expect(share(adults, (n) => n === 1)).toBeCloseTo(0.8, 1)
    const withChildren = data.households.filter((h) =>
      data.people.some((p) => p.household_id === h.id && p.relationship_to_applicant === 'child'),
    )
    expect(withChildren.length / data.households.length).toBeCloseTo(0.52, 1)
    const ages = data.cases.map((c) => {
      const applicant = applicants.find((p) => p.household_id === c.household_id)
      return LocalDate.parse(applicant?.date_of_birth ?? '')
        .until(LocalDate.parse(c.approached_on))
        .years()
    })
    const mean = ages.reduce((sum, age) => sum + age, 0) / ages.length
    expect(mean).toBeGreaterThan(36)
    expect(mean).toBeLessThan(43)
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16)
  })

  it('closes most cases with the home kept or found, as the evaluation found (82%), in casework’s own codes', () => {
    const closed = data.cases.filter((c) => c.stage === 'closed')
    expect(closed.every((c) => (CLOSING_CODES as readonly (string | null | undefined)[]).includes(c.outcome))).toBe(true)
    const kept = (c: (typeof closed)[number]) =>
      c.outcome === 'suitable_accommodation_secured' || c.outcome === 'not_homeless_or_threatened'
    expect(share(closed, kept)).toBeCloseTo(0.82, 1)
    // A household helped before any duty was owed closes as owed none; one owed a duty, on the duty's ground.
    for (const c of closed) {
      const owedDuty = c.prevention_started_on !== null || c.relief_started_on !== null
      expect(c.outcome === 'not_homeless_or_threatened' || c.outcome === 'contact_lost').toBe(
        !owedDuty && c.outcome !== 'application_withdrawn',
      )
      expect(c.accommodation_secured !== null).toBe(c.outcome === 'suitable_accommodation_secured')
    }
    expect(data.cases.every((c) => c.risk_at_assessment === null || Object.hasOwn(RISKS_AT_ASSESSMENT, c.risk_at_assessment ?? ''))).toBe(
      true,
    )
    expect(closed.every((c) => c.closed_on && c.closed_on >= c.approached_on && c.closed_on < today.toString())).toBe(true)
    const open = data.cases.filter((c) => c.stage !== 'closed')
    expect(open.length).toBeGreaterThan(50)
    expect(open.every((c) => c.outcome === null && c.closed_on === null)).toBe(true)
  })

  it('gives every case an officer of its authority, or a provider mentor on the programme; the Phoenix mentor works across authorities', () => {
    const users = new Map(data.users.map((u) => [u.id, u]))
    for (const c of data.cases) {
      const officer = users.get(c.officer_id)
      expect(officer?.role).toBe('caseworker')
      if (c.provider_organisation_id) {
        expect(officer?.organisation_id).toBe(c.provider_organisation_id)
        expect(c.programme_id).toBe(data.programmes[0]?.id)
      } else {
        expect(officer?.organisation_id).toBe(c.authority_id)
      }
    }
    const mentor = data.users.find((u) => u.email === 'mentor.phoenix-futures@upstream.example')
    const authorities = new Set(data.cases.filter((c) => c.officer_id === mentor?.id && c.stage !== 'closed').map((c) => c.authority_id))
    expect(authorities.size).toBeGreaterThanOrEqual(2)
  })

  it('numbers cases by authority and year in order of approach, and references are unique', () => {
    expect(new Set(data.cases.map((c) => c.reference)).size).toBe(data.cases.length)
    expect(new Set(data.referrals.map((r) => r.reference)).size).toBe(data.referrals.length)
    const basildon = data.cases.filter((c) => c.reference.startsWith('BAS-2026-'))
    expect(basildon[0]?.reference).toBe('BAS-2026-00001')
    expect(basildon.map((c) => c.approached_on)).toEqual([...basildon.map((c) => c.approached_on)].sort())
  })

  it('has referrals with consent, a history that moves forward, and accepted ones linked to their case', () => {
    expect(data.referrals.length).toBeGreaterThan(100)
    const order = ['received', 'acknowledged', 'contacted', 'assessed', 'closed']
    for (const referral of data.referrals) {
      expect(referral.consent_to_referral && referral.consent_to_share_contact_details && referral.authority_chosen_by_person).toBe(true)
      expect(
        referral.phone ??
          referral.email ??
          (referral.preferred_contact === 'via_referrer' || referral.preferred_contact === 'post' ? 'ok' : null),
      ).not.toBeNull()
      const history = data.referralStatusChanges.filter((s) => s.referral_id === referral.id)
      expect(history[0]?.status).toBe('received')
      expect(history.at(-1)?.status).toBe(referral.status)
      const steps = history.map((s) => order.indexOf(s.status))
      expect(steps).toEqual([...steps].sort((a, b) => a - b))
      const accepted = referral.outcome === 'prevention_duty_accepted' || referral.outcome === 'relief_duty_accepted'
      expect(referral.case_id !== null).toBe(accepted)
      if (referral.case_id) expect(data.cases.find((c) => c.id === referral.case_id)?.authority_id).toBe(referral.authority_id)
    }
    expect(data.referrals.some((r) => r.status === 'received' || r.status === 'acknowledged')).toBe(true)
    expect(data.referrals.some((r) => r.referring_organisation_id === null && r.channel === 'self_referral')).toBe(true)
  })

  it('dates every household member sensibly: children younger than the applicant, adults 18 or over', () => {
    for (const household of data.households) {
      const members = data.people.filter((p) => p.household_id === household.id)
      const applicant = members.find((p) => p.is_applicant)
      expect(applicant).toBeDefined()
      for (const child of members.filter((p) => p.relationship_to_applicant === 'child')) {
        expect(child.date_of_birth && applicant?.date_of_birth && child.date_of_birth > applicant.date_of_birth).toBe(true)
      }
    }
  })

  it.each([
    ['Castle Point Borough Council', 'castle-point'],
    ['Southend-on-Sea City Council', 'southend-on-sea'],
    ['Harlow Council', 'harlow'],
    ['Epping Forest District Council', 'epping-forest'],
  ])('makes an email-safe place name of %s', (name, slug) => {
    expect(placeSlug(name)).toBe(slug)
  })
})
