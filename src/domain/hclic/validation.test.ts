import { describe, expect, it } from 'vitest'
import { CODE_LISTS } from './code-lists.ts'
import { quarterOf } from './quarter.ts'
import type { HclicCase, HclicPerson } from './record.ts'
import { countFindings, validateReturn } from './validation.ts'

const Q1 = quarterOf(2026, 1)

function person(personId: string, changes: Partial<HclicPerson> = {}): HclicPerson {
  return {
    personId,
    isApplicant: false,
    relationship: 'child',
    sex: 'female',
    dateOfBirth: '2019-02-01',
    ageAtApplication: 6,
    ageAtQuarterEnd: 7,
    ethnicGroup: null,
    nationality: null,
    sexualOrientation: null,
    genderSameAsAtBirth: null,
    supportNeeds: [],
    ...changes,
  }
}

const applicant = person('p1', {
  isApplicant: true,
  relationship: null,
  dateOfBirth: '1994-06-30',
  ageAtApplication: 31,
  ageAtQuarterEnd: 31,
  ethnicGroup: 'white_british',
  nationality: 'uk',
  sexualOrientation: 'heterosexual',
  genderSameAsAtBirth: 'yes',
  supportNeeds: ['mental_health'],
})

/** A prevention duty that succeeded: every answer the return needs, all consistent. */
function prevented(): HclicCase {
  return {
    caseId: 'c1',
    reference: 'BAS-1',
    authorityCode: 'E07000066',
    stage: 'closed',
    appliedOn: '2026-01-12',
    assessedOn: '2026-01-14',
    eligibility: 'eligible',
    initialDuty: 'prevention',
    noDutyReason: null,
    section21: true,
    applicantEmployment: 'part_time',
    partnerEmployment: null,
    housingCostBenefits: 'yes',
    livingCostBenefits: 'no',
    accommodationAtApplication: 'private_rented_self_contained',
    lastSettledAccommodation: 'private_rented_self_contained',
    reasonForLoss: 'end_of_assured_shorthold_tenancy',
    referred: false,
    referringBodyType: null,
    people: [applicant, person('p2')],
    prevention: {
      startedOn: '2026-01-14',
      endedOn: '2026-02-20',
      endingGround: 'suitable_accommodation_secured',
      accommodationSecured: 'private_rented_self_contained',
      activities: ['negotiation_mediation_advocacy_prevent_eviction'],
    },
    relief: null,
    mainDuty: null,
    placements: [],
    reviews: [],
    closedOn: '2026-02-20',
  }
}

/**
 * Prevention, then homeless on 20 January: relief for its 56 days (the 56th day is 16 March), the main
 * duty owed that day, interim accommodation from the day the household became homeless, and a review asked for.
 */
function homeless(): HclicCase {
  return {
    ...prevented(),
    reference: 'BAS-2',
    stage: 'main_duty',
    appliedOn: '2026-01-05',
    assessedOn: '2026-01-07',
    section21: false,
    prevention: {
      startedOn: '2026-01-07',
      endedOn: '2026-01-20',
      endingGround: 'moved_to_relief',
      accommodationSecured: null,
      activities: [],
    },
    relief: {
      startedOn: '2026-01-20',
      endedOn: '2026-03-16',
      endingGround: 'moved_to_main_duty_decision',
      accommodationSecured: null,
      activities: [],
    },
    mainDuty: { decidedOn: '2026-03-16', owed: true, priorityNeed: null, intentionality: null, endedOn: null, endingGround: null },
    placements: [
      {
        duty: 's188',
        accommodationType: 'bed_and_breakfast',
        bedrooms: 2,
        inAnotherDistrict: false,
        placedOn: '2026-01-20',
        endedOn: null,
      },
    ],
    reviews: [
      {
        decision: 'duty_owed',
        receivedOn: '2026-03-20',
        decidedOn: null,
        outcome: null,
        notifiedOn: '2026-03-16',
        extendedInWritingTo: null,
      },
    ],
    closedOn: null,
  }
}

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('the base case lacks what the change edits')
  return value
}
const prev = (c: HclicCase) => present(c.prevention)
const rel = (c: HclicCase) => present(c.relief)
const md = (c: HclicCase) => present(c.mainDuty)
const pl = (c: HclicCase) => present(c.placements[0])
const rv = (c: HclicCase) => present(c.reviews[0])

