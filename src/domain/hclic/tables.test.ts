import { describe, expect, it } from 'vitest'
import { CODE_LISTS, codeList, type CodeList } from './code-lists.ts'
import { mainDutyDecisionCode } from './mapping.ts'
import { quarterOf } from './quarter.ts'
import type { HclicCase, HclicDutyPeriod, HclicPerson, HclicPlacement } from './record.ts'
import { officialTables, TABLE_IDS, tablesCsv, type OfficialTable, type TableId } from './tables.ts'

function record(reference: string, changes: Partial<HclicCase>): HclicCase {
  return {
    caseId: reference,
    reference,
    authorityCode: 'E07000066',
    stage: 'prevention',
    appliedOn: '2025-06-01',
    assessedOn: null,
    eligibility: 'eligible',
    initialDuty: null,
    noDutyReason: null,
    section21: false,
    applicantEmployment: null,
    partnerEmployment: null,
    housingCostBenefits: null,
    livingCostBenefits: null,
    accommodationAtApplication: null,
    lastSettledAccommodation: null,
    reasonForLoss: null,
    referred: false,
    referringBodyType: null,
    people: [],
    prevention: null,
    relief: null,
    mainDuty: null,
    placements: [],
    reviews: [],
    closedOn: null,
    ...changes,
  }
}

let people = 0
function person(relationship: string | null, sex: string | null, age: number, changes: Partial<HclicPerson> = {}): HclicPerson {
  people++
  return {
    personId: `p${String(people)}`,
    isApplicant: relationship === null,
    relationship,
    sex,
    dateOfBirth: null,
    ageAtApplication: age,
    ageAtQuarterEnd: age,
    ethnicGroup: null,
    nationality: null,
    sexualOrientation: null,
    genderSameAsAtBirth: null,
    supportNeeds: [],
    ...changes,
  }
}
const applicant = (sex: string | null, age: number, changes: Partial<HclicPerson> = {}) => person(null, sex, age, changes)

function period(startedOn: string, endedOn: string | null = null, changes: Partial<HclicDutyPeriod> = {}): HclicDutyPeriod {
  return { startedOn, endedOn, endingGround: null, accommodationSecured: null, activities: [], ...changes }
}

function placement(accommodationType: string, placedOn: string, endedOn: string | null, changes: Partial<HclicPlacement> = {}) {
  return { duty: 's188', accommodationType, bedrooms: 1, inAnotherDistrict: false, placedOn, endedOn, ...changes }
}

/*
 * Ten households around 2026-Q1 (1 January to 31 March 2026). Events on 1 January and 31 March count;
 * those on 31 December 2025 and 1 April 2026 do not.
 */
