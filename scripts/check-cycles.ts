/**
 * Part of `npm run lint`: fails when modules under src/ import each other in a circle, which makes the
 * order of start-up fragile and the layering impossible to follow.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { findCycles, layerGraph } from './module-cycles.ts'

/** The layers every feature stands on. */
const FOUNDATIONS = new Set(['platform', 'db', 'domain'])

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

// The same graph between layers and features: features build on the case kernel and platform, never on
// each other in a circle, and the layers under them never import a feature. Tests may reach anywhere.
const layers = layerGraph(new Map([...graph].filter(([file]) => !file.endsWith('.test.ts'))))
if (process.argv.includes('--matrix')) for (const [from, to] of layers) console.log(`${from.padEnd(24)} ${to.join(' ')}`)
const problems = [
  ...findCycles(layers).map((cycle) => `features import each other in a circle: ${cycle.join(' <-> ')}`),
  ...[...layers].flatMap(([from, to]) =>
    FOUNDATIONS.has(from) ? to.filter((t) => t.startsWith('features/')).map((t) => `${from} must not import ${t}`) : [],
  ),
  ...(layers.get('features/case') ?? []).filter((t) => t.startsWith('features/')).map((t) => `the case kernel must not import ${t}`),
]
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${problem}`)
  process.exit(1)
}
console.log(`No cycles among ${String(layers.size)} layers and features; platform, db and domain import no feature.`)
