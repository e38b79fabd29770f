/**
 * Starts Upstream: `npm start`. Opens (or creates) the database, brings it up to date, loads the
 * demonstration data the first time in development, and serves http://localhost:3000.
 */
import type { Server } from 'node:http'
import { buildAssets } from '../scripts/build-assets.ts'
import { createApp } from './app.ts'
import { DataDirLockedError } from './db/data-dir-lock.ts'
import { DatabaseUnavailableError, openDatabase, type Database } from './db/database.ts'
import { MigrationError, migrateToLatest } from './db/migrator.ts'
import { scheduleNightlyValidation } from './features/hclic/nightly.ts'
import { countOrganisations } from './features/organisations/queries.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/generate.ts'
import { seedDemoData } from './demo/seed.ts'
import { systemClock } from './platform/clock.ts'
import { ConfigError, loadConfig } from './platform/config.ts'
import { deleteExpiredSessions } from './platform/http/session-queries.ts'
import { createLogger } from './platform/logging.ts'
import { createServices, type Services } from './services.ts'
import { ownerDb } from './db/modes.ts'

const KNOWN_START_ERRORS = [ConfigError, DatabaseUnavailableError, DataDirLockedError, MigrationError]

async function main(): Promise<void> {
  const started = performance.now()
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  await buildAssets()

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'Upstream server' })
  let server: Server | undefined = undefined
  let services: Services | undefined = undefined
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping')
    const closeDatabase = () => {
      // A delivery run in progress records what it sent before the database goes.
      const delivered = services ? services.notifier.idle() : Promise.resolve()
      delivered
        .then(() => database.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        )
    }
    if (server) server.close(closeDatabase)
    else closeDatabase()
    // Connections kept alive by browsers would hold close() open; do not wait for them for ever.
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  await migrateToLatest(database.db)
  const seeded = config.environment !== 'production' && (await countOrganisations(database.db)) === 0
  if (seeded) await seedDemoData(ownerDb(database.db), { clock: systemClock })

  services = createServices({ config, clock: systemClock, database, logger })
  const app = createApp(services)
  const listening = app.listen(config.port)
  // Keep an idle connection open longer than the proxies in front usually do (60 s), so that it is
  // always the proxy, never the service, that closes one: otherwise a request sent on a connection at
  // the moment the service closes it fails (the soak test saw one in 78,000 with Node's 5 s).
  listening.keepAliveTimeout = 65_000
  listening.headersTimeout = 66_000
  server = listening
  await new Promise<void>((resolve, reject) => {
    listening.once('listening', resolve)
    listening.once('error', reject)
  })
  setInterval(() => void pruneSessions(database), 3_600_000).unref()
  // Messages queued but not yet sent when the service last stopped go out now.
  services.notifier.deliverSoon()
  scheduleNightlyValidation(services, systemClock)

  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  console.log(
    `Upstream is running at http://localhost:${String(port)} (${describe(database)}), ready in ${(performance.now() - started).toFixed(0)} ms`,
  )
  if (seeded) console.log('Loaded the demonstration data (Essex councils, partners, households and referrals).')
  if (config.environment === 'development') printDemoAccounts()
}

function describe(database: Database): string {
  return database.kind === 'embedded' ? `embedded database in ${database.location}` : `PostgreSQL at ${database.location}`
}

async function pruneSessions(database: Database): Promise<void> {
  await deleteExpiredSessions(database.db, systemClock.now()).catch(() => undefined)
}

function printDemoAccounts(): void {
  console.log(`\nDemonstration accounts (password for all: ${DEMO_PASSWORD}):`)
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(14)} ${account.email.padEnd(48)} ${account.organisationName}`)
}

main().catch((error: unknown) => {
  if (KNOWN_START_ERRORS.some((kind) => error instanceof kind)) {
    console.error(`Upstream could not start.\n${(error as Error).message}`)
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `Upstream could not start: port ${process.env['PORT'] ?? '3000'} is already in use. Stop the other program or set PORT to another number.`,
    )
  } else {
    console.error('Upstream could not start because of an unexpected error:', error)
  }
  process.exit(1)
})
