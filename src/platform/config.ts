import path from 'node:path'

export type Environment = 'development' | 'production' | 'test'

export interface Config {
  environment: Environment
  port: number
  /** A PostgreSQL server's URL, or undefined for the embedded database. */
  databaseUrl: string | undefined
  dataDir: string
  /** Name shown in the header: the council or partnership running the service. */
  serviceOwner: string
  sessionSecret: string
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number
  /** Hours after which a session ends whatever the activity. */
  sessionAbsoluteHours: number
  /** Sign-in failures in a row before an account is locked, and for how long. */
  lockout: { maxFailures: number; minutes: number }
  notifyApiKey: string | undefined
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; organisationName: string } | undefined
  logLevel: string
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`The service cannot start because its configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

type Env = Record<string, string | undefined>

/**
 * Zero configuration in development; in production every secret must be given and every value must
 * make sense, or the service refuses to start and says what is missing.
 */
export function loadConfig(env: Env = process.env): Config {
  const environment = parseEnvironment(env['NODE_ENV'])
  const production = environment === 'production'
  const problems: string[] = []

  const port = Number(env['PORT'] ?? '3000')
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a whole number from 0 to 65535 (it is "${env['PORT'] ?? ''}")`)

  const databaseUrl = blankToUndefined(env['DATABASE_URL'])
  if (databaseUrl !== undefined) {
    const problem = checkDatabaseUrl(databaseUrl)
    if (problem) problems.push(problem)
  }

  const sessionSecret = blankToUndefined(env['UPSTREAM_SESSION_SECRET'])
  if (production && (sessionSecret === undefined || sessionSecret.length < 32)) {
    problems.push('UPSTREAM_SESSION_SECRET must be set to at least 32 random characters in production')
  }

  const oidcIssuer = blankToUndefined(env['UPSTREAM_OIDC_ISSUER'])
  let oidc: Config['oidc']
  if (oidcIssuer !== undefined) {
    const clientId = blankToUndefined(env['UPSTREAM_OIDC_CLIENT_ID'])
    const clientSecret = blankToUndefined(env['UPSTREAM_OIDC_CLIENT_SECRET'])
    const redirectUri = blankToUndefined(env['UPSTREAM_OIDC_REDIRECT_URI'])
    const organisationName = blankToUndefined(env['UPSTREAM_OIDC_ORGANISATION'])
    const missing = Object.entries({
      UPSTREAM_OIDC_CLIENT_ID: clientId,
      UPSTREAM_OIDC_CLIENT_SECRET: clientSecret,
      UPSTREAM_OIDC_REDIRECT_URI: redirectUri,
      UPSTREAM_OIDC_ORGANISATION: organisationName,
    })
      .filter(([, v]) => v === undefined)
      .map(([k]) => k)
    if (clientId && clientSecret && redirectUri && organisationName)
      oidc = { issuer: oidcIssuer, clientId, clientSecret, redirectUri, organisationName }
    else
      problems.push(
        `single sign-on is switched on by UPSTREAM_OIDC_ISSUER but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
      )
  }

  if (problems.length > 0) throw new ConfigError(problems)

  return {
    environment,
    port,
    databaseUrl,
    dataDir: path.resolve(env['UPSTREAM_DATA_DIR'] ?? './data'),
    serviceOwner: env['UPSTREAM_SERVICE_OWNER'] ?? 'Essex Homelessness Prevention Partnership',
    // Development sessions survive restarts with a fixed secret; production's is required above.
    sessionSecret: sessionSecret ?? 'development-only-session-secret-not-for-production',
    sessionIdleMinutes: Number(env['UPSTREAM_SESSION_IDLE_MINUTES'] ?? '30'),
    sessionAbsoluteHours: Number(env['UPSTREAM_SESSION_ABSOLUTE_HOURS'] ?? '12'),
    lockout: { maxFailures: 5, minutes: 15 },
    notifyApiKey: blankToUndefined(env['UPSTREAM_NOTIFY_API_KEY']),
    oidc,
    logLevel: env['LOG_LEVEL'] ?? (environment === 'test' ? 'silent' : 'info'),
  }
}

function parseEnvironment(value: string | undefined): Environment {
  if (value === 'production' || value === 'test') return value
  return 'development'
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

export function checkDatabaseUrl(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'DATABASE_URL is not a valid URL: expected postgres://USER@HOST:PORT/DATABASE'
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return `DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${parsed.protocol}//)`
  }
  if (parsed.pathname.replace('/', '') === '') return 'DATABASE_URL names no database: add /DATABASE at the end'
  return undefined
}
