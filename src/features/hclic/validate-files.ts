import fs from 'node:fs/promises'
import path from 'node:path'
import { XmlDocument, XmlLibError, XsdValidator, type ErrorDetail } from 'libxml2-wasm'
import { SECTIONS } from '../../domain/hclic/mapping.ts'
import { OUR_XML_NAMES } from '../../domain/hclic/xml.ts'
import type { HclicConfiguration, Schema } from './configuration.ts'

/** A problem with one of the return's files, where it is and what is wrong, in words a data team can act on. */
export interface FileFinding {
  file: string
  line: number | null
  message: string
}

// Our element names say only "Q1_5"; the message names the question too.
const QUESTIONS = new Map(
  SECTIONS.flatMap((s) => s.questions.map((q) => [OUR_XML_NAMES.question(q.number), `${q.number} ${q.wording}`] as const)),
)

function readable(detail: ErrorDetail): string {
  return detail.message
    .trim()
    .replace(/\{[^}]*\}/g, '') // the namespace in front of every element name
    .replace(/Element '([A-Za-z0-9_]+)'/g, (whole, name: string) => {
      const question = QUESTIONS.get(name)
      return question ? `${whole} (question ${question})` : whole
    })
}

function findingsOf(file: string, error: unknown): FileFinding[] {
  if (error instanceof XmlLibError && error.details.length > 0)
    return error.details.map((d) => ({ file, line: d.line > 0 ? d.line : null, message: readable(d) }))
  return [{ file, line: null, message: (error as Error).message }]
}

/** Checks one file's text against a schema; no findings means it is valid. */
export function validateXml(xml: string, schema: Schema, file: string): FileFinding[] {
  let schemaDoc: XmlDocument | undefined
  let validator: XsdValidator | undefined
  let doc: XmlDocument | undefined
  try {
    try {
      schemaDoc = XmlDocument.fromString(schema.text, { url: schema.source })
      validator = XsdValidator.fromDoc(schemaDoc)
    } catch (error) {
      return findingsOf(schema.source, error).map((f) => ({ ...f, message: `The schema cannot be used: ${f.message}` }))
    }
    try {
      doc = XmlDocument.fromString(xml, { url: file })
    } catch (error) {
      return findingsOf(file, error).map((f) => ({ ...f, message: `This is not well-formed XML: ${f.message}` }))
    }
    try {
      validator.validate(doc)
      return []
    } catch (error) {
      return findingsOf(file, error)
    }
  } finally {
    // The wasm heap is not garbage-collected: everything made here is freed here.
    doc?.dispose()
    validator?.dispose()
    schemaDoc?.dispose()
  }
}

/** Which schema a file answers to, by the name the export gives it. */
export function schemaFor(file: string, configuration: HclicConfiguration): Schema | undefined {
  if (file.endsWith('-cases.xml')) return configuration.caseXsd
  if (file.endsWith('-personal.xml')) return configuration.personalXsd
  return undefined
}

/**
 * Validates every H-CLIC file in a folder (`*-cases.xml` against the case schema, `*-personal.xml`
 * against the personal-details schema). A folder without any is a finding, not a pass.
 */
export async function validateFolder(
  folder: string,
  configuration: HclicConfiguration,
): Promise<{ files: string[]; findings: FileFinding[] }> {
  let names: string[]
  try {
    names = (await fs.readdir(folder)).filter((n) => n.endsWith('.xml')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { files: [], findings: [{ file: folder, line: null, message: 'There is no such folder' }] }
    throw error
  }
  const findings: FileFinding[] = []
  const files: string[] = []
  for (const name of names) {
    const schema = schemaFor(name, configuration)
    if (!schema) {
      findings.push({ file: name, line: null, message: 'Not a file of the return: its name should end -cases.xml or -personal.xml' })
      continue
    }
    files.push(name)
    findings.push(...validateXml(await fs.readFile(path.join(folder, name), 'utf8'), schema, name))
  }
  if (files.length === 0)
    findings.push({ file: folder, line: null, message: 'There are no H-CLIC files (*-cases.xml, *-personal.xml) here' })
  return { files, findings }
}

export function describeFinding(f: FileFinding): string {
  return `${f.file}${f.line === null ? '' : ` line ${String(f.line)}`}: ${f.message}`
}
