/**
 * Logs travel further than the database (log shippers, support tickets, screenshots) and are not
 * covered by row-level security or the audit trail, so they never carry a person's details: log ids
 * and codes instead.
 *
 * The rule looks at the arguments of logger calls (`.info`, `.warn`, `.error`, `.debug`, `.trace` and
 * `.fatal` on anything whose name ends in `log` or `logger`) for object keys, properties and variables
 * named like personal data, however deeply they are nested.
 */

const PERSONAL = new Set(
  [
    'name',
    'givenName',
    'familyName',
    'firstName',
    'lastName',
    'fullName',
    'displayName',
    'email',
    'emailAddress',
    'dateOfBirth',
    'dob',
    'phone',
    'phoneNumber',
    'telephone',
    'address',
    'postcode',
    'niNumber',
    'nationalInsuranceNumber',
    'nhsNumber',
  ].map(normalise),
)
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])
const LOGGER = /log(ger)?$/i

/**
 * given_name, givenName and GivenName are the same field.
 *
 * @param {string} name
 */
function normalise(name) {
  return name.replaceAll('_', '').toLowerCase()
}

/** @param {string | undefined} name */
function isPersonal(name) {
  return name !== undefined && PERSONAL.has(normalise(name))
}

/**
 * The name of a property or key written `a.name`, `a['name']`, `{ name: x }` or `{ 'name': x }`.
 *
 * @param {import('estree').Node} node
 * @param {boolean} computed
 * @returns {string | undefined}
 */
function staticName(node, computed) {
  if (node.type === 'Identifier' && !computed) return node.name
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  return undefined
}

/** @param {import('estree').Node} node */
function isLogger(node) {
  if (node.type === 'Identifier') return LOGGER.test(node.name)
  if (node.type === 'MemberExpression') return LOGGER.test(staticName(node.property, node.computed) ?? '')
  return false
}

/**
 * TypeScript wrappers around an expression (`x as T`, `x!`, `x satisfies T`): only the expression can
 * carry data; the type cannot.
 */
const TYPE_WRAPPERS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
])

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: "forbid a person's details in log calls" },
    messages: {
      personalData:
        "Do not log '{{ field }}': logs are kept and copied without the protection the records have (row-level security, the audit trail, retention), so a person's details must never reach them. Log an id or a code instead.",
    },
    schema: [],
  },
  create(context) {
    const visitorKeys = context.sourceCode.visitorKeys

    /**
     * @param {import('estree').Node} node
     * @param {string} field
     */
    function report(node, field) {
      context.report({ node, messageId: 'personalData', data: { field } })
    }

    /**
     * Walks one argument of a logger call. Typed loosely: TypeScript's own nodes are not in ESTree.
     *
     * @param {any} node
     */
    function check(node) {
      if (node === null || typeof node !== 'object' || typeof node.type !== 'string') return
      /** @type {import('estree').Node} */
      const estree = node
      switch (estree.type) {
        case 'Identifier':
          if (isPersonal(estree.name)) report(estree, estree.name)
          return
        case 'MemberExpression': {
          const field = staticName(estree.property, estree.computed)
          if (isPersonal(field)) report(estree.property, field ?? '')
          check(estree.object)
          if (estree.computed) check(estree.property)
          return
        }
        case 'Property': {
          const field = staticName(estree.key, estree.computed)
          if (isPersonal(field)) {
            report(estree, field ?? '')
            return
          }
          if (estree.computed) check(estree.key)
          check(estree.value)
          return
        }
        // A function passed to a logger is not called with the data in sight; its parameters are not data.
        case 'ArrowFunctionExpression':
        case 'FunctionExpression':
          return
      }
      if (TYPE_WRAPPERS.has(node.type)) {
        check(node.expression)
        return
      }
      // Types say nothing about what is logged.
      if (node.type.startsWith('TS')) return
      for (const key of visitorKeys[node.type] ?? []) {
        const child = node[key]
        if (Array.isArray(child)) child.forEach(check)
        else check(child)
      }
    }

    return {
      CallExpression(node) {
        const callee = node.callee
        if (callee.type !== 'MemberExpression' || !LOG_METHODS.has(staticName(callee.property, callee.computed) ?? '')) return
        if (isLogger(callee.object)) node.arguments.forEach(check)
      },
    }
  },
}
