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
    "const due = LocalDate.parse('2026-03-01').plusDays(56)",
    'const today = LocalDate.ofInstant(Instant.ofEpochMilli(clock.now().getTime()), LONDON)',
    'const t = performance.now()',
    'const d = row.LocalDate.now',
    'const c = Clock.fixed(instant, LONDON)',
  ],
  invalid: [
    { code: 'const d = new Date()', errors: [{ messageId: 'wallClock', data: { what: 'new Date()' } }] },
    { code: 'const d = new Date', errors: [{ messageId: 'wallClock', data: { what: 'new Date()' } }] },
    { code: 'const t = Date.now()', errors: [{ messageId: 'wallClock', data: { what: 'Date.now()' } }] },
    { code: 'const s = Date()', errors: [{ messageId: 'wallClock', data: { what: 'Date()' } }] },
    { code: 'const d = new Date(Date.now() + 60_000)', errors: [{ messageId: 'wallClock', data: { what: 'Date.now()' } }] },
    ...['LocalDate', 'LocalDateTime', 'ZonedDateTime', 'Instant', 'LocalTime', 'Year', 'YearMonth', 'MonthDay', 'OffsetDateTime'].map(
      (type) => ({ code: `const t = ${type}.now()`, errors: [{ messageId: 'wallClock' as const, data: { what: `${type}.now()` } }] }),
    ),
    { code: 'const t = LocalDate.now(LONDON)', errors: [{ messageId: 'wallClock', data: { what: 'LocalDate.now()' } }] },
    {
      code: "const t = ZonedDateTime.now(ZoneId.of('Europe/London'))",
      errors: [{ messageId: 'wallClock', data: { what: 'ZonedDateTime.now()' } }],
    },
    { code: 'const t = joda.LocalDate.now()', errors: [{ messageId: 'wallClock', data: { what: 'LocalDate.now()' } }] },
    {
      code: 'const t = LocalDate.now(Clock.systemUTC())',
      errors: [{ messageId: 'wallClock' }, { messageId: 'wallClock', data: { what: 'Clock.systemUTC()' } }],
    },
    { code: 'const c = Clock.systemDefaultZone()', errors: [{ messageId: 'wallClock', data: { what: 'Clock.systemDefaultZone()' } }] },
    {
      code: 'function age(dob: Date) { return new Date().getFullYear() - dob.getFullYear() }',
      errors: [{ message: /injected Clock/ }],
    },
  ],
})
