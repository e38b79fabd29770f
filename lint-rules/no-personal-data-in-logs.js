/**
 * Logs travel further than the database (log shippers, support tickets, screenshots) and are not
 * covered by row-level security or the audit trail, so they never carry a person's details: log ids
 * and codes instead.
 *
 * @type {import('eslint').Rule.RuleModule}
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
    'dateOfBirth',
    'dob',
    'phone',
    'telephone',
    'address',
    'postcode',
    'niNumber',
    'nationalInsuranceNumber',
    'nhsNumber',
  ].map(normalise),
)
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])

/** given_name, givenName and GivenName are the same field. */
function normalise(name) {
  return name.replaceAll('_', '').toLowerCase()
}

function isLogger(node) {
  return (
    (node.type === 'Identifier' && /log(ger)?$/i.test(node.name)) ||
    (node.type === 'MemberExpression' && node.property.type === 'Identifier' && /log(ger)?$/i.test(node.property.name))
  )
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "forbid a person's details in log calls" },
    messages: {
      personalData: "Do not log '{{ field }}': logs are not protected like the records are. Log an id or a code instead.",
    },
    schema: [],
  },
  create(context) {
    function check(node) {
      if (!node) return
      if (node.type === 'Identifier' && PERSONAL.has(normalise(node.name))) {
        context.report({ node, messageId: 'personalData', data: { field: node.name } })
      } else if (node.type === 'MemberExpression') {
        if (node.property.type === 'Identifier' && PERSONAL.has(normalise(node.property.name))) {
          context.report({ node, messageId: 'personalData', data: { field: node.property.name } })
        }
      } else if (node.type === 'ObjectExpression') {
        for (const property of node.properties) {
          if (property.type === 'SpreadElement') check(property.argument)
          else if (property.key.type === 'Identifier' && PERSONAL.has(normalise(property.key.name))) {
            context.report({ node: property, messageId: 'personalData', data: { field: property.key.name } })
          } else check(property.value)
        }
      } else if (node.type === 'TemplateLiteral') {
        node.expressions.forEach(check)
      } else if (node.type === 'BinaryExpression') {
        check(node.left)
        check(node.right)
      }
    }
    return {
      CallExpression(node) {
        const callee = node.callee
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          LOG_METHODS.has(callee.property.name) &&
          isLogger(callee.object)
        ) {
          node.arguments.forEach(check)
        }
      },
    }
  },
}
