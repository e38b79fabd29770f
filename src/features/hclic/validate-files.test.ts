import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CODE_LISTS } from '../../domain/hclic/code-lists.ts'
import { quarterOf } from '../../domain/hclic/quarter.ts'
import { caseFileXml, personalDetailsXml } from '../../domain/hclic/xml.ts'
import { bareCase, fullCase, personalDetails } from '../../test-support/hclic-cases.ts'
import { loadHclicConfiguration, parseCodesCsv, type HclicConfiguration } from './configuration.ts'
import { describeFinding, validateFolder, validateXml } from './validate-files.ts'

const meta = { authorityCode: 'E07000066', quarter: quarterOf(2026, 1), generatedAt: '2026-04-02T09:00:00Z' }
let dir: string
let configuration: HclicConfiguration

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-hclic-'))
  const loaded = await loadHclicConfiguration(dir)
  if ('errors' in loaded) throw new Error(loaded.errors.join())
  configuration = loaded.configuration
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const casesXml = () => caseFileXml([fullCase(), bareCase({ caseId: 'c-2', reference: 'BAS-2026-00002' })], CODE_LISTS, meta)
const lineOf = (xml: string, text: string) => xml.split('\n').findIndex((l) => l.includes(text)) + 1

describe('validating the files against our schemas', () => {
  it('accepts the case file and the personal-details file the export writes', () => {
    expect(validateXml(casesXml(), configuration.caseXsd, 'cases.xml')).toEqual([])
    const personal = personalDetailsXml([personalDetails(), personalDetails({ personId: 'p-partner', postcode: null })], [fullCase()], meta)
    expect(validateXml(personal, configuration.personalXsd, 'personal.xml')).toEqual([])
  })

  it('accepts an empty return', () => {
    expect(validateXml(caseFileXml([], CODE_LISTS, meta), configuration.caseXsd, 'cases.xml')).toEqual([])
  })

  it('rejects a broken case file with every problem, its line and the question it is about', () => {
    const broken = casesXml()
      .replace('<Q1_5>2026-01-12</Q1_5>', '<Q1_5>12/01/2026</Q1_5>')
      .replace('<Q1_19>no</Q1_19>', '<Q1_19>maybe</Q1_19>')
      .replace('<Q9_6>1</Q9_6>', '<Q9_6>1</Q9_6><Colour>red</Colour>')
    const findings = validateXml(broken, configuration.caseXsd, 'cases.xml')
    expect(findings.map((f) => f.line)).toEqual([lineOf(broken, '12/01/2026'), lineOf(broken, 'Colour'), lineOf(broken, 'maybe')])
    expect(findings.every((f) => f.file === 'cases.xml')).toBe(true)
    const [date, unknown, yesNo] = findings.map((f) => f.message)
    expect(date).toContain("Element 'Q1_5' (question 1.5 Date of assessment)")
    expect(date).toContain("'12/01/2026' is not a valid value of the atomic type 'xs:date'")
    expect(yesNo).toContain('question 1.19 Was the applicant referred to the authority?')
    expect(yesNo).toContain("'maybe'")
    expect(unknown).toContain("Element 'Colour': This element is not expected")
    expect(findings.map((f) => f.message).join()).not.toContain('urn:upstream')
  })

  it('rejects a case without an answer every case has', () => {
    const broken = caseFileXml([bareCase()], CODE_LISTS, meta).replace(/<Q1_22>.*<\/Q1_22>/, '')
    const findings = validateXml(broken, configuration.caseXsd, 'cases.xml')
    expect(findings).toHaveLength(1)
    expect(findings[0]?.message).toBe("Element 'Main': Missing child element(s). Expected is one of ( Q1_20, Q1_22 ).")
  })

  it('says when a file is not XML at all', () => {
    const findings = validateXml('<HclicCaseFile><Case></HclicCaseFile>', configuration.caseXsd, 'cases.xml')
    expect(findings[0]).toMatchObject({ file: 'cases.xml', line: 1 })
    expect(findings[0]?.message).toMatch(/^This is not well-formed XML: /)
  })

  it('says when the schema itself cannot be used', () => {
    const findings = validateXml(
      casesXml(),
      { source: 'hclic.xsd', text: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element/></xs:schema>' },
      'cases.xml',
    )
    expect(findings[0]?.file).toBe('hclic.xsd')
    expect(findings[0]?.message).toMatch(/^The schema cannot be used: /)
  })
})

describe('validating a folder', () => {
  it('checks each file against its schema by name, listing every finding', async () => {
    const out = path.join(dir, 'out')
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(out, 'hclic-E07000066-2026-Q1-cases.xml'), casesXml())
    fs.writeFileSync(path.join(out, 'hclic-E07000066-2026-Q1-personal.xml'), personalDetailsXml([personalDetails()], [fullCase()], meta))
    expect(await validateFolder(out, configuration)).toEqual({
      files: ['hclic-E07000066-2026-Q1-cases.xml', 'hclic-E07000066-2026-Q1-personal.xml'],
      findings: [],
    })

    // The personal file against the case schema's rules would fail: each file meets its own schema.
    fs.writeFileSync(path.join(out, 'hclic-E07000066-2026-Q2-personal.xml'), casesXml())
    fs.writeFileSync(path.join(out, 'notes.xml'), '<notes/>')
    const { findings } = await validateFolder(out, configuration)
    expect(findings.map(describeFinding)).toEqual([
      expect.stringMatching(
        /^hclic-E07000066-2026-Q2-personal\.xml line 2: .*No matching global declaration available for the validation root/,
      ),
      'notes.xml: Not a file of the return: its name should end -cases.xml or -personal.xml',
    ])
  })

  it('finds nothing to pass in an empty or missing folder', async () => {
    expect((await validateFolder(dir, configuration)).findings.map((f) => f.message)).toEqual([
      'There are no H-CLIC files (*-cases.xml, *-personal.xml) here',
    ])
    expect((await validateFolder(path.join(dir, 'nowhere'), configuration)).findings.map((f) => f.message)).toEqual([
      'There is no such folder',
    ])
  })
})