type Change = (c: HclicCase) => void
const with_ = (base: () => HclicCase, change: Change): HclicCase => {
  const c = structuredClone(base())
  change(c)
  return c
}
const found = (c: HclicCase, quarter = Q1, lists = CODE_LISTS) =>
  validateReturn([c], quarter, lists).map((f) => `${f.severity} ${f.question} ${f.fixAt}`)

describe('H-CLIC validation: complete, consistent cases', () => {
  it.each([
    ['a prevention duty that succeeded', prevented],
    ['prevention, relief, main duty, interim accommodation and a review in time', homeless],
  ])('finds nothing wrong with %s', (_name, base) => {
    expect(validateReturn([base()], Q1, CODE_LISTS)).toEqual([])
  })
})

describe('H-CLIC validation: each rule failing', () => {
  const p = (change: Change) => with_(prevented, change)
  const h = (change: Change) => with_(homeless, change)
  it.each<[string, HclicCase, string[]]>([
    [
      'a required answer missing for the main applicant (1.7)',
      p((c) => (c.people[0] = { ...applicant, ethnicGroup: null })),
      ['error 1.7 /cases/BAS-1/household/p1/personal-details'],
    ],
    [
      'a required answer missing for a household member (2.3)',
      p((c) => (c.people[1] = person('p2', { sex: null }))),
      ['error 2.3 /cases/BAS-1/household/p2'],
    ],
    [
      'support needs never assessed (3.2)',
      p((c) => (c.people[1] = person('p2', { supportNeeds: null }))),
      ['error 3.2 /cases/BAS-1/assessment/support_needs'],
    ],
    [
      'a placement without its bedrooms (9.6)',
      h((c) => (c.placements[0] = { ...pl(c), bedrooms: null })),
      ['error 9.6 /cases/BAS-2/temporary-accommodation'],
    ],
    [
      'a coded answer not on its list (1.7)',
      p((c) => (c.people[0] = { ...applicant, ethnicGroup: 'martian' })),
      ['error 1.7 /cases/BAS-1/household/p1/personal-details'],
    ],
    [
      'one of several codes not on its list (3.2)',
      p((c) => (c.people[0] = { ...applicant, supportNeeds: ['mental_health', 'unknown_need'] })),
      ['error 3.2 /cases/BAS-1/assessment/support_needs'],
    ],
    ['assessment before application (1.5 < 1.22)', p((c) => (c.assessedOn = '2026-01-11')), ['error 1.5 /cases/BAS-1/assessment/check']],
    ['prevention before application (4.2 < 1.22)', p((c) => (prev(c).startedOn = '2026-01-11')), ['error 4.2 /cases/BAS-1/decision']],
    [
      'relief before application (5.2 < 1.22)',
      h((c) => {
        c.initialDuty = 'relief'
        c.prevention = null
        c.relief = { ...rel(c), startedOn: '2026-01-04', endedOn: '2026-02-28' }
      }),
      ['error 5.2 /cases/BAS-2/decision'],
    ],
    [
      'relief starting before prevention ended (5.2 < 4.5)',
      h((c) => (c.relief = { ...rel(c), startedOn: '2026-01-19', endedOn: '2026-03-15' })),
      ['error 5.2 /cases/BAS-2/decision'],
    ],
    [
      'relief started while prevention has no end',
      h((c) => {
        c.prevention = { ...prev(c), endedOn: null, endingGround: null }
        c.placements = []
      }),
      ['error 4.5 /cases/BAS-2/decision'],
    ],
    [
      'homeless at prevention end, yet a settled home secured (4.8)',
      h((c) => (prev(c).accommodationSecured = 'council_tenant')),
      ['error 4.8 /cases/BAS-2/decision'],
    ],
    [
      'interim accommodation entered inside the prevention duty (9.3)',
      h((c) => (pl(c).placedOn = '2026-01-10')),
      ['error 9.3 /cases/BAS-2/temporary-accommodation'],
    ],
    [
      'interim accommodation after the prevention duty succeeded (9.7)',
      p((c) =>
        c.placements.push({
          duty: 's188',
          accommodationType: 'hostel',
          bedrooms: 1,
          inAnotherDistrict: false,
          placedOn: '2026-02-25',
          endedOn: null,
        }),
      ),
      ['error 9.7 /cases/BAS-1/temporary-accommodation'],
    ],
    [
      'relief ended after its 56th day when the main duty decision followed (5.5)',
      h((c) => {
        rel(c).endedOn = '2026-03-17'
        md(c).decidedOn = '2026-03-17'
      }),
      ['error 5.5 /cases/BAS-2/decision'],
    ],
    [
      // s189B(7)(b): a notice on the ground that 56 days have passed comes after the 56th day.
      'relief ended by notice as 56 days elapsed on its 56th day (5.5)',
      h((c) => {
        c.relief = { ...rel(c), endingGround: 'fifty_six_days_elapsed' }
        c.mainDuty = null
      }),
      ['error 5.5 /cases/BAS-2/decision'],
    ],
    ['main duty decided before relief ended (7.1 < 5.5)', h((c) => (md(c).decidedOn = '2026-03-10')), ['error 7.1 /cases/BAS-2/decision']],
    [
      'main duty decided with relief not ended',
      h((c) => (c.relief = { ...rel(c), endedOn: null, endingGround: null })),
      ['error 5.5 /cases/BAS-2/decision'],
    ],
    [
      'partner employment without a partner (1.23)',
      p((c) => (c.partnerEmployment = 'full_time')),
      ['error 1.23 /cases/BAS-1/assessment/employment'],
    ],
    [
      'a partner without their employment (1.23 missing)',
      p((c) =>
        c.people.push(person('p3', { relationship: 'partner', dateOfBirth: '1990-01-01', ageAtApplication: 36, ageAtQuarterEnd: 36 })),
      ),
      ['error 1.23 /cases/BAS-1/assessment/employment'],
    ],
    [
      'a review asked for more than 21 days after notification (10.2)',
      h((c) => (rv(c).receivedOn = '2026-04-06')),
      ['warning 10.2 /cases/BAS-2/reviews'],
    ],
  ])('%s', (_name, record, expected) => {
    expect(found(record)).toEqual(expected)
  })
})

