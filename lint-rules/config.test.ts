import { ESLint, type Linter } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The rules know no file names: eslint.config.js decides where each applies. These check that decision,
 * because a mistyped glob would switch a rule off without anyone noticing.
 */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname })

async function isOn(rule: string, file: string): Promise<boolean> {
  const config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined
  const setting = config?.rules?.[rule]
  const severity = Array.isArray(setting) ? setting[0] : setting
  return severity === 2 || severity === 'error'
}

describe('where the project rules apply', () => {
  it.each([
    ['src/features/casework/service.ts', true],
    ['src/features/casework/routes.ts', true],
    ['src/domain/referrals.ts', true],
    ['src/platform/audit.ts', true],
    ['src/platform/http/session-store.ts', true],
    ['src/features/api/api-keys.ts', true],
    ['scripts/check-cycles.ts', true],
    ['src/features/casework/queries.ts', false],
    ['src/platform/audit-queries.ts', false],
    ['src/platform/http/session-queries.ts', false],
    ['src/db/database.ts', false],
    ['src/db/migrations/0001_foundation.ts', false],
    ['src/test-support/world.ts', false],
    ['src/platform/access.int.test.ts', false],
    ['bench/start.ts', false],
    ['e2e/start.spec.ts', false],
  ])('no-sql-outside-db in %s: %s', async (file, on) => {
    expect(await isOn('upstream/no-sql-outside-db', file)).toBe(on)
  })

  it.each([
    ['src/features/casework/service.ts', true],
    ['src/domain/referrals.ts', true],
    ['src/platform/clock.ts', false],
    ['src/platform/clock.test.ts', true],
    ['bench/start.ts', false],
    ['scripts/prepare.ts', false],
    ['e2e/start.spec.ts', false],
  ])('no-wall-clock in %s: %s', async (file, on) => {
    expect(await isOn('upstream/no-wall-clock', file)).toBe(on)
  })

  it.each([
    ['src/features/casework/service.ts', true],
    ['src/platform/logging.ts', true],
    ['src/cli/main.ts', false],
    ['src/server.ts', false],
    ['scripts/check-cycles.ts', false],
  ])('no-console in %s: %s', async (file, on) => {
    expect(await isOn('no-console', file)).toBe(on)
  })

  it.each(['src/app.ts', 'e2e/start.spec.ts', 'scripts/check-cycles.ts', 'lint-rules/config.test.ts'])(
    'no-personal-data-in-logs in %s',
    async (file) => {
      expect(await isOn('upstream/no-personal-data-in-logs', file)).toBe(true)
    },
  )

  it.each([
    ['src/features/hclic/service.ts', true],
    ['src/features/casework/routes.ts', true],
    ['src/platform/http/session-store.ts', true],
    ['src/features/hclic/queries.ts', false],
    ['src/features/monitoring/import-queries.ts', false],
    ['src/platform/http/session-queries.ts', false],
    ['src/features/hclic/quarter-return.int.test.ts', false],
    ['src/services.ts', false],
    ['src/db/modes.ts', false],
  ])('no-owner-connection in %s: %s', async (file, on) => {
    expect(await isOn('upstream/no-owner-connection', file)).toBe(on)
  })
})
