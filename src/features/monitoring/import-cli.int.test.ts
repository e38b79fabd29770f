import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../cli/main.ts'
import { openFreshServerDatabase } from '../../db/testing.ts'
import { progressLines } from './import-cli.ts'

const PROGRAMME = 'Essex Homelessness Prevention Trailblazer'

/** The command line on the embedded database, and on the server when DATABASE_URL names one. */
const targets: { name: string; setUp(): Promise<{ env: Record<string, string>; tearDown: () => Promise<void> }> }[] = [
  {
    name: 'pglite',
    setUp() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-monitoring-'))
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

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-monitoring-data-'))
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true })
})

function dataSet(name: string, cases: string, activities?: string): string {
  const folder = path.join(work, name)
  fs.mkdirSync(folder, { recursive: true })
  fs.writeFileSync(path.join(folder, 'cases.csv'), cases)
  if (activities !== undefined) fs.writeFileSync(path.join(folder, 'activities.csv'), activities)
  return folder
}

describe.each(targets)('import and export monitoring on the command line on $name', (target) => {
  let env: Record<string, string>
  let tearDown: () => Promise<void>
  beforeAll(async () => {
    ;({ env, tearDown } = await target.setUp())
    const seeded = await cli('demo', 'seed')
    if (seeded.code !== 0) throw new Error(seeded.err.join('\n'))
  })
  afterAll(async () => {
    await tearDown()
  })

  async function cli(...args: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { ...env })
    return { code, out, err }
  }

  const clean = dataSet(
    `clean-${target.name}`,
    [
      'case_ref,household_ref,district,referral_date,outcome,case_end_date,applicant_age',
      'T1,H1,Basildon Borough Council,01/04/2024,prevented,2024-06-01,34',
      'T2,H1,E07000073,2024-07-01,,,12',
    ].join('\n'),
    ['case_ref,household_ref,activity_date,activity_type', 'T1,,2024-04-02,mediation', ',H1,2024-08-01,referral', 'T9,,,other'].join('\n'),
  )

  it('imports a folder, says what it did, and does the same again without duplicating', async () => {
    const first = await cli('import', 'monitoring', clean, '--programme', PROGRAMME)
    expect(first.err).toEqual([])
    expect(first.code).toBe(0)
    expect(first.out).toEqual([
      `${PROGRAMME}: 2 cases imported (2 new, 0 updated), 3 activities (1 matching no case), 2 warnings raised as data-quality flags.`,
    ])
    const again = await cli('import', 'monitoring', clean, '--programme', PROGRAMME)
    expect(again.out).toEqual([
      `${PROGRAMME}: 2 cases imported (0 new, 2 updated), 3 activities (1 matching no case), 2 warnings raised as data-quality flags.`,
    ])
  })

  it('refuses a data set with errors, listing every one, and imports nothing', async () => {
    const bad = dataSet(
      `bad-${target.name}`,
      ['case_ref,district,referral_date', 'T3,Basildon Borough Council,31/02/2024', 'T4,,2024-01-01', 'T3,Nowhere,'].join('\n'),
    )
    const refused = await cli('import', 'monitoring', bad, '--programme', PROGRAMME)
    expect(refused.code).toBe(1)
    expect(refused.out).toEqual([])
    expect(refused.err.join('\n').split('\n')).toEqual([
      'Nothing was imported: the data has 3 errors.',
      "cases.csv row 2, column referral_date: '31/02/2024' is not a date: use YYYY-MM-DD or DD/MM/YYYY",
      "cases.csv row 4, column district: 'Nowhere' is not a local housing authority known to the platform: give its name or its ONS code",
      "cases.csv row 4, column case_ref: 'T3' is also the case_ref of row 2: each case_ref must be unique in the file",
    ])
    // Still the two cases of the clean import, nothing of this one.
    const out = path.join(work, `out-${target.name}`)
    const exported = await cli('export', 'monitoring', out, '--programme', PROGRAMME)
    expect(exported.code).toBe(0)
    const refs = fs
      .readFileSync(path.join(out, 'cases.csv'), 'utf8')
      .split('\n')
      .map((line) => line.split(',')[0])
    expect(refs).toContain('T1')
    expect(refs).not.toContain('T3')
    expect(refs).not.toContain('T4')
  })

  it('exports the programme, imported and casework-recorded cases alike', async () => {
    const out = path.join(work, `export-${target.name}`)
    const exported = await cli('export', 'monitoring', out, '--programme', PROGRAMME)
    expect(exported.err).toEqual([])
    expect(exported.out[0]).toMatch(new RegExp(`^${PROGRAMME}: [\\d,]+ cases and [\\d,]+ activities\\.$`))
    expect(exported.out.slice(1)).toEqual([`Wrote ${path.join(out, 'cases.csv')}`, `Wrote ${path.join(out, 'activities.csv')}`])
    const cases = fs.readFileSync(path.join(out, 'cases.csv'), 'utf8').trim().split('\n')
    expect(cases[0]?.startsWith('case_ref,household_ref,district,')).toBe(true)
    // The demonstration's mentors' cases come from casework; T1 and T2 were imported.
    expect(cases.length).toBeGreaterThan(3)
    expect(cases.filter((line) => /^T[12],/.test(line))).toHaveLength(2)
  })

  it('refuses an unknown programme, a missing folder and a missing --programme', async () => {
    expect(await cli('import', 'monitoring', clean, '--programme', 'Nonesuch')).toMatchObject({
      code: 1,
      err: ['No programme you may import into is called "Nonesuch"'],
    })
    expect(await cli('import', 'monitoring', path.join(work, 'nowhere'), '--programme', PROGRAMME)).toMatchObject({
      code: 1,
      err: [`There is no cases.csv in ${path.join(work, 'nowhere')}`],
    })
    expect((await cli('import', 'monitoring', clean)).code).toBe(2)
    expect((await cli('export', 'monitoring', '--programme', PROGRAMME)).code).toBe(2)
  })
})

describe('progress on the command line', () => {
  it('shows a line at each 5% of a large file, and none for a small one', () => {
    const lines: string[] = []
    const show = progressLines((l) => lines.push(l))
    for (let bytes = 0; bytes <= 10_000_000; bytes += 250_000) show({ file: 'cases.csv', rows: bytes / 100, bytes, totalBytes: 10_000_000 })
    show({ file: 'activities.csv', rows: 10, bytes: 1000, totalBytes: 1000 })
    expect(lines).toHaveLength(21)
    expect(lines[0]).toBe('cases.csv: 0% read (0 rows)')
    expect(lines[1]).toBe('cases.csv: 5% read (5,000 rows)')
    expect(lines.at(-1)).toBe('cases.csv: 100% read (100,000 rows)')
  })
})
