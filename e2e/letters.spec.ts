import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/features/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
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
    const caseworker = DEMO_ACCOUNTS.find((a) => a.role === 'caseworker' && a.organisationName.includes('Basildon'))
    if (!caseworker) throw new Error('no Basildon caseworker in the demonstration data')
    const page = await (await newContext(browser)).newPage()
    await signIn(page, server.url, caseworker.email, DEMO_PASSWORD)
    await page.goto(`${server.url}/cases/new`)
    await assertLoaded(page, 'Record a new approach')
    await page.getByLabel('First name').fill('Rosa')
    await page.getByLabel('Last name').fill('Lind')
    const birth = page.getByRole('group', { name: 'Date of birth' })
    await birth.getByLabel('Day').fill('3')
    await birth.getByLabel('Month').fill('9')
    await birth.getByLabel('Year').fill('1985')
    await page.getByLabel('In person').check()
    await page.getByRole('button', { name: 'Record the approach' }).click()
    await assertLoaded(page, /^Case BAS-\d{4}-\d{5}$/)
    expect(await page.locator('main').textContent()).toContain('No letters have been issued on this case yet')

    // The decision form starts at today's date.
    await page.getByRole('button', { name: 'Record a decision' }).click()
    await assertLoaded(page, 'Record a decision')
    await page.getByLabel('No duty owed').check()
    await page.getByLabel('Why no duty is owed').selectOption('not_homeless_or_threatened')
    await page.getByLabel('Reasons for the decision').fill('Your landlord has withdrawn the notice <and> you can stay.')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await assertLoaded(page, /^Case BAS-/)

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
