import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { demoAccount, recordApproach, recordDecision } from './pages/case-pages.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { step } from './support/step.ts'
import { startServer, type RunningServer } from './support/server.ts'

describe('a caseworker makes a personalised housing plan and records the work in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  /** A caseworker's page on a new approach owed the prevention duty. */
  async function preventionCase(givenName: string) {
    const page = await (await newContext(browser)).newPage()
    await step('sign in as a caseworker', () => signIn(page, server.url, demoAccount('caseworker').email, DEMO_PASSWORD))
    await step('record a new approach', () =>
      recordApproach(page, server.url, { givenName, familyName: 'Karim', born: new Date(1990, 8, 2), sex: 'Female' }),
    )
    await step('record the prevention duty', () =>
      recordDecision(page, 'Prevention duty owed (section 195): threatened with homelessness within 56 days'),
    )
    return page
  }

  it('builds a plan from the library on a prevention case, records agreement and prints it', async () => {
    const page = await preventionCase('Nadia')
    const caseUrl = page.url()

    // The plan: made today (the form starts at today), then steps chosen from the library and personalised.
    await step('make the plan', async () => {
      await page.getByRole('button', { name: 'Housing plan' }).click()
      await assertLoaded(page, 'Personalised housing plan')
      await page.getByRole('button', { name: 'Make the plan' }).click()
      await assertLoaded(page, 'Personalised housing plan')
      expect(await page.locator('main').textContent()).toContain('Next review due')
    })
    await step('choose steps from the library', async () => {
      await page.getByRole('button', { name: 'Add steps from the library' }).click()
      await assertLoaded(page, 'Choose steps from the library')
      await page.getByLabel('Register with at least three letting agents in the area and ask to be told about suitable homes').check()
      await page.getByLabel('Negotiate with the landlord to keep the tenancy going, including an arrears repayment plan').check()
      await page.getByRole('button', { name: 'Continue' }).click()
      await assertLoaded(page, 'Write the steps for this household')
    })
    await step('a step with no words is refused, the other kept as written', async () => {
      await page.locator('#text-0').fill('')
      await page.getByRole('button', { name: 'Save the steps' }).click()
      await assertLoaded(page, 'Write the steps for this household')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Step 1: Enter what is to be done')
      expect(await page.locator('#text-1').inputValue()).toContain('Negotiate with the landlord')
    })
    await step('save the personalised steps', async () => {
      await page.locator('#text-0').fill('Register with Castle Lettings and Homes4U and ask for two-bedroom homes in Basildon')
      await page.getByRole('button', { name: 'Save the steps' }).click()
      await assertLoaded(page, 'Personalised housing plan')
      const steps = await page.locator('table').textContent()
      expect(steps).toContain('Castle Lettings')
      expect(steps).toContain('Negotiate with the landlord')
    })
    await step('record the applicant’s view', async () => {
      await page.getByLabel('The applicant agrees the steps').check()
      await page.getByRole('button', { name: 'Record the applicant’s view' }).click()
      await assertLoaded(page, 'Personalised housing plan')
      expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('The applicant agrees the steps')
    })
    await step('print the applicant’s copy', async () => {
      await page.getByRole('link', { name: 'Printable copy for the applicant' }).click()
      await assertLoaded(page, 'Your personalised housing plan')
      const printed = (await page.locator('main').textContent()) ?? ''
      expect(printed.indexOf('Castle Lettings')).toBeLessThan(printed.indexOf('Negotiate with the landlord'))
      expect(printed).toContain('You can ask us to review the steps')
    })
    await step('the plan on the case’s timeline', async () => {
      await page.goto(caseUrl)
      await assertLoaded(page, /^Case BAS-/)
      const timeline = (await page.locator('main').textContent()) ?? ''
      expect(timeline).toContain('Steps added to the housing plan')
      expect(timeline).toContain('Review the personalised housing plan')
    })
    await page.context().close()
  })

  it('records an activity and a contact on a prevention case, counted apart', async () => {
    const page = await preventionCase('Omar')
    const caseUrl = page.url()
    await step('record an activity', async () => {
      await page.getByRole('button', { name: 'Activities and contacts' }).click()
      await assertLoaded(page, 'Activities and contacts')
      await page.getByLabel('Activity', { exact: true }).selectOption('negotiation_mediation_advocacy_prevent_eviction')
      await page.locator('#activity-note').fill('Landlord agreed to wait while the arrears plan starts')
      await page.getByRole('button', { name: 'Record the activity' }).click()
      await assertLoaded(page, 'Activities and contacts')
    })
    await step('record a contact', async () => {
      await page.getByLabel('Phone call').check()
      await page.getByLabel('To the household').check()
      await page.getByRole('button', { name: 'Record the contact' }).click()
      await assertLoaded(page, 'Activities and contacts')
      const main = (await page.locator('main').textContent()) ?? ''
      expect(main).toContain('Activities (1)')
      expect(main).toContain('Contacts (1)')
    })
    await step('the counts on the case page', async () => {
      await page.goto(caseUrl)
      await assertLoaded(page, /^Case BAS-/)
      expect(await page.locator('#activity-count').textContent()).toBe('1')
      expect(await page.locator('#contact-count').textContent()).toBe('1')
    })
    await page.context().close()
  })
})
