/**
 * Services and routes never touch the owner connection, which bypasses row-level security
 * (architecture.md, habit 1b). They hold it as an `OwnerDb` (src/db/modes.ts), which offers no query,
 * and reach the database through `asActor` (a request's work, under the policies) or `asSystem` (named
 * system work, recorded). The type stops `this.db.selectFrom(...)`; this rule stops the ways round it:
 *
 * - naming `Kysely` at all: a Kysely in hand is a connection not bound to an actor (a transaction
 *   handed over by asActor or asSystem is a `Transaction`);
 * - reaching the composition root's database (`services.database.db`, `database.db`) except to hand it
 *   straight to asActor or asSystem;
 * - unwrapping an OwnerDb with `connectionOf`, which is for src/db alone.
 *
 * Which files are services and routes is the configuration's business (eslint.config.js).
 */

/** The functions an owner connection may be handed to: each opens one of the two modes. */
const MODES = new Set(['asActor', 'asSystem', 'asSystemStream'])

/** @param {import('estree').Node | null | undefined} node */
function calleeName(node) {
  if (node?.type !== 'CallExpression') return undefined
  const callee = node.callee
  if (callee.type === 'Identifier') return callee.name
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid services and routes from using the owner connection except through asActor or asSystem' },
    messages: {
      kysely:
        'Do not hold a Kysely here: it is the owner connection, outside row-level security. Take an OwnerDb and use asActor(db, actor, work) or asSystem(db, reason, work); their work receives a Transaction.',
      database:
        'Pass {{ text }} straight to asActor or asSystem: used any other way it runs queries as the owner, outside row-level security.',
      unwrap: 'connectionOf unwraps the owner connection and is for src/db alone: use asActor or asSystem.',
    },
    schema: [],
  },
  create(context) {
    return {
      /** @param {any} node */
      TSTypeReference(node) {
        if (node.typeName.type === 'Identifier' && node.typeName.name === 'Kysely') context.report({ node, messageId: 'kysely' })
      },
      /** @param {import('estree').ImportDeclaration} node */
      ImportDeclaration(node) {
        for (const specifier of node.specifiers) {
          if (
            specifier.type === 'ImportSpecifier' &&
            specifier.imported.type === 'Identifier' &&
            specifier.imported.name === 'connectionOf'
          )
            context.report({ node: specifier, messageId: 'unwrap' })
        }
      },
      /** @param {import('estree').MemberExpression & { parent: import('estree').Node }} node */
      MemberExpression(node) {
        if (node.computed || node.property.type !== 'Identifier' || node.property.name !== 'db') return
        const object = node.object
        const isDatabase =
          (object.type === 'Identifier' && object.name === 'database') ||
          (object.type === 'MemberExpression' &&
            !object.computed &&
            object.property.type === 'Identifier' &&
            object.property.name === 'database')
        if (!isDatabase) return
        const parent = node.parent
        if (MODES.has(calleeName(parent) ?? '') && parent.type === 'CallExpression' && parent.arguments[0] === node) return
        context.report({ node, messageId: 'database', data: { text: context.sourceCode.getText(node) } })
      },
    }
  },
}
