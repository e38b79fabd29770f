import plugin from './index.js'
import { ruleTester } from './rule-tester.ts'

ruleTester.run('no-wall-clock', plugin.rules['no-wall-clock'], {
  valid: [
    'const due = new Date(clock.now().getTime() + 1000)',
    "const start = new Date('2026-03-01T00:00:00Z')",
    'const copy = new Date(row.created_at)',
    'const today = clock.today()',
    'const t = clock.now()',
    'const other = timer.now()',
    'const parsed = Date.parse(text)',
    'const utc = Date.UTC(2026, 2, 1)',
    'class Clock { now(): Date { return this.fixed } }',
  ],
  invalid: [
    { code: 'const d = new Date()', errors: [{ messageId: 'wallClock', data: { what: 'new Date()' } }] },
    { code: 'const d = new Date', errors: [{ messageId: 'wallClock', data: { what: 'new Date()' } }] },
    { code: 'const t = Date.now()', errors: [{ messageId: 'wallClock', data: { what: 'Date.now()' } }] },
    { code: 'const s = Date()', errors: [{ messageId: 'wallClock', data: { what: 'Date()' } }] },
    { code: 'const d = new Date(Date.now() + 60_000)', errors: [{ messageId: 'wallClock', data: { what: 'Date.now()' } }] },
    {
      code: 'function age(dob: Date) { return new Date().getFullYear() - dob.getFullYear() }',
      errors: [{ message: /injected Clock/ }],
    },
  ],
})
