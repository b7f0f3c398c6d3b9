// docs/screenshot.png from the real app on the headless host: the demo portal's groups and, after a scripted
// membership change, the change history, both in the light theme. `npm run screenshot` (after `npm run build`).
import { chromium } from '@playwright/test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { connectDemoControl } from '../../src/core/demo/control-client'
import { createTranslator } from '../../src/shared/i18n'
import { startHeadlessHost } from '../journeys/driver'

const t = createTranslator('en').t
const output = resolve(import.meta.dirname, '../../docs/screenshot.png')
const userDataDir = await mkdtemp(join(tmpdir(), 'b24-screenshot-'))
const host = await startHeadlessHost(['--demo', '--show', '--lang', 'en-US', '--user-data-dir', userDataDir])
const browser = await chromium.connectOverCDP(host.cdp).catch(async (error: unknown) => {
  // Nothing below would end the host and its Chromium.
  host.child.kill()
  await host.exited.catch(() => {})
  await rm(userDataDir, { recursive: true, force: true })
  throw error
})
try {
  const page = browser
    .contexts()[0]!
    .pages()
    .find((candidate) => candidate.url().startsWith('file:'))!
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 380, height: 560 })
  await page.getByText('Marketing', { exact: true }).first().waitFor()
  const state = await page.evaluate(() =>
    (window as unknown as { api: { invoke(c: string): Promise<{ accounts: { portal: string }[] }> } }).api.invoke(
      'state:get',
    ),
  )
  // A change the user would be told about: added to a group, and a new role in another.
  const portal = connectDemoControl(state.accounts[0]!.portal)
  const groups = await portal.getMemberships('1')
  await portal.setMemberships('1', [
    ...groups.map((group) => (group.id === '1' ? { ...group, role: 'E' } : group)),
    { id: '90', name: 'Customer advisory board', role: 'K', image: null },
  ])
  await fetch(`${host.control}/tray/menu`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: [t('tray:menu.refresh')] }),
  })
  await page.getByText('Customer advisory board').first().waitFor()
  await page.mouse.move(0, 0)
  const groupsShot = await page.screenshot()
  await page.getByRole('button', { name: t('ui:nav.changes') }).click()
  await page.getByRole('button', { name: t('ui:changes.markAllSeen') }).waitFor()
  const changesShot = await page.screenshot()

  // The two views side by side, laid out by Chromium itself rather than an image library.
  const sheet = await browser.contexts()[0]!.newPage()
  await sheet.setViewportSize({ width: 380 * 2 + 14 * 3, height: 560 + 14 * 2 })
  const image = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}" width="380" height="560">`
  await sheet.setContent(
    `<body style="margin:0;padding:14px;display:flex;gap:14px;background:#e8ebef">${image(groupsShot)}${image(changesShot)}</body>`,
  )
  await writeFile(output, await sheet.screenshot())
  await sheet.close()
  process.stdout.write(`wrote ${output}\n`)
} finally {
  await browser.close()
  await fetch(`${host.control}/quit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  await host.exited
  await rm(userDataDir, { recursive: true, force: true })
}
