import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

const KEY = 'upstream_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0'
const EMAIL = 'f33517ff-2a88-4f6e-b855-c550268ce08a'
const SMS = '9a1b6a2c-51b1-4a3c-9a1e-0b9d4b9d7a11'
const NOTIFY = { UPSTREAM_NOTIFY_API_KEY: KEY, UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID: EMAIL, UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: SMS }

describe('configuration', () => {
  it('needs nothing in development', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ environment: 'development', port: 3000, databaseUrl: undefined })
    expect(config.dataDir).toMatch(/data$/)
  })

  it.each([
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'postgres://root@localhost' }, 'DATABASE_URL names no database'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ NODE_ENV: 'production' }, 'UPSTREAM_SESSION_SECRET must be set'],
    [{ NODE_ENV: 'production', UPSTREAM_SESSION_SECRET: 'short' }, 'UPSTREAM_SESSION_SECRET must be set'],
    [{ NODE_ENV: 'production' }, 'UPSTREAM_TRUSTED_PROXIES must name the proxy that ends TLS'],
    [{ NODE_ENV: 'production', UPSTREAM_SESSION_SECRET: 'x'.repeat(40) }, 'DATABASE_URL must name a PostgreSQL server in production'],
    [
      { NODE_ENV: 'production', UPSTREAM_SESSION_SECRET: 'x'.repeat(40), UPSTREAM_ALLOW_EMBEDDED_DATABASE: 'true' },
      'If you accept that, set UPSTREAM_ALLOW_EMBEDDED_DATABASE=yes',
    ],
    [
      { UPSTREAM_OIDC_ISSUER: 'https://login.example.org' },
      'UPSTREAM_OIDC_CLIENT_ID, UPSTREAM_OIDC_CLIENT_SECRET, UPSTREAM_OIDC_REDIRECT_URI, UPSTREAM_OIDC_ORGANISATION are not set',
    ],
    [{ UPSTREAM_NOTIFY_API_KEY: KEY }, 'UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID and UPSTREAM_NOTIFY_SMS_TEMPLATE_ID are not set'],
    [{ UPSTREAM_NOTIFY_API_KEY: KEY, UPSTREAM_NOTIFY_EMAIL_TEMPLATE_ID: EMAIL }, 'UPSTREAM_NOTIFY_SMS_TEMPLATE_ID is not set'],
    [{ ...NOTIFY, UPSTREAM_NOTIFY_API_KEY: 'not-a-key' }, 'UPSTREAM_NOTIFY_API_KEY is not a GOV.UK Notify API key'],
    [{ ...NOTIFY, UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: 'welcome' }, 'UPSTREAM_NOTIFY_SMS_TEMPLATE_ID must be a Notify template id'],
    [{ ...NOTIFY, UPSTREAM_NOTIFY_BASE_URL: 'api.notify.test' }, 'UPSTREAM_NOTIFY_BASE_URL must be a web address'],
    [{ UPSTREAM_NOTIFY_SMS_TEMPLATE_ID: SMS }, 'UPSTREAM_NOTIFY_SMS_TEMPLATE_ID is set but UPSTREAM_NOTIFY_API_KEY is not'],
  ])('refuses %o, saying %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('keeps messages in the local outbox when no Notify key is given', () => {
    expect(loadConfig({}).notify).toBeUndefined()
  })

  it('sends through GOV.UK Notify with a key and both templates, at Notify’s own address unless told another', () => {
    expect(loadConfig(NOTIFY).notify).toEqual({ apiKey: KEY, emailTemplateId: EMAIL, smsTemplateId: SMS, baseUrl: undefined })
    expect(loadConfig({ ...NOTIFY, UPSTREAM_NOTIFY_BASE_URL: 'http://127.0.0.1:6011/' }).notify?.baseUrl).toBe('http://127.0.0.1:6011')
  })

  it('never repeats the Notify key in a problem', () => {
    const key = 'secret-but-malformed'
    expect(() => loadConfig({ ...NOTIFY, UPSTREAM_NOTIFY_API_KEY: key })).toThrow(ConfigError)
    expect(() => loadConfig({ ...NOTIFY, UPSTREAM_NOTIFY_API_KEY: key })).not.toThrow(key)
  })

  it('lists every problem at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: '-1', DATABASE_URL: 'nope' })
      expect.unreachable()
    } catch (error) {
      // The port, the database's address, the proxy and the session secret.
      expect((error as ConfigError).problems).toHaveLength(4)
    }
  })

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      UPSTREAM_SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgresql://upstream@db:5432/upstream',
      UPSTREAM_TRUSTED_PROXIES: '10.0.0.0/8, loopback',
    })
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', 'loopback'])
    expect(config.environment).toBe('production')
    expect(config.databaseUrl).toBe('postgresql://upstream@db:5432/upstream')
  })

  it('runs production on the embedded database only when the operator accepts what it is', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      UPSTREAM_SESSION_SECRET: 'x'.repeat(40),
      UPSTREAM_ALLOW_EMBEDDED_DATABASE: 'yes',
      UPSTREAM_TRUSTED_PROXIES: 'loopback',
    })
    expect(config.databaseUrl).toBeUndefined()
  })
})
