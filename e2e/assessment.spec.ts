import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/generate.ts'
import { assertLoaded, signIn } from './pages/base-page.ts'
import { demoAccount, fillDate, recordApproach } from './pages/case-pages.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { step } from './support/step.ts'
import { startServer, type RunningServer } from './support/server.ts'

function daysFrom(date: Date, days: number): Date {
  const moved = new Date(date)
  moved.setDate(moved.getDate() + days)
  return moved
}

describe('a caseworker assesses a household in the browser', () => {
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

  /** A caseworker's page on a new approach, so that the household is known and the assessment not started. */
  async function newCase(givenName: string) {
    const page = await (await newContext(browser)).newPage()
    await step('sign in as a caseworker', () => signIn(page, server.url, demoAccount('caseworker').email, DEMO_PASSWORD))
    await step('record a new approach', () =>
      recordApproach(page, server.url, {
        givenName,
        familyName: 'Clarke',
        born: new Date(1990, 6, 21),
        sex: 'Female',
        channel: 'In person',
      }),
    )
    return page
  }

  async function addChild(page: Page, born: Date) {
    await page.getByRole('link', { name: 'Manage the household' }).click()
    await assertLoaded(page, 'Household')
    await page.getByRole('button', { name: 'Add a household member' }).click()
    await assertLoaded(page, 'Add a household member')
    await page.getByLabel('First name').fill('Ruby')
    await page.getByLabel('Last name').fill('Clarke')
    await page.getByLabel('Relationship to the applicant').selectOption('child')
    await fillDate(page, 'Date of birth', born)
    await page.getByLabel('Female').check()
    await page.getByRole('button', { name: 'Add the member' }).click()
  }

  async function openAssessment(page: Page, caseUrl: string) {
    await page.goto(`${caseUrl}/assessment`)
    await assertLoaded(page, 'Assessment (section 189A)')
  }

  it('adds a household member, refusing a birth in the future, and records the applicant’s personal details', async () => {
    const page = await newCase('Nadia')
    await step('a birth in the future is refused', async () => {
      await addChild(page, daysFrom(today, 3))
      await assertLoaded(page, 'Add a household member')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Date of birth must be today or in the past')
    })
    await step('the child is added', async () => {
      await fillDate(page, 'Date of birth', new Date(2017, 1, 9))
      await page.getByRole('button', { name: 'Add the member' }).click()
      await assertLoaded(page, 'Household')
      expect(await page.locator('main table').textContent()).toContain('Ruby Clarke')
    })
    await step('the applicant’s personal details for the statutory return', async () => {
      await page.getByRole('link', { name: 'Personal details of Nadia Clarke' }).click()
      await assertLoaded(page, 'Personal details for the statutory return')
      await page.getByLabel('Ethnic group').selectOption('black_caribbean')
      await page.getByLabel('Nationality').selectOption('uk')
      await page.getByRole('button', { name: 'Save the personal details' }).click()
      await assertLoaded(page, 'Household')
    })
    await page.context().close()
  })

  it('refuses a notice that expires before it was served, keeping the answers', async () => {
    const page = await newCase('Nora')
    const caseUrl = page.url()
    await step('open the assessment', () => openAssessment(page, caseUrl))
    await step('a notice expiring before it was served is refused', async () => {
      await page.getByRole('link', { name: 'Homeless or threatened with homelessness' }).click()
      await assertLoaded(page, 'Homeless or threatened with homelessness')
      await page.getByLabel('Threatened with homelessness within 56 days', { exact: true }).check()
      await fillDate(page, 'The date they expect to become homeless', daysFrom(today, 30))
      await page.getByLabel('Section 21 notice (no-fault, assured shorthold tenancy)').check()
      await fillDate(page, 'If a notice was served: the date it was served', daysFrom(today, -31))
      await fillDate(page, 'If a notice was served: the date it expires', daysFrom(today, -40))
      await page.getByRole('button', { name: 'Save and continue' }).click()
      await assertLoaded(page, 'Homeless or threatened with homelessness')
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'The date the notice expires must be on or after the date it was served',
      )
    })
    await step('the corrected notice is saved', async () => {
      await fillDate(page, 'If a notice was served: the date it expires', daysFrom(today, 30))
      await page
        .getByRole('group', { name: 'If a section 21 or section 8 notice was served: is it valid?' })
        .getByLabel('Not checked yet')
        .check()
      await page.getByLabel('Yes, it is the only accommodation available to them').check()
      await page.getByRole('button', { name: 'Save and continue' }).click()
      await assertLoaded(page, 'Assessment (section 189A)')
    })
    await page.context().close()
  })

  // Eight sections and check your answers, each page checked by axe: still over a minute on a busy machine.
  it('completes every section of the assessment and checks the answers, with axe on every page', async () => {
    const page = await newCase('Nadia')
    const caseUrl = page.url()
    await step('add the child', async () => {
      await addChild(page, new Date(2017, 1, 9))
      await assertLoaded(page, 'Household')
    })
    await step('open the assessment', () => openAssessment(page, caseUrl))
    const section = (title: string, answer: () => Promise<void>) =>
      step(`the section “${title}”`, async () => {
        await page.getByRole('link', { name: title }).click()
        await assertLoaded(page, title)
        await answer()
        await page.getByRole('button', { name: 'Save and continue' }).click()
        await assertLoaded(page, 'Assessment (section 189A)')
      })
    await section('Eligibility for assistance', async () => {
      await page.getByLabel('Eligible for assistance', { exact: true }).check()
    })
    await section('Homeless or threatened with homelessness', async () => {
      await page.getByLabel('Threatened with homelessness within 56 days', { exact: true }).check()
      await fillDate(page, 'The date they expect to become homeless', daysFrom(today, 30))
      await page.getByLabel('Section 21 notice (no-fault, assured shorthold tenancy)').check()
      await fillDate(page, 'If a notice was served: the date it was served', daysFrom(today, -31))
      await fillDate(page, 'If a notice was served: the date it expires', daysFrom(today, 30))
      await page.getByLabel('Yes, the notice is valid').check()
      await page.getByLabel('Yes, it is the only accommodation available to them').check()
    })
    await section('Circumstances and reason for loss of the last settled home', async () => {
      await page.getByLabel('What was the household’s last settled home?').selectOption('private_rented_self_contained')
      await page
        .getByLabel('What is the main reason for the loss, or threat of loss, of the last settled home?')
        .selectOption('end_of_assured_shorthold_tenancy')
      await page
        .getByLabel('What circumstances caused the household to become homeless or threatened with homelessness?')
        .fill('The landlord is selling the house.')
    })
    await section('Accommodation at application', async () => {
      await page.getByLabel('Where is the household living now?').selectOption('private_rented_self_contained')
    })
    await section('Housing needs', async () => {
      await page.getByLabel('How many bedrooms does the household need?').fill('2')
      await page.getByLabel('Where do they need to live, or not live? (optional)').fill('Near Ruby’s school')
    })
    await section('Support needs of the household', async () => {
      await page.getByRole('group', { name: 'Nadia Clarke (applicant)' }).getByLabel('History of mental health problems').check()
      await page.getByRole('group', { name: 'Ruby Clarke' }).getByLabel('No support needs').check()
    })
    await section('Employment and benefits', async () => {
      await page.getByLabel('What is the applicant’s employment status?').selectOption('part_time')
      await page
        .getByRole('group', { name: 'Does anyone in the household claim benefits towards housing costs?' })
        .getByLabel('Yes')
        .check()
      await page
        .getByRole('group', { name: 'Does anyone in the household claim benefits towards other living costs?' })
        .getByLabel('No', { exact: true })
        .check()
    })
    await section('Strengths: what the household can do', async () => {
      await page.getByLabel('Who can help them?').fill('Her brother lives nearby and can store furniture')
    })
    expect(await page.locator('main').textContent()).toContain('8 of 8 sections completed')

    await step('check the answers and complete the assessment', async () => {
      await page.getByRole('button', { name: 'Check your answers' }).click()
      await assertLoaded(page, 'Check your answers')
      const answers = await page.locator('main').textContent()
      expect(answers).toContain('Section 21 notice (no-fault, assured shorthold tenancy)')
      expect(answers).toContain('History of mental health problems')
      expect(answers).toContain('No support needs')
      await page.getByRole('button', { name: 'Complete the assessment' }).click()
      await assertLoaded(page, /^Case BAS-/)
    })
    expect(page.url()).toBe(caseUrl)
    const casePage = await page.locator('main').textContent()
    expect(casePage).toContain('Assessment (section 189A) completed')
    expect(casePage).toContain('Ruby Clarke')
    await page.context().close()
  })
})
