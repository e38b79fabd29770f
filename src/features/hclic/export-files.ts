import fs from 'node:fs/promises'
import path from 'node:path'
import type { Quarter } from '../../domain/hclic/quarter.ts'
import type { HclicCase, HclicPersonalDetails } from '../../domain/hclic/record.ts'
import { caseFileXml, personalDetailsXml, returnFileNames } from '../../domain/hclic/xml.ts'
import type { HclicConfiguration } from './configuration.ts'
import { validateXml, type FileFinding } from './validate-files.ts'

export interface ReturnFile {
  name: string
  xml: string
}

/**
 * The quarter's two files, each checked against its schema before anyone may keep it: findings mean
 * neither file is fit to send, and the caller must not write them.
 */
export function buildReturnFiles(
  data: { authorityCode: string; cases: readonly HclicCase[]; personalDetails: readonly HclicPersonalDetails[] },
  quarter: Quarter,
  configuration: HclicConfiguration,
  generatedAt: Date,
): { files: ReturnFile[]; findings: FileFinding[] } {
  const meta = { authorityCode: data.authorityCode, quarter, generatedAt: generatedAt.toISOString() }
  const names = returnFileNames(data.authorityCode, quarter)
  const files = [
    { name: names.cases, xml: caseFileXml(data.cases, configuration.lists, meta), schema: configuration.caseXsd },
    { name: names.personal, xml: personalDetailsXml(data.personalDetails, data.cases, meta), schema: configuration.personalXsd },
  ]
  return {
    files: files.map(({ name, xml }) => ({ name, xml })),
    findings: files.flatMap((f) => validateXml(f.xml, f.schema, f.name)),
  }
}

/** Writes the files into the folder (made if missing), each whole or not at all. */
export async function writeReturnFiles(folder: string, files: readonly ReturnFile[]): Promise<string[]> {
  await fs.mkdir(folder, { recursive: true })
  const written: string[] = []
  for (const file of files) {
    const target = path.join(folder, file.name)
    // Written beside and renamed, so an interrupted export never leaves half a file to be sent.
    await fs.writeFile(`${target}.partial`, file.xml, 'utf8')
    await fs.rename(`${target}.partial`, target)
    written.push(target)
  }
  return written
}
