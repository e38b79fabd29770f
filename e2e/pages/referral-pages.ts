import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { assertLoaded } from './base-page.ts'
import { fillDate } from './case-pages.ts'

/** What a referral form is filled with: the person, and why they are referred. */
export interface ReferralDetails {
  authority: string
  givenName: string
  familyName: string
  born: Date
  phone: string
  contact: 'Phone' | 'Email' | 'Post' | 'Through the referrer'
  expectedHomelessOn: Date
  dischargeOn?: Date
  adults?: number
  children?: number
  supportNeed?: string
  risks?: string
}

/** The three consents, each a single "Yes" checkbox found by its question. */
export async function giveConsents(page: Page, questions: readonly string[]): Promise<void> {
  for (const question of questions) await page.getByRole('group', { name: question }).getByLabel('Yes').check()
}

export const PARTNER_CONSENTS = [
  'Has the person agreed to be referred?',
  'Has the person agreed that the housing authority may have their contact details?',
  'Did the person choose the housing authority below?',
] as const

export const SELF_REFERRAL_CONSENTS = [
  'Do you want the council to contact you about help with housing?',
  'May the council use your phone number, email or address to contact you?',
  'Is the council you choose below the one you want help from?',
] as const

/**
 * The referral's questions after the consents, the same on the partner form and the self-referral form
 * (only their labels for the authority and the dates differ, so those are passed in).
 */
export async function fillReferral(
  page: Page,
  details: ReferralDetails,
  labels: { authority: string; expectedHomeless: string },
): Promise<void> {
  await page.getByLabel(labels.authority).selectOption({ label: details.authority })
  await page.getByLabel('First name').fill(details.givenName)
  await page.getByLabel('Last name').fill(details.familyName)
  await fillDate(page, 'Date of birth (optional)', details.born)
  await page.getByLabel('Phone number (optional)').fill(details.phone)
  await page.getByLabel(details.contact, { exact: true }).check()
  await page.getByLabel('Likely to become homeless within 56 days').check()
  await fillDate(page, labels.expectedHomeless, details.expectedHomelessOn)
  if (details.dischargeOn) await fillDate(page, 'Discharge or release date (optional)', details.dischargeOn)
  if (details.adults !== undefined) await page.getByLabel('How many adults are in the household').fill(String(details.adults))
  if (details.children !== undefined) await page.getByLabel('How many children? (optional)').fill(String(details.children))
  if (details.supportNeed) await page.getByLabel(details.supportNeed, { exact: true }).check()
  if (details.risks) await page.getByLabel('Risks and safeguarding (optional)').fill(details.risks)
}

/** The reference on the confirmation panel after a referral is sent. */
export async function sentReference(page: Page, heading: string): Promise<string> {
  await assertLoaded(page, heading)
  const panel = (await page.locator('.govuk-panel').textContent()) ?? ''
  const reference = /Reference\s*(\S+)/.exec(panel)?.[1]
  expect(reference, `a reference on the panel: ${panel}`).toBeTruthy()
  return reference ?? ''
}

/** The value of a row of the referral page's first summary list (status, outcome and so on). */
export async function summaryValue(page: Page, key: string): Promise<string> {
  const row = page
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^\\s*${key}\\s*$`) }) })
    .first()
  return ((await row.locator('dd').textContent()) ?? '').trim()
}

/** From the inbox (or the referrer's list) to one referral's page. */
export async function openReferral(page: Page, baseUrl: string, reference: string, listHeading: string): Promise<void> {
  await page.goto(`${baseUrl}/referrals`)
  await assertLoaded(page, listHeading)
  await page.getByRole('link', { name: reference, exact: true }).click()
  await assertLoaded(page, `Referral ${reference}`)
}
