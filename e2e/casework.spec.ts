import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { demoAccount, fillDate, recordApproach, recordDecision } from './pages/case-pages.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

describe('a caseworker records decisions in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  it('takes an approach to a prevention duty that ends with the household staying at home, checking every page with axe', async () => {
    const page = await (await newContext(browser)).newPage()
    await signIn(page, server.url, demoAccount('caseworker').email, DEMO_PASSWORD)
    await page.goto(`${server.url}/cases`)
    await assertLoaded(page, 'Your caseload')
    await page.getByRole('button', { name: 'Record a new approach' }).click()
    await assertLoaded(page, 'Record a new approach')
    await page.getByRole('button', { name: 'Record the approach' }).click()
    await assertLoaded(page, 'Record a new approach')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the applicant’s first name')

    await page.getByLabel('First name').fill('Kirsty')
    await page.getByLabel('Last name').fill('Hughes')
    const birth = page.getByRole('group', { name: 'Date of birth' })
    await birth.getByLabel('Day').fill('14')
    await birth.getByLabel('Month').fill('5')
    await birth.getByLabel('Year').fill('1991')
    await page.getByLabel('Female').check()
    await page.getByLabel('By phone').check()
    await page.getByLabel('We or a partner found them before they asked for help (identified proactively)').check()
    await page.getByRole('button', { name: 'Record the approach' }).click()
    await assertLoaded(page, /^Case BAS-\d{4}-\d{5}$/)

    await recordDecision(page, 'Prevention duty owed (section 195): threatened with homelessness within 56 days')
    expect(await page.locator('main').textContent()).toContain('Prevention duty: 56-day period ends')
    await recordDecision(page, 'End the prevention duty', {
      more: async () => {
        await page.getByLabel('Ground for ending the duty').selectOption('suitable_accommodation_secured')
        await page.getByLabel('Stayed in their existing home').check()
        await page.getByLabel('If accommodation was secured: what type is it?').selectOption('council_tenant')
      },
    })
    const main = await page.locator('main').textContent()
    expect(main).toContain('Prevention duty ended: suitable accommodation secured')
    expect(main).toContain('stayed in existing home (council tenant)')
    expect(await page.getByRole('button', { name: 'Record a decision' }).count()).toBe(0)
    await page.context().close()
  })

  it('takes a relief duty to a main housing duty decision once its 56 days have run', async () => {
    const page = await (await newContext(browser)).newPage()
    await signIn(page, server.url, demoAccount('caseworker').email, DEMO_PASSWORD)
    // The household approached, already homeless, 60 days ago.
    const approached = new Date(Date.now() - 60 * 86_400_000)
    await recordApproach(page, server.url, {
      givenName: 'Dev',
      familyName: 'Mistry',
      born: new Date(1979, 10, 2),
      channel: 'In person',
      approachedOn: approached,
    })
    await recordDecision(page, 'Relief duty owed (section 189B): homeless', { on: approached })
    const due = await page.locator('main').textContent()
    expect(due).toContain('Main housing duty decision due (day 57)')
    expect(due).toMatch(/Overdue by \d+ days/)

    // Interim accommodation (s188) while the relief duty runs, on the reason to believe it is owed.
    await page.getByRole('button', { name: 'Temporary accommodation' }).click()
    await assertLoaded(page, 'Temporary accommodation')
    await page.getByLabel('Hostel (including reception centres, emergency units and refuges)').check()
    await fillDate(page, 'Date of the placement', approached)
    await page.getByRole('button', { name: 'Record the placement' }).click()
    await assertLoaded(page, 'Temporary accommodation')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('reason to believe the applicant may be homeless')
    await page.getByLabel('The applicant may be homeless').check()
    await page.getByLabel('The applicant may be eligible for assistance').check()
    await page.getByLabel('The applicant may have a priority need').check()
    await page.getByLabel('Which priority need does the applicant appear to have?').selectOption('vulnerable_mental_health')
    await page.getByRole('button', { name: 'Record the placement' }).click()
    await assertLoaded(page, /^Case BAS-/)
    expect(await page.locator('main').textContent()).toContain('section 188 (interim)')

    // The main housing duty decision rests on priority need and intentionality (s193(1)).
    await recordDecision(page, 'Main housing duty owed (section 193)', {
      more: async () => {
        await page.getByRole('group', { name: 'Is the applicant in priority need?' }).getByLabel('Yes').check()
        await page.getByLabel('If in priority need: which priority need?').selectOption('vulnerable_mental_health')
        await page.getByLabel('No: not intentionally homeless').check()
      },
    })
    const main = await page.locator('main').textContent()
    expect(main).toContain('Main housing duty decision: owed')
    expect(main).toContain('Yes: Vulnerable as a result of mental illness or learning disability')
    expect(main).not.toContain('Main housing duty decision due (day 57)')
    await page.context().close()
  })

  it('ends a duty for non-cooperation only after a warning, a reasonable period and a second officer’s authorisation', async () => {
    const caseworker = await (await newContext(browser)).newPage()
    await signIn(caseworker, server.url, demoAccount('caseworker').email, DEMO_PASSWORD)
    await caseworker.goto(`${server.url}/cases`)
    // The caseload is in deadline order, so the first prevention case has run longest.
    await caseworker.locator('tbody tr', { hasText: 'Prevention' }).first().locator('a').click()
    await assertLoaded(caseworker, /^Case BAS-/)
    const caseUrl = caseworker.url()
    const approached = new Date(
      `${
        (
          await caseworker
            .locator('.govuk-summary-list__row')
            .filter({ has: caseworker.locator('dt', { hasText: /^\s*Approached\s*$/ }) })
            .locator('dd')
            .textContent()
        )?.trim() ?? ''
      } 12:00`,
    )
    // A warning is about a step in the plan the applicant agreed (s193B(2)): the plan first, from the day they approached.
    const agentsStep = 'Register with at least three letting agents in the area and ask to be told about suitable homes'
    await caseworker.getByRole('button', { name: 'Housing plan' }).click()
    await assertLoaded(caseworker, 'Personalised housing plan')
    await fillDate(caseworker, 'Date of the plan', approached)
    await caseworker.getByRole('button', { name: 'Make the plan' }).click()
    await assertLoaded(caseworker, 'Personalised housing plan')
    await caseworker.getByRole('button', { name: 'Add steps from the library' }).click()
    await assertLoaded(caseworker, 'Choose steps from the library')
    await caseworker.getByLabel(agentsStep).check()
    await caseworker.getByRole('button', { name: 'Continue' }).click()
    await assertLoaded(caseworker, 'Write the steps for this household')
    await caseworker.getByRole('button', { name: 'Save the steps' }).click()
    await assertLoaded(caseworker, 'Personalised housing plan')
    await caseworker.getByLabel('The applicant agrees the steps').check()
    await fillDate(caseworker, 'Date the applicant gave their view', approached)
    await caseworker.getByRole('button', { name: 'Record the applicant’s view' }).click()
    await assertLoaded(caseworker, 'Personalised housing plan')

    await caseworker.goto(`${caseUrl}/non-cooperation`)
    await assertLoaded(caseworker, 'Non-cooperation')
    await caseworker.getByLabel(agentsStep).check()
    const warned = caseworker.getByRole('group', { name: 'Date of the warning' })
    await warned.getByLabel('Day').fill(String(approached.getDate()))
    await warned.getByLabel('Month').fill(String(approached.getMonth() + 1))
    await warned.getByLabel('Year').fill(String(approached.getFullYear()))
    await caseworker.getByLabel('Reasonable period, in days').fill('1')
    await caseworker.getByRole('button', { name: 'Give the warning' }).click()
    await assertLoaded(caseworker, 'Non-cooperation')
    await caseworker.getByLabel('Why is the notice given?').fill('Refused every viewing without a reason')
    await caseworker.getByRole('button', { name: 'Decide to give the notice' }).click()
    await assertLoaded(caseworker, 'Non-cooperation')
    expect(await caseworker.locator('main').textContent()).toContain('Waiting for a second officer')

    const manager = await (await newContext(browser)).newPage()
    await signIn(manager, server.url, demoAccount('team_manager').email, DEMO_PASSWORD)
    await manager.goto(`${caseUrl}/non-cooperation`)
    await assertLoaded(manager, 'Non-cooperation')
    await manager.getByRole('button', { name: 'Authorise the notice' }).click()
    await assertLoaded(manager, 'Non-cooperation')
    expect(await manager.locator('main').textContent()).toContain('The notice is authorised')
    await manager.context().close()

    await caseworker.goto(`${caseUrl}/decision`)
    await assertLoaded(caseworker, 'Record a decision')
    await caseworker.getByLabel('End the prevention duty').check()
    await caseworker.getByLabel('Ground for ending the duty').selectOption('non_cooperation')
    await caseworker.getByRole('button', { name: 'Record the decision' }).click()
    await assertLoaded(caseworker, /^Case BAS-/)
    expect(await caseworker.locator('main').textContent()).toContain('Prevention duty ended: non cooperation')
    await caseworker.context().close()
  })

  it('lets a team manager name another officer on a case', async () => {
    const page = await (await newContext(browser)).newPage()
    await signIn(page, server.url, demoAccount('team_manager').email, DEMO_PASSWORD)
    await page.goto(`${server.url}/cases`)
    await assertLoaded(page, 'Open cases')
    await page.locator('tbody tr a').first().click()
    await assertLoaded(page, /^Case BAS-/)
    await page.getByRole('button', { name: 'Change the named officer' }).click()
    await assertLoaded(page, 'Change the named officer')
    await page.getByLabel('New named officer').selectOption({ index: 1 })
    const chosen = (await page.locator('#officer option:checked').textContent())?.replace(/ \(.*\)$/, '') ?? ''
    await page.getByRole('button', { name: 'Change the named officer' }).click()
    await assertLoaded(page, /^Case BAS-/)
    expect(await page.locator('main').textContent()).toContain(`Named officer changed: now ${chosen}`)
    await page.context().close()
  })
})
