import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

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
    [
      { UPSTREAM_OIDC_ISSUER: 'https://login.example.org' },
      'UPSTREAM_OIDC_CLIENT_ID, UPSTREAM_OIDC_CLIENT_SECRET, UPSTREAM_OIDC_REDIRECT_URI, UPSTREAM_OIDC_ORGANISATION are not set',
    ],
  ])('refuses %o, saying %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('lists every problem at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: '-1', DATABASE_URL: 'nope' })
      expect.unreachable()
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(3)
    }
  })

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      UPSTREAM_SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgresql://upstream@db:5432/upstream',
    })
    expect(config.environment).toBe('production')
    expect(config.databaseUrl).toBe('postgresql://upstream@db:5432/upstream')
  })
})
