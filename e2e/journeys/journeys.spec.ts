// User journeys through the whole desktop app: its real main process, preload and window together. Each is written
// once against the driver interface and runs on every driver: the headless host everywhere, real Electron where its
// binary exists. Each asserts what the user sees in the window and what reached the OS, and fails on any console
// error or CSP violation in the page.
import { expect, test } from '@playwright/test'
import keytar from 'keytar'
import { KEYCHAIN_SERVICE } from '../../src/core/accounts'
import { drivers, type AppDriver, type OsView } from './driver'
import {
  addWebhookThroughOnboarding,
  expectNoPageProblems,
  filesContaining,
  finishJourney,
  GROUPS,
  plain,
  prepareJourney,
  t,
  type Journey,
} from './setup'

const hasKeyring = process.env.B24_KEYRING_HARNESS === '1'

for (const driver of drivers) {
  test.describe(`journeys on ${driver.name}`, () => {
    test.skip(driver.skipReason !== null, driver.skipReason ?? '')
    // The journeys put secrets in the keychain; outside the private keyring session they would reach the user's own.
    test.skip(!hasKeyring, 'SKIPPED: needs the private keyring session: run under `node scripts/with-keyring.mjs`')
    test.describe.configure({ timeout: 90_000 })

    let journey: Journey | null = null
    let app: AppDriver | null = null
    test.afterEach(async () => {
      await finishJourney(journey, app)
      journey = null
      app = null
    })

    const os = () => app!.os()
    const trayLabels = async () => (await os()).tray.menu.map((item) => plain(item.label))
    const groupItems = (view: OsView) =>
      view.tray.menu
        .filter((item) => / · (Member|Moderator|Owner)$/.test(plain(item.label)))
        .map((item) => plain(item.label))

    /** A journey that starts with an account on the test's portal, added through onboarding. */
    async function startWithAccount(groups = GROUPS): Promise<{ journey: Journey; app: AppDriver }> {
      journey = await prepareJourney(groups)
      app = await driver.launch({ userDataDir: journey.userDataDir, show: true })
      await addWebhookThroughOnboarding(app.window, journey.portal.webhookUrl('1'))
      await expect.poll(async () => (await trayLabels()).join('\n')).toContain('Marketing')
      return { journey, app }
    }

    test('1. first start: onboarding, paste the webhook, test, add; the list and the tray menu show the groups; the code is only in the keychain', async () => {
      journey = await prepareJourney()
      app = await driver.launch({ userDataDir: journey.userDataDir, show: true })
      await expect(app.window.getByTestId('onboarding')).toBeVisible()
      await addWebhookThroughOnboarding(app.window, journey.portal.webhookUrl('1'))

      for (const group of GROUPS) await expect(app.window.getByText(group.name, { exact: true }).first()).toBeVisible()
      await expect
        .poll(async () => groupItems(await os()))
        .toEqual([
          'Ideas <b>bold</b> && "quoted" · Member',
          'Marketing · Member',
          'Sales — Northern Europe · Moderator',
          'Website relaunch 2026 · Owner',
        ])

      const stored = await keytar.findCredentials(KEYCHAIN_SERVICE)
      expect(stored.map((entry) => entry.password).join('\n')).toContain(journey.code)
      expect(await filesContaining(journey.userDataDir, journey.code)).toEqual([])
      await expectNoPageProblems(app)
    })

    test('2. a membership change: one notification, the unseen icon, the click opens the group page, marking it seen resets the icon', async () => {
      const { journey, app } = await startWithAccount()
      expect((await os()).tray.image).toBe('tray-normal.png')
      journey.portal.control.setMemberships('1', [...GROUPS, { id: '88', name: 'Launch party', role: 'E' }])
      await app.trayMenu([t('tray:menu.refresh')])

      await expect.poll(async () => (await os()).notifications.length).toBe(1)
      const [notification] = (await os()).notifications
      expect({ ...notification, body: plain(notification!.body) }).toMatchObject({
        title: 'Added to a group',
        body: 'Launch party · Moderator',
        clicked: false,
      })
      await expect.poll(async () => (await os()).tray.image).toBe('tray-unseen.png')

      await app.clickNotification(notification!.id)
      const groupUrl = `${journey.portal.origin}/workgroups/group/88/`
      await expect.poll(async () => (await os()).opened).toEqual([groupUrl])
      const page = await fetch(groupUrl)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(await page.text()).toContain('Launch party')

      await app.window.getByRole('button', { name: t('ui:nav.changes') }).click()
      await app.window.getByRole('button', { name: t('ui:changes.markAllSeen') }).click()
      await expect.poll(async () => (await os()).tray.image).toBe('tray-normal.png')
      expect((await os()).notifications).toHaveLength(1)
      await expectNoPageProblems(app)
    })

    test('3. tray: pinned groups first, a group item opens its page, the window opens where the app places it and hides on blur, the shortcut toggles it', async () => {
      const { journey, app } = await startWithAccount()
      const website = app.window.getByRole('option', { name: /Website relaunch 2026/ })
      await website.hover()
      await website.locator('[data-action="pin"]').click()
      await expect.poll(async () => groupItems(await os())[0]).toBe('Website relaunch 2026 · Owner')

      const marketing = (await os()).tray.menu.find((item) => plain(item.label) === 'Marketing · Member')!
      await app.trayMenu([marketing.label])
      await expect.poll(async () => (await os()).opened).toEqual([`${journey.portal.origin}/workgroups/group/1/`])

      // The window was shown at start; a blur within the grace period after showing is the platform's and is ignored.
      await app.window.waitForTimeout(400)
      await app.blurWindow()
      await expect.poll(async () => (await os()).window.visible).toBe(false)
      // A tray click right after a blur-hide is the same click that blurred the window: it keeps the window hidden.
      await app.trayClick('left')
      expect((await os()).window.visible).toBe(false)
      await app.window.waitForTimeout(400)
      await app.trayClick('left')
      const shown = await os()
      expect(shown.window).toMatchObject({ visible: true, focused: true })
      // Linux indicators never say where the tray is: the app centres the window in the work area of the display.
      expect(shown.window.bounds).toEqual({ x: 770, y: 276, width: 380, height: 560 })

      const [accelerator] = shown.shortcuts
      expect(accelerator).toBeTruthy()
      await app.shortcut(accelerator!)
      expect((await os()).window.visible).toBe(false)
      await app.shortcut(accelerator!)
      expect((await os()).window.visible).toBe(true)
      await expectNoPageProblems(app)
    })
  })
}
