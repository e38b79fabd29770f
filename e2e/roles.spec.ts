import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertAccessible, assertLoaded, signIn, signOut } from './pages/base-page.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { step } from './support/step.ts'
import { startServer, type RunningServer } from './support/server.ts'

const HOME_HEADING: Record<string, string> = {
  caseworker: 'Your caseload',
  team_manager: 'Your team',
  referrer: 'Your referrals',
  analyst: 'Figures',
  administrator: 'Administration',
}

const MENU: Record<string, string[]> = {
  caseworker: ['Home', 'Cases', 'Referrals'],
  team_manager: ['Home', 'Cases', 'Referrals', 'Statutory return', 'Monitoring and evaluation'],
  referrer: ['Home', 'Referrals'],
  analyst: ['Home', 'Cases', 'Referral figures', 'Statutory return', 'Monitoring and evaluation'],
  administrator: ['Home', 'Audit trail', 'Outbox'],
}

const account = (role: string, place: string) => {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role && a.organisationName.includes(place))
  if (!found) throw new Error(`no demo ${role} at ${place}`)
  return found
}

describe('each role in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  async function page(javaScript = true): Promise<Page> {
    return (await newContext(browser, { javaScript })).newPage()
  }

  for (const role of Object.keys(HOME_HEADING)) {
    it(`signs in a ${role} to their home page and menu`, async () => {
      const p = await page()
      const who = DEMO_ACCOUNTS.find((a) => a.role === role)
      if (!who) throw new Error(`no demo ${role}`)
      await signIn(p, server.url, who.email, DEMO_PASSWORD)
      await assertLoaded(p, HOME_HEADING[role] ?? '')
      const menu = await p.locator('.govuk-service-navigation__item').allTextContents()
      expect(menu.map((m) => m.trim())).toEqual(MENU[role])
      await signOut(p)
      await p.context().close()
    })
  }

  it('works as it should with JavaScript switched off: sign in, find a case, sign out', async () => {
    const p = await page(false)
    const caseworker = account('caseworker', 'Basildon')
    await signIn(p, server.url, caseworker.email, DEMO_PASSWORD)
    await assertLoaded(p, 'Your caseload')
    await p.getByRole('link', { name: 'Cases', exact: true }).click()
    await assertLoaded(p, 'Your caseload')
    await p.locator('table a').first().click()
    await assertLoaded(p, /^Case [A-Z]{3}-\d{4}-\d{5}$/)
    await signOut(p)
    await p.context().close()
  })

  it('passes axe on every page a caseworker reaches', async () => {
    const p = await page()
    const caseworker = account('caseworker', 'Basildon')
    await signIn(p, server.url, caseworker.email, DEMO_PASSWORD)
    await p.goto(`${server.url}/cases`)
    await assertLoaded(p, 'Your caseload')
    await p.locator('table a').first().click()
    await assertLoaded(p, /^Case /)
    await p.goto(`${server.url}/referrals`)
    await assertLoaded(p, 'Referrals inbox')
    await p.locator('table a').first().click()
    await assertLoaded(p, /^Referral /)
    await p.goto(`${server.url}/cases/NOT-A-CASE`)
    await assertLoaded(p, 'Page not found')
    await p.goto(`${server.url}/admin/audit`)
    await assertLoaded(p, 'You cannot see this page')
    await p.context().close()
  })

  // One test for each role, each signing in on its own, so that no one test runs long on a busy machine.
  it('passes axe on a team manager’s open cases', async () => {
    const manager = await page()
    await step('sign in as a team manager', () => signIn(manager, server.url, account('team_manager', 'Basildon').email, DEMO_PASSWORD))
    await step('open cases', async () => {
      await manager.goto(`${server.url}/cases`)
      await assertLoaded(manager, 'Open cases')
    })
    await manager.context().close()
  })

  it('passes axe on an analyst’s statutory return: the hub, its checks (run on request), the official tables, and a bad quarter', async () => {
    const analyst = await page()
    await step('sign in as an analyst', () => signIn(analyst, server.url, account('analyst', 'Basildon').email, DEMO_PASSWORD))
    await step('the statutory return hub', async () => {
      await analyst.goto(`${server.url}/hclic`)
      await assertLoaded(analyst, 'Statutory return (H-CLIC)')
      expect(await analyst.locator('table caption').first().textContent()).toMatch(/\d+ cases? enters? the return/)
    })
    await step('check the return', async () => {
      await analyst.getByRole('link', { name: 'Check the return' }).click()
      await assertLoaded(analyst, /Check/)
      await analyst
        .getByRole('button')
        .filter({ hasText: /Check|Run/ })
        .first()
        .click()
      await assertLoaded(analyst, /Check/)
    })
    await step('the official tables', async () => {
      await analyst.goto(`${server.url}/hclic`)
      await analyst.getByRole('link', { name: 'The official tables' }).click()
      await assertLoaded(analyst, /tables/i)
    })
    await step('a quarter that does not exist', async () => {
      await analyst.goto(`${server.url}/hclic?quarter=2026-Q7`)
      await assertLoaded(analyst, 'Statutory return (H-CLIC)')
      expect(await analyst.locator('.govuk-error-summary').textContent()).toContain('is not a quarter')
    })
    await analyst.context().close()
  })

  it('passes axe on a referrer’s referrals', async () => {
    const referrer = await page()
    await step('sign in as a referrer', () =>
      signIn(referrer, server.url, DEMO_ACCOUNTS.find((a) => a.role === 'referrer')?.email ?? '', DEMO_PASSWORD),
    )
    await step('the organisation’s referrals and one referral', async () => {
      await referrer.goto(`${server.url}/referrals`)
      await assertLoaded(referrer, 'Your organisation’s referrals')
      await referrer.locator('table a').first().click()
      await assertLoaded(referrer, /^Referral /)
    })
    await referrer.context().close()
  })

  it('passes axe on an administrator’s audit trail, with a bad date, outbox and sessions', async () => {
    const admin = await page()
    await step('sign in as an administrator', () => signIn(admin, server.url, account('administrator', 'Basildon').email, DEMO_PASSWORD))
    await step('the audit trail', async () => {
      await admin.goto(`${server.url}/admin/audit`)
      await assertLoaded(admin, 'Audit trail')
    })
    await step('the audit trail from a date that is not one', async () => {
      await admin.goto(`${server.url}/admin/audit?from=not-a-date`)
      await assertLoaded(admin, 'Audit trail')
      expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Enter the ‘from’ date as a real date')
    })
    await step('the outbox', async () => {
      await admin.goto(`${server.url}/admin/outbox`)
      await assertLoaded(admin, 'Outbox')
    })
    await step('their sessions, one of them elsewhere, then signing out everywhere else', async () => {
      const elsewhere = await page()
      await signIn(elsewhere, server.url, account('administrator', 'Basildon').email, DEMO_PASSWORD)
      await admin.goto(`${server.url}/account/sessions`)
      await assertLoaded(admin, 'Your sessions')
      expect(await admin.locator('.govuk-table').textContent()).toContain('This session')
      await admin.getByRole('button', { name: 'Sign out everywhere else' }).click()
      await assertLoaded(admin, 'Your sessions')
      expect(await admin.locator('.govuk-notification-banner').textContent()).toContain('Signed out of')
      await elsewhere.goto(`${server.url}/cases`)
      expect(new URL(elsewhere.url()).pathname).toBe('/sign-in')
      await elsewhere.context().close()
    })
    await admin.context().close()
  })

  it('passes axe on the public pages and on sign-in errors', async () => {
    const p = await page()
    for (const [path, heading] of [
      ['/cookies', 'Cookies'],
      ['/privacy', 'Privacy notice'],
      ['/accessibility', 'Accessibility statement'],
      ['/no-such-page', 'Page not found'],
    ] as const) {
      await p.goto(`${server.url}${path}`)
      await assertLoaded(p, heading)
    }
    await signIn(p, server.url, 'someone@example.org', 'wrong password')
    await assertLoaded(p, 'Sign in')
    expect(await p.locator('.govuk-error-summary').textContent()).toContain('Enter a correct email address and password')
    await assertAccessible(p)
    await p.goto(`${server.url}/cases`)
    expect(new URL(p.url()).pathname).toBe('/sign-in')
    await p.context().close()
  })
})
