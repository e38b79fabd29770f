import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/database.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/generate.ts'
import { startServer } from './support/server.ts'

const root = path.resolve(import.meta.dirname, '..')

function run(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: undefined, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr })
    })
  })
}

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-start-'))

describe('starting the service', () => {
  it.each([
    { why: 'a DATABASE_URL that is not a URL', env: { DATABASE_URL: 'not a url' }, message: 'DATABASE_URL is not a valid URL' },
    {
      why: 'a DATABASE_URL of another kind of database',
      env: { DATABASE_URL: 'mysql://root@127.0.0.1/db' },
      message: 'DATABASE_URL must start with postgres://',
    },
    {
      why: 'a database server that is down',
      env: { DATABASE_URL: 'postgres://root@127.0.0.1:1/upstream' },
      message: 'Could not connect to the PostgreSQL server at 127.0.0.1:1/upstream: the connection was refused',
    },
    { why: 'production without a session secret', env: { NODE_ENV: 'production' }, message: 'UPSTREAM_SESSION_SECRET must be set' },
  ])('refuses $why with a plain message and no stack trace', async ({ env, message }) => {
    const result = await run('src/server.ts', [], { UPSTREAM_DATA_DIR: tempDir(), PORT: '0', ...env })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Upstream could not start')
    expect(result.stderr).toContain(message)
    expect(result.stderr).not.toMatch(STACK_TRACE)
  })

  it('tells the command line plainly that the running server holds the embedded database', async () => {
    const server = await startServer()
    try {
      const result = await run('src/cli/main.ts', ['organisation', 'add', '--type', 'hospital', '--name', 'Broomfield Hospital'], {
        UPSTREAM_DATA_DIR: server.dataDir,
      })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('is in use by the Upstream server')
      expect(result.stderr).toContain('DATABASE_URL')
      expect(result.stderr).not.toMatch(STACK_TRACE)
    } finally {
      await server.stop()
    }
    // With the server stopped, the same command works.
    const after = await run('src/cli/main.ts', ['organisation', 'add', '--type', 'hospital', '--name', 'Broomfield Hospital'], {
      UPSTREAM_DATA_DIR: server.dataDir,
    })
    expect(after.stderr).toBe('')
    expect(after.code).toBe(0)
  })

  it('keeps every confirmed change when killed abruptly in the middle of writes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-e2e-kill-'))
    const server = await startServer({ dataDir })
    const accounts = DEMO_ACCOUNTS.slice(0, 6)
    let confirmed = 0
    let stopping = false
    const signInLoop = async (email: string) => {
      while (!stopping) {
        try {
          const agent = request.agent(server.url)
          const page = await agent.get('/sign-in')
          const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
          const response = await agent.post('/sign-in').type('form').send({ email, password: DEMO_PASSWORD, _csrf: token })
          if (response.status === 303) confirmed++
        } catch {
          return // the server has gone
        }
      }
    }
    const loops = accounts.map((a) => signInLoop(a.email))
    while (confirmed < 30) await new Promise((r) => setTimeout(r, 20))
    await server.stop('SIGKILL')
    stopping = true
    await Promise.all(loops)
    const confirmedBeforeKill = confirmed

    const database = await openDatabase({ databaseUrl: undefined, dataDir, holder: 'test' })
    try {
      const row = await database.db
        .selectFrom('audit_events')
        .where('action', '=', 'sign_in')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(row.n).toBeGreaterThanOrEqual(confirmedBeforeKill)
    } finally {
      await database.close()
    }

    const restarted = await startServer({ dataDir })
    try {
      const page = await request(restarted.url).get('/sign-in')
      expect(page.status).toBe(200)
    } finally {
      await restarted.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
