import path from 'node:path'
import type { ThrottlePolicy } from './rate-limits.ts'

export type Environment = 'development' | 'production' | 'test'

export interface Config {
  environment: Environment
  port: number
  /** A PostgreSQL server's URL, or undefined for the embedded database. */
  databaseUrl: string | undefined
  dataDir: string
  /**
   * The proxies in front of the service (addresses, subnets, or express's names such as `loopback`),
   * whose X-Forwarded-For and X-Forwarded-Proto are believed. Nobody else's are.
   */
  trustedProxies: string[]
  /** Name shown in the header: the council or partnership running the service. */
  serviceOwner: string
  sessionSecret: string
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number
  /** Hours after which a session ends whatever the activity. */
  sessionAbsoluteHours: number
  /** Sessions one person may have at once; signing in once more ends the oldest. */
  sessionsPerPerson: number
  /**
   * Growing delays after failed sign-ins, counted by the email address tried and by the network address
   * trying: no lock, so nobody can keep a person out for longer than the longest delay.
   */
  signInThrottle: { byAccount: ThrottlePolicy; byAddress: ThrottlePolicy }
  /** GOV.UK Notify; without it messages are kept in the local outbox and not sent. */
  notify: NotifyConfig | undefined
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; organisationName: string } | undefined
  logLevel: string
}

export interface NotifyConfig {
  apiKey: string
  /** An email template whose subject is `((subject))` and whose body is `((body))`. */
  emailTemplateId: string
  /** A text message template whose body is `((body))`. */
  smsTemplateId: string
  /** Notify's API address; undefined for GOV.UK Notify's own production API. */
  baseUrl: string | undefined
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

  // The embedded database is one process's, on one machine's disk, with no replica, no point-in-time
  // recovery and no server-grade durability: for trying the service, development and tests. A council's
  // live service runs on a PostgreSQL server unless its operator has said, in so many words, otherwise.
  if (production && databaseUrl === undefined && env['UPSTREAM_ALLOW_EMBEDDED_DATABASE'] !== 'yes') {
    problems.push(
      'DATABASE_URL must name a PostgreSQL server in production. The embedded database is for trying the service ' +
        'and for development: it has one copy on one disk, no replica and no point-in-time recovery. ' +
        'If you accept that, set UPSTREAM_ALLOW_EMBEDDED_DATABASE=yes',
    )
  }

  const trustedProxies = (env['UPSTREAM_TRUSTED_PROXIES'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  // The service speaks plain HTTP: in production a proxy in front of it ends TLS, and the service must
  // know which one it is to believe that the request was secure and which address it came from.
  if (production && trustedProxies.length === 0)
    problems.push(
      'UPSTREAM_TRUSTED_PROXIES must name the proxy that ends TLS in front of the service in production (its address or subnet, e.g. 10.0.0.0/8, or loopback)',
    )

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

  const notify = loadNotifyConfig(env, problems)

  if (problems.length > 0) throw new ConfigError(problems)

  return {
    environment,
    port,
    databaseUrl,
    dataDir: path.resolve(env['UPSTREAM_DATA_DIR'] ?? './data'),
    trustedProxies,
    serviceOwner: env['UPSTREAM_SERVICE_OWNER'] ?? 'Essex Homelessness Prevention Partnership',
    // Development sessions survive restarts with a fixed secret; production's is required above.
    sessionSecret: sessionSecret ?? 'development-only-session-secret-not-for-production',
    sessionIdleMinutes: Number(env['UPSTREAM_SESSION_IDLE_MINUTES'] ?? '30'),
    sessionAbsoluteHours: Number(env['UPSTREAM_SESSION_ABSOLUTE_HOURS'] ?? '12'),
    sessionsPerPerson: 5,
    signInThrottle: {
      byAccount: { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: 15 * 60 },
      // Offices share an address, so it is allowed more before it is slowed.
      byAddress: { freeFailures: 20, firstDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: 15 * 60 },
    },
    notify,
    oidc,
    logLevel: env['LOG_LEVEL'] ?? (environment === 'test' ? 'silent' : 'info'),
  }
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
/** Notify's keys are `name-<service id>-<secret>`; the client cuts the two ids off the end. */
const NOTIFY_KEY = new RegExp(`^.+-${UUID}-${UUID}$`, 'i')
const WHOLE_UUID = new RegExp(`^${UUID}$`, 'i')

function loadNotifyConfig(env: Env, problems: string[]): NotifyConfig | undefined {
  const apiKey = blankToUndefined(env['UPSTREAM_NOTIFY_API_KEY'])
  const emailTemplateId = blankToUndefined(env['UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID'])
  const smsTemplateId = blankToUndefined(env['UPSTREAM_NOTIFY_SMS_TEMPLATE_ID'])
  const baseUrl = blankToUndefined(env['UPSTREAM_NOTIFY_BASE_URL'])
  if (apiKey === undefined) {
    const without = Object.entries({ UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID: emailTemplateId, UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: smsTemplateId })
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k)
    // Template ids without a key would silently send nothing; say so rather than guess what was meant.
    if (without.length > 0)
      problems.push(`${without.join(' and ')} ${without.length === 1 ? 'is' : 'are'} set but UPSTREAM_NOTIFY_API_KEY is not`)
    return undefined
  }
  const before = problems.length
  // The key itself is a secret: never repeat it in a message.
  if (!NOTIFY_KEY.test(apiKey))
    problems.push(
      'UPSTREAM_NOTIFY_API_KEY is not a GOV.UK Notify API key: copy the whole key, which ends in two ids (name-<service id>-<secret>)',
    )
  const missing = Object.entries({ UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID: emailTemplateId, UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: smsTemplateId })
    .filter(([, v]) => v === undefined)
    .map(([k]) => k)
  if (missing.length > 0)
    problems.push(
      `sending through GOV.UK Notify is switched on by UPSTREAM_NOTIFY_API_KEY but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: create an email template with subject ((subject)) and body ((body)), and a text message template with body ((body))`,
    )
  for (const [name, value] of Object.entries({
    UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID: emailTemplateId,
    UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: smsTemplateId,
  }))
    if (value !== undefined && !WHOLE_UUID.test(value))
      problems.push(`${name} must be a Notify template id such as f33517ff-2a88-4f6e-b855-c550268ce08a (it is "${value}")`)
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl))
    problems.push(`UPSTREAM_NOTIFY_BASE_URL must be a web address starting with https:// (it is "${baseUrl}")`)
  if (problems.length > before || emailTemplateId === undefined || smsTemplateId === undefined) return undefined
  return { apiKey, emailTemplateId, smsTemplateId, baseUrl: baseUrl?.replace(/\/+$/, '') }
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
