import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/features/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

describe('a review (s202) of a decision ending a duty', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  const account = (role: string) => {
    const found = DEMO_ACCOUNTS.find((a) => a.role === role && a.organisationName.includes('Basildon'))
    if (!found) throw new Error(`no Basildon ${role} in the demonstration data`)
    return found
  }
  // Node's own clock is the real "today", as the server's is.
  const today = new Date()
  const fillToday = async (page: Page, group: string) => {
    const date = page.getByRole('group', { name: group })
    await date.getByLabel('Day').fill(String(today.getDate()))
    await date.getByLabel('Month').fill(String(today.getMonth() + 1))
    await date.getByLabel('Year').fill(String(today.getFullYear()))
  }

  it('is requested by the caseworker, shows as due on the case, and is decided by a team manager, each page passing axe', async () => {
    const caseworker = await (await newContext(browser)).newPage()
    await signIn(caseworker, server.url, account('caseworker').email, DEMO_PASSWORD)
    await caseworker.goto(`${server.url}/cases/new`)
    await assertLoaded(caseworker, 'Record a new approach')
    await caseworker.getByLabel('First name').fill('Nadia')
    await caseworker.getByLabel('Last name').fill('Okoro')
    const birth = caseworker.getByRole('group', { name: 'Date of birth' })
    await birth.getByLabel('Day').fill('3')
    await birth.getByLabel('Month').fill('9')
    await birth.getByLabel('Year').fill('1985')
    await caseworker.getByLabel('Female').check()
    await caseworker.getByLabel('By phone').check()
    await caseworker.getByRole('button', { name: 'Record the approach' }).click()
    await assertLoaded(caseworker, /^Case BAS-\d{4}-\d{5}$/)
    const caseUrl = caseworker.url()

    const decide = async (choice: string, more?: () => Promise<void>) => {
      await caseworker.getByRole('button', { name: 'Record a decision' }).click()
      await assertLoaded(caseworker, 'Record a decision')
      await caseworker.getByLabel(choice).check()
      if (more) await more()
      await fillToday(caseworker, 'Date of decision')
      await caseworker.getByRole('button', { name: 'Record the decision' }).click()
      await assertLoaded(caseworker, /^Case BAS-/)
    }
    await decide('Prevention duty owed (section 195): threatened with homelessness within 56 days')
    await decide('End the prevention duty', async () => {
      await caseworker.getByLabel('Ground for ending the duty').selectOption('contact_lost')
    })

    await caseworker.getByRole('button', { name: 'Reviews' }).click()
    await assertLoaded(caseworker, 'Reviews')
    await caseworker.getByRole('button', { name: 'Record a review request' }).click()
    await assertLoaded(caseworker, 'Record a review request')
    await caseworker.getByRole('button', { name: 'Record the review request' }).click()
    await assertLoaded(caseworker, 'Record a review request')
    const summary = await caseworker.locator('.govuk-error-summary').textContent()
    expect(summary).toContain('Select the decision the applicant wants reviewed')
    expect(summary).toContain('Enter the date the applicant was notified of the decision')

    await caseworker.getByLabel(/Prevention duty ended: contact lost/).check()
    await fillToday(caseworker, 'Date the applicant was notified of the decision')
    await caseworker.getByLabel('Grounds given (optional)').fill('I answered every call; the council had the wrong number')
    await caseworker.getByRole('button', { name: 'Record the review request' }).click()
    await assertLoaded(caseworker, 'Review of a decision')
    const reviewUrl = caseworker.url()
    expect(await caseworker.locator('main').textContent()).toContain('3 weeks')

    await caseworker.goto(caseUrl)
    await assertLoaded(caseworker, /^Case BAS-/)
    const due = await caseworker.locator('main').textContent()
    expect(due).toContain('Review decision due (section 202): Notice ending the prevention duty (section 195(5))')
    expect(due).toContain('in 20 days')
    expect(due).toContain('Review requested (section 202)')
    await caseworker.context().close()

    const manager = await (await newContext(browser)).newPage()
    await signIn(manager, server.url, account('team_manager').email, DEMO_PASSWORD)
    await manager.goto(reviewUrl)
    await assertLoaded(manager, 'Review of a decision')
    await manager.getByLabel('Original decision overturned').check()
    await manager.getByLabel('Reasons').fill('The council called a number the applicant had told us was out of use')
    await manager.getByRole('button', { name: 'Record the decision on review' }).click()
    await assertLoaded(manager, 'Review of a decision')
    expect(await manager.locator('main').textContent()).toContain('Overturned on')
    await manager.goto(caseUrl)
    await assertLoaded(manager, /^Case BAS-/)
    const decided = await manager.locator('main').textContent()
    expect(decided).not.toContain('Review decision due')
    expect(decided).toContain('Review decided: overturned')
    await manager.getByRole('button', { name: 'Reviews' }).click()
    await assertLoaded(manager, 'Reviews')
    expect(await manager.locator('table').textContent()).toContain('Overturned on')
    await manager.context().close()
  })
})
