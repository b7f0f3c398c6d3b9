import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDemoControl } from '../src/core/demo/control-client'
import type { Channel } from '../src/shared/ipc'
import type { AppState } from '../src/shared/types'
import { ELECTRON_FIX, electronBinary } from './electron-binary'

const binary = electronBinary()
const SKIP_REASON = `SKIPPED: no Electron binary on this machine (run \`${ELECTRON_FIX}\` to provision it)`
if (!binary) console.warn(`Electron smoke test ${SKIP_REASON}`)

/** What the app hands to the operating system, recorded in the main process instead of shown or opened. */
interface Recorded {
  notifications: { title: string; body: string }[]
  menus: string[][]
  opened: string[]
}

async function launch(userData: string, ...flags: string[]): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary!,
    // A private profile, and English whatever the machine's locale, so the test reads the same everywhere.
    args: ['.', ...flags, `--user-data-dir=${userData}`, '--lang=en-US'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  })
}

/** Replaces Notification#show, Menu.buildFromTemplate and shell.openExternal with recorders. */
async function recordOsCalls(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Menu, Notification, shell }) => {
    const recorded: Recorded = { notifications: [], menus: [], opened: [] }
    ;(globalThis as unknown as { recorded: Recorded }).recorded = recorded
    Notification.prototype.show = function (this: Electron.Notification) {
      recorded.notifications.push({ title: this.title, body: this.body })
    }
    const build = Menu.buildFromTemplate.bind(Menu)
    Menu.buildFromTemplate = (template) => {
      recorded.menus.push(template.map((item) => String(item.label ?? '---')))
      return build(template)
    }
    shell.openExternal = async (url: string) => {
      recorded.opened.push(url)
    }
  })
}

const recorded = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as { recorded: Recorded }).recorded)

/** Calls the preload api from the page, exactly as the renderer does. */
function invoke(window: Page, channel: Channel, request?: unknown) {
  return window.evaluate(
    ([name, payload]) => {
      const { api } = globalThis as unknown as { api: { invoke(channel: string, request?: unknown): Promise<unknown> } }
      return api.invoke(name, payload)
    },
    [channel, request] as const,
  )
}

test.describe('Electron smoke', () => {
  // Skipped only where the Electron binary could not be downloaded (offline CI); the reason is printed in the report.
  test.skip(!binary, SKIP_REASON)

  let userData: string
  test.beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'b24-e2e-'))
  })
  test.afterEach(async () => {
    await rm(userData, { recursive: true, force: true })
  })

  test('the built app starts and shows its window', async () => {
    const app = await launch(userData, '--show')
    const window = await app.firstWindow()
    await expect(window.getByTestId('app-root')).toBeVisible()
    await app.close()
  })

  test('--demo lists the demo groups, notifies a membership change, rebuilds the menu and opens the group page', async () => {
    const app = await launch(userData, '--demo')
    await recordOsCalls(app)
    const window = await app.firstWindow()
    await expect(window.getByText('Marketing', { exact: true }).first()).toBeVisible()

    const state = (await invoke(window, 'state:get')) as AppState
    const demo = state.accounts[0]!
    expect(demo).toMatchObject({ label: 'Demo portal', persisted: false })
    const menusBefore = (await recorded(app)).menus.length

    // The scripted change: the demo user joins a group, as if someone had added them on the portal.
    const control = connectDemoControl(demo.portal)
    const joined = { id: '990', name: 'Smoke test group', role: 'E' }
    await control.setMemberships('1', [...(await control.getMemberships('1')), joined])
    await invoke(window, 'sync:refresh', { accountId: demo.id })

    await expect
      .poll(async () => (await recorded(app)).notifications)
      .toContainEqual({ title: 'Added to a group', body: expect.stringContaining('Smoke test group') })
    await expect
      .poll(async () => (await recorded(app)).menus.slice(menusBefore).flat().join('\n'))
      .toContain('Smoke test group')
    await expect(window.getByText('Smoke test group').first()).toBeVisible()

    expect(await invoke(window, 'groups:open', { accountId: demo.id, groupId: '990' })).toEqual({
      ok: true,
      value: null,
    })
    expect((await recorded(app)).opened).toEqual([`${demo.portal}/workgroups/group/990/`])
    await app.close()
  })
})
