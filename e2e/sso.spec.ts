import net from 'node:net'
import type { Server } from 'node:http'
import Provider from 'oidc-provider'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../src/demo/generate.ts'
import { assertLoaded } from './pages/base-page.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const address = probe.address()
      probe.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0)
      })
    })
  })
}

/**
 * Single sign-on switched on by configuration alone, against a real OpenID Connect provider running on
 * loopback (panva's oidc-provider, standing in for Microsoft Entra ID).
 */
describe('single sign-on through the council’s identity provider', () => {
  const caseworker = DEMO_ACCOUNTS.find((a) => a.role === 'caseworker' && a.organisationName.includes('Basildon'))
  let identityProvider: Server
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    if (!caseworker) throw new Error('no Basildon caseworker in the demonstration data')
    const [appPort, idpPort] = await Promise.all([freePort(), freePort()])
    const issuer = `http://localhost:${String(idpPort)}`
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'upstream',
          client_secret: 'a-client-secret-of-at-least-thirty-two-characters',
          redirect_uris: [`http://localhost:${String(appPort)}/sign-in/sso/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email'] },
      scopes: ['openid', 'email', 'profile'],
      findAccount: (_ctx, id) => Promise.resolve({ accountId: id, claims: () => Promise.resolve({ sub: id, email: id }) }),
    })
    identityProvider = provider.listen(idpPort)
    ;[server, browser] = await Promise.all([
      startServer({
        env: {
          PORT: String(appPort),
          UPSTREAM_OIDC_ISSUER: issuer,
          UPSTREAM_OIDC_CLIENT_ID: 'upstream',
          UPSTREAM_OIDC_CLIENT_SECRET: 'a-client-secret-of-at-least-thirty-two-characters',
          UPSTREAM_OIDC_REDIRECT_URI: `http://localhost:${String(appPort)}/sign-in/sso/callback`,
          UPSTREAM_OIDC_ORGANISATION: caseworker.organisationName,
        },
      }),
      launchBrowser(),
    ])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
    identityProvider.close()
  })

  async function signInAtProvider(login: string) {
    const page = await (await newContext(browser)).newPage()
    await page.goto(`${server.url}/sign-in`)
    await page.getByRole('button', { name: 'Sign in with your council account' }).click()
    await page.locator('input[name="login"]').fill(login)
    await page.locator('input[name="password"]').fill('anything')
    await page.locator('button[type="submit"]').click()
    await page.locator('button[type="submit"]').click() // consent
    return page
  }

  it('signs in a member of the council’s staff and links their account', async () => {
    const page = await signInAtProvider(caseworker?.email ?? '')
    await assertLoaded(page, 'Your caseload')
    await page.context().close()
  })

  it('refuses someone the identity provider knows but the service does not', async () => {
    const page = await signInAtProvider('stranger@basildon.example')
    await assertLoaded(page, 'Sign in')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Single sign-on did not confirm an account on this service')
    await page.context().close()
  })
})
