import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { demoAccount, recordApproach, recordDecision } from './pages/case-pages.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

describe('decision letters in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  it('records a decision, then opens its letter from the case page and prints only the letter', async () => {
    const page = await (await newContext(browser)).newPage()
    await signIn(page, server.url, demoAccount('caseworker').email, DEMO_PASSWORD)
    await recordApproach(page, server.url, { givenName: 'Rosa', familyName: 'Lind', born: new Date(1985, 8, 3), channel: 'In person' })
    expect(await page.locator('main').textContent()).toContain('No letters have been issued on this case yet')

    // The decision form starts at today's date.
    await recordDecision(page, 'No duty owed', {
      more: async () => {
        await page.getByLabel('Why no duty is owed').selectOption('not_homeless_or_threatened')
        await page.getByLabel('Reasons for the decision').fill('Your landlord has withdrawn the notice <and> you can stay.')
      },
    })

    await page.getByRole('link', { name: 'Our decision on your homelessness application' }).click()
    await assertLoaded(page, 'Our decision on your homelessness application')
    const letter = page.locator('.app-letter')
    const text = (await letter.textContent()) ?? ''
    expect(text).toContain('Dear Rosa Lind')
    expect(text).toContain('Your landlord has withdrawn the notice <and> you can stay.')
    expect(text).toMatch(/Ask for a review by \d{1,2} [A-Z][a-z]+ \d{4}/)
    expect(text).toContain('section 202(1)(b)')

    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.govuk-header').isVisible()).toBe(false)
    expect(await page.locator('.govuk-footer').isVisible()).toBe(false)
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(false)
    expect(await letter.isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })

    await page.getByRole('link', { name: 'Letters', exact: true }).click()
    await assertLoaded(page, 'Letters and notices')
    await page.context().close()
  })
})
