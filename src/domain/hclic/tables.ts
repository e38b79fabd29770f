import { LocalDate } from '@js-joda/core'
import type { CodeList } from './code-lists.ts'
import { SECTIONS, type Answer } from './mapping.ts'
import { placementOn, type Quarter } from './quarter.ts'
import { applicantOf, type HclicCase, type HclicPerson } from './record.ts'

/**
 * The official live tables (research/hclic.md §3) reproduced from the quarter's cases, so a council
 * sees its published figures before the government does. Rows come from the code lists valid in the
 * quarter, never from positions, because the published layouts drift between releases (§3, last note).
 */

export const TABLE_IDS = [
  'A1',
  'A2P',
  'A2R',
  'A3',
  'A4P',
  'A4R',
  'A5P',
  'A5R',
  'A6',
  'A7',
  'A8',
  'A10',
  'A12',
  'P1',
  'P2',
  'P3',
  'R1',
  'R2',
  'R3',
  'MD1',
  'MD2',
  'MD3',
  'TA1',
  'TA2',
] as const
export type TableId = (typeof TABLE_IDS)[number]

export interface TableColumn {
  key: string
  label: string
}

/**
 * `count` rows divide the table's households and add up to its total; `of_which` rows are a part of
 * the row (or the rows) above them; `memo` rows count something beside the total (a household with
 * many support needs is in many need rows; a household owed a duty with no accommodation is not in TA).
 */
export type RowKind = 'count' | 'of_which' | 'memo'

export interface TableRow {
  key: string
  label: string
  kind: RowKind
  /** One per column. */
  counts: number[]
}

export interface OfficialTable {
  id: TableId
  title: string
  unit: 'households'
  /** What the table counts, how it was drawn from casework, and where it falls short of the published one. */
  note: string
  columns: TableColumn[]
  rows: TableRow[]
  /** The `count` rows added up, one per column. */
  totals: number[]
  /** Households in the table: the first column's total. */
  total: number
}

const HOUSEHOLDS: TableColumn[] = [{ key: 'households', label: 'Households' }]
const NOT_RECORDED = 'not_recorded'
const NOT_RECORDED_LABEL = 'Not recorded'
const LABELS_NOT_PUBLIC =
  'The published category list is not public (research/hclic.md §1.4): the rows are the platform’s own list; compare them with the MHCLG data requirement before relying on them.'

/** A question of the return, so tables read answers exactly as the export does. */
function question(number: string) {
  for (const section of SECTIONS) {
    const found = section.questions.find((q) => q.number === number)
    if (found) return found
  }
  throw new Error(`no H-CLIC question ${number}`)
}

function answer(number: string, subject: unknown, record: HclicCase): Answer {
  return question(number).answer(subject, record)
}

function code(value: Answer): string | null {
  return typeof value === 'string' ? value : null
}

function within(quarter: Quarter, iso: Answer): boolean {
  return typeof iso === 'string' && iso >= quarter.firstDay.toString() && iso <= quarter.lastDay.toString()
}

function listOf(lists: readonly CodeList[], id: string): CodeList {
  const found = lists.find((l) => l.id === id)
  if (!found) throw new Error(`no H-CLIC code list "${id}"`)
  return found
}

/** The list's values valid at some time in the quarter. */
function valuesIn(lists: readonly CodeList[], id: string, quarter: Quarter): { value: string; label: string }[] {
  const first = quarter.firstDay.toString()
  const last = quarter.lastDay.toString()
  return listOf(lists, id).values.filter((v) => v.validFrom <= last && (v.validTo === null || v.validTo >= first))
}

function labelIn(lists: readonly CodeList[], id: string, value: string): string {
  return listOf(lists, id).values.find((v) => v.value === value)?.label ?? value
}

function table(id: TableId, title: string, note: string, columns: TableColumn[], rows: TableRow[]): OfficialTable {
  const totals = columns.map((_, i) => rows.filter((r) => r.kind === 'count').reduce((sum, r) => sum + (r.counts[i] ?? 0), 0))
  return { id, title, unit: 'households', note, columns, rows, totals, total: totals[0] ?? 0 }
}

