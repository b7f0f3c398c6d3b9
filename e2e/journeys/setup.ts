// What every journey needs: a private user-data directory, a demo portal of the test's own (so the test changes
// memberships deterministically; the app's --demo portal changes them at random), the labels in English from the
// app's own dictionaries, and the check that the page had no console error or CSP violation.
import { expect, type Page } from '@playwright/test'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTranslator } from '../../src/shared/i18n'
import { startDemoPortal, type DemoGroup, type DemoPortal } from '../../src/core/demo'
import type { AppDriver } from './driver'

export const t = createTranslator('en').t

export const GROUPS: DemoGroup[] = [
  { id: '1', name: 'Marketing', role: 'K', image: '/_demo/avatars/marketing.svg' },
  { id: '7', name: 'Website relaunch 2026', role: 'A', image: '/_demo/avatars/website.png' },
  { id: '12', name: 'Sales — Northern Europe', role: 'E', image: null },
  { id: '31', name: 'Ideas <b>bold</b> & "quoted"', role: 'K', image: null },
]

export interface Journey {
  userDataDir: string
  /** The window's browser profile (LaunchOptions.browserProfileDir), beside the user data. */
  browserProfileDir: string
  portal: DemoPortal
  /** The webhook code in the portal's webhook URL: the secret that must stay in the keychain. */
  code: string
}

export async function prepareJourney(groups: DemoGroup[] = GROUPS): Promise<Journey> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'b24-journey-'))
  const portal = await startDemoPortal({ rateLimit: false, users: { '1': groups } })
  portal.control.setProfile('1', { name: 'Alex', lastName: 'Morgan', photo: '/_demo/avatars/alex-morgan.svg' })
  const code = /\/rest\/1\/([^/]+)\//.exec(portal.webhookUrl('1'))![1]!
  return { userDataDir, browserProfileDir: `${userDataDir}-browser`, portal, code }
}

export async function finishJourney(journey: Journey | null, app: AppDriver | null): Promise<void> {
  await app?.dispose()
  await journey?.portal.close()
  if (journey) {
    await rm(journey.userDataDir, { recursive: true, force: true })
    await rm(journey.browserProfileDir, { recursive: true, force: true })
  }
}

/** Every journey ends here: the page had no console error, uncaught exception or CSP violation. */
export async function expectNoPageProblems(app: AppDriver): Promise<void> {
  expect(await app.problems()).toEqual([])
}

/** Onboarding as a user does it: paste the webhook, test it, add it, and wait for the list. */
export async function addWebhookThroughOnboarding(window: Page, webhookUrl: string): Promise<void> {
  const onboarding = window.getByTestId('onboarding')
  await expect(onboarding).toBeVisible()
  await onboarding.getByRole('textbox').first().fill(webhookUrl)
  await onboarding.getByRole('button', { name: t('ui:form.test') }).click()
  await expect(onboarding.getByTestId('test-result')).toBeVisible()
  await onboarding.getByRole('button', { name: t('ui:form.add') }).click()
  // The first sync of a large list on a shared CI machine can take longer than an assertion's default 5 s.
  await expect(window.getByText('Marketing', { exact: true }).first()).toBeVisible({ timeout: 20_000 })
}

/**
 * Every file under a directory, read whole, that holds the needle in UTF-8 or UTF-16 (Chromium's storage keeps
 * strings in either): the secret must be in none of them.
 */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
  const found: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const bytes = await readFile(path)
    if (forms.some((form) => bytes.includes(form))) found.push(path)
  }
  return found
}

/** How many files a directory holds, at any depth: a scan of an empty directory proves nothing. */
export async function fileCount(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).length
}

/** The labels of a menu's items, nested items as "parent > child". */
export function menuLabels(items: { label: string; submenu?: { label: string }[] }[]): string[] {
  return items.flatMap((item) => [item.label, ...(item.submenu ?? []).map((child) => `${item.label} > ${child.label}`)])
}

/** A tray menu label without the bidi isolates the app puts around portal text. */
export function plain(label: string): string {
  return label.replace(/[\u2066-\u2069]/g, '')
}
