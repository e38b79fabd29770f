import { describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'
import { bareCase, fullCase, personalDetails } from '../../test-support/hclic-cases.ts'
import { CODE_LISTS, withOfficialCodes } from './code-lists.ts'
import { SECTIONS } from './mapping.ts'
import { quarterOf } from './quarter.ts'
import { caseFileXml, OUR_XML_NAMES, personalDetailsXml, returnFileNames } from './xml.ts'

const meta = { authorityCode: 'E07000066', quarter: quarterOf(2026, 1), generatedAt: '2026-04-02T09:00:00Z' }

/** The little of the DOM these tests read (the project compiles without the DOM's types). */
interface Element {
  nodeType: number
  localName: string
  namespaceURI: string | null
  textContent: string | null
  childNodes: Iterable<Element>
  getAttribute(name: string): string | null
}

function parse(xml: string): Element {
  return create(xml).root().node as unknown as Element
}
// Element.children here lists every descendant, so the child elements are read from childNodes.
const elements = (el: Element): Element[] => [...el.childNodes].filter((n) => n.nodeType === 1)
const kids = (el: Element, name: string): Element[] => elements(el).filter((c) => c.localName === name)
const only = (el: Element, name: string): Element => {
  const found = kids(el, name)
  const [first, ...others] = found
  if (first === undefined || others.length > 0) throw new Error(`expected one ${name}, found ${String(found.length)}`)
  return first
}
const texts = (el: Element, name: string): string[] => kids(el, name).map((c) => c.textContent ?? '')
/** The questions a row answers, by element name. */
const answered = (el: Element): string[] => elements(el).map((c) => c.localName)

function firstCase(xml: string): Element {
  return only(parse(xml), 'Case')
}

describe('the case file', () => {
  it('writes the file for its authority and quarter in our namespace', () => {
    const root = parse(caseFileXml([], CODE_LISTS, meta))
    expect([root.localName, root.namespaceURI]).toEqual(['HclicCaseFile', 'urn:upstream:hclic:cases:1'])
    expect([root.getAttribute('authority'), root.getAttribute('quarter'), root.getAttribute('generatedAt')]).toEqual([
      'E07000066',
      '2026-Q1',
      '2026-04-02T09:00:00Z',
    ])
    expect(elements(root)).toHaveLength(0)
  })

  it('has one element per section row: people, support, duties, placements and reviews', () => {
    const c = firstCase(caseFileXml([fullCase()], CODE_LISTS, meta))
    expect(answered(c)).toEqual([
      'Main',
      'Person',
      'Person',
      'Person',
      'Support',
      'Support',
      'Support',
      'Prevention',
      'Relief',
      'FinalDuties',
      'Placement',
      'Placement',
      'Review',
    ])
    expect(kids(c, 'Person').map((p) => p.getAttribute('person'))).toEqual(['p-applicant', 'p-partner', 'p-child'])
    expect(kids(c, 'Support').map((p) => p.getAttribute('person'))).toEqual(['p-applicant', 'p-partner', 'p-child'])
  })

  it('answers the main section: reference, counts, dates, codes and yes/no', () => {
    const main = only(firstCase(caseFileXml([fullCase()], CODE_LISTS, meta)), 'Main')
    expect(Object.fromEntries(elements(main).map((q) => [q.localName, q.textContent]))).toEqual({
      Q1_1: 'E07000066:BAS-2026-00001',
      Q1_3: 'eligible',
      Q1_4: '1',
      Q1_5: '2026-01-12',
      Q1_6: 'prevention',
      Q1_7: 'white_british',
      Q1_8: 'heterosexual',
      Q1_9: 'uk',
      Q1_10: 'part_time',
      Q1_11: 'yes',
      Q1_12: 'no',
      Q1_13: 'private_rented_self_contained',
      Q1_14: 'private_rented_hmo',
      Q1_15: 'end_of_assured_shorthold_tenancy',
      Q1_19: 'yes',
      Q1_20: 'prison',
      Q1_22: '2026-01-05',
      Q1_23: 'full_time',
      Q1_24: 'yes',
    })
  })

  it('repeats a multi-valued answer and leaves out an empty or unknown one', () => {
    const support = kids(firstCase(caseFileXml([fullCase()], CODE_LISTS, meta)), 'Support')
    expect(support.map((s) => texts(s, 'Q3_2'))).toEqual([['young_parent', 'young_person_18_25'], [], []])
  })

  it('answers people, duties, placements and reviews, leaving out what has not happened', () => {
    const c = firstCase(caseFileXml([fullCase()], CODE_LISTS, meta))
    const people = kids(c, 'Person')
    expect(people.map((p) => [texts(p, 'Q2_3'), texts(p, 'Q2_4'), texts(p, 'Q2_5'), texts(p, 'Q2_8')].flat())).toEqual([
      ['female', '35', 'main_applicant', '35'],
      ['male', '37', 'partner', '38'],
      ['other', '4', 'child', '4'],
    ])
    const prevention = only(c, 'Prevention')
    expect(answered(prevention)).toEqual(['Q4_2', 'Q4_3', 'Q4_5', 'Q4_6', 'Q4_8'])
    // The main activity is the most recent one.
    expect(texts(prevention, 'Q4_3')).toEqual(['accommodation_secured_by_authority'])
    expect(answered(only(c, 'Relief'))).toEqual(['Q5_2']) // still open
    expect(answered(only(c, 'FinalDuties'))).toEqual(['Q7_1', 'Q7_3', 'Q7_5'])
    expect(texts(only(c, 'FinalDuties'), 'Q7_3')).toEqual(['owed'])
    // Priority need was not recorded with this decision: the return says not known.
    expect(texts(only(c, 'FinalDuties'), 'Q7_5')).toEqual(['not_known'])
    const [first, second] = kids(c, 'Placement') as [Element, Element]
    expect(answered(first)).toEqual(['Q9_3', 'Q9_4', 'Q9_5', 'Q9_6', 'Q9_7'])
    expect(answered(second)).toEqual(['Q9_3', 'Q9_5', 'Q9_7']) // no exit date, bedrooms not known
    expect(texts(only(c, 'Review'), 'Q10_6')).toEqual(['upheld'])
  })

  it('writes a case with no answers beyond the reference, the children, the referral and the date', () => {
    const c = firstCase(caseFileXml([bareCase()], CODE_LISTS, meta))
    expect(answered(c)).toEqual(['Main', 'Person', 'Support'])
    expect(answered(only(c, 'Main'))).toEqual(['Q1_1', 'Q1_4', 'Q1_19', 'Q1_22'])
    expect(texts(only(c, 'Main'), 'Q1_19')).toEqual(['no'])
    expect(answered(only(c, 'Support'))).toEqual([])
  })

  it('writes every question of the mapping for a case that has reached every answer', () => {
    const everything = fullCase({
      relief: {
        startedOn: '2026-02-01',
        endedOn: '2026-03-20',
        endingGround: 'suitable_accommodation_secured',
        accommodationSecured: 'private_rented_hmo',
        activities: ['accommodation_secured_by_authority'],
      },
      mainDuty: {
        decidedOn: '2026-03-20',
        owed: true,
        priorityNeed: null,
        intentionality: null,
        endedOn: '2026-03-30',
        endingGround: 'accepted_part_6_offer',
      },
    })
    const c = firstCase(caseFileXml([everything], CODE_LISTS, meta))
    const written = new Set(elements(c).flatMap((row) => answered(row)))
    const questions = SECTIONS.flatMap((s) => s.questions.map((q) => OUR_XML_NAMES.question(q.number)))
    expect(questions.filter((q) => !written.has(q))).toEqual([])
  })

  it('uses the official code where the council configured one, and ours where it did not', () => {
    const configured = withOfficialCodes([
      { list: 'eligibility', value: 'eligible', code: '1' },
      { list: 'support_need', value: 'young_parent', code: '07' },
      { list: 'employment', value: 'full_time', code: '01' },
    ])
    if ('errors' in configured) throw new Error(configured.errors.join())
    const c = firstCase(caseFileXml([fullCase()], configured.lists, meta))
    const main = only(c, 'Main')
    expect([texts(main, 'Q1_3'), texts(main, 'Q1_23'), texts(main, 'Q1_10'), texts(main, 'Q1_6')]).toEqual([
      ['1'],
      ['01'],
      ['part_time'],
      ['prevention'],
    ])
    const [applicantSupport] = kids(c, 'Support')
    expect(applicantSupport && texts(applicantSupport, 'Q3_2')).toEqual(['07', 'young_person_18_25'])
  })

  it('takes its names from the names table, so a council can replace them', () => {
    const names = {
      ...OUR_XML_NAMES,
      caseFile: { namespace: 'urn:example', root: 'Return', case: 'Record' },
      question: (n: string) => `Q${n.replace('.', '')}`,
    }
    const root = parse(caseFileXml([bareCase()], CODE_LISTS, meta, names))
    expect([root.localName, root.namespaceURI]).toEqual(['Return', 'urn:example'])
    expect(answered(only(only(root, 'Record'), 'Main'))).toEqual(['Q11', 'Q14', 'Q119', 'Q122'])
  })

  it('escapes what it writes', () => {
    const c = firstCase(caseFileXml([bareCase({ reference: 'A&B<1>' })], CODE_LISTS, meta))
    expect(texts(only(c, 'Main'), 'Q1_1')).toEqual(['E07000066:A&B<1>'])
  })
})

describe('the personal-details file', () => {
  it('writes each person of the return with their case, leaving out missing details and other people', () => {
    const xml = personalDetailsXml(
      [
        personalDetails(),
        personalDetails({ personId: 'p-partner', givenName: 'Alex', familyName: "O'Neil & Co", dateOfBirth: null, postcode: null }),
        personalDetails({ personId: 'p-elsewhere', givenName: 'Not', familyName: 'Included' }),
      ],
      [fullCase()],
      meta,
    )
    const root = parse(xml)
    expect([root.localName, root.namespaceURI, root.getAttribute('quarter')]).toEqual([
      'HclicPersonalFile',
      'urn:upstream:hclic:personal:1',
      '2026-Q1',
    ])
    const people = kids(root, 'Person')
    expect(people.map((p) => [p.getAttribute('case'), p.getAttribute('person')])).toEqual([
      ['BAS-2026-00001', 'p-applicant'],
      ['BAS-2026-00001', 'p-partner'],
    ])
    expect(people.map((p) => Object.fromEntries(elements(p).map((f) => [f.localName, f.textContent])))).toEqual([
      { GivenName: 'Sam', A1_5: 'Taylor', A1_3: '1990-04-01', A1_8: 'CM20 1AA' },
      { GivenName: 'Alex', A1_5: "O'Neil & Co" },
    ])
  })
})

it('names the files for the authority and quarter', () => {
  expect(returnFileNames('E07000066', quarterOf(2026, 1))).toEqual({
    cases: 'hclic-E07000066-2026-Q1-cases.xml',
    personal: 'hclic-E07000066-2026-Q1-personal.xml',
  })
})
