import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * A clone must be whole: the README and the documents under docs/ may link only to files in the
 * repository, so a link that names a file outside it (or one since moved) fails here, not for a reader.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function documents(): string[] {
  const docs = fs.readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
  return ['README.md', ...docs.filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))]
}

/**
 * Relative targets of Markdown links and images, and paths written as code that climb out of the
 * document's folder (`./data` and the like are made at run time, so only `../` is taken as a file).
 */
function relativeTargets(text: string): string[] {
  const links = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '')
  const codePaths = [...text.matchAll(/`(\.\.\/[^`\s]+)`/g)].map((m) => m[1] ?? '')
  return [...links, ...codePaths]
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('/'))
    .map((target) => decodeURI(target.split('#')[0] ?? ''))
    .filter((target) => target !== '')
}

describe('links in the documentation', () => {
  it.each(documents())('%s links only to files inside the repository that exist', (document) => {
    const text = fs.readFileSync(path.join(root, document), 'utf8')
    const broken = relativeTargets(text).filter((target) => {
      const resolved = path.resolve(root, path.dirname(document), target)
      return !resolved.startsWith(root + path.sep) || !fs.existsSync(resolved)
    })
    expect(broken).toEqual([])
  })

  it('finds the links it checks', () => {
    expect(relativeTargets('see [the data](docs/monitoring-data.md#files), `../shared/x.md` and [web](https://example.org)')).toEqual([
      'docs/monitoring-data.md',
      '../shared/x.md',
    ])
  })
})