const cases: HclicCase[] = [
  record('c1', {
    // Assessed and prevention begun on the quarter's first day, ended with accommodation on its last.
    assessedOn: '2026-01-01',
    initialDuty: 'prevention',
    section21: true,
    reasonForLoss: 'end_of_assured_shorthold_tenancy',
    accommodationAtApplication: 'private_rented_self_contained',
    applicantEmployment: 'part_time',
    referred: true,
    referringBodyType: 'probation',
    people: [
      applicant('female', 30, { ethnicGroup: 'white_british', sexualOrientation: 'heterosexual', supportNeeds: ['mental_health'] }),
      person('child', 'male', 5),
    ],
    prevention: period('2026-01-01', '2026-03-31', {
      endingGround: 'suitable_accommodation_secured',
      accommodationSecured: 'private_rented_self_contained',
      activities: ['advice_and_information', 'negotiation_mediation_advocacy_prevent_eviction'],
    }),
  }),
  record('c2', {
    // Assessed on the last day; its prevention duty ended the day after.
    assessedOn: '2026-03-31',
    initialDuty: 'prevention',
    reasonForLoss: 'family_or_friends_no_longer_able_to_accommodate',
    accommodationAtApplication: 'living_with_family',
    applicantEmployment: 'not_known',
    people: [applicant('male', 17, { supportNeeds: ['young_person_16_17', 'mental_health', 'rough_sleeping'] })],
    prevention: period('2026-03-31', '2026-04-01', { endingGround: 'contact_lost' }),
  }),
  record('c3', {
    assessedOn: '2026-02-10',
    initialDuty: 'relief',
    reasonForLoss: 'domestic_abuse',
    accommodationAtApplication: 'refuge',
    applicantEmployment: 'full_time',
    people: [
      applicant('female', 40, { ethnicGroup: 'black_african', sexualOrientation: 'bisexual', supportNeeds: null }),
      person('partner', 'male', 42, { supportNeeds: null }),
      person('child', 'female', 10, { supportNeeds: null }),
    ],
    relief: period('2026-02-10', '2026-03-15', {
      endingGround: 'suitable_accommodation_secured',
      accommodationSecured: 'council_tenant',
      activities: ['accommodation_secured_by_authority'],
    }),
  }),
  record('c4', {
    assessedOn: '2026-02-01',
    initialDuty: 'no_duty',
    referred: true,
    referringBodyType: 'jobcentre_plus',
    people: [applicant(null, 50)],
  }),
  record('c5', {
    // Everything on the day after the quarter.
    assessedOn: '2026-04-01',
    initialDuty: 'prevention',
    reasonForLoss: 'other_or_not_known',
    people: [applicant('female', 60)],
    prevention: period('2026-04-01'),
  }),
  record('c6', {
    // Prevention from the day before the quarter, moved to relief in it, main duty owed; in B&B over six weeks, review open.
    assessedOn: '2025-12-31',
    initialDuty: 'prevention',
    reasonForLoss: 'end_of_social_rented_tenancy',
    accommodationAtApplication: 'council_tenant',
    people: [applicant('female', 25), person('child', 'female', 2)],
    prevention: period('2025-12-31', '2026-01-20', { endingGround: 'moved_to_relief' }),
    relief: period('2026-01-20', '2026-03-17', { endingGround: 'fifty_six_days_elapsed' }),
    mainDuty: {
      decidedOn: '2026-03-18',
      owed: true,
      priorityNeed: 'dependent_children',
      intentionality: 'not_intentionally_homeless',
      endedOn: null,
      endingGround: null,
    },
    placements: [placement('bed_and_breakfast', '2026-02-01', null)],
    reviews: [{ decision: 'main_duty', receivedOn: '2026-03-20', decidedOn: null, outcome: null }],
  }),
  record('c7', {
    // Main duty decided (before priority need was recorded) and ended in the quarter; its hostel placement ended on the last day.
    assessedOn: '2025-09-01',
    initialDuty: 'relief',
    people: [applicant('male', 45)],
    relief: period('2025-09-01', '2025-10-28', { endingGround: 'fifty_six_days_elapsed' }),
    mainDuty: {
      decidedOn: '2026-01-10',
      owed: true,
      priorityNeed: null,
      intentionality: null,
      endedOn: '2026-03-31',
      endingGround: 'accepted_part_6_offer',
    },
    placements: [placement('hostel', '2025-11-01', '2026-03-31', { duty: 's193' })],
  }),
  record('c8', {
    // A 17-year-old in B&B in another district for exactly six weeks on the last day, review open.
    assessedOn: '2025-12-01',
    initialDuty: 'relief',
    people: [applicant('male', 17)],
    relief: period('2025-12-01'),
    placements: [placement('bed_and_breakfast', '2026-02-17', null, { inAnotherDistrict: true })],
    reviews: [{ decision: 'relief_duty_ended', receivedOn: '2026-03-01', decidedOn: null, outcome: null }],
  }),
  record('c9', {
    // Owed the main duty, placed only the day after the quarter.
    people: [applicant('female', 33), person('child', 'male', 3)],
    mainDuty: { decidedOn: '2025-10-01', owed: true, priorityNeed: 'pregnant', intentionality: null, endedOn: null, endingGround: null },
    placements: [placement('nightly_paid_self_contained', '2026-04-01', null, { duty: 's193' })],
  }),
  record('c10', {
    // Main duty not owed: not in priority need; placed on the last day.
    people: [applicant('male', 70), person('partner', 'female', 68)],
    mainDuty: {
      decidedOn: '2026-02-01',
      owed: false,
      priorityNeed: 'not_in_priority_need',
      intentionality: null,
      endedOn: null,
      endingGround: null,
    },
    placements: [placement('private_sector_leased', '2026-03-31', null)],
  }),
]

