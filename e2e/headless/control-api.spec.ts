// The headless host's contract: one ready line on stdout, the control API's JSON shapes exactly as documented, its
// refusals, the real preload's api in the page with structured-clone semantics, and a clean quit.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { startHeadlessHost } from '../journeys/driver'

const bounds = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).strict()
type Item = { label: string; type: string; enabled: boolean; checked?: boolean; submenu?: Item[] }
const item: z.ZodType<Item> = z.lazy(() =>
  z
    .object({
      label: z.string(),
      type: z.enum(['normal', 'separator', 'submenu', 'checkbox', 'radio']),
      enabled: z.boolean(),
      checked: z.boolean().optional(),
      submenu: z.array(item).optional(),
    })
    .strict(),
)
/** `GET /os`, exactly as issue #15 and the README give it. */
const osSchema = z
  .object({
    window: z.object({ visible: z.boolean(), focused: z.boolean(), bounds: bounds.nullable() }).strict(),
    display: z.object({ bounds, workArea: bounds }).strict(),
    tray: z.object({ tooltip: z.string(), image: z.string(), menu: z.array(item) }).strict(),
    notifications: z
      .array(z.object({ id: z.number(), title: z.string(), body: z.string(), clicked: z.boolean() }).strict())
      .max(50),
    opened: z.array(z.string()),
    openedPaths: z.array(z.string()),
    clipboard: z.string().nullable(),
    shortcuts: z.array(z.string()),
    loginItem: z.object({ openAtLogin: z.boolean() }).strict().nullable(),
  })
  .strict()

const hasKeyring = process.env.B24_KEYRING_HARNESS === '1'

