import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'

const root = path.resolve(import.meta.dirname, '../..')
const pgliteVersion = (
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
).version

/**
 * Creating an embedded database runs PostgreSQL's initdb, which takes about three seconds in WASM. The
 * result is the same every time for a given PGlite version, so it is made once, at install: a folder
 * that a new data folder starts as a copy of, and the same as an archive for in-memory test databases.
 * Migrations still run on every start as usual.
 */
const cache = path.join(root, 'node_modules/.cache/upstream')
export const TEMPLATE_DIR = path.join(cache, `pglite-${pgliteVersion}-empty`)
export const TEMPLATE_FILE = `${TEMPLATE_DIR}.tar`

export function templateBlob(): Blob | undefined {
  return fs.existsSync(TEMPLATE_FILE) ? new Blob([fs.readFileSync(TEMPLATE_FILE)]) : undefined
}

/**
 * Starts a new embedded database in `folder` as a copy of the template, when there is one. The copy is
 * made beside the folder and renamed into place, so an interrupted copy never looks like a database.
 */
export function copyTemplateTo(folder: string): boolean {
  if (!fs.existsSync(TEMPLATE_DIR)) return false
  const partial = `${folder}.partial-${String(process.pid)}`
  fs.rmSync(partial, { recursive: true, force: true })
  fs.cpSync(TEMPLATE_DIR, partial, { recursive: true })
  fs.rmSync(folder, { recursive: true, force: true })
  fs.renameSync(partial, folder)
  return true
}

export async function writeTemplate(): Promise<boolean> {
  if (fs.existsSync(TEMPLATE_FILE) && fs.existsSync(TEMPLATE_DIR)) return false
  fs.mkdirSync(cache, { recursive: true })
  const partialDir = `${TEMPLATE_DIR}.partial-${String(process.pid)}`
  fs.rmSync(partialDir, { recursive: true, force: true })
  const pglite = await PGlite.create(partialDir)
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  const partialFile = `${TEMPLATE_FILE}.partial-${String(process.pid)}`
  fs.writeFileSync(partialFile, Buffer.from(await dump.arrayBuffer()))
  fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true })
  fs.renameSync(partialDir, TEMPLATE_DIR)
  fs.renameSync(partialFile, TEMPLATE_FILE)
  return true
}
