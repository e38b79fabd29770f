import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

/** The programme's lead analyst works through what undermines the figures; a manager reads the indicators. */
describe('data quality and performance indicators in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  async function signedIn(email: string, javaScript = true): Promise<Page> {
    const page = await (await newContext(browser, { javaScript })).newPage()
    await signIn(page, server.url, email, DEMO_PASSWORD)
    return page
  }

  it('checks the programme’s data, refuses a review without a reason, and shrinks the list when one is given', async () => {
    const page = await signedIn('analyst.essex@upstream.example')
    await page.goto(`${server.url}/monitoring`)
    await assertLoaded(page, 'Monitoring and evaluation')
    await page.getByRole('link', { name: 'Data quality' }).click()
    await assertLoaded(page, 'Data quality')
    await page.locator('main ul a').first().click()
    await assertLoaded(page, 'Data quality')
    await page.getByRole('button', { name: 'Check again' }).click()
    await assertLoaded(page, 'Data quality')
    expect(await page.locator('.govuk-notification-banner').textContent()).toMatch(/Checked again: \d+ new flags raised/)

    // Each flag's review form sits folded under its "Mark as reviewed" summary.
    expect(await page.locator('details summary', { hasText: 'Mark as reviewed' }).count()).toBeGreaterThan(0)
    const flagRow = await page.locator('tr[id^="flag-"]').first().getAttribute('id')
    const first = page.locator('details').filter({ hasText: 'Mark as reviewed' }).first()
    await first.locator('summary').click()
    await first.getByRole('button', { name: 'Mark as reviewed' }).click()
    await assertLoaded(page, 'Data quality')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why this flag has been dealt with or can stand')
    const opened = page.locator('details[open]').first()
    await opened.getByLabel('Why it has been dealt with or can stand').fill('Checked with the provider: the record is right.')
    await opened.getByRole('button', { name: 'Mark as reviewed' }).click()
    await assertLoaded(page, 'Data quality')
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Flag marked as reviewed')
    expect(await page.locator('.govuk-error-summary').count()).toBe(0)
    // Reviewed flags leave the list of those to review.
    expect(await page.locator(`#${flagRow ?? ''}`).count()).toBe(0)
    // The checks judge the data against the day the programme began, recorded where its data is imported.
    expect(await page.locator('main').textContent()).toMatch(/The programme began on \d{1,2} \w+ \d{4}/)
    await page.goto(`${server.url}/monitoring/import`)
    await assertLoaded(page, 'Import monitoring data')
    const start = page.getByRole('group', { name: 'When did the programme begin? (optional)' })
    expect(await start.getByLabel('Year').inputValue()).toMatch(/^\d{4}$/)
  })

  it('shows a team manager the indicators, without JavaScript too', async () => {
    for (const javaScript of [true, false]) {
      const page = await signedIn('manager.basildon@upstream.example', javaScript)
      await page.goto(`${server.url}/performance`)
      await assertLoaded(page, 'Performance indicators')
      expect(await page.locator('table.govuk-table').count()).toBeGreaterThan(0)
      await page.context().close()
    }
  })
})
