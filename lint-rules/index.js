/**
 * Lint rules for Upstream's own invariants (architecture.md, habit 8): one rule for each promise the
 * code makes that a type checker cannot see.
 */
import noPersonalDataInLogs from './no-personal-data-in-logs.js'
import noSqlOutsideDataAccess from './no-sql-outside-data-access.js'
import noWallClock from './no-wall-clock.js'

export default {
  meta: { name: 'upstream' },
  rules: {
    'no-wall-clock': noWallClock,
    'no-sql-outside-data-access': noSqlOutsideDataAccess,
    'no-personal-data-in-logs': noPersonalDataInLogs,
  },
}
