import { describe, expect, it } from 'vitest'
import { findCycles } from './module-cycles.ts'

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges))

/** Cycles in the order the tests expect them: each sorted, then sorted by their first module. */
const sorted = (cycles: string[][]) => cycles.map((cycle) => [...cycle].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))

describe('finding import cycles', () => {
  it.each([
    ['no imports', { a: [], b: [] }, []],
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two modules importing each other', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a module importing itself', { a: ['a'] }, [['a']]],
    ['a long loop', { a: ['b'], b: ['c'], c: ['d'], d: ['a'] }, [['a', 'b', 'c', 'd']]],
    ['loops sharing a module', { a: ['b'], b: ['c', 'a'], c: ['b'] }, [['a', 'b', 'c']]],
    [
      'two separate loops',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: ['a', 'c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a loop reached from another loop',
      { a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a module reached twice, once after its loop is closed', { a: ['b', 'c'], b: ['c'], c: ['d'], d: ['c'] }, [['c', 'd']]],
    ['imports of modules outside the graph', { a: ['node:fs', 'b'], b: [] }, []],
  ])('%s', (_, edges, expected) => {
    expect(sorted(findCycles(graph(edges)))).toEqual(expected)
  })

  it('handles an import chain far deeper than the call stack', () => {
    const edges: Record<string, string[]> = {}
    const length = 50_000
    for (let i = 0; i < length; i++) edges[`m${String(i)}`] = [`m${String((i + 1) % length)}`]
    const cycles = findCycles(graph(edges))
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toHaveLength(length)
  })

  it('agrees with a slow but obvious definition on random graphs', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let round = 0; round < 300; round++) {
      const size = 1 + Math.floor(random() * 9)
      const nodes = Array.from({ length: size }, (_, i) => `n${String(i)}`)
      const edges = Object.fromEntries(nodes.map((node) => [node, nodes.filter(() => random() < 0.2)]))
      expect(sorted(findCycles(graph(edges)))).toEqual(sorted(obviousCycles(edges)))
    }
  })
})

/** Two modules are in the same cycle when each reaches the other; a module alone only when it imports itself. */
function obviousCycles(edges: Record<string, string[]>): string[][] {
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>()
    const queue = [...(edges[from] ?? [])]
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (next === to) return true
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(...(edges[next] ?? []))
    }
    return false
  }
  const placed = new Set<string>()
  const cycles: string[][] = []
  for (const node of Object.keys(edges)) {
    if (placed.has(node)) continue
    const component = Object.keys(edges).filter((other) => other === node || (reaches(node, other) && reaches(other, node)))
    component.forEach((member) => placed.add(member))
    if (component.length > 1 || reaches(node, node)) cycles.push(component)
  }
  return cycles
}
