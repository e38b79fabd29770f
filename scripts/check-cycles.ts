/**
 * Part of `npm run lint`: fails when modules under src/ import each other in a circle, which makes the
 * order of start-up fragile and the layering impossible to follow.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { findCycles } from './module-cycles.ts'

const root = path.resolve(import.meta.dirname, '..')
const src = path.join(root, 'src')

const files = fs
  .readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join(src, file))

const graph = new Map<string, string[]>()
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
  graph.set(
    path.relative(root, file),
    importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => path.relative(root, path.resolve(path.dirname(file), i.fileName))),
  )
}

const cycles = findCycles(graph)
if (cycles.length > 0) {
  console.error(`Import cycles between modules (${String(cycles.length)}):`)
  for (const cycle of cycles) console.error(`  ${cycle.join(' <-> ')}`)
  process.exit(1)
}
console.log(`No import cycles among ${String(files.length)} modules.`)
