import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './database.ts'

const WRITER = path.resolve(import.meta.dirname, '../test-support/confirmed-writer.ts')
const KILLS = 6

/** Runs the writer until it has confirmed `after` more writes, kills it with SIGKILL, and returns the last it confirmed. */
function writeThenKill(dataDir: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let seen = 0
    let last = 0
    let errors = ''
    let buffered = ''
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const n = Number(/^confirmed (\d+)$/.exec(line)?.[1])
        if (!Number.isInteger(n)) continue
        last = n
        if (++seen === after) child.kill('SIGKILL')
      }
    })
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last)
      else reject(new Error(`the writer stopped by itself: ${errors}`))
    })
  })
}

describe('the embedded database after a kill', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-durable-'))
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every write it confirmed, however often the process is killed right after one', async () => {
    for (let kill = 0; kill < KILLS; kill++) {
      const confirmed = await writeThenKill(dataDir, 1 + ((kill * 7) % 23))
      const database = await openDatabase({ databaseUrl: undefined, dataDir, holder: 'durability test' })
      try {
        const rows = (await sql<{ n: number }>`SELECT n FROM confirmed_writes ORDER BY n`.execute(database.db)).rows.map((r) => r.n)
        // Every confirmed write is there, with no gap; at most the one in flight when killed is there too.
        expect(rows.slice(0, confirmed)).toEqual(Array.from({ length: confirmed }, (_, i) => i + 1))
        expect(rows.length - confirmed).toBeLessThanOrEqual(1)
      } finally {
        await database.close()
      }
    }
  }, 300_000)
})