const Q1 = quarterOf(2026, 1)
const tables = officialTables(cases, Q1, CODE_LISTS)
const tableOf = (id: TableId, from: OfficialTable[] = tables): OfficialTable => {
  const found = from.find((t) => t.id === id)
  if (!found) throw new Error(`no table ${id}`)
  return found
}

/** The list values each table must show, all of them, zeros included. */
const LIST_OF: Partial<Record<TableId, string>> = {
  A1: 'initial_duty',
  A2P: 'reason_for_loss',
  A2R: 'reason_for_loss',
  A3: 'support_need',
  A4P: 'accommodation',
  A4R: 'accommodation',
  A7: 'referring_body',
  A8: 'ethnic_group',
  A10: 'employment',
  A12: 'sexual_orientation',
  P1: 'prevention_ending',
  P2: 'accommodation_secured',
  P3: 'activity',
  R1: 'relief_ending',
  R2: 'accommodation_secured',
  R3: 'activity',
  MD1: 'main_duty_decision',
  MD2: 'main_duty_ending',
  TA1: 'ta_type',
}

/** Each table's non-zero rows (by key, first column, or every column) and its total; every other row is zero. */
const expected: [TableId, Record<string, number | number[]>, number][] = [
  ['A1', { prevention: 2, section_21: 1, relief: 1, no_duty: 1 }, 4],
  ['A2P', { end_of_assured_shorthold_tenancy: 1, family_or_friends_no_longer_able_to_accommodate: 1 }, 2],
  ['A2R', { domestic_abuse: 1, end_of_social_rented_tenancy: 1 }, 2],
  [
    'A3',
    {
      unknown_support_needs: 1,
      one_support_need: 1,
      three_or_more_support_needs: 1,
      mental_health: 2,
      young_person_16_17: 1,
      rough_sleeping: 1,
      total_support_needs: 4,
    },
    3,
  ],
  ['A4P', { private_rented_self_contained: 1, living_with_family: 1 }, 2],
  ['A4R', { refuge: 1, council_tenant: 1 }, 2],
  ['A5P', { single_parent_female: 1, single_adult_male: 1 }, 2],
  ['A5R', { couple_with_children: 1, single_parent_female: 1 }, 2],
  ['A6', { '16_17': 1, '25_34': 1, '35_44': 1 }, 3],
  ['A7', { probation: 1, jobcentre_plus: 1 }, 2],
  ['A8', { white_british: 1, black_african: 1, not_recorded: 1 }, 3],
  ['A10', { part_time: 1, not_known: 1, full_time: 1 }, 3],
  ['A12', { heterosexual: 1, bisexual: 1, not_recorded: 1 }, 3],
  ['P1', { suitable_accommodation_secured: 1, moved_to_relief: 1 }, 2],
  ['P2', { private_rented_self_contained: 1 }, 1],
  ['P3', { negotiation_mediation_advocacy_prevent_eviction: 1 }, 1],
  ['R1', { suitable_accommodation_secured: 1, fifty_six_days_elapsed: 1 }, 2],
  ['R2', { council_tenant: 1 }, 1],
  ['R3', { accommodation_secured_by_authority: 1 }, 1],
  ['MD1', { owed: 2, no_priority_need: 1 }, 3],
  ['MD2', { accepted_part_6_offer: 1 }, 1],
  ['MD3', { dependent_children: 1, not_known: 1 }, 2],
  [
    'TA1',
    {
      bed_and_breakfast: [2, 1, 1],
      bed_and_breakfast_children_over_6_weeks: [1, 1, 1],
      bed_and_breakfast_over_6_weeks_pending_review: [1, 1, 1],
      bed_and_breakfast_16_17: [1, 0, 0],
      private_sector_leased: [1, 0, 0],
      in_another_district: [1, 0, 0],
      duty_owed_no_accommodation: [1, 1, 1],
    },
    3,
  ],
  ['TA2', { single_parent_female: 1, single_adult_male: 1, other: 1 }, 3],
]

