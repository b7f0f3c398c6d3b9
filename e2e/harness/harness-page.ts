// Opening the preview harness (out/harness) in Chromium, and what every harness test checks on a page.
import { existsSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, type TestInfo } from '@playwright/test'
import { serveFolder } from '../static-server'

export const HARNESS_DIR = 'out/harness'

export async function serveHarness(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(`${HARNESS_DIR}/index.html`)) {
    throw new Error(`${HARNESS_DIR}/index.html is missing: run \`npm run harness\` first (test:e2e does it)`)
  }
  return serveFolder(HARNESS_DIR)
}

export interface HarnessParams {
  fixture: string
  theme?: 'light' | 'dark' | 'system'
  lang?: 'en' | 'ru' | 'de' | 'system'
  view?: 'groups' | 'changes' | 'settings'
}

/** Collects uncaught errors and console errors of a page; `take()` returns and forgets them. */
export function collectErrors(page: Page): { take(): string[] } {
  let errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return {
    take() {
      const taken = errors
      errors = []
      return taken
    },
  }
}

/** Opens a fixture and waits until the window shows its content. */
export async function openHarness(page: Page, baseUrl: string, params: HarnessParams): Promise<void> {
  const query = new URLSearchParams({ theme: 'light', lang: 'en', ...params })
  await page.goto(`${baseUrl}index.html?${query}`)
  await expect(page.getByTestId('app-root')).toBeVisible()
  await expect(page.getByText(/^(Loading|Загрузка|Wird geladen)…$/)).toHaveCount(0)
  if ((params.view ?? 'groups') === 'groups' && params.fixture !== 'empty') {
    await expect(page.getByRole('option').first()).toBeVisible()
  }
}

/** axe-core on the whole page: no serious or critical violation (the others are printed for review). */
export async function expectAccessible(page: Page, testInfo: TestInfo): Promise<void> {
  // Legacy mode runs axe.run in the page; the default finishes in an extra blank page, four times slower here.
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze()
  const blocking = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
  const minor = results.violations.filter((violation) => !blocking.includes(violation))
  if (minor.length > 0) {
    await testInfo.attach('axe-minor-violations.json', {
      body: JSON.stringify(minor.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.length }))),
      contentType: 'application/json',
    })
  }
  const summary = blocking.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }))
  expect(summary).toEqual([])
}

/** A screenshot of the tray window, kept with the test's results. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** The calls the window made to the fake main. */
export async function harnessCalls(page: Page, channel: string): Promise<unknown[]> {
  return page.evaluate(
    (name) => window.harness.calls.filter((call) => call.channel === name).map((call) => call.request),
    channel,
  )
}
