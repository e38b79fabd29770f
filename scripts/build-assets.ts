/**
 * Compiles the stylesheet once, before the server first starts (and again when the sources are newer),
 * so `npm start` needs no separate build step.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const source = path.join(root, 'src/assets/application.scss')
const target = path.join(root, 'public/build/application.css')

export async function buildAssets({ force = false } = {}): Promise<boolean> {
  if (!force && fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs) return false
  // Loaded only when there is something to compile: it takes longer to load than the rest of the server.
  const sass = await import('sass')
  const result = sass.compile(source, {
    loadPaths: [root, path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin'],
    logger: sass.Logger.silent,
  })
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, result.css)
  return true
}

if (import.meta.main) {
  const built = await buildAssets({ force: process.argv.includes('--force') })
  console.log(built ? `Built ${path.relative(root, target)}` : `${path.relative(root, target)} is up to date`)
}