describe('H-CLIC validation: each rule passing at its edge', () => {
  const p = (change: Change) => with_(prevented, change)
  const h = (change: Change) => with_(homeless, change)
  it.each<[string, HclicCase]>([
    [
      'an applicant found not eligible need not give ethnic group (1.7)',
      p((c) => ((c.eligibility = 'not_eligible'), (c.people[0] = { ...applicant, ethnicGroup: null }))),
    ],
    ['no support needs is an answer (3.2)', p((c) => (c.people[0] = { ...applicant, supportNeeds: [] }))],
    ['assessed on the day of application (1.5 = 1.22)', p((c) => ((c.assessedOn = '2026-01-12'), (prev(c).startedOn = '2026-01-12')))],
    [
      'relief from the day of application (5.2 = 1.22)',
      h((c) => {
        c.initialDuty = 'relief'
        c.prevention = null
        c.relief = { ...rel(c), startedOn: '2026-01-05', endedOn: '2026-03-01' }
      }),
    ],
    ['homeless at prevention end, staying with family (4.8)', h((c) => (prev(c).accommodationSecured = 'living_with_family'))],
    [
      'homeless at prevention end, still where they applied from (4.8 = 1.13)',
      h((c) => (prev(c).accommodationSecured = 'private_rented_self_contained')),
    ],
    ['interim accommodation on the day of assessment (9.3)', h((c) => (pl(c).placedOn = '2026-01-07'))],
    ['interim accommodation between application and assessment (9.3)', h((c) => (pl(c).placedOn = '2026-01-06'))],
    // s189B(4): in priority need and not intentionally homeless, it ends by itself on its 56th day.
    ['relief ended by itself on its 56th day (5.5)', h((c) => (c.relief = { ...rel(c), endingGround: 'moved_to_main_duty_decision' }))],
    // s189B(5): otherwise a notice ends it, and may come well after the 56th day.
    [
      'relief ended by notice as 56 days elapsed after its 56th day (5.5)',
      h((c) => {
        c.relief = { ...rel(c), endedOn: '2026-03-20', endingGround: 'fifty_six_days_elapsed' }
        c.mainDuty = null
      }),
    ],
    [
      'relief ended late for another reason (5.5)',
      h((c) => {
        c.relief = { ...rel(c), endedOn: '2026-03-20', endingGround: 'contact_lost' }
        c.mainDuty = null
      }),
    ],
    [
      'partner employment with a partner in the household (1.23)',
      p((c) => {
        c.partnerEmployment = 'full_time'
        c.people.push(person('p3', { relationship: 'partner', dateOfBirth: '1990-01-01', ageAtApplication: 36, ageAtQuarterEnd: 36 }))
      }),
    ],
    ['a review asked for on the 21st day (10.2)', h((c) => (rv(c).receivedOn = '2026-04-05'))],
    [
      'a late review within a longer period allowed in writing (10.2)',
      h((c) => ((rv(c).receivedOn = '2026-04-10'), (rv(c).extendedInWritingTo = '2026-04-15'))),
    ],
  ])('%s', (_name, record) => {
    expect(found(record)).toEqual([])
  })
})