/**
 * One household-count row per value of the list valid in the quarter, zeros included; then any value
 * the cases hold that the quarter's list lacks, and the households with no answer, so the rows always
 * add up to the households counted.
 */
function codedRows(lists: readonly CodeList[], listId: string, quarter: Quarter, answers: (string | null)[]): TableRow[] {
  const counts = new Map<string, number>()
  for (const a of answers) counts.set(a ?? NOT_RECORDED, (counts.get(a ?? NOT_RECORDED) ?? 0) + 1)
  const rows: TableRow[] = valuesIn(lists, listId, quarter).map((v) => ({
    key: v.value,
    label: v.label,
    kind: 'count',
    counts: [counts.get(v.value) ?? 0],
  }))
  for (const [value, count] of counts) {
    if (value === NOT_RECORDED || rows.some((r) => r.key === value)) continue
    rows.push({ key: value, label: labelIn(lists, listId, value), kind: 'count', counts: [count] })
  }
  const missing = counts.get(NOT_RECORDED)
  if (missing !== undefined) rows.push({ key: NOT_RECORDED, label: NOT_RECORDED_LABEL, kind: 'count', counts: [missing] })
  return rows
}

/** A one-column table of a coded question's answers, read through the mapping. */
function codedTable(
  id: TableId,
  title: string,
  note: string,
  ctx: Context,
  number: string,
  population: { subject: unknown; record: HclicCase }[],
): OfficialTable {
  const listId = question(number).list
  if (listId === undefined) throw new Error(`H-CLIC question ${number} has no code list`)
  const answers = population.map(({ subject, record }) => code(answer(number, subject, record)))
  return table(id, title, note, HOUSEHOLDS, codedRows(ctx.lists, listId, ctx.quarter, answers))
}

interface Context {
  quarter: Quarter
  lists: readonly CodeList[]
}

const main = (cases: HclicCase[]) => cases.map((record) => ({ subject: record, record }))

// --- Household composition (A5P, A5R, TA2), derived from People -----------------------------------

type Age = (p: HclicPerson) => number | null

function composition(record: HclicCase, age: Age): string {
  const applicant = applicantOf(record)
  const sex = applicant?.sex ?? 'other'
  const others = record.people.filter((p) => !p.isApplicant)
  const partner = others.some((p) => p.relationship === 'partner')
  const children = others.filter((p) => p.relationship !== 'partner' && (age(p) ?? 18) < 18).length
  if (partner && children > 0) return 'couple_with_children'
  if (!partner && children > 0) return `single_parent_${sex}`
  if (others.length === 0) return `single_adult_${sex}`
  return 'other'
}

function compositionTable(id: TableId, title: string, note: string, ctx: Context, records: HclicCase[], age: Age): OfficialTable {
  const sexes = valuesIn(ctx.lists, 'sex', ctx.quarter)
  const keys: [string, string][] = [
    ['couple_with_children', 'Couple with dependent children'],
    ...sexes.map((s): [string, string] => [`single_parent_${s.value}`, `Single parent with dependent children – ${s.label}`]),
    ...sexes.map((s): [string, string] => [`single_adult_${s.value}`, `Single adult – ${s.label}`]),
    ['other', 'All other household types'],
  ]
  const found = records.map((r) => composition(r, age))
  const rows: TableRow[] = keys.map(([key, label]) => ({ key, label, kind: 'count', counts: [found.filter((f) => f === key).length] }))
  // A sex the quarter's list lacks still counts, in the last row, so the table adds up.
  const unplaced = found.filter((f) => !keys.some(([key]) => key === f)).length
  const last = rows.at(-1)
  if (last) last.counts = [(last.counts[0] ?? 0) + unplaced]
  return table(id, title, note, HOUSEHOLDS, rows)
}

const atApplication: Age = (p) => p.ageAtApplication
const atQuarterEnd: Age = (p) => p.ageAtQuarterEnd ?? p.ageAtApplication

