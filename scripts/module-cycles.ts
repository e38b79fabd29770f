/**
 * Finds import cycles in a module graph: every strongly connected component with more than one module,
 * or a module that imports itself (Tarjan's algorithm, iterative so deep graphs cannot overflow).
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>()
  const lowLink = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  let counter = 0

  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }]
    index.set(start, counter)
    lowLink.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      if (!frame) break
      const edges = graph.get(frame.node) ?? []
      if (frame.next < edges.length) {
        const target = edges[frame.next++] ?? ''
        if (!graph.has(target)) continue
        if (!index.has(target)) {
          index.set(target, counter)
          lowLink.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({ node: target, next: 0 })
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node) ?? 0, index.get(target) ?? 0))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node) ?? 0, lowLink.get(frame.node) ?? 0))
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        for (;;) {
          const member = stack.pop()
          if (member === undefined) break
          onStack.delete(member)
          component.push(member)
          if (member === frame.node) break
        }
        if (component.length > 1 || edges.includes(frame.node)) cycles.push(component.sort())
      }
    }
  }
  return cycles
}

/**
 * The module graph folded into layers: each feature folder (`src/features/casework`) is one node, and
 * every other top-level folder or file under src (`src/platform`, `src/app.ts`) is one.
 */
export function layerGraph(graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const layerOf = (file: string) => {
    const [, top = '', feature = ''] = file.split('/')
    return top === 'features' ? `features/${feature}` : top.replace(/\.ts$/, '')
  }
  const layers = new Map<string, Set<string>>()
  for (const [file, imports] of graph) {
    const from = layerOf(file)
    const to = layers.get(from) ?? new Set<string>()
    layers.set(from, to)
    for (const imported of imports) if (layerOf(imported) !== from) to.add(layerOf(imported))
  }
  return new Map([...layers].sort(([a], [b]) => a.localeCompare(b)).map(([layer, to]) => [layer, [...to].sort()]))
}
