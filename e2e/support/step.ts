/**
 * One named step of a browser journey. When it fails (most often a wait that ran out of time) the error
 * names the step, so a timeout on a busy machine says what the page was waiting for, not just where.
 */
export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`step “${name}” failed: ${message}`, { cause: error })
  }
}
