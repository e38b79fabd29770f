import type { CodeList } from './code-lists.ts'
import { SECTIONS, type Answer, type Question } from './mapping.ts'
import type { Quarter } from './quarter.ts'
import type { HclicCase, HclicPersonalDetails } from './record.ts'

/**
 * The two files of the return (research/hclic.md §1.2, §1.5): the case file and the personal-details
 * (PI) file. The official root element, namespace and element names are not public (§7.1), so every
 * name written here is OURS and lives in `XmlNames` below: a council whose copy of the specification
 * names things differently replaces that one table, and the walk over SECTIONS stays as it is.
 */
export interface XmlNames {
  caseFile: { namespace: string; root: string; case: string }
  personalFile: { namespace: string; root: string; person: string }
  /** One element per section row, by section id (domain/hclic/mapping.ts). */
  sections: Record<string, string>
  /** One element per question, by question number. */
  question(number: string): string
  /** The PI file's fields: A1.3 and A1.5 and A1.8 are the research's numbers; the given name's is not known. */
  personal: { givenName: string; familyName: string; dateOfBirth: string; postcode: string }
  /** Attributes that tie rows together: the person a People or Support row, or a PI record, is about. */
  personAttribute: string
  caseAttribute: string
}

export const OUR_XML_NAMES: XmlNames = {
  caseFile: { namespace: 'urn:upstream:hclic:cases:1', root: 'HclicCaseFile', case: 'Case' },
  personalFile: { namespace: 'urn:upstream:hclic:personal:1', root: 'HclicPersonalFile', person: 'Person' },
  sections: {
    main: 'Main',
    people: 'Person',
    support: 'Support',
    prevention: 'Prevention',
    relief: 'Relief',
    final_duties: 'FinalDuties',
    temporary_accommodation: 'Placement',
    reviews: 'Review',
  },
  // "1.5" → "Q1_5": stable as long as the question keeps its number.
  question: (number) => `Q${number.replace(/\./g, '_')}`,
  personal: { dateOfBirth: 'A1_3', givenName: 'GivenName', familyName: 'A1_5', postcode: 'A1_8' },
  personAttribute: 'person',
  caseAttribute: 'case',
}

export interface FileMeta {
  authorityCode: string
  quarter: Quarter
  /** An ISO instant, from the caller's clock. */
  generatedAt: string
}

/** An answer as the file writes it; an empty list when the case does not hold it (the element is left out). */
export function answerTexts(question: Question<unknown>, answer: Answer, lists: readonly CodeList[]): string[] {
  if (answer === null) return []
  switch (question.kind) {
    case 'yes_no':
      return [answer === true ? 'yes' : 'no']
    case 'date':
      return [String(answer).slice(0, 10)]
    case 'code':
    case 'codes': {
      const values = Array.isArray(answer) ? answer : [String(answer)]
      const list = lists.find((l) => l.id === question.list)
      return values.map((v) => list?.values.find((c) => c.value === v)?.officialCode ?? v)
    }
    default:
      return [Array.isArray(answer) ? answer.join(' ') : String(answer)]
  }
}

const personOf = (subject: unknown): string | undefined => {
  const id = (subject as { personId?: unknown }).personId
  return typeof id === 'string' ? id : undefined
}

/**
 * A document written as text as it is built. xmlbuilder2 took 4 s
 * as a tree and 12 s as a stream for a 50,000-case authority's quarter (bench/hclic.ts), most of the
 * return's time budget; the return's XML is a fixed shape of elements, attributes and escaped text, and
 * every file is checked against its XSD by libxml2 before it is offered, so a few lines do it here.
 */
class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  private readonly open: string[] = []

  start(name: string, attributes: Record<string, string> = {}): this {
    this.parts.push(`${this.indent()}<${name}${attributesOf(attributes)}>\n`)
    this.open.push(name)
    return this
  }

  leaf(name: string, text: string): this {
    this.parts.push(`${this.indent()}<${name}>${escapeText(text)}</${name}>\n`)
    return this
  }

  end(): this {
    const name = this.open.pop()
    if (name === undefined) throw new Error('no element is open')
    this.parts.push(`${this.indent()}</${name}>\n`)
    return this
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`elements left open: ${this.open.join(', ')}`)
    return this.parts.join('')
  }

  private indent(): string {
    return '  '.repeat(this.open.length)
  }
}

/** Characters XML 1.0 cannot hold at all are left out. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escapeText = (text: string) => text.replace(NOT_XML, '').replace(/[&<>]/g, (c) => ESCAPES[c] ?? c)
const escapeAttribute = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)
const attributesOf = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')

function document(namespace: string, root: string, meta: FileMeta): XmlWriter {
  return new XmlWriter().start(root, {
    xmlns: namespace,
    authority: meta.authorityCode,
    quarter: meta.quarter.label,
    generatedAt: meta.generatedAt,
  })
}

/** The case file: one Case per case, one element per section row, one child per answered question. */
export function caseFileXml(
  cases: readonly HclicCase[],
  lists: readonly CodeList[],
  meta: FileMeta,
  names: XmlNames = OUR_XML_NAMES,
): string {
  const xml = document(names.caseFile.namespace, names.caseFile.root, meta)
  for (const record of cases) {
    xml.start(names.caseFile.case)
    for (const section of SECTIONS) {
      const sectionName = names.sections[section.id]
      if (sectionName === undefined) throw new Error(`no XML element name for the H-CLIC section "${section.id}"`)
      for (const subject of section.rows(record)) {
        const person = personOf(subject)
        xml.start(sectionName, person === undefined ? {} : { [names.personAttribute]: person })
        for (const question of section.questions) {
          for (const text of answerTexts(question, question.answer(subject, record), lists)) xml.leaf(names.question(question.number), text)
        }
        xml.end()
      }
    }
    xml.end()
  }
  return xml.end().toString()
}

/** The personal-details file: one record per person, tied to their case by its reference (1.1). */
export function personalDetailsXml(
  details: readonly HclicPersonalDetails[],
  cases: readonly HclicCase[],
  meta: FileMeta,
  names: XmlNames = OUR_XML_NAMES,
): string {
  const caseOf = new Map(cases.flatMap((c) => c.people.map((p) => [p.personId, c.reference] as const)))
  const xml = document(names.personalFile.namespace, names.personalFile.root, meta)
  for (const person of details) {
    const reference = caseOf.get(person.personId)
    if (reference === undefined) continue // only the people of the cases in this return
    xml.start(names.personalFile.person, { [names.caseAttribute]: reference, [names.personAttribute]: person.personId })
    const field = (name: string, value: string | null) => {
      if (value !== null && value.trim() !== '') xml.leaf(name, value.trim())
    }
    field(names.personal.givenName, person.givenName)
    field(names.personal.familyName, person.familyName)
    field(names.personal.dateOfBirth, person.dateOfBirth?.slice(0, 10) ?? null)
    field(names.personal.postcode, person.postcode)
    xml.end()
  }
  return xml.end().toString()
}

/** The files' names: `hclic-E07000073-2026-Q1-cases.xml` and `...-personal.xml`. */
export function returnFileNames(authorityCode: string, quarter: Quarter): { cases: string; personal: string } {
  const stem = `hclic-${authorityCode}-${quarter.label}`
  return { cases: `${stem}-cases.xml`, personal: `${stem}-personal.xml` }
}
