import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFreshServerDatabase } from '../db/testing.ts'
import { quarterContaining } from '../domain/hclic/quarter.ts'
import { systemClock } from '../platform/clock.ts'
import { runCli } from './main.ts'

interface Run {
  code: number
  out: string[]
  err: string[]
}

/** The command line on both databases: a data folder for the embedded one, a fresh database on the server. */
const targets: { name: string; setUp(): Promise<{ env: Record<string, string>; tearDown: () => Promise<void> }> }[] = [
  {
    name: 'pglite',
    setUp() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-'))
      return Promise.resolve({
        env: { UPSTREAM_DATA_DIR: dir, NODE_ENV: 'test' },
        tearDown: () => {
          fs.rmSync(dir, { recursive: true, force: true })
          return Promise.resolve()
        },
      })
    },
  },
]
const serverUrl = process.env['DATABASE_URL']
if (serverUrl) {
  targets.push({
    name: 'postgres',
    async setUp() {
      const database = await openFreshServerDatabase(serverUrl)
      await database.db.destroy().catch(() => undefined)
      return { env: { DATABASE_URL: database.url, NODE_ENV: 'test' }, tearDown: () => database.close().catch(() => undefined) }
    },
  })
}

describe.each(targets)('the command line on $name', (target) => {
  let env: Record<string, string>
  let tearDown: () => Promise<void>
  beforeAll(async () => {
    ;({ env, tearDown } = await target.setUp())
  })
  afterAll(async () => {
    await tearDown()
  })

  async function cli(...args: string[]): Promise<Run> {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { ...env })
    return { code, out, err }
  }

  it('loads the demonstration data once, and refuses a second time', async () => {
    const first = await cli('demo', 'seed')
    expect(first.err).toEqual([])
    expect(first.code).toBe(0)
    expect(first.out.join('\n')).toContain('Loaded the demonstration data')
    const second = await cli('demo', 'seed')
    expect(second.code).toBe(1)
    expect(second.err.join('\n')).toMatch(/already/)
  })

  it('adds organisations, refusing bad ones with a reason', async () => {
    expect((await cli('organisation', 'add', '--type', 'hospital', '--name', 'Broomfield Hospital')).code).toBe(0)
    const added = await cli(
      'organisation',
      'add',
      '--type',
      'local_housing_authority',
      '--name',
      'Epsom and Ewell Borough Council',
      '--code',
      'E07000208',
    )
    expect(added.out.join('')).toContain('Added Epsom and Ewell Borough Council (local_housing_authority, E07000208)')

    const duplicate = await cli('organisation', 'add', '--type', 'hospital', '--name', 'broomfield hospital')
    expect(duplicate).toMatchObject({ code: 1, err: ['There is already an organisation called "broomfield hospital"'] })
    expect((await cli('organisation', 'add', '--type', 'castle', '--name', 'X')).err.join('')).toContain(
      '"castle" is not an organisation type',
    )
    expect((await cli('organisation', 'add', '--type', 'local_housing_authority', '--name', 'Nowhere')).err.join('')).toContain(
      'needs its ONS code',
    )
    expect(
      (await cli('organisation', 'add', '--type', 'local_housing_authority', '--name', 'Nowhere', '--code', 'W06000015')).err.join(''),
    ).toContain('not the ONS code of an English')
    expect((await cli('organisation', 'add', '--type', 'hospital', '--name', 'Y', '--parent', 'Nobody')).err.join('')).toContain(
      'no organisation called "Nobody"',
    )
  })

  it('answers usage errors with status 2 and the usage', async () => {
    const missing = await cli('organisation', 'add', '--type', 'hospital')
    expect(missing.code).toBe(2)
    expect(missing.err.join('\n')).toContain('--name is required')
    expect((await cli('organisation', 'add', '--colour', 'red')).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await cli()).code).toBe(2)
  })

  it('prints a new API key alone on the last line, which then opens the API', async () => {
    const run = await cli('api-key', 'create', '--organisation', 'Broomfield Hospital')
    expect(run.code).toBe(0)
    expect(run.out.at(-1)).toMatch(/^upk_[\w-]{43}$/)
    expect((await cli('api-key', 'create', '--organisation', 'Nobody At All')).err.join('')).toContain(
      'There is no organisation called "Nobody At All"',
    )
  })

  it('shows a person only the cases their organisation may see, as their pages would', async () => {
    const basildon = await cli('cases', 'list', '--as', 'caseworker.basildon@upstream.example')
    expect(basildon.code).toBe(0)
    expect(basildon.out.length).toBeGreaterThan(0)
    for (const line of basildon.out) expect(line).toMatch(/\tBasildon/)

    const mentor = await cli('cases', 'list', '--as', 'mentor.phoenix-futures@upstream.example')
    const authorities = new Set(mentor.out.map((line) => line.split('\t')[3]))
    expect(authorities.size).toBeGreaterThan(1)

    // A person whose pages show no cases is told so, and nothing is listed.
    const referrer = await cli('cases', 'list', '--as', 'referrer.hospital@upstream.example')
    expect(referrer).toMatchObject({ code: 1, out: [] })
    expect(referrer.err.join('')).toContain('their pages show no cases, so none are listed')

    expect((await cli('cases', 'list', '--as', 'nobody@example.org')).code).toBe(1)
  })

  it('adds a person who can then sign in', async () => {
    const run = await cli(
      'user',
      'add',
      '--organisation',
      'Broomfield Hospital',
      '--email',
      'ward.clerk@broomfield.example',
      '--name',
      'Wendy Clerk',
      '--role',
      'referrer',
    )
    expect(run.code).toBe(0)
    expect(run.out.at(-1)).toMatch(/^[\w-]{16}$/)
    expect(
      (
        await cli('user', 'add', '--organisation', 'Broomfield Hospital', '--email', 'x@y.example', '--name', 'X', '--role', 'king')
      ).err.join(''),
    ).toContain('"king" is not a role')
  })

  describe('the statutory return', () => {
    // The demonstration data is dated from today, so the quarter before this one is full of it.
    const quarter = quarterContaining(systemClock.today().minusMonths(3)).label
    let hclic: (...args: string[]) => Promise<Run>
    let work: string
    beforeAll(() => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-hclic-cli-'))
      // The embedded database lives in the data folder; a server database leaves it free for the configuration.
      const dataEnv = env['UPSTREAM_DATA_DIR'] ? env : { ...env, UPSTREAM_DATA_DIR: path.join(work, 'data') }
      hclic = async (...args) => {
        const out: string[] = []
        const err: string[] = []
        const code = await runCli(['hclic', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, { ...dataEnv })
        return { code, out, err }
      }
    })
    afterAll(() => {
      fs.rmSync(work, { recursive: true, force: true })
    })

    it('exports an authority’s quarter as two files that then validate', async () => {
      const folder = path.join(work, 'return')
      const run = await hclic('export', '--authority', 'E07000066', '--quarter', quarter, '--out', folder)
      expect(run.err).toEqual([])
      expect(run.code).toBe(0)
      const names = [`hclic-E07000066-${quarter}-cases.xml`, `hclic-E07000066-${quarter}-personal.xml`]
      expect(fs.readdirSync(folder).sort()).toEqual(names)
      expect(run.out.slice(1)).toEqual(names.map((n) => `Wrote ${path.join(folder, n)}`))
      const cases = fs.readFileSync(path.join(folder, names[0] ?? ''), 'utf8')
      expect(cases).toContain('<Case>')
      expect(cases).toContain('<Q1_1>E07000066:BAS-')

      const valid = await hclic('validate', folder)
      expect(valid).toMatchObject({ code: 0, err: [] })
      expect(valid.out.join('')).toContain(': valid.')
    })

    it('lists every finding in a broken file, with its line', async () => {
      const folder = path.join(work, 'broken')
      expect((await hclic('export', '--authority', 'E07000066', '--quarter', quarter, '--out', folder)).code).toBe(0)
      const file = path.join(folder, `hclic-E07000066-${quarter}-cases.xml`)
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<Q1_22>[^<]*</g, '<Q1_22>yesterday<'))
      const run = await hclic('validate', folder)
      expect(run.code).toBe(1)
      const lines = run.err.join('\n').split('\n')
      expect(lines[0]).toMatch(/^\d+ problems? found:$/)
      expect(lines.length).toBeGreaterThan(1)
      for (const line of lines.slice(1))
        expect(line).toMatch(
          /^hclic-E07000066-.*-cases\.xml line \d+: Element 'Q1_22' \(question 1\.22 Date homeless application made\): 'yesterday' is not a valid value/,
        )
    })

    it('refuses an unknown authority and a malformed quarter, writing nothing', async () => {
      const folder = path.join(work, 'refused')
      const unknown = await hclic('export', '--authority', 'E07999999', '--quarter', quarter, '--out', folder)
      expect(unknown).toMatchObject({ code: 1, err: ['No housing authority with the code E07999999 is on the platform'] })
      const malformed = await hclic('export', '--authority', 'E07000066', '--quarter', '2026Q1', '--out', folder)
      expect(malformed).toMatchObject({ code: 1, err: ['"2026Q1" is not a quarter: write it as YYYY-QN, like 2026-Q1'] })
      expect(fs.existsSync(folder)).toBe(false)
      expect((await hclic('export', '--authority', 'E07000066', '--out', folder)).code).toBe(2)
      expect((await hclic('validate')).code).toBe(2)
      expect((await hclic('validate', folder)).err.join('\n')).toContain('There is no such folder')
    })

    it('refuses to export with a codes file that names an unknown list', async () => {
      const dataDir = env['UPSTREAM_DATA_DIR'] ?? path.join(work, 'data')
      fs.mkdirSync(path.join(dataDir, 'hclic'), { recursive: true })
      fs.writeFileSync(path.join(dataDir, 'hclic', 'codes.csv'), 'list,value,code\nsex,female,1\nethnicity,white_british,A\n')
      try {
        const run = await hclic('export', '--authority', 'E07000066', '--quarter', quarter, '--out', path.join(work, 'coded'))
        expect(run.code).toBe(1)
        expect(run.err.join('\n')).toContain('codes.csv: Row 3: there is no code list "ethnicity"')
      } finally {
        fs.rmSync(path.join(dataDir, 'hclic'), { recursive: true, force: true })
      }
    })
  })
})
