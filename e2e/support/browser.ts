import fs from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium: Playwright's own browser download is not available on these machines. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium (the CI script does this)')
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function newContext(browser: Browser, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', javaScriptEnabled: options.javaScript ?? true })
  // Fail within the test's own time, with Playwright's message about what it was waiting for.
  context.setDefaultTimeout(15_000)
  if (options.javaScript === false) withoutJavaScript.add(context)
  return context
}

const withoutJavaScript = new WeakSet<BrowserContext>()

/** axe runs as a script in the page, so it cannot check a page whose JavaScript is switched off. */
export function javaScriptIsOff(page: Page): boolean {
  return withoutJavaScript.has(page.context())
}
