import plugin from './index.js'
import { ruleTester } from './rule-tester.ts'

ruleTester.run('no-owner-connection', plugin.rules['no-owner-connection'], {
  valid: [
    'class S { constructor(deps: { db: OwnerDb }) { this.db = deps.db } }',
    'await asActor(this.db, actor, (trx) => findCase(trx, reference))',
    "await asSystem(this.db, 'nightly checks', (trx: Transaction<DB>) => listAuthorities(trx))",
    'await asSystem(services.database.db, reason, (trx) => insertRun(trx, run))',
    'await asActor(services.database.db, actor, (trx) => latestRun(trx, code))',
    'for await (const c of asSystemStream(this.db, READ, (db) => importedCases(db, ids))) yield c',
    'const read = async (trx: Transaction<DB>) => caseRows(trx, id)',
    "import { asSystem, type OwnerDb } from '../../db/modes.ts'",
    // Other things called db are not the composition root's database.
    'const name = options.db',
  ],
  invalid: [
    { code: 'class S { private readonly db: Kysely<DB> }', errors: [{ messageId: 'kysely' }] },
    { code: 'function f(deps: { db: Kysely<DB> }) {}', errors: [{ messageId: 'kysely' }] },
    { code: 'const read = async (db: Kysely<DB>) => rows(db)', errors: [{ messageId: 'kysely' }] },
    { code: 'await insertRun(services.database.db, run)', errors: [{ messageId: 'database', data: { text: 'services.database.db' } }] },
    { code: 'const db = database.db', errors: [{ messageId: 'database', data: { text: 'database.db' } }] },
    {
      code: 'await asActor(actor, services.database.db, work)',
      errors: [{ messageId: 'database', data: { text: 'services.database.db' } }],
    },
    { code: "import { connectionOf } from '../../db/modes.ts'", errors: [{ messageId: 'unwrap' }] },
  ],
})
