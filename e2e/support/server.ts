import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Starting takes some 40 s on a machine busy with other work (migrations, then the demonstration
 * data); the wait stays inside the hooks' 120 s so that a server that never starts still fails there.
 */
const STARTUP_MS = 110_000

export interface RunningServer {
  url: string
  dataDir: string
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts the real server (`node src/server.ts`, as `npm start` does) on a free port with a fresh data
 * folder, and waits until it says it is ready. The embedded database is used even when DATABASE_URL is
 * set for the integration tests, so the browser tests see exactly what `npm start` gives.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string | undefined> } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-e2e-'))
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    UPSTREAM_DATA_DIR: dataDir,
    NODE_ENV: 'development',
    DATABASE_URL: undefined,
    ...options.env,
  }
  const child: ChildProcess = spawn(process.execPath, ['src/start.ts'], { cwd: root, env: env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code)
    }),
  )

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Left running, a server that was slow to start outlives the test run and slows the next one.
      child.kill('SIGKILL')
      reject(new Error(`the server did not start within ${String(STARTUP_MS / 1000)} s:\n${output}`))
    }, STARTUP_MS)
    const check = () => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited with ${String(code)} before it was ready:\n${output}`))
    })
  })

  return {
    url,
    dataDir,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      const code = await exited
      // A folder this function made is removed; one the test passed in is the test's to keep or remove.
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
      return code
    },
  }
}
