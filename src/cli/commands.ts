import { randomBytes } from 'node:crypto'
import { seedDemoData, DemoDataRefusedError } from '../features/demo/seed.ts'
import { RefusedError } from '../platform/refused.ts'
import type { Command, Values } from './command.ts'

const text = (values: Values, key: string): string | undefined => {
  const value = values[key]
  return typeof value === 'string' ? value : undefined
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'organisation add',
    usage: 'organisation add --type TYPE --name NAME [--code CODE] [--parent NAME]',
    summary: 'adds an organisation',
    options: { type: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' }, parent: { type: 'string' } },
    required: ['type', 'name'],
    async run(values, { services, actor, out }) {
      const organisation = await services.organisations.add(
        { type: text(values, 'type') ?? '', name: text(values, 'name') ?? '', code: text(values, 'code'), parent: text(values, 'parent') },
        actor,
      )
      out(`Added ${organisation.name} (${organisation.type}${organisation.ons_code ? `, ${organisation.ons_code}` : ''}).`)
    },
  },
  {
    name: 'api-key create',
    usage: 'api-key create --organisation NAME [--person EMAIL]',
    summary: 'prints a new API key for a partner organisation, or for one of its officers (shown once)',
    options: { organisation: { type: 'string' }, person: { type: 'string' } },
    required: ['organisation'],
    async run(values, { services, actor, out }) {
      const { key, organisationName, personName } = await services.apiKeys.create(
        text(values, 'organisation') ?? '',
        actor,
        text(values, 'person'),
      )
      out(`New API key for ${personName ? `${personName} of ` : ''}${organisationName}. Store it now: it cannot be shown again.`)
      out(key)
    },
  },
  {
    name: 'user add',
    usage: 'user add --organisation NAME --email EMAIL --name NAME --role ROLE',
    summary: 'adds a person who works in an organisation, and prints a first password',
    options: { organisation: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    required: ['organisation', 'email', 'name', 'role'],
    async run(values, { services, actor, out }) {
      const password = randomBytes(12).toString('base64url')
      const user = await services.accounts.addUser(
        {
          organisationName: text(values, 'organisation') ?? '',
          email: text(values, 'email') ?? '',
          displayName: text(values, 'name') ?? '',
          role: text(values, 'role') ?? '',
          password,
        },
        actor,
      )
      out(
        `Added ${user.displayName} <${user.email}> as ${user.role} of ${user.organisationName}. First password (give it to them securely):`,
      )
      out(password)
    },
  },
  {
    name: 'cases list',
    usage: 'cases list --as EMAIL',
    summary: 'lists the open cases that person can see (the same rules as their pages)',
    options: { as: { type: 'string' } },
    required: ['as'],
    async run(values, { services, out }) {
      const user = await services.accounts.userByEmail(text(values, 'as') ?? '')
      if (!user) throw new RefusedError(`There is no active account with the email address ${text(values, 'as') ?? ''}`)
      const cases =
        user.role === 'caseworker' ? await services.casework.caseload(user.actor) : await services.casework.openCases(user.actor)
      if (cases.length === 0) out(`${user.displayName} can see no open cases.`)
      for (const c of cases) out(`${c.reference}\t${c.stage}\t${c.approached_on}\t${c.authority_name}`)
    },
  },
  {
    name: 'demo seed',
    usage: 'demo seed',
    summary: 'loads the demonstration data into an empty database',
    options: {},
    async run(_values, { services, out }) {
      try {
        const summary = await seedDemoData(services.database.db, { clock: services.clock })
        out(
          `Loaded the demonstration data: ${Object.entries(summary)
            .map(([table, count]) => `${String(count)} ${table}`)
            .join(', ')}.`,
        )
      } catch (error) {
        if (error instanceof DemoDataRefusedError) throw new RefusedError(error.message)
        throw error
      }
    },
  },
]