const COMPOSITION_NOTE =
  'Derived from People (2.3, 2.5 and ages): dependent children are members other than a partner under 18; a household whose applicant’s sex is not recorded is counted as other or not known.'

// --- Age of the main applicant (A6) ----------------------------------------------------------------

const AGE_BANDS: { key: string; label: string; from: number; to: number }[] = [
  { key: '16_17', label: '16 to 17', from: 16, to: 17 },
  { key: '18_24', label: '18 to 24', from: 18, to: 24 },
  { key: '25_34', label: '25 to 34', from: 25, to: 34 },
  { key: '35_44', label: '35 to 44', from: 35, to: 44 },
  { key: '45_54', label: '45 to 54', from: 45, to: 54 },
  { key: '55_64', label: '55 to 64', from: 55, to: 64 },
  { key: '65_74', label: '65 to 74', from: 65, to: 74 },
  { key: '75_plus', label: '75 and over', from: 75, to: Number.POSITIVE_INFINITY },
]

function ageTable(ctx: Context, owed: HclicCase[]): OfficialTable {
  const ages = owed.map((record) => {
    const applicant = applicantOf(record)
    const age = applicant ? answer('2.4', applicant, record) : null
    return typeof age === 'number' ? age : null
  })
  const rows: TableRow[] = AGE_BANDS.map((band) => ({
    key: band.key,
    label: band.label,
    kind: 'count',
    counts: [ages.filter((a) => a !== null && a >= band.from && a <= band.to).length],
  }))
  const unknown = ages.filter((a) => a === null || a < 16).length
  if (unknown > 0) rows.push({ key: NOT_RECORDED, label: NOT_RECORDED_LABEL, kind: 'count', counts: [unknown] })
  return table(
    'A6',
    'Age of main applicant, households assessed as owed a prevention or relief duty',
    `Households assessed in the quarter (1.5) as owed a prevention or relief duty, by the main applicant’s age at application (2.4). The published age bands are not public (research/hclic.md §1.4); these are the usual statistical bands. ${ctxNote(ctx)}`,
    HOUSEHOLDS,
    rows,
  )
}

function ctxNote(ctx: Context): string {
  return `Quarter ${ctx.quarter.label}.`
}

// --- Support needs (A3) ----------------------------------------------------------------------------

function supportNeedsTable(ctx: Context, owed: HclicCase[]): OfficialTable {
  // 3.2 is asked of each person; the household has each need once, as householdSupportNeeds does.
  const needs = owed.map((record) => {
    const answers = record.people.map((p) => answer('3.2', p, record))
    if (answers.every((a) => a === null)) return null
    return [...new Set(answers.flatMap((a) => (Array.isArray(a) ? a : [])))]
  })
  const listed = valuesIn(ctx.lists, 'support_need', ctx.quarter)
  const seen = [...new Set(needs.flatMap((n) => n ?? []))].filter((n) => !listed.some((v) => v.value === n))
  const needRows: TableRow[] = [...listed, ...seen.map((value) => ({ value, label: labelIn(ctx.lists, 'support_need', value) }))].map(
    (v) => ({ key: v.value, label: v.label, kind: 'memo', counts: [needs.filter((n) => n?.includes(v.value)).length] }),
  )
  const buckets: TableRow[] = [
    { key: 'no_support_needs', label: 'No support needs', kind: 'count', counts: [needs.filter((n) => n?.length === 0).length] },
    { key: 'unknown_support_needs', label: 'Support needs not known', kind: 'count', counts: [needs.filter((n) => n === null).length] },
    { key: 'one_support_need', label: 'One support need', kind: 'count', counts: [needs.filter((n) => n?.length === 1).length] },
    { key: 'two_support_needs', label: 'Two support needs', kind: 'count', counts: [needs.filter((n) => n?.length === 2).length] },
    {
      key: 'three_or_more_support_needs',
      label: 'Three or more support needs',
      kind: 'count',
      counts: [needs.filter((n) => n !== null && n.length >= 3).length],
    },
  ]
  const totalNeeds: TableRow = {
    key: 'total_support_needs',
    label: 'Total number of support needs',
    kind: 'memo',
    counts: [needs.reduce((sum, n) => sum + (n?.length ?? 0), 0)],
  }
  return table(
    'A3',
    'Support needs of households assessed as owed a prevention or relief duty',
    `Households assessed in the quarter (1.5) as owed a prevention or relief duty, by the support needs of any member (3.2). The first rows divide the households by how many needs they have and add up to the total; a household is counted in every need it has, so the need rows do not. ${ctxNote(ctx)}`,
    HOUSEHOLDS,
    [...buckets, ...needRows, totalNeeds],
  )
}

