import { expect, onTestFailed } from 'vitest'

/** The steps under way, innermost last: a test that times out is left running where it was waiting. */
const current: string[] = []
/** The tests that already name their step if they fail, so the hook is added once for each. */
const hooked = new Set<string>()

/**
 * One named step of a browser journey. When it fails (most often a wait that ran out of time) the error
 * names the step; when the whole test runs out of time instead, its failure says which step was under
 * way, so a timeout on a busy machine says what the page was waiting for, not just where.
 */
export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const test = expect.getState().currentTestName
  if (test !== undefined && !hooked.has(test)) {
    hooked.add(test)
    onTestFailed(({ task }) => {
      const waiting = current.at(-1)
      if (waiting === undefined) return
      for (const error of task.result?.errors ?? []) {
        if (/timed out/i.test(error.message)) error.message += ` (at the step “${waiting}”)`
      }
    })
  }
  current.push(name)
  try {
    return await action()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`step “${name}” failed: ${message}`, { cause: error })
  } finally {
    current.splice(current.lastIndexOf(name), 1)
  }
}
