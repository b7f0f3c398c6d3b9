// The small interface the journeys are written against, and its two drivers: the headless host (the built main
// process in Node with the Electron double, the window in Chromium) and real Electron through Playwright's
// `_electron`, where an Electron binary exists.
import { chromium, _electron as electron, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join, resolve } from 'node:path'
import { ELECTRON_FIX, electronBinary } from '../electron-binary'
import type { OsView } from '../headless/os-record'

export type { OsView } from '../headless/os-record'

export interface LaunchOptions {
  userDataDir: string
  demo?: boolean
  show?: boolean
  lang?: string
  /** Origins the app's network reaches on loopback instead (a stand-in for DNS); headless host only. */
  hosts?: Record<string, string>
  /**
   * Where the window's browser keeps its profile (storage, caches, session files), kept after the app ends: the
   * headless host's Chromium uses this directory. Electron keeps its Chromium profile in `userDataDir` and ignores it.
   */
  browserProfileDir?: string
}

/** One running app: its window, what it handed to the OS, and the OS's side of things. */
export interface AppDriver {
  readonly window: Page
  os(): Promise<OsView>
  trayClick(button: 'left' | 'right'): Promise<void>
  /** Clicks an enabled item of the tray menu by its labels; fails when there is none. */
  trayMenu(path: readonly string[]): Promise<void>
  clickNotification(id: number): Promise<void>
  power(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen'): Promise<void>
  network(online: boolean): Promise<void>
  shortcut(accelerator: string): Promise<void>
  blurWindow(): Promise<void>
  /** Console errors, uncaught exceptions and CSP violations in the page since start. */
  problems(): Promise<string[]>
  /** The app's own quit sequence; resolves once the process has exited, with its exit code. */
  quit(): Promise<number | null>
  /** Resolves with the exit code once the process has exited, for a quit the app started itself. */
  exited(): Promise<number | null>
  /** Ends the app if a test failed before quitting it. */
  dispose(): Promise<void>
}

export interface Driver {
  readonly name: string
  /** Why this driver cannot run here, or null. */
  readonly skipReason: string | null
  launch(options: LaunchOptions): Promise<AppDriver>
}

const projectRoot = resolve(import.meta.dirname, '../..')

// ----- the headless host -----

async function post(control: string, path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`POST ${path} ${JSON.stringify(body)}: ${response.status} ${await response.text()}`)
}

/** Starts the host and reads its one ready line. */
export async function startHeadlessHost(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{
  child: ChildProcess
  control: string
  cdp: string
  exited: Promise<number | null>
  stderr: () => string
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'e2e/headless/host.ts'), ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const lines = createInterface({ input: child.stdout! })
  const first = await Promise.race([
    new Promise<string>((done) => lines.once('line', done)),
    exited.then((code) => {
      throw new Error(`the headless host exited with ${code} before it was ready:\n${stderr}`)
    }),
  ])
  lines.close()
  const { control, cdp } = JSON.parse(first) as { control: string; cdp: string }
  return { child, control, cdp, exited, stderr: () => stderr }
}

export const headlessDriver: Driver = {
  name: 'headless host',
  skipReason: null,
  async launch(options) {
    const host = await startHeadlessHost(
      [
        '--user-data-dir',
        options.userDataDir,
        '--lang',
        options.lang ?? 'en-US',
        ...(options.demo ? ['--demo'] : []),
        ...(options.show ? ['--show'] : []),
        ...(options.browserProfileDir ? ['--chromium-profile', options.browserProfileDir] : []),
      ],
      options.hosts ? { ...process.env, B24_HEADLESS_HOSTS: JSON.stringify(options.hosts) } : process.env,
    )
    let browser: Browser
    let window: Page
    try {
      browser = await chromium.connectOverCDP(host.cdp)
      const page = browser
        .contexts()[0]
        ?.pages()
        .find((candidate) => candidate.url().startsWith('file:'))
      if (!page) throw new Error('the headless host shows no window page')
      window = page
    } catch (error) {
      // No driver is returned, so nobody else would end the host and its Chromium.
      host.child.kill()
      await host.exited.catch(() => {})
      throw error
    }
    const control = host.control
    const problems = async () => {
      const response = await fetch(`${control}/page/problems`)
      return ((await response.json()) as { problems: string[] }).problems
    }
    return {
      window,
      os: async () => (await (await fetch(`${control}/os`)).json()) as OsView,
      trayClick: (button) => post(control, '/tray/click', { button }),
      trayMenu: (path) => post(control, '/tray/menu', { path }),
      clickNotification: (id) => post(control, `/notifications/${id}/click`),
      power: (event) => post(control, '/power', { event }),
      network: (online) => post(control, '/network', { online }),
      shortcut: (accelerator) => post(control, '/shortcut', { accelerator }),
      blurWindow: () => post(control, '/window/blur'),
      problems,
      async quit() {
        await browser.close().catch(() => {})
        await post(control, '/quit')
        return host.exited
      },
      async exited() {
        const code = await host.exited
        await browser.close().catch(() => {})
        return code
      },
      async dispose() {
        await browser.close().catch(() => {})
        if (host.child.exitCode === null) {
          host.child.kill('SIGTERM')
          await host.exited
        }
      },
    }
  },
}