// --- Temporary accommodation on the quarter's last day (TA1, TA2) ---------------------------------

const SIX_WEEKS_DAYS = 42

function childrenAtQuarterEnd(record: HclicCase): number {
  return record.people.filter((p) => !p.isApplicant && p.relationship !== 'partner' && (atQuarterEnd(p) ?? 18) < 18).length
}

function temporaryAccommodationTable(ctx: Context, cases: HclicCase[]): OfficialTable {
  const last = ctx.quarter.lastDay
  const lastIso = last.toString()
  const inTa = cases.flatMap((record) => {
    const placement = placementOn(record, last)
    return placement ? [{ record, placement, children: childrenAtQuarterEnd(record) }] : []
  })
  const counts = (households: { children: number }[]) => [
    households.length,
    households.filter((h) => h.children > 0).length,
    households.reduce((sum, h) => sum + h.children, 0),
  ]
  const types = inTa.map((h) => ({ ...h, type: code(answer('9.5', h.placement, h.record)) }))
  const byType = codedRows(
    ctx.lists,
    'ta_type',
    ctx.quarter,
    types.map((t) => t.type),
  ).map((row) => ({ ...row, counts: counts(types.filter((t) => (t.type ?? NOT_RECORDED) === row.key)) }))
  const overSixWeeks = (placedOn: string) => last.isAfter(LocalDate.parse(placedOn).plusDays(SIX_WEEKS_DAYS))
  const bedAndBreakfast = types.filter((t) => t.type === 'bed_and_breakfast' && overSixWeeks(t.placement.placedOn))
  const reviewOpen = (record: HclicCase) =>
    record.reviews.some((v) => v.receivedOn <= lastIso && (v.decidedOn === null || v.decidedOn > lastIso))
  const sixteenOrSeventeen = (record: HclicCase) => {
    const age = applicantOf(record)?.ageAtQuarterEnd
    return age === 16 || age === 17
  }
  const bAndBRows: TableRow[] = [
    {
      key: 'bed_and_breakfast_children_over_6_weeks',
      label: 'of which: households with children, resident more than 6 weeks',
      kind: 'of_which',
      counts: counts(bedAndBreakfast.filter((t) => t.children > 0)),
    },
    {
      key: 'bed_and_breakfast_over_6_weeks_pending_review',
      label: 'of which: resident more than 6 weeks, pending review or appeal',
      kind: 'of_which',
      counts: counts(bedAndBreakfast.filter((t) => reviewOpen(t.record))),
    },
    {
      key: 'bed_and_breakfast_16_17',
      label: 'of which: main applicant aged 16 or 17',
      kind: 'of_which',
      counts: counts(types.filter((t) => t.type === 'bed_and_breakfast' && sixteenOrSeventeen(t.record))),
    },
  ]
  const at = byType.findIndex((r) => r.key === 'bed_and_breakfast')
  const rows = at === -1 ? byType : [...byType.slice(0, at + 1), ...bAndBRows, ...byType.slice(at + 1)]
  const noAccommodation = cases
    .filter((record) => {
      const duty = record.mainDuty
      return (
        duty?.owed === true &&
        duty.decidedOn <= lastIso &&
        (duty.endedOn === null || duty.endedOn > lastIso) &&
        placementOn(record, last) === undefined
      )
    })
    .map((record) => ({ record, children: childrenAtQuarterEnd(record) }))
  rows.push(
    {
      key: 'in_another_district',
      label: 'of which: in TA in another local authority district',
      kind: 'of_which',
      counts: counts(inTa.filter((h) => h.placement.inAnotherDistrict)),
    },
    {
      key: 'duty_owed_no_accommodation',
      label: 'Duty owed, no accommodation secured (not in TA, not in the total)',
      kind: 'memo',
      counts: counts(noAccommodation),
    },
  )
  return table(
    'TA1',
    `Households in temporary accommodation on ${lastIso}, by type`,
    `A snapshot on the quarter’s last day: households with a placement begun on or before it and not ended by it (9.3, 9.4), by its type (9.5). Children are members under 18 on that day. “More than 6 weeks” is a placement begun more than 42 days before the last day. Appeals to the county court are not recorded, so “pending review or appeal” counts open reviews only. Households owed the main duty but with no placement are counted only if their case enters the quarter’s return. ${ctxNote(ctx)}`,
    [
      { key: 'households', label: 'Households' },
      { key: 'households_with_children', label: 'Households with children' },
      { key: 'children', label: 'Number of children' },
    ],
    rows,
  )
}

