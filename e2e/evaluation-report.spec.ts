import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

/** The Essex programme's lead analyst reads the evaluation report, with and without JavaScript. */
describe('the programme evaluation report in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  async function analyst(javaScript: boolean): Promise<Page> {
    const page = await (await newContext(browser, { javaScript })).newPage()
    await signIn(page, server.url, 'analyst.essex@upstream.example', DEMO_PASSWORD)
    return page
  }

  it('shows every table with its charts, accessibly', async () => {
    const page = await analyst(true)
    await page.goto(`${server.url}/reports/evaluation`)
    await assertLoaded(page, 'Programme evaluation report')
    expect(await page.locator('table.govuk-table').count()).toBeGreaterThanOrEqual(26)
    expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThan(0)
  })

  it('filters without JavaScript and shows what is wrong with a date', async () => {
    const page = await analyst(false)
    await page.goto(`${server.url}/reports/evaluation?from-day=31&from-month=2&from-year=2025`)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Referred from must be a real date')
    const withJs = await analyst(true)
    await withJs.goto(`${server.url}/reports/evaluation?from-day=31&from-month=2&from-year=2025`)
    await assertLoaded(withJs, 'Programme evaluation report')
    await page.getByRole('group', { name: 'Referred from' }).getByLabel('Day').fill('1')
    await page.getByRole('button', { name: 'Show the report' }).click()
    expect(page.url()).toContain('from-day=1')
    expect(await page.locator('h2', { hasText: 'Cases referred by month' }).count()).toBe(1)
  })
})
