import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../../cli/commands.ts'
import { UsageError, type Values } from '../../platform/command-line.ts'
import { testDatabaseKinds } from '../../db/testing.ts'
import { evaluationCsv } from '../../domain/monitoring/report-csv.ts'
import type { EvaluationReport } from '../../domain/monitoring/report-model.ts'
import { TABLE_TITLES } from '../../domain/monitoring/report-labels.ts'
import type { SystemActor } from '../../platform/audit.ts'
import { RefusedError } from '../../platform/refused.ts'
import { useWorld } from '../../test-support/world.ts'
import { addEssexUpstream } from '../../test-support/monitoring-report-data.ts'

const system: SystemActor = { kind: 'system', organisationId: null, label: 'Command line (test)' }

describe.each(testDatabaseKinds())('npm run cli -- report evaluation on $name', (kind) => {
  const world = useWorld(kind)
  beforeAll(() => addEssexUpstream(world()))

  const command = COMMANDS.find((c) => c.name === 'report evaluation')
  async function run(values: Values): Promise<string[]> {
    if (!command) throw new Error('no report evaluation command')
    const out: string[] = []
    await command.run(values, { services: world().services, actor: system, out: (line) => out.push(line), err: () => undefined })
    return out
  }

  it('prints the report as JSON, filtered by programme, dates and district', async () => {
    const all = JSON.parse((await run({ 'as-of': '2026-01-31' })).join('\n')) as EvaluationReport
    expect(all.asOf).toBe('2026-01-31')
    expect(all.filters).toEqual({ programme: ['Essex Upstream'], from: null, to: null, districts: [] })
    expect(all.tables.summary).toMatchObject({ total: 2, repeat: 1 })

    const some = JSON.parse(
      (
        await run({
          programme: ['essex upstream'],
          from: '2025-12-01',
          to: '2025-12-31',
          district: ['Harlow Council', 'E07000066'],
          'as-of': '2026-01-31',
        })
      ).join('\n'),
    ) as EvaluationReport
    expect(some.filters).toEqual({
      programme: ['Essex Upstream'],
      from: '2025-12-01',
      to: '2025-12-31',
      districts: ['Basildon Borough Council', 'Harlow Council'],
    })
    expect(some.tables.summary).toMatchObject({ total: 1, repeat: 1 })
    expect(some.tables.cases_by_district.rows.map((r) => [r.key, r.n])).toEqual([
      ['basildon', 0],
      ['harlow', 1],
    ])
  })

  it('writes CSV and a self-contained HTML file with --out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-report-'))
    try {
      const json = JSON.parse((await run({ 'as-of': '2026-01-31' })).join('\n')) as EvaluationReport
      const csvFile = path.join(dir, 'report.csv')
      expect(await run({ 'as-of': '2026-01-31', format: 'csv', out: csvFile })).toEqual([`Wrote ${csvFile}: 2 cases of Essex Upstream.`])
      expect(fs.readFileSync(csvFile, 'utf8')).toBe(evaluationCsv(json))

      const htmlFile = path.join(dir, 'report.html')
      await run({ 'as-of': '2026-01-31', format: 'html', out: htmlFile })
      const html = fs.readFileSync(htmlFile, 'utf8')
      expect(html).toMatch(/^<!DOCTYPE html>/)
      for (const title of Object.values(TABLE_TITLES)) expect(html).toContain(`<caption>${title}</caption>`)
      expect(html).toContain('<svg role="img"')
      expect(html).not.toMatch(/<link |<script/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a bad date, an unknown programme and an unknown format', async () => {
    await expect(run({ from: '2025-13-01' })).rejects.toThrow(new RefusedError('--from must be a real date'))
    await expect(run({ 'as-of': '31/01/2026' })).rejects.toThrow(new RefusedError('--as-of must be a date like 2024-03-31'))
    await expect(run({ programme: ['Nowhere'] })).rejects.toThrow(new RefusedError('No programme you may see is called "Nowhere"'))
    await expect(run({ format: 'xml' })).rejects.toThrow(UsageError)
  })
})