// --- Priority need of households owed the main duty (MD3) -----------------------------------------

function priorityNeedTable(ctx: Context, owed: { subject: unknown; record: HclicCase }[]): OfficialTable {
  const coded = codedTable(
    'MD3',
    'Priority need of households owed the main duty',
    `Households whose main duty decision (7.1) in the quarter found the main duty owed (7.3), by the priority need the decision recorded (7.5): the categories of section 189(1) of the Housing Act 1996 (with domestic abuse from 5 July 2021) and the Homelessness (Priority Need for Accommodation) (England) Order 2002. Decisions recorded before casework recorded priority need are “Not known”. The published columns are only partly public (research/hclic.md §1.4). ${ctxNote(ctx)}`,
    ctx,
    '7.5',
    owed,
  )
  // The main duty is owed only in priority need: the list's "no priority need" has no place here unless a case holds it.
  return { ...coded, rows: coded.rows.filter((r) => r.key !== 'not_in_priority_need' || (r.counts[0] ?? 0) > 0) }
}

// --- All the tables --------------------------------------------------------------------------------

/** Every official table for the quarter, from the cases entering its return, labelled by the code lists. */
export function officialTables(cases: HclicCase[], quarter: Quarter, lists: readonly CodeList[]): OfficialTable[] {
  const ctx: Context = { quarter, lists }
  const q = ctxNote(ctx)
  const assessed = cases.filter((r) => within(quarter, answer('1.5', r, r)))
  const owed = assessed.filter((r) => r.initialDuty === 'prevention' || r.initialDuty === 'relief')
  const preventionStarted = cases.filter((r) => r.prevention !== null && within(quarter, answer('4.2', r.prevention, r)))
  const reliefStarted = cases.filter((r) => r.relief !== null && within(quarter, answer('5.2', r.relief, r)))
  const ended = (n: 4 | 5) =>
    cases.flatMap((record) => {
      const period = n === 4 ? record.prevention : record.relief
      return period !== null && within(quarter, answer(`${String(n)}.5`, period, record)) ? [{ subject: period, record }] : []
    })
  const preventionEnded = ended(4)
  const reliefEnded = ended(5)
  const secured = (rows: typeof preventionEnded, n: 4 | 5) =>
    rows.filter(({ subject, record }) => answer(`${String(n)}.6`, subject, record) === 'suitable_accommodation_secured')
  const mainDecided = cases.flatMap((record) =>
    record.mainDuty !== null && within(quarter, answer('7.1', record.mainDuty, record)) ? [{ subject: record.mainDuty, record }] : [],
  )
  const mainEnded = cases.flatMap((record) =>
    record.mainDuty !== null && within(quarter, answer('8.2', record.mainDuty, record)) ? [{ subject: record.mainDuty, record }] : [],
  )

  const a1Rows = codedRows(
    lists,
    'initial_duty',
    quarter,
    assessed.map((r) => code(answer('1.6', r, r))),
  )
  const prevention = a1Rows.findIndex((r) => r.key === 'prevention')
  a1Rows.splice(prevention + 1, 0, {
    key: 'section_21',
    label: 'of which: due to service of valid Section 21 Notice',
    kind: 'of_which',
    counts: [assessed.filter((r) => r.initialDuty === 'prevention' && r.section21).length],
  })

  return [
    table(
      'A1',
      'Initial assessment of statutory homelessness duties owed',
      `Households whose initial assessment (1.5) was in the quarter, by the duty found owed (1.6). The number of households in the area and the rates per 1,000 households are not produced: they need ONS household projections. ${q}`,
      HOUSEHOLDS,
      a1Rows,
    ),
    codedTable(
      'A2P',
      'Reason for loss, or threat of loss, of last settled home: households owed a prevention duty',
      `Households whose prevention duty began in the quarter (4.2), by the main reason (1.15). The published sub-reasons (1.16–1.18) are not public and are not produced. ${q}`,
      ctx,
      '1.15',
      main(preventionStarted),
    ),
    codedTable(
      'A2R',
      'Reason for loss, or threat of loss, of last settled home: households owed a relief duty',
      `Households whose relief duty began in the quarter (5.2), including those who became homeless during a prevention duty, by the main reason (1.15). The published sub-reasons (1.16–1.18) are not public and are not produced. ${q}`,
      ctx,
      '1.15',
      main(reliefStarted),
    ),
    supportNeedsTable(ctx, owed),
    codedTable(
      'A4P',
      'Accommodation at time of application: households owed a prevention duty',
      `Households whose prevention duty began in the quarter (4.2), by their accommodation when they applied (1.13). The published table breaks down departures from institutions further; those labels are not public. ${q}`,
      ctx,
      '1.13',
      main(preventionStarted),
    ),
    codedTable(
      'A4R',
      'Accommodation at time of application: households owed a relief duty',
      `Households whose relief duty began in the quarter (5.2), by their accommodation when they applied (1.13). The published table breaks down departures from institutions further; those labels are not public. ${q}`,
      ctx,
      '1.13',
      main(reliefStarted),
    ),
    compositionTable(
      'A5P',
      'Household composition: households owed a prevention duty',
      `Households whose prevention duty began in the quarter (4.2). ${COMPOSITION_NOTE} Ages at application. ${q}`,
      ctx,
      preventionStarted,
      atApplication,
    ),
    compositionTable(
      'A5R',
      'Household composition: households owed a relief duty',
      `Households whose relief duty began in the quarter (5.2). ${COMPOSITION_NOTE} Ages at application. ${q}`,
      ctx,
      reliefStarted,
      atApplication,
    ),
    ageTable(ctx, owed),
    codedTable(
      'A7',
      'Households assessed as a result of a referral, by referring public body',
      `Households whose initial assessment (1.5) was in the quarter and who were referred (1.19), by the kind of body that referred them (1.20). ${LABELS_NOT_PUBLIC} ${q}`,
      ctx,
      '1.20',
      main(assessed.filter((r) => answer('1.19', r, r) === true)),
    ),
    codedTable(
      'A8',
      'Ethnicity of main applicant, households assessed as owed a prevention or relief duty',
      `Households assessed in the quarter (1.5) as owed a prevention or relief duty, by the main applicant’s ethnic group (1.7). ${LABELS_NOT_PUBLIC} ${q}`,
      ctx,
      '1.7',
      main(owed),
    ),
    codedTable(
      'A10',
      'Employment status of main applicant, households assessed as owed a prevention or relief duty',
      `Households assessed in the quarter (1.5) as owed a prevention or relief duty, by the main applicant’s employment status (1.10). ${LABELS_NOT_PUBLIC} ${q}`,
      ctx,
      '1.10',
      main(owed),
    ),
    codedTable(
      'A12',
      'Sexual identification of main applicant, households assessed as owed a prevention or relief duty',
      `Households assessed in the quarter (1.5) as owed a prevention or relief duty, by the main applicant’s sexual identity (1.8). ${LABELS_NOT_PUBLIC} ${q}`,
      ctx,
      '1.8',
      main(owed),
    ),
    codedTable(
      'P1',
      'Reason prevention duty ended',
      `Households whose prevention duty ended in the quarter (4.5), by the reason (4.6). Becoming homeless is the move to the relief duty. The published split of “secured accommodation for 6+ months” into stayed and moved is not yet produced. ${q}`,
      ctx,
      '4.6',
      preventionEnded,
    ),
    codedTable(
      'P2',
      'Type of accommodation secured at end of prevention duty',
      `Households whose prevention duty ended in the quarter (4.5) with accommodation secured (4.6), by its type (4.8). Some published columns are not public (research/hclic.md §1.4). ${q}`,
      ctx,
      '4.8',
      secured(preventionEnded, 4),
    ),
    codedTable(
      'P3',
      'Main prevention activity that secured accommodation',
      `Households whose prevention duty ended in the quarter (4.5) with accommodation secured (4.6), by the main activity (4.3): the last activity recorded during the duty. ${q}`,
      ctx,
      '4.3',
      secured(preventionEnded, 4),
    ),
    codedTable(
      'R1',
      'Reason relief duty ended',
      `Households whose relief duty ended in the quarter (5.5), by the reason (5.6). ${q}`,
      ctx,
      '5.6',
      reliefEnded,
    ),
    codedTable(
      'R2',
      'Type of accommodation secured at end of relief duty',
      `Households whose relief duty ended in the quarter (5.5) with accommodation secured (5.6), by its type (5.8). Some published columns are not public (research/hclic.md §1.4). ${q}`,
      ctx,
      '5.8',
      secured(reliefEnded, 5),
    ),
    codedTable(
      'R3',
      'Main relief activity that secured accommodation',
      `Households whose relief duty ended in the quarter (5.5) with accommodation secured (5.6), by the main activity (5.3): the last activity recorded during the duty. The research infers that R3 uses the P3 list. ${q}`,
      ctx,
      '5.3',
      secured(reliefEnded, 5),
    ),
    codedTable(
      'MD1',
      'Decision on duty owed at the end of the relief duty',
      `Households whose main duty decision (7.1) was in the quarter, by the decision (7.3): owed, or why not, from the priority need and intentionality the decision recorded (s193(1)). Decisions recorded before casework recorded those are “reason not known”. The published category labels are not public (research/hclic.md §1.4). ${q}`,
      ctx,
      '7.3',
      mainDecided,
    ),
    codedTable(
      'MD2',
      'Reason main duty ended',
      `Households whose main duty ended in the quarter (8.2), by the reason (8.3). Some published columns are not public (research/hclic.md §1.4). ${q}`,
      ctx,
      '8.3',
      mainEnded,
    ),
    priorityNeedTable(
      ctx,
      mainDecided.filter(({ subject, record }) => answer('7.3', subject, record) === 'owed'),
    ),
    temporaryAccommodationTable(ctx, cases),
    compositionTable(
      'TA2',
      `Households in temporary accommodation on ${quarter.lastDay.toString()}, by household composition`,
      `The households of TA1: a placement on the quarter’s last day. ${COMPOSITION_NOTE} Ages on the last day. ${q}`,
      ctx,
      cases.filter((r) => placementOn(r, quarter.lastDay) !== undefined),
      atQuarterEnd,
    ),
  ]
}

/** Every table as CSV rows: table, row label, column label, count; each table's totals last. */
export function tablesCsv(tables: readonly OfficialTable[]): string {
  // A value the lists do not know is printed as stored: keep a spreadsheet from reading it as a formula.
  const cell = (raw: string) => {
    const text = /^[=+\-@]/.test(raw) ? `'${raw}` : raw
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [['table', 'row', 'column', 'count'].join(',')]
  for (const t of tables) {
    for (const row of [...t.rows, { label: 'Total', counts: t.totals }])
      t.columns.forEach((column, i) => {
        lines.push([t.id, cell(row.label), cell(column.label), String(row.counts[i] ?? 0)].join(','))
      })
  }
  return `${lines.join('\r\n')}\r\n`
}