test.describe('headless host control API', () => {
  test.skip(!hasKeyring, 'SKIPPED: needs the private keyring session: run under `node scripts/with-keyring.mjs`')
  test.describe.configure({ timeout: 90_000 })

  let userDataDir: string
  let host: Awaited<ReturnType<typeof startHeadlessHost>>
  let stdout = ''
  let browser: Browser
  let page: Page

  test.beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'b24-host-'))
    host = await startHeadlessHost(['--demo', '--user-data-dir', userDataDir])
    host.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    browser = await chromium.connectOverCDP(host.cdp)
    page = browser
      .contexts()[0]!
      .pages()
      .find((candidate) => candidate.url().startsWith('file:'))!
  })
  test.afterAll(async () => {
    await browser?.close().catch(() => {})
    if (host?.child.exitCode === null) host.child.kill('SIGKILL')
    await rm(userDataDir, { recursive: true, force: true })
  })

  const get = async (path: string) => fetch(`${host.control}${path}`)
  const post = (path: string, body: unknown, type = 'application/json') =>
    fetch(`${host.control}${path}`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) })
  const os = async () => osSchema.parse(await (await get('/os')).json())

  test('prints its endpoints and GET /os has exactly the documented shape', async () => {
    expect(host.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(host.cdp).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await expect.poll(async () => (await os()).tray.menu.map((entry) => entry.label).join('\n')).toContain('Marketing')
    const view = await os()
    // --demo shows the window, which the app places in the middle of the work area on Linux.
    expect(view.window).toEqual({ visible: true, focused: true, bounds: { x: 770, y: 276, width: 380, height: 560 } })
    expect(view.tray.image).toBe('tray-normal.png')
    expect(view.tray.menu.at(-1)).toEqual({ label: 'Quit', type: 'normal', enabled: true })
    expect(view.tray.menu.find((entry) => entry.type === 'submenu')?.submenu?.length).toBeGreaterThan(0)
    expect(view).toMatchObject({ notifications: [], opened: [], openedPaths: [], clipboard: null, loginItem: null })
    expect(view.display).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 32, width: 1920, height: 1048 },
    })
    expect(view.shortcuts).toEqual(['CommandOrControl+Alt+G'])
  })

  test('the page holds the real preload api, which structured-clones what it sends', async () => {
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual([
      'invoke',
      'on',
    ])
    const state = await page.evaluate(() =>
      (window as unknown as { api: { invoke(c: string): Promise<{ accounts: unknown[] }> } }).api.invoke('state:get'),
    )
    // --demo's accounts (DEMO_ACCOUNTS).
    expect(state.accounts).toHaveLength(3)
    const refusal = await page.evaluate(() =>
      (window as unknown as { api: { invoke(c: string, r: unknown): Promise<unknown> } }).api
        .invoke('groups:open', { accountId: 'x', groupId: () => 1 })
        .then(
          () => 'sent',
          (error: Error) => error.message,
        ),
    )
    // Electron's own words differ ("An object could not be cloned."); the outcome, a refusal before sending, is it.
    expect(refusal).toMatch(/could not be cloned/)
    const invalid = await page.evaluate(() =>
      (window as unknown as { api: { invoke(c: string, r: unknown): Promise<unknown> } }).api
        .invoke('groups:open', { accountId: 42 })
        .then(
          () => 'accepted',
          (error: Error) => error.message,
        ),
    )
    expect(invalid).toMatch(/^Error invoking remote method 'groups:open': /)
  })

  test('acts as the OS: tray clicks, menu items, the shortcut, blur and the network', async () => {
    expect((await post('/tray/click', { button: 'left' })).status).toBe(200)
    expect((await os()).window.visible).toBe(false)
    expect((await post('/shortcut', { accelerator: 'CommandOrControl+Alt+G' })).status).toBe(200)
    expect((await os()).window).toMatchObject({ visible: true, focused: true })
    await page.waitForTimeout(400)
    expect((await post('/window/blur', {})).status).toBe(200)
    expect((await os()).window).toMatchObject({ visible: false, focused: false })

    const marketing = (await os()).tray.menu.find((entry) => entry.label.includes('Marketing'))!
    expect((await post('/tray/menu', { path: [marketing.label] })).status).toBe(200)
    await expect.poll(async () => (await os()).opened).toEqual([expect.stringMatching(/\/workgroups\/group\/1\/$/)])

    expect((await post('/network', { online: false })).status).toBe(200)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    expect((await post('/network', { online: true })).status).toBe(200)
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    for (const event of ['lock-screen', 'unlock-screen', 'suspend', 'resume']) {
      expect((await post('/power', { event })).status).toBe(200)
    }
  })

  test('refuses what no OS would do, with a reason', async () => {
    const status = async (response: Promise<Response>) => {
      const answer = await response
      return { status: answer.status, body: (await answer.json()) as { error: string } }
    }
    expect(await status(post('/tray/menu', { path: ['No such item'] }))).toEqual({
      status: 404,
      body: { error: 'no such enabled item' },
    })
    // A disabled item (the status line at the top of the menu) cannot be clicked either.
    const disabled = (await os()).tray.menu.find((entry) => !entry.enabled && entry.type === 'normal')!
    expect((await post('/tray/menu', { path: [disabled.label] })).status).toBe(404)
    expect((await post('/notifications/999/click', {})).status).toBe(404)
    expect((await post('/shortcut', { accelerator: 'Ctrl+Q' })).status).toBe(404)
    expect((await status(post('/tray/click', { button: 'middle' }))).status).toBe(400)
    expect((await status(post('/power', { event: 'reboot' }))).status).toBe(400)
    expect((await status(post('/network', { online: 'yes' }))).body.error).toMatch(/^online: /)
    expect((await post('/tray/click', { button: 'left' }, 'text/plain')).status).toBe(415)
    expect((await get('/nothing')).status).toBe(404)
  })

  test('POST /quit runs the app quit sequence; the process exits 0 having printed one line', async () => {
    expect((await post('/quit', {})).status).toBe(200)
    expect(await host.exited).toBe(0)
    // The ready line was read before this listener; nothing else may follow it on stdout.
    expect(stdout).toBe('')
  })
})
