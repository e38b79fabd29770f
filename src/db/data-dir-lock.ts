import fs from 'node:fs'
import path from 'node:path'

export interface DataDirLock {
  release(): void
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holderPid: number, holder: string) {
    super(
      `The embedded database in ${dataDir} is in use by the ${holder} (process ${String(holderPid)}). ` +
        'The embedded database has one writer at a time: stop the server (Ctrl+C in its terminal) and run this ' +
        'command again, or run the server and the command against a PostgreSQL server by setting DATABASE_URL.',
    )
    this.name = 'DataDirLockedError'
  }
}

/**
 * PGlite has no protection against two processes opening the same folder, and two writers would
 * corrupt it. A lock file with the holder's process id stands in; a lock left by a process that no
 * longer runs (after a crash or kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  const file = path.join(dataDir, 'upstream.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, holder }), { flag: 'wx' })
      return {
        release() {
          try {
            const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number }
            if (current.pid === process.pid) fs.unlinkSync(file)
          } catch {
            // Already gone: nothing to release.
          }
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const existing = readLock(file)
      if (existing && existing.pid !== process.pid && isRunning(existing.pid)) {
        throw new DataDirLockedError(dataDir, existing.pid, existing.holder)
      }
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not take the lock ${file}`)
}

function readLock(file: string): { pid: number; holder: string } | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; holder: string }
  } catch {
    return undefined
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
