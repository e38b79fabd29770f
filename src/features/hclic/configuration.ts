import fs from 'node:fs/promises'
import path from 'node:path'
import { CODE_LISTS, withOfficialCodes, type CodeList, type OfficialCode } from '../../domain/hclic/code-lists.ts'

/**
 * What a council configures for its return: its copy of the official XSDs and the official code of
 * each value, dropped into UPSTREAM_DATA_DIR/hclic/ as `hclic.xsd`, `hclic-pi.xsd` and `codes.csv`
 * (columns list,value,code). The official material is sent to councils on request and is not public
 * (research/hclic.md §1.5), so without it the export uses our own schemas and our own codes.
 */
export interface HclicConfiguration {
  lists: CodeList[]
  caseXsd: Schema
  personalXsd: Schema
  /** Whether codes.csv was found; without it every answer carries our code. */
  officialCodes: boolean
}

export interface Schema {
  /** Where the schema came from, for messages. */
  source: string
  text: string
}

const OUR_SCHEMAS = path.join(import.meta.dirname, 'schema')

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function schema(councilFile: string, ours: string): Promise<Schema> {
  const text = await readIfPresent(councilFile)
  if (text !== null) return { source: councilFile, text }
  const fallback = path.join(OUR_SCHEMAS, ours)
  return { source: fallback, text: await fs.readFile(fallback, 'utf8') }
}

export async function loadHclicConfiguration(dataDir: string): Promise<{ configuration: HclicConfiguration } | { errors: string[] }> {
  const folder = path.join(dataDir, 'hclic')
  const codesFile = path.join(folder, 'codes.csv')
  const csv = await readIfPresent(codesFile)
  let lists: CodeList[] = [...CODE_LISTS]
  if (csv !== null) {
    const parsed = parseCodesCsv(csv)
    if ('errors' in parsed) return { errors: parsed.errors.map((e) => `${codesFile}: ${e}`) }
    const configured = withOfficialCodes(parsed.codes)
    if ('errors' in configured) return { errors: configured.errors.map((e) => `${codesFile}: ${e}`) }
    lists = configured.lists
  }
  return {
    configuration: {
      lists,
      caseXsd: await schema(path.join(folder, 'hclic.xsd'), 'upstream-hclic.xsd'),
      personalXsd: await schema(path.join(folder, 'hclic-pi.xsd'), 'upstream-hclic-pi.xsd'),
      officialCodes: csv !== null,
    },
  }
}

/** One CSV line's fields: commas separate, double quotes enclose, "" is a quote. */
function fields(line: string): string[] | null {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i)
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        current += '"'
        i++
      } else if (ch === '"') quoted = false
      else current += ch
    } else if (ch === '"' && current === '') quoted = true
    else if (ch === ',') {
      out.push(current.trim())
      current = ''
    } else current += ch
  }
  if (quoted) return null
  out.push(current.trim())
  return out
}

/**
 * codes.csv: a header `list,value,code`, then one official code per line. Every problem is reported
 * with its row number (the header is row 1), so the council can find it in a spreadsheet.
 */
export function parseCodesCsv(text: string): { codes: OfficialCode[] } | { errors: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = fields(lines[0] ?? '')?.map((h) => h.toLowerCase())
  if (header?.join(',') !== 'list,value,code') return { errors: ['Row 1: the first row must be the header list,value,code'] }
  const errors: string[] = []
  const codes: OfficialCode[] = []
  const seen = new Map<string, number>()
  lines.slice(1).forEach((line, index) => {
    const row = index + 2
    if (line.trim() === '') return
    const cells = fields(line)
    if (cells?.length !== 3) {
      errors.push(`Row ${String(row)}: expected three columns (list, value, code)`)
      return
    }
    const [list = '', value = '', code = ''] = cells
    const found = CODE_LISTS.find((l) => l.id === list)
    if (!found) errors.push(`Row ${String(row)}: there is no code list "${list}"`)
    else if (!found.values.some((v) => v.value === value)) errors.push(`Row ${String(row)}: the list "${list}" has no value "${value}"`)
    else if (code === '') errors.push(`Row ${String(row)}: the code for ${list} "${value}" is empty`)
    else if (seen.has(`${list}\u0000${value}`))
      errors.push(`Row ${String(row)}: ${list} "${value}" already has a code on row ${String(seen.get(`${list}\u0000${value}`))}`)
    else {
      seen.set(`${list}\u0000${value}`, row)
      codes.push({ list, value, code })
    }
  })
  return errors.length > 0 ? { errors } : { codes }
}
