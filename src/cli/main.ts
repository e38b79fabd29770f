/**
 * The command line: `npm run cli -- COMMAND ...`. It uses the same database and the same services as
 * the server. Exit status: 0 done, 1 refused or failed (with a plain-English message on standard error),
 * 2 a usage error.
 */
import { parseArgs } from 'node:util'
import os from 'node:os'
import { DataDirLockedError } from '../db/data-dir-lock.ts'
import { DatabaseUnavailableError, openDatabase } from '../db/database.ts'
import { MigrationError, migrateToLatest } from '../db/migrator.ts'
import type { SystemActor } from '../platform/audit.ts'
import { systemClock } from '../platform/clock.ts'
import { ConfigError, loadConfig } from '../platform/config.ts'
import { createLogger } from '../platform/logging.ts'
import { RefusedError } from '../platform/refused.ts'
import { createServices } from '../services.ts'
import { UsageError, type Command, type Values } from '../platform/command-line.ts'
import type { Services } from '../services.ts'
import { COMMANDS } from './commands.ts'

export { UsageError }

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(84)} ${c.summary}`)
  return `Usage: npm run cli -- COMMAND [OPTIONS]\n\nCommands:\n${lines.join('\n')}\n`
}

function findCommand(argv: string[]): { command: Command<Services>; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.name.split(' ')
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) }
  }
  return undefined
}

export async function runCli(
  argv: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(usage())
    return argv.length === 0 ? 2 : 0
  }
  const found = findCommand(argv)
  if (!found) {
    io.err(`Unknown command "${argv.join(' ')}".\n\n${usage()}`)
    return 2
  }
  let values: Values
  try {
    const parsed = parseArgs({
      args: found.rest,
      options: found.command.options,
      allowPositionals: found.command.positionals ?? false,
      strict: true,
    })
    values = { ...(parsed.values as Values) }
    parsed.positionals.forEach((value, index) => (values[`_${String(index)}`] = value))
    for (const required of found.command.required ?? []) {
      if (values[required] === undefined || values[required] === '') throw new UsageError(`--${required} is required`)
    }
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: npm run cli -- ${found.command.usage}`)
    return 2
  }

  let database
  try {
    const config = loadConfig(env)
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'command line' })
    await migrateToLatest(database.db)
    const services = createServices({
      config,
      clock: systemClock,
      database,
      logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
    })
    const actor: SystemActor = { kind: 'system', organisationId: null, label: `Command line (${os.userInfo().username}@${os.hostname()})` }
    await found.command.run(values, { services, actor, out: io.out, err: io.err })
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: npm run cli -- ${found.command.usage}`)
      return 2
    }
    if ([RefusedError, ConfigError, DatabaseUnavailableError, DataDirLockedError, MigrationError].some((kind) => error instanceof kind)) {
      io.err((error as Error).message)
      return 1
    }
    io.err(`The command failed because of an unexpected error: ${(error as Error).message}`)
    return 1
  } finally {
    await database?.close()
  }
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2), {
    out: (line) => {
      console.log(line)
    },
    err: (line) => {
      console.error(line)
    },
  })
  process.exitCode = code
}
