import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../../db/testing.ts'
import { useWorld } from '../../test-support/world.ts'

/**
 * The headers every page carries, read from the app createApp builds, as a browser would see them.
 * Only PGlite: the headers do not depend on the database.
 */
const [pglite] = testDatabaseKinds()
if (!pglite) throw new Error('no PGlite database kind')

/** The policy's directives by name, each with its sources. */
function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== undefined && parts[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

describe('security headers in production', () => {
  const current = useWorld(pglite, { environment: 'production' })

  it('allows only scripts carrying a nonce that is new for each response and is the one the page uses', async () => {
    const first = await request(current().app).get('/sign-in')
    const second = await request(current().app).get('/sign-in')
    expect(first.status).toBe(200)
    const nonces = [first, second].map((response) => {
      const scriptSrc = directives(response.headers['content-security-policy']).get('script-src') ?? []
      expect(scriptSrc).toContain("'self'")
      expect(scriptSrc).not.toContain("'unsafe-inline'")
      const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(scriptSrc.find((s) => s.startsWith("'nonce-")) ?? '')?.[1]
      expect(nonce).toBeDefined()
      expect(response.text).toContain(`nonce="${String(nonce)}"`)
      return nonce
    })
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('forbids framing, sends no referrer to other sites, and tells the browser to use HTTPS only', async () => {
    const response = await request(current().app).get('/sign-in')
    const policy = directives(response.headers['content-security-policy'])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.has('upgrade-insecure-requests')).toBe(true)
    expect(response.headers['referrer-policy']).toBe('same-origin')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
  })

  it('sends the same headers on a page that is not found', async () => {
    const response = await request(current().app).get('/no-such-page')
    expect(response.status).toBe(404)
    expect(directives(response.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"])
    expect(response.headers['strict-transport-security']).toBeDefined()
  })
})

describe('security headers in development', () => {
  const current = useWorld(pglite, { environment: 'development' })

  it('does not pin the browser to HTTPS on a machine served over plain HTTP, but keeps the rest', async () => {
    const response = await request(current().app).get('/sign-in')
    expect(response.status).toBe(200)
    expect(response.headers['strict-transport-security']).toBeUndefined()
    const policy = directives(response.headers['content-security-policy'])
    expect(policy.has('upgrade-insecure-requests')).toBe(false)
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(response.headers['referrer-policy']).toBe('same-origin')
  })
})
