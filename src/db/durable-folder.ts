import fs from 'node:fs'
import path from 'node:path'

/**
 * The embedded database writes through to its files with every commit, but never asks the operating
 * system to put them on the disk (its file layer has no fsync), so a power cut or a crash of the
 * machine could lose commits the service had confirmed. After each commit this asks for exactly that:
 * every file changed since the last time, and the folders that hold them (for files just made), are
 * flushed to the disk before the commit is reported done.
 */
export class DurableFolder {
  private readonly root: string
  /** When the last flush began, less a second for file systems that keep coarse modification times. */
  private since = 0

  constructor(root: string) {
    this.root = root
  }

  flush(): void {
    // Compared with the files' modification times, which are the operating system's wall clock too.
    // eslint-disable-next-line upstream/no-wall-clock -- not a date of the service's: a file time
    const started = Date.now()
    const changedFolders = new Set<string>()
    const visit = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name)
        if (entry.isDirectory()) visit(full)
        else if (entry.isFile() && fs.statSync(full).mtimeMs >= this.since) {
          syncPath(full)
          changedFolders.add(folder)
        }
      }
    }
    visit(this.root)
    for (const folder of changedFolders) syncPath(folder)
    this.since = started - 1000
  }
}

function syncPath(target: string): void {
  const fd = fs.openSync(target, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
