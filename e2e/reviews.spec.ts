import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { demoAccount, fillDate, recordApproach, recordDecision } from './pages/case-pages.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'
import { step } from './support/step.ts'

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

  // Node's own clock is the real "today", as the server's is.
  const today = new Date()
  const fillToday = (page: Page, legend: string) => fillDate(page, legend, today)

  it('is requested by the caseworker, shows as due on the case, and is decided by a team manager, each page passing axe', async () => {
    const caseworker = await (await newContext(browser)).newPage()
    const caseUrl = await step('a case whose prevention duty has ended', async () => {
      await signIn(caseworker, server.url, demoAccount('caseworker').email, DEMO_PASSWORD)
      await recordApproach(caseworker, server.url, { givenName: 'Nadia', familyName: 'Okoro', born: new Date(1985, 8, 3), sex: 'Female' })
      const url = caseworker.url()
      await recordDecision(caseworker, 'Prevention duty owed (section 195): threatened with homelessness within 56 days')
      await recordDecision(caseworker, 'End the prevention duty', {
        more: async () => {
          await caseworker.getByLabel('Ground for ending the duty').selectOption('contact_lost')
        },
      })
      return url
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
    await signIn(manager, server.url, demoAccount('team_manager').email, DEMO_PASSWORD)
    await manager.goto(reviewUrl)
    await assertLoaded(manager, 'Review of a decision')

    // During the review: the reviewer's "minded to" notice, the applicant's answer, a longer period (regs 7 and 9).
    await step('the notice, the representations and a longer period', async () => {
      await manager.getByRole('button', { name: /Record a .minded to. notice/ }).click()
      await assertLoaded(manager, /Record a .minded to. notice/)
      await manager
        .getByLabel('What the reviewer is minded to decide, and why')
        .fill('The wrong number was called, but contact was lost for other reasons')
      await manager.getByRole('button', { name: 'Record the notice and issue its letter' }).click()
      await assertLoaded(manager, 'Review of a decision')
      await manager.getByRole('button', { name: 'Record the applicant’s representations' }).click()
      await assertLoaded(manager, 'Record the applicant’s representations')
      await manager.getByLabel('In writing', { exact: true }).check()
      await manager.getByRole('button', { name: 'Record the representations' }).click()
      await assertLoaded(manager, 'Review of a decision')
      await manager.getByRole('button', { name: 'Record a longer period agreed in writing' }).click()
      await assertLoaded(manager, 'Record a longer period agreed in writing')
      await fillDate(manager, 'End of the longer period', new Date(today.getTime() + 60 * 86_400_000))
      await manager.getByRole('button', { name: 'Record the longer period' }).click()
      await assertLoaded(manager, 'Review of a decision')
      const during = await manager.locator('main').textContent()
      expect(during).toContain('“Minded to” notice (regulation 7)')
      expect(during).toContain('Received in writing on')
      expect(during).toContain('Longer period agreed in writing')
    })

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