describe('the official tables for 2026-Q1', () => {
  it('produces every table, in order, counted in households', () => {
    expect(tables.map((t) => t.id)).toEqual([...TABLE_IDS])
    expect(expected.map(([id]) => id)).toEqual([...TABLE_IDS])
    for (const t of tables) expect(t.unit).toBe('households')
  })

  it.each(expected)('%s counts the quarter’s households', (id, nonZero, total) => {
    const t = tableOf(id)
    expect(t.total).toBe(total)
    const counts = Object.fromEntries(t.rows.map((r) => [r.key, r.counts]))
    for (const [key, value] of Object.entries(nonZero)) expect(counts[key], key).toEqual(Array.isArray(value) ? value : [value])
    for (const row of t.rows.filter((r) => !(r.key in nonZero)))
      expect(
        row.counts.every((c) => c === 0),
        row.key,
      ).toBe(true)
    expect(t.rows.filter((r) => r.kind === 'count').reduce((sum, r) => sum + (r.counts[0] ?? 0), 0)).toBe(total)
  })

  it.each(Object.entries(LIST_OF))('%s shows every value of its code list valid in the quarter, with its label', (id, listId) => {
    const list = CODE_LISTS.find((l) => l.id === listId)
    const rows = tableOf(id as TableId).rows
    for (const value of list?.values ?? []) expect(rows.find((r) => r.key === value.value)?.label, value.value).toBe(value.label)
  })

  it('puts the section 21 households under the prevention duty, not beside it', () => {
    const rows = tableOf('A1').rows
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ['prevention', 'count'],
      ['section_21', 'of_which'],
      ['relief', 'count'],
      ['no_duty', 'count'],
    ])
  })

  it('counts TA on the last day: households, households with children and children', () => {
    const ta1 = tableOf('TA1')
    expect(ta1.columns.map((c) => c.key)).toEqual(['households', 'households_with_children', 'children'])
    expect(ta1.totals).toEqual([3, 1, 1])
    expect(ta1.title).toContain('2026-03-31')
  })

  it('says where a table falls short of the published one', () => {
    expect(tableOf('MD3').note).toContain('before casework recorded priority need are “Not known”')
    for (const id of ['A7', 'A8', 'A10', 'A12'] as const) expect(tableOf(id).note).toContain('not public')
    for (const t of tables) expect(t.note).toContain('2026-Q1')
  })
})

describe('labels driven by the code lists', () => {
  it('drops a value before its list brings it in, and keeps a case’s value the quarter’s list lacks', () => {
    const before = officialTables(cases, quarterOf(2022, 4), CODE_LISTS)
    const keys = tableOf('A2P', before).rows.map((r) => r.key)
    expect(keys).not.toContain('home_no_longer_suitable')
    expect(keys).toContain('domestic_abuse')

    const retired: CodeList[] = CODE_LISTS.map((l) =>
      l.id === 'reason_for_loss'
        ? {
            ...l,
            values: l.values.map((v) =>
              v.value === 'family_or_friends_no_longer_able_to_accommodate'
                ? { ...v, label: 'Family or friends unable to accommodate', validTo: '2025-12-31' }
                : v.value === 'eviction_from_supported_housing'
                  ? { ...v, validTo: '2025-12-31' }
                  : v,
            ),
          }
        : l,
    )
    const a2p = tableOf('A2P', officialTables(cases, Q1, retired))
    expect(a2p.rows.map((r) => r.key)).not.toContain('eviction_from_supported_housing')
    expect(a2p.rows.at(-1)).toEqual({
      key: 'family_or_friends_no_longer_able_to_accommodate',
      label: 'Family or friends unable to accommodate',
      kind: 'count',
      counts: [1],
    })
    expect(a2p.total).toBe(2)
  })
})

