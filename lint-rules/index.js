/**
 * Lint rules for Upstream's own invariants (architecture.md, habit 8): one rule for each promise the
 * code makes that a type checker cannot see. Where each rule applies is set in eslint.config.js.
 */
import noOwnerConnection from './no-owner-connection.js'
import noPersonalDataInLogs from './no-personal-data-in-logs.js'
import noSqlOutsideDb from './no-sql-outside-db.js'
import noWallClock from './no-wall-clock.js'

export default {
  meta: { name: 'upstream' },
  rules: {
    'no-wall-clock': noWallClock,
    'no-sql-outside-db': noSqlOutsideDb,
    'no-personal-data-in-logs': noPersonalDataInLogs,
    'no-owner-connection': noOwnerConnection,
  },
}
