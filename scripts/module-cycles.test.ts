import { describe, expect, it } from 'vitest'
import { findCycles } from './module-cycles.ts'

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges))

describe('finding import cycles', () => {
  it.each([
    ['no imports', { a: [], b: [] }, []],
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two modules importing each other', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a module importing itself', { a: ['a'] }, [['a']]],
    ['a long loop', { a: ['b'], b: ['c'], c: ['d'], d: ['a'] }, [['a', 'b', 'c', 'd']]],
    [
      'two separate loops',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: ['a', 'c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['imports of modules outside the graph', { a: ['node:fs', 'b'], b: [] }, []],
  ])('%s', (_, edges, expected) => {
    expect(findCycles(graph(edges)).sort()).toEqual(expected)
  })
})
