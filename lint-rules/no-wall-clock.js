/**
 * Statutory dates are computed from one injected Clock, so tests and reports can fix "today". Reading
 * the machine's clock anywhere else makes a deadline depend on when the code happens to run.
 *
 * Where the real time is wanted (the clock itself, benchmarks, browser tests) the configuration turns
 * this rule off for those files; the rule itself knows no file names.
 */

/**
 * js-joda's types whose static now() reads the machine's clock (with or without a zone or a js-joda
 * Clock: the injected Clock is not one).
 */
const JODA_TEMPORALS = new Set([
  'Instant',
  'LocalDate',
  'LocalDateTime',
  'LocalTime',
  'MonthDay',
  'OffsetDateTime',
  'OffsetTime',
  'Year',
  'YearMonth',
  'ZonedDateTime',
])

/**
 * The name a member call is made on, `X` in `X.now()` or `joda.X.now()`, or null.
 * @param {import('estree').Node} object
 * @returns {string | null}
 */
function receiverName(object) {
  if (object.type === 'Identifier') return object.name
  if (object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier') return object.property.name
  return null
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid new Date(), Date(), Date.now() and js-joda now() outside the clock' },
    messages: {
      wallClock:
        'Do not read the wall clock here ({{ what }}): take the injected Clock (platform/clock.ts) and use clock.now() or clock.today().',
    },
    schema: [],
  },
  create(context) {
    return {
      NewExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'Date' && node.arguments.length === 0) {
          context.report({ node, messageId: 'wallClock', data: { what: 'new Date()' } })
        }
      },
      CallExpression(node) {
        const callee = node.callee
        if (callee.type === 'Identifier' && callee.name === 'Date') {
          // Called without `new`, Date() is the current time as a string.
          context.report({ node, messageId: 'wallClock', data: { what: 'Date()' } })
        } else if (
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'Date' &&
          !callee.computed &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'now'
        ) {
          context.report({ node, messageId: 'wallClock', data: { what: 'Date.now()' } })
        } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
          const name = receiverName(callee.object)
          if (name === null) return
          if (callee.property.name === 'now' && JODA_TEMPORALS.has(name)) {
            context.report({ node, messageId: 'wallClock', data: { what: `${name}.now()` } })
          } else if (name === 'Clock' && (callee.property.name === 'systemUTC' || callee.property.name === 'systemDefaultZone')) {
            // js-joda's own system clocks: the same wall clock, one step removed.
            context.report({ node, messageId: 'wallClock', data: { what: `Clock.${callee.property.name}()` } })
          }
        }
      },
    }
  },
}
