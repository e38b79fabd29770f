import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { demoAccount } from './pages/case-pages.ts'
import {
  fillReferral,
  giveConsents,
  openReferral,
  PARTNER_CONSENTS,
  SELF_REFERRAL_CONSENTS,
  sentReference,
  summaryValue,
} from './pages/referral-pages.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'

const DAY = 86_400_000

describe('referrals under the duty to refer, and self-referrals, in the browser', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    await browser.close()
    await server.stop()
  })

  it('takes a hospital’s referral from the discharge coordinator to an approach, an outcome and a message the referrer sees', async () => {
    // The demonstration's hospital referrer: a discharge coordinator at the acute trust.
    const referrer = await (await newContext(browser)).newPage()
    await signIn(referrer, server.url, demoAccount('referrer', 'NHS Foundation Trust').email, DEMO_PASSWORD)
    await referrer.goto(`${server.url}/referrals`)
    await assertLoaded(referrer, 'Your organisation’s referrals')
    await referrer.getByRole('button', { name: 'Make a referral' }).click()
    await assertLoaded(referrer, 'Refer someone to a housing authority')
    await giveConsents(referrer, PARTNER_CONSENTS)
    await fillReferral(
      referrer,
      {
        authority: 'Basildon Borough Council',
        givenName: 'Maureen',
        familyName: 'Ashdown',
        born: new Date(1958, 2, 9),
        phone: '07700 900123',
        contact: 'Phone',
        // Within the 56 days, with room either side of the server's today.
        expectedHomelessOn: new Date(Date.now() + 30 * DAY),
        dischargeOn: new Date(Date.now() + 3 * DAY),
        adults: 1,
        children: 0,
        supportNeed: 'Physical ill health and disability',
        risks: 'Uses a wheelchair; ground floor only.',
      },
      { authority: 'Housing authority the person chose', expectedHomeless: 'When do they expect to become homeless?' },
    )
    await referrer.getByRole('button', { name: 'Send the referral' }).click()
    const reference = await sentReference(referrer, 'Referral sent')
    expect(await referrer.locator('main').textContent()).toContain('Basildon Borough Council has received the referral')
    await referrer.context().close()

    const caseworker = await (await newContext(browser)).newPage()
    await signIn(caseworker, server.url, demoAccount('caseworker').email, DEMO_PASSWORD)
    await openReferral(caseworker, server.url, reference, 'Referrals inbox')
    const received = await caseworker.locator('main').textContent()
    expect(received).toContain('Mid and South Essex NHS Foundation Trust to Basildon Borough Council')
    expect(received).toContain('Uses a wheelchair; ground floor only.')
    expect(await summaryValue(caseworker, 'Status')).toBe('Received')
    await caseworker.getByRole('button', { name: 'Acknowledge' }).click()
    await assertLoaded(caseworker, `Referral ${reference}`)
    expect(await summaryValue(caseworker, 'Status')).toBe('Acknowledged')
    const referralUrl = caseworker.url()

    await caseworker.getByRole('button', { name: 'Open an approach' }).click()
    await assertLoaded(caseworker, `Open an approach from referral ${reference}`)
    expect(await caseworker.getByLabel('First name').inputValue()).toBe('Maureen')
    expect(await caseworker.getByLabel('Referred by another organisation').isChecked()).toBe(true)
    await caseworker.getByRole('button', { name: 'Open the approach' }).click()
    await assertLoaded(caseworker, /^Case BAS-\d{4}-\d{5}$/)
    const caseReference = (await caseworker.locator('h1').textContent())?.replace('Case ', '').trim() ?? ''

    await caseworker.goto(referralUrl)
    await assertLoaded(caseworker, `Referral ${reference}`)
    expect(await caseworker.locator('main').textContent()).toContain(`Case: ${caseReference}`)
    // Opening an approach is contact made: the referral waits only for its outcome.
    expect(await summaryValue(caseworker, 'Status')).toBe('Contacted')
    expect(await caseworker.getByRole('button', { name: 'Record contact made' }).count()).toBe(0)
    expect(await caseworker.getByRole('button', { name: 'Open an approach' }).count()).toBe(0)
    await caseworker.getByLabel('Prevention duty accepted').check()
    await caseworker.getByLabel('Details for the referrer (optional)').fill('Prevention duty owed; Priya Shah is the named officer.')
    await caseworker.getByRole('button', { name: 'Record the outcome' }).click()
    await assertLoaded(caseworker, `Referral ${reference}`)
    expect(await summaryValue(caseworker, 'Status')).toBe('Assessed')
    await caseworker.getByLabel('Send a message to the referrer').fill('We have met Maureen on the ward and will visit before discharge.')
    await caseworker.getByRole('button', { name: 'Send message' }).click()
    await assertLoaded(caseworker, `Referral ${reference}`)
    expect(await caseworker.locator('main').textContent()).toContain('We have met Maureen on the ward')
    await caseworker.context().close()

    const back = await (await newContext(browser)).newPage()
    await signIn(back, server.url, demoAccount('referrer', 'NHS Foundation Trust').email, DEMO_PASSWORD)
    await openReferral(back, server.url, reference, 'Your organisation’s referrals')
    expect(await summaryValue(back, 'Status')).toBe('Assessed')
    expect(await summaryValue(back, 'Outcome')).toBe('Prevention duty accepted')
    expect(await summaryValue(back, 'Outcome details')).toBe('Prevention duty owed; Priya Shah is the named officer.')
    const seen = await back.locator('main').textContent()
    expect(seen).toContain('We have met Maureen on the ward and will visit before discharge.')
    // The referrer follows the referral; the authority's steps are not theirs to take.
    expect(await back.getByRole('button', { name: 'Close the referral' }).count()).toBe(0)
    await back.context().close()
  })

  it('lets a member of the public ask for help without signing in, telling them first what is missing', async () => {
    const page = await (await newContext(browser)).newPage()
    await page.goto(`${server.url}/refer-yourself`)
    await assertLoaded(page, 'Ask your council for help with housing')
    // The field only robots fill in is not shown to people.
    expect(await page.locator('#website').isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Send' }).click()
    await assertLoaded(page, 'Ask your council for help with housing')
    const summary = page.locator('.govuk-error-summary')
    expect(await summary.count()).toBe(1)
    // Each problem links to its field, the consents first.
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#consent-toReferral')
    expect(await summary.locator('a[href="#localAuthority"]').count()).toBe(1)
    expect(await summary.locator('a[href="#person-givenName"]').count()).toBe(1)
    expect(await page.locator('#consent-toReferral-error').count()).toBe(1)

    await giveConsents(page, SELF_REFERRAL_CONSENTS)
    await fillReferral(
      page,
      {
        authority: 'Harlow Council',
        givenName: 'Jordan',
        familyName: 'Pemberton',
        born: new Date(1999, 7, 21),
        phone: '07700 900456',
        contact: 'Phone',
        expectedHomelessOn: new Date(Date.now() + 40 * DAY),
        adults: 1,
        children: 1,
        supportNeed: 'Young parent needing support to manage independently',
      },
      { authority: 'Which council do you want help from?', expectedHomeless: 'When do you expect to have to leave?' },
    )
    await page.getByRole('button', { name: 'Send' }).click()
    const reference = await sentReference(page, 'Your referral has been sent')
    expect(reference.length).toBeGreaterThan(3)
    expect(await page.locator('main').textContent()).toContain('Harlow Council has received the referral')
    await page.context().close()
  })

  it('shows the referral figures to an analyst and the referral settings to a team manager', async () => {
    const analyst = await (await newContext(browser)).newPage()
    await signIn(analyst, server.url, demoAccount('analyst').email, DEMO_PASSWORD)
    await analyst.goto(`${server.url}/referrals/figures`)
    await assertLoaded(analyst, 'Referral figures')
    expect(await analyst.locator('main').textContent()).toContain('By referring body')
    await analyst.context().close()

    const manager = await (await newContext(browser)).newPage()
    await signIn(manager, server.url, demoAccount('team_manager').email, DEMO_PASSWORD)
    await manager.goto(`${server.url}/referrals/settings`)
    await assertLoaded(manager, 'Referral settings')
    expect(await manager.getByLabel('Response target, in working days').inputValue()).toMatch(/^\d+$/)
    await manager.context().close()
  })
})
