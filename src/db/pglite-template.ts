import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'

const root = path.resolve(import.meta.dirname, '../..')
const pgliteVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version

/**
 * Creating an embedded database runs PostgreSQL's initdb, which takes about three seconds in WASM. The
 * result is the same every time for a given PGlite version, so it is made once, at install, and a new
 * data folder starts as a copy of it. Migrations still run on every start as usual.
 */
export const TEMPLATE_FILE = path.join(root, 'node_modules/.cache/upstream', `pglite-${pgliteVersion}-empty.tar`)

export function templateBlob(): Blob | undefined {
  return fs.existsSync(TEMPLATE_FILE) ? new Blob([fs.readFileSync(TEMPLATE_FILE)]) : undefined
}

export async function writeTemplate(): Promise<boolean> {
  if (fs.existsSync(TEMPLATE_FILE)) return false
  const pglite = await PGlite.create()
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true })
  const partial = `${TEMPLATE_FILE}.${String(process.pid)}`
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(partial, TEMPLATE_FILE)
  return true
}