describe('the council’s configuration', () => {
  it('falls back to our schemas and our codes', () => {
    expect(path.basename(configuration.caseXsd.source)).toBe('upstream-hclic.xsd')
    expect(path.basename(configuration.personalXsd.source)).toBe('upstream-hclic-pi.xsd')
    expect(configuration.officialCodes).toBe(false)
    expect(configuration.lists.flatMap((l) => l.values).every((v) => v.officialCode === null)).toBe(true)
  })

  it('uses the council’s schemas and codes from UPSTREAM_DATA_DIR/hclic', async () => {
    fs.mkdirSync(path.join(dir, 'hclic'))
    fs.writeFileSync(path.join(dir, 'hclic', 'hclic.xsd'), '<council-case-schema/>')
    fs.writeFileSync(path.join(dir, 'hclic', 'codes.csv'), 'list,value,code\neligibility,eligible,1\r\n"sex","female","F"\n\n')
    const loaded = await loadHclicConfiguration(dir)
    if ('errors' in loaded) throw new Error(loaded.errors.join())
    expect(loaded.configuration.caseXsd).toEqual({ source: path.join(dir, 'hclic', 'hclic.xsd'), text: '<council-case-schema/>' })
    expect(path.basename(loaded.configuration.personalXsd.source)).toBe('upstream-hclic-pi.xsd')
    expect(loaded.configuration.officialCodes).toBe(true)
    const code = (list: string, value: string) =>
      loaded.configuration.lists.find((l) => l.id === list)?.values.find((v) => v.value === value)?.officialCode
    expect([code('eligibility', 'eligible'), code('sex', 'female'), code('sex', 'male')]).toEqual(['1', 'F', null])
  })

  it('refuses a codes file naming an unknown list, with the file and row', async () => {
    fs.mkdirSync(path.join(dir, 'hclic'))
    fs.writeFileSync(path.join(dir, 'hclic', 'codes.csv'), 'list,value,code\neligibility,eligible,1\nethnicity,white_british,A1\n')
    expect(await loadHclicConfiguration(dir)).toEqual({
      errors: [`${path.join(dir, 'hclic', 'codes.csv')}: Row 3: there is no code list "ethnicity"`],
    })
  })

  it.each([
    ['value,code\nsex,female', ['Row 1: the first row must be the header list,value,code']],
    ['list,value,code\nsex,female', ['Row 2: expected three columns (list, value, code)']],
    ['list,value,code\nsex,woman,F', ['Row 2: the list "sex" has no value "woman"']],
    ['list,value,code\nsex,female,', ['Row 2: the code for sex "female" is empty']],
    ['list,value,code\nsex,female,F\nsex,female,2', ['Row 3: sex "female" already has a code on row 2']],
    ['list,value,code\nsex,"female,F', ['Row 2: expected three columns (list, value, code)']],
  ])('reports a bad codes file row by row: %j', (csv, errors) => {
    expect(parseCodesCsv(csv)).toEqual({ errors })
  })

  it('reads quoted fields and a byte-order mark', () => {
    expect(parseCodesCsv('\uFEFFList,Value,Code\n"review_outcome","upheld","1 ""A"""')).toEqual({
      codes: [{ list: 'review_outcome', value: 'upheld', code: '1 "A"' }],
    })
  })
})