describe('the tables as CSV', () => {
  it('has one line per table, row and column, totals last, quoting labels with commas', () => {
    const csv = tablesCsv(tables).split('\r\n')
    expect(csv[0]).toBe('table,row,column,count')
    expect(csv).toContain('A1,Threatened with homelessness – prevention duty owed,Households,2')
    expect(csv).toContain('A1,of which: due to service of valid Section 21 Notice,Households,1')
    expect(csv).toContain('A1,Total,Households,4')
    expect(csv).toContain('TA1,Bed and breakfast hotel (including shared annexes),Number of children,1')
    expect(csv).toContain('A10,Not working because of long-term illness or disability,Households,0')
    expect(csv).toContain('A8,"White: English, Welsh, Scottish, Northern Irish or British",Households,1')
    expect(csv.filter((l) => l.startsWith('TA1,Total,'))).toEqual([
      'TA1,Total,Households,3',
      'TA1,Total,Households with children,1',
      'TA1,Total,Number of children,1',
    ])
  })
})

/**
 * 7.3 (MD1) and 7.5 (MD3) from what the main duty decision found (s193(1)-(2), s189, s191): owed, or
 * why not; and the priority need of those owed it. A decision recorded before casework recorded the
 * findings is "not known", never a guess.
 */
describe('the main duty decision’s findings in 7.3 and 7.5', () => {
  it.each<[string, boolean, string | null, string | null, string]>([
    ['owed', true, 'dependent_children', 'not_intentionally_homeless', 'owed'],
    ['not owed: not in priority need', false, 'not_in_priority_need', null, 'no_priority_need'],
    ['not owed: not in priority need, also intentional', false, 'not_in_priority_need', 'intentionally_homeless', 'no_priority_need'],
    ['not owed: in priority need, intentionally homeless (s190(2))', false, 'pregnant', 'intentionally_homeless', 'intentionally_homeless'],
    ['not owed for another reason', false, 'pregnant', 'not_intentionally_homeless', 'not_owed_other'],
    ['not owed, recorded before findings were', false, null, null, 'not_owed'],
    ['owed, recorded before findings were', true, null, null, 'owed'],
  ])('%s: 7.3 is %s', (_, owed, priorityNeed, intentionality, code) => {
    expect(mainDutyDecisionCode({ owed, priorityNeed, intentionality })).toBe(code)
    expect(codeList('main_duty_decision').values.map((v) => v.value)).toContain(code)
  })

  const owedTo = (priorityNeed: string | null): HclicCase =>
    record(`md-${priorityNeed ?? 'none'}`, {
      people: [applicant('female', 30)],
      mainDuty: { decidedOn: '2026-02-01', owed: true, priorityNeed, intentionality: null, endedOn: null, endingGround: null },
    })

  it('counts the priority need of each household owed the main duty in MD3, and not known for one recorded before', () => {
    const md3 = tableOf(
      'MD3',
      officialTables([owedTo('domestic_abuse'), owedTo('domestic_abuse'), owedTo('aged_16_or_17'), owedTo(null)], Q1, CODE_LISTS),
    )
    expect(md3.total).toBe(4)
    expect(md3.rows.filter((r) => (r.counts[0] ?? 0) > 0).map((r) => [r.key, r.counts[0]])).toEqual([
      ['domestic_abuse', 2],
      ['aged_16_or_17', 1],
      ['not_known', 1],
    ])
    // Every category of the quarter is a row, zeros included; "no priority need" is not, as no one owed the duty has it.
    expect(md3.rows.map((r) => r.key)).toEqual(
      codeList('priority_need')
        .values.map((v) => v.value)
        .filter((v) => v !== 'not_in_priority_need'),
    )
  })

  it('has no domestic abuse row before section 189(1)(e) came into force on 5 July 2021', () => {
    const rowsIn = (year: number, quarter: 1 | 2 | 3 | 4) =>
      tableOf('MD3', officialTables([], quarterOf(year, quarter), CODE_LISTS)).rows.map((r) => r.key)
    expect(rowsIn(2021, 2)).not.toContain('domestic_abuse')
    expect(rowsIn(2021, 3)).toContain('domestic_abuse')
  })
})
