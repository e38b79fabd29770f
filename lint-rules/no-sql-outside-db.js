/**
 * SQL lives in the data-access modules (src/db and each feature's queries.ts), where row-level security
 * and the acting organisation are easy to see and review. Services, routes and domain rules call named
 * query functions instead of building queries themselves.
 *
 * @type {import('eslint').Rule.RuleModule}
 */
const QUERY_BUILDER_ENTRY_POINTS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'])

export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid SQL and query building outside the data-access modules' },
    messages: {
      rawSql: "Do not write SQL here: put it in the feature's queries.ts (or src/db) and call it by name.",
      queryBuilder: "Do not build queries here ({{ method }}): put the query in the feature's queries.ts (or src/db) and call it by name.",
    },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'kysely') return
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier' && specifier.imported.name === 'sql') {
            context.report({ node: specifier, messageId: 'rawSql' })
          }
        }
      },
      CallExpression(node) {
        const callee = node.callee
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          QUERY_BUILDER_ENTRY_POINTS.has(callee.property.name)
        ) {
          context.report({ node: callee.property, messageId: 'queryBuilder', data: { method: callee.property.name } })
        }
      },
    }
  },
}
