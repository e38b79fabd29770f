import { randomBytes } from 'node:crypto'
import { parseQuarter } from '../domain/hclic/quarter.ts'
import { seedDemoData, DemoDataRefusedError } from '../demo/seed.ts'
import { loadHclicConfiguration, type HclicConfiguration } from '../features/hclic/configuration.ts'
import { buildReturnFiles, writeReturnFiles } from '../features/hclic/export-files.ts'
import { describeFinding, validateFolder } from '../features/hclic/validate-files.ts'
import { evaluationReportCommand } from '../features/monitoring/report-command.ts'
import { importMonitoringCommand, exportMonitoringCommand } from '../features/monitoring/import-cli.ts'
import { RefusedError } from '../platform/refused.ts'
import { UsageError, type Command, type Values } from '../platform/command-line.ts'
import type { Services } from '../services.ts'
import { ownerDb } from '../db/modes.ts'
import { SYSTEM_ORIGIN } from '../platform/audit.ts'

const text = (values: Values, key: string): string | undefined => {
  const value = values[key]
  return typeof value === 'string' ? value : undefined
}

/** The council's schemas and codes, or why they cannot be used (UPSTREAM_DATA_DIR/hclic). */
async function hclicConfiguration(dataDir: string): Promise<HclicConfiguration> {
  const loaded = await loadHclicConfiguration(dataDir)
  if ('errors' in loaded) throw new RefusedError(`The H-CLIC configuration cannot be used:\n${loaded.errors.join('\n')}`)
  return loaded.configuration
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a')

export const COMMANDS: readonly Command<Services>[] = [
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
      // The pages' own case list, read as the person under row-level security: what they see, no more.
      const list = await services.casework.caseList(user.actor, {}, SYSTEM_ORIGIN)
      if (!list)
        throw new RefusedError(
          `${user.displayName} is ${article(user.role)} ${user.role.replace('_', ' ')}: their pages show no cases, so none are listed`,
        )
      if (list.cases.length === 0) out(`${user.displayName} can see no open cases.`)
      for (const c of list.cases) out(`${c.reference}\t${c.stage}\t${c.approached_on}\t${c.authority_name}`)
    },
  },
  {
    name: 'hclic export',
    usage: 'hclic export --authority CODE --quarter YYYY-QN --out FOLDER',
    summary: "writes the statutory return's case and personal-details files, checked against the schemas",
    options: { authority: { type: 'string' }, quarter: { type: 'string' }, out: { type: 'string' } },
    required: ['authority', 'quarter', 'out'],
    async run(values, { services, actor, out }) {
      const parsed = parseQuarter(text(values, 'quarter') ?? '')
      if ('error' in parsed) throw new RefusedError(parsed.error)
      const configuration = await hclicConfiguration(services.config.dataDir)
      const data = await services.hclic.quarterReturn(actor, text(values, 'authority') ?? '', parsed.quarter)
      if ('error' in data) throw new RefusedError(data.error)
      const { files, findings } = buildReturnFiles(
        { authorityCode: data.authority.code, cases: data.cases, personalDetails: data.personalDetails },
        parsed.quarter,
        configuration,
        services.clock.now(),
      )
      if (findings.length > 0)
        throw new RefusedError(
          `Nothing was written: the files do not meet the schema (${configuration.caseXsd.source}):\n${findings.map(describeFinding).join('\n')}`,
        )
      const written = await writeReturnFiles(text(values, 'out') ?? '', files)
      out(
        `${data.authority.name}, ${parsed.quarter.label}: ${String(data.cases.length)} cases and ${String(data.personalDetails.length)} people${configuration.officialCodes ? '' : ' (with our own codes: no official codes are configured)'}.`,
      )
      for (const file of written) out(`Wrote ${file}`)
    },
  },
  {
    name: 'hclic validate',
    usage: 'hclic validate FOLDER',
    summary: "checks the return's files in FOLDER against the schemas, listing every finding",
    options: {},
    positionals: true,
    async run(values, { services, out }) {
      const folder = text(values, '_0')
      if (folder === undefined || values['_1'] !== undefined) throw new UsageError('Give one folder to check')
      const configuration = await hclicConfiguration(services.config.dataDir)
      const { files, findings } = await validateFolder(folder, configuration)
      if (findings.length > 0)
        throw new RefusedError(
          `${String(findings.length)} ${findings.length === 1 ? 'problem' : 'problems'} found:\n${findings.map(describeFinding).join('\n')}`,
        )
      out(`${files.join(', ')}: valid.`)
    },
  },
  importMonitoringCommand,
  exportMonitoringCommand,
  {
    name: 'demo seed',
    usage: 'demo seed',
    summary: 'loads the demonstration data into an empty database',
    options: {},
    async run(_values, { services, out }) {
      try {
        const summary = await seedDemoData(ownerDb(services.database.db), { clock: services.clock })
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
  evaluationReportCommand,
]
