import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { javaScriptIsOff } from '../support/browser.ts'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Every page load in the browser tests comes through here: the page must have the expected heading and
 * pass axe's WCAG 2.2 AA checks (in the tests with JavaScript on: the same pages are checked there).
 */
export async function assertLoaded(page: Page, heading: string | RegExp): Promise<void> {
  // Wait for the page to show the heading (a click may not have navigated yet); a wrong heading is
  // then reported by the expectation below with what the page did show.
  const expected = page.locator('h1', { hasText: heading }).first()
  await expected.waitFor().catch(() => undefined)
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? ''
  if (typeof heading === 'string') expect(h1).toBe(heading)
  else expect(h1).toMatch(heading)
  if (!javaScriptIsOff(page)) await assertAccessible(page)
}

export async function assertAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  )
  expect(problems, `accessibility problems on ${page.url()}`).toEqual([])
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await assertLoaded(page, 'Sign in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await assertLoaded(page, 'You have signed out')
}