describe('H-CLIC validation: code lists by quarter', () => {
  const newReason = with_(prevented, (c) => (c.reasonForLoss = 'home_no_longer_suitable'))
  it('refuses a value before the quarter its list gained it, and accepts it after', () => {
    const q = quarterOf(2022, 1)
    expect(validateReturn([newReason], q, CODE_LISTS).map((f) => [f.question, f.message])).toEqual([
      ['1.15', expect.stringContaining('which the return accepts only from 1 April 2023') as string],
    ])
    expect(found(newReason)).toEqual([])
  })

  it('refuses a value after its list dropped it', () => {
    const lists = CODE_LISTS.map((l) =>
      l.id === 'ethnic_group'
        ? { ...l, values: l.values.map((v) => (v.value === 'white_british' ? { ...v, validTo: '2025-12-31' } : v)) }
        : l,
    )
    expect(found(prevented(), Q1, lists)).toEqual(['error 1.7 /cases/BAS-1/household/p1/personal-details'])
    expect(found(prevented(), quarterOf(2025, 4), lists)).toEqual([])
  })
})

describe('H-CLIC validation: messages and whole returns', () => {
  it('names the question’s wording and the household member in plain English', () => {
    const [finding] = validateReturn([with_(prevented, (c) => (c.people[1] = person('p2', { sex: null })))], Q1, CODE_LISTS)
    expect(finding).toEqual({
      caseReference: 'BAS-1',
      section: 'people',
      question: '2.3',
      severity: 'error',
      message: '2.3 “Sex” is not answered for a household member (Son or daughter (including step and foster)).',
      fixAt: '/cases/BAS-1/household/p2',
    })
  })

  it('reports a household without a main applicant', () => {
    const record = with_(prevented, (c) => (c.people = [person('p2')]))
    expect(validateReturn([record], Q1, CODE_LISTS).map((f) => f.question)).toEqual(['1.7', '1.8', '1.9', '1.24', '2.5'])
  })

  it('lists a case it cannot read instead of leaving it out, and checks the others', () => {
    const unreadable = with_(homeless, (c) => (rel(c).startedOn = '2026-02-30'))
    const incomplete = with_(prevented, (c) => (c.applicantEmployment = null))
    const findings = validateReturn([unreadable, incomplete, prevented()], Q1, CODE_LISTS)
    expect(findings.map((f) => [f.caseReference, f.question, f.severity])).toEqual([
      ['BAS-2', '1.1', 'error'],
      ['BAS-1', '1.10', 'error'],
    ])
    expect(findings[0]?.message).toContain('could not be checked')
    expect(countFindings(findings)).toEqual({ errors: 2, warnings: 0 })
  })
})
