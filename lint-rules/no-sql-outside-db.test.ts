import plugin from './index.js'
import { ruleTester } from './rule-tester.ts'

ruleTester.run('no-sql-outside-db', plugin.rules['no-sql-outside-db'], {
  valid: [
    "import { Kysely, type Transaction } from 'kysely'",
    "import type { Insertable } from 'kysely'",
    "import { sql } from './somewhere-else.ts'",
    'const found = await findCase(db, id)',
    'await db.transaction().execute((trx) => insertAuditEvent(trx, event))',
    'const chosen = list.select(x)',
    // Array.prototype.with is not a common table expression.
    'const changed = items.with(index, value)',
    'const changed = items.with(0, replacement)',
  ],
  invalid: [
    { code: "import { sql } from 'kysely'", errors: [{ messageId: 'rawSql', data: { name: 'sql' } }] },
    { code: "import { Kysely, sql as raw } from 'kysely'", errors: [{ messageId: 'rawSql', data: { name: 'sql' } }] },
    { code: "import { CompiledQuery } from 'kysely'", errors: [{ messageId: 'rawSql', data: { name: 'CompiledQuery' } }] },
    { code: "export { sql } from 'kysely'", errors: [{ messageId: 'rawSql', data: { name: 'sql' } }] },
    {
      code: "const rows = await db.selectFrom('cases').selectAll().execute()",
      errors: [{ messageId: 'queryBuilder', data: { method: 'selectFrom' } }],
    },
    {
      code: "await trx.insertInto('audit_events').values(row).execute()",
      errors: [{ messageId: 'queryBuilder', data: { method: 'insertInto' } }],
    },
    { code: "await db.updateTable('cases').set(x).execute()", errors: [{ messageId: 'queryBuilder', data: { method: 'updateTable' } }] },
    { code: "await db.deleteFrom('sessions').execute()", errors: [{ messageId: 'queryBuilder', data: { method: 'deleteFrom' } }] },
    { code: "await db.replaceInto('t').values(v).execute()", errors: [{ messageId: 'queryBuilder', data: { method: 'replaceInto' } }] },
    {
      code: "await db.mergeInto('t').using('s', 'a', 'b').execute()",
      errors: [{ messageId: 'queryBuilder', data: { method: 'mergeInto' } }],
    },
    {
      code: "await this.deps.db['selectFrom']('cases').execute()",
      errors: [{ messageId: 'queryBuilder', data: { method: 'selectFrom' } }],
    },
    {
      code: "await db.with('open', (q) => q.selectFrom('cases')).selectFrom('open').execute()",
      errors: [
        { messageId: 'queryBuilder', data: { method: 'with' } },
        { messageId: 'queryBuilder', data: { method: 'selectFrom' } },
        { messageId: 'queryBuilder', data: { method: 'selectFrom' } },
      ],
    },
    { code: 'await db.with(name, (q) => build(q)).execute()', errors: [{ messageId: 'queryBuilder', data: { method: 'with' } }] },
  ],
})