// ----- real Electron -----

export const electronDriver: Driver = {
  name: 'Electron',
  skipReason: electronBinary()
    ? null
    : `SKIPPED: no Electron binary on this machine (run \`${ELECTRON_FIX}\` to provision it)`,
  async launch(options) {
    const app = await electron.launch({
      executablePath: electronBinary()!,
      // The recorder (electron-recorder.cjs) loads before the app's main module, so it sees the app's first calls.
      args: [
        '-r',
        join(import.meta.dirname, 'electron-recorder.cjs'),
        '.',
        `--user-data-dir=${options.userDataDir}`,
        `--lang=${options.lang ?? 'en-US'}`,
        ...(options.demo ? ['--demo'] : []),
        ...(options.show ? ['--show'] : []),
      ],
      cwd: projectRoot,
    })
    const window = await app.firstWindow()
    const problems: string[] = []
    window.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
    })
    window.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    const inMain = <T, A>(fn: (record: never, arg: A) => T, arg: A) =>
      app.evaluate(
        (_electron, [source, value]) => {
          const record = (globalThis as unknown as { b24Record: unknown }).b24Record
          return (new Function('record', 'arg', `return (${source})(record, arg)`) as (r: unknown, a: unknown) => T)(
            record,
            value,
          )
        },
        [fn.toString(), arg] as const,
      )
    return {
      window,
      os: () =>
        app.evaluate(({ BrowserWindow, screen }) => {
          const record = (globalThis as unknown as { b24Record: Record<string, never> }).b24Record as unknown as {
            tooltip: string
            image: string
            menu: { click?: unknown }[]
            notifications: { id: number; title: string; body: string; clicked: boolean }[]
            opened: string[]
            openedPaths: string[]
            clipboard: string | null
            shortcuts: Map<string, unknown>
          }
          const strip = (items: unknown[]): unknown[] =>
            (items as { click?: unknown; submenu?: unknown[] }[]).map(({ click: _click, submenu, ...item }) => ({
              ...item,
              ...(submenu ? { submenu: strip(submenu) } : {}),
            }))
          const window = BrowserWindow.getAllWindows()[0]
          return {
            window: window
              ? { visible: window.isVisible(), focused: window.isFocused(), bounds: window.getBounds() }
              : { visible: false, focused: false, bounds: null },
            display: { bounds: screen.getPrimaryDisplay().bounds, workArea: screen.getPrimaryDisplay().workArea },
            tray: { tooltip: record.tooltip, image: record.image, menu: strip(record.menu) },
            notifications: record.notifications.map(({ id, title, body, clicked }) => ({ id, title, body, clicked })),
            opened: record.opened,
            openedPaths: record.openedPaths,
            clipboard: record.clipboard,
            shortcuts: [...record.shortcuts.keys()],
            loginItem: null,
          } as never
        }),
      trayClick: (button) =>
        inMain((record: { tray: { emit(e: string): void } | null }, which) => {
          record.tray?.emit(which === 'left' ? 'click' : 'right-click')
        }, button),
      trayMenu: async (path) => {
        const clicked = await inMain(
          (
            record: { menu: { label: string; enabled: boolean; click?: () => void; submenu?: unknown[] }[] },
            labels,
          ) => {
            let items = record.menu
            for (const [index, label] of labels.entries()) {
              const item = items.find((candidate) => candidate.label === label && candidate.enabled)
              if (!item) return false
              if (index === labels.length - 1) {
                item.click?.()
                return true
              }
              items = (item.submenu ?? []) as typeof items
            }
            return false
          },
          [...path],
        )
        if (!clicked) throw new Error(`no enabled tray menu item ${path.join(' > ')}`)
      },
      clickNotification: (id) =>
        inMain((record: { notifications: { id: number; clicked: boolean; n: { emit(e: string): void } }[] }, which) => {
          const found = record.notifications.find((entry) => entry.id === which)
          if (found) {
            found.clicked = true
            found.n.emit('click')
          }
        }, id),
      power: (event) => app.evaluate(({ powerMonitor }, name) => void powerMonitor.emit(name), event),
      // Real Electron reads the machine's network; a journey that needs it offline cannot run there.
      network: async () => {
        throw new Error('the Electron driver cannot switch the network')
      },
      shortcut: (accelerator) =>
        inMain((record: { shortcuts: Map<string, () => void> }, which) => record.shortcuts.get(which)?.(), accelerator),
      blurWindow: () => app.evaluate(({ BrowserWindow }) => void BrowserWindow.getAllWindows()[0]?.blur()),
      problems: async () => [...problems],
      async quit() {
        const exited = new Promise<number | null>((done) => app.process().once('exit', (code) => done(code)))
        await app.evaluate(({ app: electronApp }) => electronApp.quit())
        return exited
      },
      exited: () =>
        app.process().exitCode !== null
          ? Promise.resolve(app.process().exitCode)
          : new Promise<number | null>((done) => app.process().once('exit', (code) => done(code))),
      async dispose() {
        await app.close().catch(() => {})
      },
    }
  },
}

export const drivers: readonly Driver[] = [headlessDriver, electronDriver]
