/**
 * SQL lives in the data-access modules (src/db and each feature's queries.ts or *-queries.ts), where
 * row-level security and the acting organisation are easy to see and review. Services, routes and
 * domain rules call small named query functions instead of building queries themselves.
 *
 * Which files are data-access modules is the configuration's business (`files` and `ignores` in
 * eslint.config.js); the rule itself knows no file names.
 */

/** Kysely's ways of writing SQL by hand. */
const RAW_SQL_IMPORTS = new Set(['sql', 'CompiledQuery'])

/** Methods on Kysely (and Transaction) that start a query. */
const QUERY_BUILDER_ENTRY_POINTS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'with', 'replaceInto', 'mergeInto'])

/**
 * `with` is also an array method (`list.with(index, value)`), so it counts as the start of a query only
 * when it looks like Kysely's: a common table expression's name, or a callback that builds it.
 *
 * @param {import('estree').CallExpression} node
 */
function looksLikeCommonTableExpression(node) {
  const [name, expression] = node.arguments
  return (
    (name?.type === 'Literal' && typeof name.value === 'string') ||
    name?.type === 'TemplateLiteral' ||
    expression?.type === 'ArrowFunctionExpression' ||
    expression?.type === 'FunctionExpression'
  )
}

/**
 * @param {import('estree').Identifier | import('estree').Literal} node
 * @returns {string | undefined}
 */
function nameOf(node) {
  if (node.type === 'Identifier') return node.name
  return typeof node.value === 'string' ? node.value : undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid SQL and query building outside the data-access modules' },
    messages: {
      rawSql:
        "Do not write SQL here ({{ name }} from 'kysely'): put the query in the feature's queries.ts (or src/db) and call it by name.",
      queryBuilder:
        "Do not build queries here ({{ method }}): put the query in the feature's queries.ts (or src/db) as a named function taking the database or transaction, and call that.",
    },
    schema: [],
  },
  create(context) {
    /** @param {import('estree').ImportDeclaration | import('estree').ExportNamedDeclaration} node */
    function checkSpecifiers(node) {
      if (node.source?.value !== 'kysely') return
      for (const specifier of node.specifiers) {
        const imported =
          specifier.type === 'ImportSpecifier' ? specifier.imported : specifier.type === 'ExportSpecifier' ? specifier.local : null
        const name = imported ? nameOf(imported) : undefined
        if (name !== undefined && RAW_SQL_IMPORTS.has(name)) {
          context.report({ node: specifier, messageId: 'rawSql', data: { name } })
        }
      }
    }
    return {
      ImportDeclaration: checkSpecifiers,
      ExportNamedDeclaration: checkSpecifiers,
      CallExpression(node) {
        const callee = node.callee
        if (callee.type !== 'MemberExpression') return
        const property = callee.property
        const method =
          !callee.computed && property.type === 'Identifier' ? property.name : property.type === 'Literal' ? nameOf(property) : undefined
        if (method === undefined || !QUERY_BUILDER_ENTRY_POINTS.has(method)) return
        if (method !== 'with' || looksLikeCommonTableExpression(node)) {
          context.report({ node: property, messageId: 'queryBuilder', data: { method } })
        }
      },
    }
  },
}
