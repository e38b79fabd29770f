import type { Page } from 'playwright-core'
import { DEMO_ACCOUNTS } from '../../src/demo/generate.ts'
import { assertLoaded } from './base-page.ts'

/** A demonstration account of a role at Basildon (or another authority named in the organisation). */
export function demoAccount(role: string, organisation = 'Basildon'): (typeof DEMO_ACCOUNTS)[number] {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role && a.organisationName.includes(organisation))
  if (!found) throw new Error(`no ${organisation} ${role} in the demonstration data`)
  return found
}

/** Fills a GOV.UK date input, found by its legend. */
export async function fillDate(page: Page, legend: string, date: Date): Promise<void> {
  const fields = page.getByRole('group', { name: legend })
  await fields.getByLabel('Day').fill(String(date.getDate()))
  await fields.getByLabel('Month').fill(String(date.getMonth() + 1))
  await fields.getByLabel('Year').fill(String(date.getFullYear()))
}

/**
 * "Record a new approach", filled and submitted: the journey then stands on the new case's page. Each
 * journey opens its own case, so none depends on the demonstration data's cases.
 */
export async function recordApproach(
  page: Page,
  baseUrl: string,
  applicant: {
    givenName: string
    familyName: string
    born: Date
    sex?: 'Female' | 'Male'
    channel?: string
    route?: string
    approachedOn?: Date
  },
): Promise<void> {
  await page.goto(`${baseUrl}/cases/new`)
  await assertLoaded(page, 'Record a new approach')
  await page.getByLabel('First name').fill(applicant.givenName)
  await page.getByLabel('Last name').fill(applicant.familyName)
  await fillDate(page, 'Date of birth', applicant.born)
  if (applicant.sex) await page.getByLabel(applicant.sex, { exact: true }).check()
  if (applicant.approachedOn) await fillDate(page, 'Date of approach', applicant.approachedOn)
  await page.getByLabel(applicant.channel ?? 'By phone').check()
  await page.getByLabel(applicant.route ?? 'They came to us themselves (self-referral)').check()
  await page.getByRole('button', { name: 'Record the approach' }).click()
  await assertLoaded(page, /^Case [A-Z]{3}-\d{4}-\d{5}$/)
}

/**
 * "Record a decision" from the case page: the choice, anything it needs (`more`), and the date (the form
 * starts at today's), submitted; the journey is then back on the case page.
 */
export async function recordDecision(page: Page, choice: string, options: { on?: Date; more?: () => Promise<void> } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Record a decision' }).click()
  await assertLoaded(page, 'Record a decision')
  await page.getByLabel(choice).check()
  if (options.more) await options.more()
  if (options.on) await fillDate(page, 'Date of decision', options.on)
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await assertLoaded(page, /^Case [A-Z]{3}-/)
}
