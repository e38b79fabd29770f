import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import plugin from './index.js'

RuleTester.describe = describe
RuleTester.it = it
const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } })

tester.run('no-wall-clock', plugin.rules['no-wall-clock'], {
  valid: ['const d = new Date(clock.now().getTime() + 1000)', "new Date('2026-03-01T00:00:00Z')", 'clock.today()', 'other.now()'],
  invalid: [
    { code: 'const d = new Date()', errors: [{ messageId: 'wallClock' }] },
    { code: 'const t = Date.now()', errors: [{ messageId: 'wallClock' }] },
  ],
})

tester.run('no-sql-outside-data-access', plugin.rules['no-sql-outside-data-access'], {
  valid: ["import { Kysely } from 'kysely'", 'await findCase(db, id)', 'list.select(x)'],
  invalid: [
    { code: "import { sql } from 'kysely'", errors: [{ messageId: 'rawSql' }] },
    { code: "await db.selectFrom('cases').selectAll().execute()", errors: [{ messageId: 'queryBuilder' }] },
    { code: "await trx.insertInto('audit_events').values(row).execute()", errors: [{ messageId: 'queryBuilder' }] },
    { code: "await db.updateTable('cases').set(x).execute()", errors: [{ messageId: 'queryBuilder' }] },
    { code: "await db.deleteFrom('sessions').execute()", errors: [{ messageId: 'queryBuilder' }] },
  ],
})

tester.run('no-personal-data-in-logs', plugin.rules['no-personal-data-in-logs'], {
  valid: [
    "logger.info({ caseId: c.id, stage: c.stage }, 'case opened')",
    "deps.logger.warn({ err: error }, 'single sign-on failed')",
    // Not a logger: a person's name may go to a page or a letter.
    'res.render(view, { name: person.name })',
    "console.info('ready')",
  ],
  invalid: [
    { code: "logger.info({ email: user.email }, 'signed in')", errors: [{ messageId: 'personalData' }] },
    { code: 'log.warn(`could not reach ${person.phone}`)', errors: [{ messageId: 'personalData' }] },
    { code: "this.logger.error({ person: { given_name: 'x' } }, 'bad')", errors: [{ messageId: 'personalData' }] },
    { code: "deps.logger.debug('applicant ' + applicant.dateOfBirth)", errors: [{ messageId: 'personalData' }] },
    { code: 'logger.info({ ...person.address })', errors: [{ messageId: 'personalData' }] },
  ],
})
