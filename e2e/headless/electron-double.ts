// A test double of the Electron main-process API, for running the unmodified built main process (out/main/index.js)
// in Node on the headless host. The module resolve hook (electron-hook.mjs) hands it to every `import 'electron'`,
// the app's and electron-store's alike. It implements only what the app and electron-store use, each member
// type-checked against the `electron` package's own definitions (the `satisfies` clauses), and follows Electron's
// documented behaviour where the app relies on it:
// - `app`: 'ready' after start, `whenReady`, `quit()` emitting a preventable 'before-quit' then 'will-quit' and
//   'quit', `exit(code)` ending at once without events, `getPath/setPath('userData')` (Electron's default path),
//   a single-instance lock per user-data directory (a pid file; a stale one is taken over).
// - `BrowserWindow`: hidden until `show()`, which also focuses it; centred on the display until positioned;
//   'ready-to-show' once its page has loaded; a preventable 'close'; 'blur' when the OS takes the focus away.
// - `webContents.send`: arguments structured-cloned, dropped while no page is loaded (as Electron does before load).
// - `ipcMain.handle`: one handler per channel (a second one throws, as in Electron); the renderer's invoke rejects
//   with Electron's "Error invoking remote method" message when the handler throws or none is registered.
// - `Tray`: the menu the OS shows is the one last passed to `setContextMenu`, snapshotted then (Linux indicators show
//   only a menu that is set again, so a later mutation of a built menu is not shown). `getBounds()` is all zeros,
//   as under Linux AppIndicator hosts.
// - `shell.openPath`: recorded for `GET /os` when the path exists, else Electron's error string (it opens nothing).
// - `Notification`, `shell.openExternal`, `clipboard`, `globalShortcut` (register fails for an accelerator already
//   taken), `app.setLoginItemSettings`: recorded for `GET /os`; `net.isOnline` and `net.fetch` follow the host's
//   network switch (fetch fails with Chromium's ERR_INTERNET_DISCONNECTED while offline); `powerMonitor` events
//   come from the host.
// What it does not model: more than one window or display, the macOS dock and Windows-only APIs (process.platform
// is the host's), `will-navigate` and `setWindowOpenHandler` (recorded, but the page in Chromium is not
// intercepted), permission handlers (recorded; the headless Chromium grants no permission anyway), the
// 'second-instance' event (a second host on the same profile is refused the lock but the first is not told),
// native menus, tray balloons, and crashes of the renderer process.
import type * as E from 'electron'
import { EventEmitter } from 'node:events'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Bounds, MenuItemView, NotificationView, OsView } from './os-record'
import { hostLink } from './os-record'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  name: string
  productName?: string
  version: string
}

// ----- the recorded OS state -----

let online = true
const opened: string[] = []
const openedPaths: string[] = []
let clipboardText: string | null = null
let loginItem: { openAtLogin: boolean } | null = null
const shortcuts = new Map<string, () => void>()
const notifications: { view: NotificationView; notification: Notification }[] = []
const windows: BrowserWindow[] = []
/** The app makes one tray; the control API shows the last one made. */
const trays: Tray[] = []
const currentTray = (): Tray | null => trays.at(-1) ?? null

/** A preventable event object like the ones Electron passes to 'before-quit', 'close' and friends. */
function preventable(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

// ----- app -----

const appEvents = new EventEmitter()
const paths = new Map<string, string>([
  ['home', homedir()],
  ['appData', process.env.XDG_CONFIG_HOME || join(homedir(), '.config')],
  ['temp', process.env.TMPDIR || '/tmp'],
  ['logs', ''],
])
let isReady = false
let readyResolve: () => void = () => {}
const readyPromise = new Promise<void>((done) => (readyResolve = done))
let lockFile: string | null = null
let quitting = false

function userDataPath(): string {
  return paths.get('userData') ?? join(paths.get('appData')!, packageJson.productName ?? packageJson.name)
}

function releaseLock(): void {
  if (lockFile) rmSync(lockFile, { force: true })
  lockFile = null
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const appApi = {
  isPackaged: false,
  commandLine: {
    appendSwitch: (_name: string, _value?: string) => {},
    hasSwitch: (_name: string) => false,
  },
  getPath(name: Parameters<E.App['getPath']>[0]): string {
    if (name === 'userData') return userDataPath()
    const path = paths.get(name)
    if (path === undefined) throw new Error(`Failed to get '${name}' path`)
    return path
  },
  setPath(name: string, path: string): void {
    paths.set(name, path)
  },
  getAppPath: () => projectRoot,
  getName: () => packageJson.productName ?? packageJson.name,
  getVersion: () => packageJson.version,
  getLocale: () => hostLink.locale,
  getPreferredSystemLanguages: () => [hostLink.locale],
  isReady: () => isReady,
  whenReady: () => readyPromise,
  setAppUserModelId: (_id: string) => {},
  requestSingleInstanceLock(): boolean {
    // Electron holds the lock per user-data directory; a pid file stands in for its socket.
    const file = join(userDataPath(), 'SingletonLock')
    mkdirSync(dirname(file), { recursive: true })
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx')
        writeSync(fd, String(process.pid))
        closeSync(fd)
        lockFile = file
        return true
      } catch {
        const holder = Number(readFileSync(file, 'utf8'))
        if (holder && holder !== process.pid && processAlive(holder)) return false
        rmSync(file, { force: true })
      }
    }
    return false
  },
  quit(): void {
    if (quitting) return
    const beforeQuit = preventable()
    appEvents.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    quitting = true
    const willQuit = preventable()
    appEvents.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) {
      quitting = false
      return
    }
    appEvents.emit('quit', preventable(), 0)
    appApi.exit(0)
  },
  exit(exitCode = 0): void {
    releaseLock()
    hostLink.exit(exitCode)
  },
  setLoginItemSettings(settings: E.Settings): void {
    loginItem = { openAtLogin: Boolean(settings.openAtLogin) }
  },
  dock: undefined,
} satisfies Partial<Record<keyof E.App, unknown>> &
  Pick<
    E.App,
    | 'getPath'
    | 'setPath'
    | 'getAppPath'
    | 'getName'
    | 'getVersion'
    | 'getLocale'
    | 'getPreferredSystemLanguages'
    | 'isReady'
    | 'whenReady'
    | 'setAppUserModelId'
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'exit'
    | 'setLoginItemSettings'
    | 'isPackaged'
  >

/** `app`: Electron's App is an EventEmitter; the app uses on/once and the methods above. */
export const app = Object.assign(appEvents, appApi)

// Electron emits 'ready' once it has initialised; here that is as soon as the main module has run its first tick.
setImmediate(() => {
  isReady = true
  appEvents.emit('ready', preventable(), {})
  readyResolve()
})

// ----- nativeImage -----

export class NativeImage {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return this.path === ''
  }
  toDataURL(): string {
    return this.path ? `data:image/png;base64,${readFileSync(this.path).toString('base64')}` : ''
  }
}
export const nativeImage = {
  createFromPath: (path: string) => new NativeImage(path),
  createEmpty: () => new NativeImage(''),
}

// ----- webContents and BrowserWindow -----

let nextWebContentsId = 1

export class WebContents extends EventEmitter {
  readonly id = nextWebContentsId++
  #url = ''
  #loaded = false
  #destroyed = false
  windowOpenHandler: ((details: E.HandlerDetails) => E.WindowOpenHandlerResponse) | null = null

  constructor(private readonly owner: BrowserWindow) {
    super()
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed')
    // Electron serialises with the structured clone algorithm: functions and class instances fail or flatten.
    const cloned = structuredClone(args)
    if (this.#loaded) hostLink.page?.send(channel, cloned)
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }
  getURL(): string {
    return this.#url
  }
  setWindowOpenHandler(handler: (details: E.HandlerDetails) => E.WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }
  async loadURL(url: string): Promise<void> {
    if (!hostLink.page) throw new Error('ERR_FAILED (-2) loading ' + url)
    this.#url = url
    this.#loaded = false
    await hostLink.page.load(url)
    this.#loaded = true
    this.emit('did-finish-load')
    this.owner.emit('ready-to-show')
  }
  loadFile(filePath: string): Promise<void> {
    return this.loadURL(pathToFileURL(resolve(filePath)).href)
  }
  destroy(): void {
    this.#destroyed = true
  }
}

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  // A GNOME-like top bar: the tray sits at the top right.
  workArea: { x: 0, y: 32, width: 1920, height: 1048 },
  scaleFactor: 1,
}
let cursor = { x: 1860, y: 16 }

export class BrowserWindow extends EventEmitter {
  readonly webContents: WebContents
  #bounds: Bounds
  #visible = false
  #focused = false
  #destroyed = false

  constructor(options: E.BrowserWindowConstructorOptions = {}) {
    super()
    const width = options.width ?? 800
    const height = options.height ?? 600
    const { workArea } = DISPLAY
    this.#bounds = {
      x: options.x ?? Math.round(workArea.x + (workArea.width - width) / 2),
      y: options.y ?? Math.round(workArea.y + (workArea.height - height) / 2),
      width,
      height,
    }
    this.webContents = new WebContents(this)
    windows.push(this)
    if (options.show !== false) queueMicrotask(() => this.show())
  }

  static getAllWindows(): BrowserWindow[] {
    return windows.filter((window) => !window.isDestroyed())
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  loadFile(filePath: string): Promise<void> {
    return this.webContents.loadFile(filePath)
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }
  #alive(): void {
    // A destroyed BrowserWindow throws on use, which is why the app asks isDestroyed() first.
    if (this.#destroyed) throw new TypeError('Object has been destroyed')
  }
  isVisible(): boolean {
    this.#alive()
    return this.#visible
  }
  isFocused(): boolean {
    this.#alive()
    return this.#focused
  }
  show(): void {
    this.#alive()
    const wasVisible = this.#visible
    this.#visible = true
    if (!wasVisible) this.emit('show')
    this.focus()
  }
  hide(): void {
    this.#alive()
    if (!this.#visible) return
    this.#visible = false
    if (this.#focused) {
      this.#focused = false
      this.emit('blur')
    }
    this.emit('hide')
  }
  focus(): void {
    this.#alive()
    if (!this.#visible || this.#focused) return
    this.#focused = true
    this.emit('focus')
  }
  /** The OS moved the focus elsewhere (the host's `POST /window/blur`). */
  blurByOs(): void {
    if (this.#destroyed || !this.#focused) return
    this.#focused = false
    this.emit('blur')
  }
  setPosition(x: number, y: number): void {
    this.#alive()
    this.#bounds = { ...this.#bounds, x: Math.round(x), y: Math.round(y) }
  }
  getPosition(): number[] {
    return [this.#bounds.x, this.#bounds.y]
  }
  getSize(): number[] {
    return [this.#bounds.width, this.#bounds.height]
  }
  getBounds(): E.Rectangle {
    return { ...this.#bounds }
  }
  setBounds(bounds: Partial<E.Rectangle>): void {
    this.#bounds = { ...this.#bounds, ...bounds }
  }
  close(): void {
    if (this.#destroyed) return
    const event = preventable()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.#visible = false
    this.#focused = false
    this.webContents.destroy()
    this.emit('closed')
  }
}

// The members of BrowserWindow the app calls, checked against Electron's signatures.
void ((window: BrowserWindow) =>
  window satisfies Pick<
    E.BrowserWindow,
    | 'loadURL'
    | 'loadFile'
    | 'isDestroyed'
    | 'isVisible'
    | 'isFocused'
    | 'show'
    | 'hide'
    | 'focus'
    | 'setPosition'
    | 'getPosition'
    | 'getSize'
    | 'getBounds'
    | 'setBounds'
    | 'close'
    | 'destroy'
  >)
void ((contents: WebContents) =>
  contents satisfies Pick<E.WebContents, 'send' | 'isDestroyed' | 'getURL' | 'setWindowOpenHandler' | 'id'>)

// ----- ipcMain -----

type InvokeHandler = (event: E.IpcMainInvokeEvent, ...args: unknown[]) => unknown
const invokeHandlers = new Map<string, InvokeHandler>()

class IpcMainDouble extends EventEmitter {
  handle(channel: string, listener: InvokeHandler): void {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    invokeHandlers.set(channel, listener)
  }
  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      invokeHandlers.delete(channel)
      return listener(event, ...args)
    })
  }
  removeHandler(channel: string): void {
    invokeHandlers.delete(channel)
  }
}
export const ipcMain = new IpcMainDouble()
void ((ipc: IpcMainDouble) => ipc satisfies Pick<E.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>)

/** The renderer's `ipcRenderer.invoke`, arriving from the page: args and result are structured clones. */
export async function invokeFromRenderer(
  channel: string,
  args: unknown[],
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const handler = invokeHandlers.get(channel)
  if (!handler) return { ok: false, message: `Error invoking remote method '${channel}': No handler registered` }
  const window = BrowserWindow.getAllWindows()[0]
  const event = { sender: window?.webContents, frameId: 1, processId: 1 } as unknown as E.IpcMainInvokeEvent
  try {
    return { ok: true, value: structuredClone(await handler(event, ...structuredClone(args))) }
  } catch (error) {
    return {
      ok: false,
      message: `Error invoking remote method '${channel}': ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    }
  }
}

// ----- Menu -----

export class MenuItem {
  readonly label: string
  readonly type: MenuItemView['type']
  enabled: boolean
  checked: boolean
  readonly submenu: Menu | undefined
  readonly click: E.MenuItemConstructorOptions['click']

  constructor(options: E.MenuItemConstructorOptions) {
    const submenu =
      options.submenu instanceof Menu
        ? options.submenu
        : Array.isArray(options.submenu)
          ? Menu.buildFromTemplate(options.submenu)
          : undefined
    this.label = options.label ?? ''
    const type = options.type ?? (submenu ? 'submenu' : 'normal')
    // macOS-only kinds ('header', 'palette') show as plain items elsewhere.
    this.type = type === 'header' || type === 'palette' ? 'normal' : type
    this.enabled = options.enabled ?? true
    this.checked = options.checked ?? false
    this.submenu = submenu
    this.click = options.click
  }
}

export class Menu {
  readonly items: MenuItem[] = []
  static buildFromTemplate(template: (E.MenuItemConstructorOptions | MenuItem)[]): Menu {
    const menu = new Menu()
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry))
    return menu
  }
  static setApplicationMenu(_menu: Menu | null): void {}
  append(item: MenuItem): void {
    this.items.push(item)
  }
}

/** A menu as the OS holds it once set: labels and states copied, clicks bound to the items of that moment. */
interface SetMenuItem {
  view: MenuItemView
  item: MenuItem
  submenu: SetMenuItem[]
}

function snapshotMenu(menu: Menu): SetMenuItem[] {
  return menu.items.map((item) => {
    const submenu = item.submenu ? snapshotMenu(item.submenu) : []
    const view: MenuItemView = { label: item.label, type: item.type, enabled: item.enabled }
    if (item.type === 'checkbox' || item.type === 'radio') view.checked = item.checked
    if (item.submenu) view.submenu = submenu.map((entry) => entry.view)
    return { view, item, submenu }
  })
}

// ----- Tray -----

export class Tray extends EventEmitter {
  image: string
  tooltip = ''
  menu: SetMenuItem[] = []
  #destroyed = false

  constructor(image: NativeImage | string) {
    super()
    this.image = imageName(image)
    trays.push(this)
  }
  setImage(image: NativeImage | string): void {
    this.image = imageName(image)
  }
  setToolTip(toolTip: string): void {
    this.tooltip = toolTip
  }
  setContextMenu(menu: Menu | null): void {
    this.menu = menu ? snapshotMenu(menu) : []
  }
  popUpContextMenu(_menu?: unknown, _position?: E.Point): void {}
  getBounds(): E.Rectangle {
    return { x: 0, y: 0, width: 0, height: 0 }
  }
  destroy(): void {
    this.#destroyed = true
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }
}
void ((item: Tray) =>
  item satisfies Pick<E.Tray, 'setToolTip' | 'popUpContextMenu' | 'getBounds' | 'destroy' | 'isDestroyed'>)

function imageName(image: NativeImage | string): string {
  return basename(typeof image === 'string' ? image : image.path)
}

// ----- Notification -----

let nextNotificationId = 1

export class Notification extends EventEmitter {
  readonly title: string
  readonly body: string
  constructor(options: E.NotificationConstructorOptions = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
  }
  static isSupported(): boolean {
    return true
  }
  show(): void {
    notifications.push({
      view: { id: nextNotificationId++, title: this.title, body: this.body, clicked: false },
      notification: this,
    })
    this.emit('show')
  }
  close(): void {
    this.emit('close')
  }
}
void ((item: Notification) => item satisfies Pick<E.Notification, 'title' | 'body' | 'show' | 'close'>)

// ----- the small services -----

export const clipboard = {
  async writeText(text: string): Promise<void> {
    clipboardText = text
  },
  readText: async (): Promise<string> => clipboardText ?? '',
} satisfies Pick<E.Clipboard, 'writeText' | 'readText'>

export const shell = {
  async openExternal(url: string): Promise<void> {
    opened.push(url)
  },
  async openPath(path: string): Promise<string> {
    // Electron resolves with '' once the file manager has the path, and with an error string (not a rejection)
    // when it cannot be opened, as for a path that does not exist.
    if (!existsSync(path)) return `Failed to open path: ${path}`
    openedPaths.push(resolve(path))
    return ''
  },
} satisfies Pick<E.Shell, 'openExternal' | 'openPath'>

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    // Electron throws on a malformed accelerator ("Ctrl+", "Ctrl++"); which key names it knows is not modelled.
    if (accelerator.split('+').some((part) => part.trim() === '')) {
      throw new TypeError(`Failed to parse accelerator '${accelerator}'`)
    }
    if (shortcuts.has(accelerator)) return false
    shortcuts.set(accelerator, callback)
    return true
  },
  unregister(accelerator: string): void {
    shortcuts.delete(accelerator)
  },
  isRegistered: (accelerator: string): boolean => shortcuts.has(accelerator),
  unregisterAll(): void {
    shortcuts.clear()
  },
} satisfies Pick<E.GlobalShortcut, 'register' | 'unregister' | 'isRegistered' | 'unregisterAll'>

/**
 * B24_HEADLESS_HOSTS, a JSON map from an origin to the loopback origin that serves it, stands in for DNS (and TLS)
 * so that a test can give a demo portal a real-looking name (a portal that moves to `https://b24.example.org`).
 */
const hosts = JSON.parse(process.env.B24_HEADLESS_HOSTS ?? '{}') as Record<string, string>

export const net = {
  isOnline: (): boolean => online,
  async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    if (!online) throw new TypeError('net::ERR_INTERNET_DISCONNECTED')
    const url = new URL(input instanceof Request ? input.url : input)
    const served = hosts[url.origin]
    return globalThis.fetch(served ? `${served}${url.pathname}${url.search}` : input, init)
  },
}

export const powerMonitor = new EventEmitter()

export const screen = {
  getCursorScreenPoint: (): E.Point => ({ ...cursor }),
  getDisplayNearestPoint: (_point: E.Point) => DISPLAY as unknown as E.Display,
  getPrimaryDisplay: () => DISPLAY as unknown as E.Display,
  getAllDisplays: () => [DISPLAY as unknown as E.Display],
} satisfies Pick<E.Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint' | 'getPrimaryDisplay' | 'getAllDisplays'>

type PermissionRequestHandler = Parameters<E.Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<E.Session['setPermissionCheckHandler']>[0]
export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler,
    permissionCheckHandler: null as PermissionCheckHandler,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      this.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      this.permissionCheckHandler = handler
    },
  },
}
void (session.defaultSession satisfies Pick<E.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>)

export const dialog = {
  showErrorBox(title: string, content: string): void {
    process.stderr.write(`${title}: ${content}\n`)
  },
} satisfies Pick<E.Dialog, 'showErrorBox'>

// electron-store reads `import electron from 'electron'`, the CommonJS shape.
export default {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  screen,
  session,
  shell,
  Tray,
}

// ----- what the host reads and does, as the operating system would -----

function findMenuItem(items: SetMenuItem[], path: readonly string[]): SetMenuItem | null {
  const [head, ...rest] = path
  const found = items.find((entry) => entry.view.label === head && entry.view.type !== 'separator')
  if (!found || !found.view.enabled) return null
  return rest.length === 0 ? found : findMenuItem(found.submenu, rest)
}

export const osControls = {
  view(): OsView {
    const tray = currentTray()
    const window = BrowserWindow.getAllWindows()[0]
    return {
      window: window
        ? { visible: window.isVisible(), focused: window.isFocused(), bounds: window.getBounds() }
        : { visible: false, focused: false, bounds: null },
      display: { bounds: { ...DISPLAY.bounds }, workArea: { ...DISPLAY.workArea } },
      tray: {
        tooltip: tray?.tooltip ?? '',
        image: tray?.image ?? '',
        menu: (tray?.menu ?? []).map((entry) => entry.view),
      },
      notifications: notifications.map((entry) => ({ ...entry.view })),
      opened: [...opened],
      openedPaths: [...openedPaths],
      clipboard: clipboardText,
      shortcuts: [...shortcuts.keys()],
      loginItem,
    }
  },
  hasTray: () => currentTray() !== null,
  trayClick(button: 'left' | 'right'): void {
    const tray = currentTray()
    tray?.emit(button === 'left' ? 'click' : 'right-click', preventable(), tray.getBounds())
  },
  /** Clicks the enabled item at `path` of the menu last set; false when there is none. */
  trayMenuClick(path: readonly string[]): boolean {
    const tray = currentTray()
    const found = path.length > 0 && tray ? findMenuItem(tray.menu, path) : null
    if (!found || found.view.type === 'submenu') return false
    const item = found.item
    if (item.type === 'checkbox') item.checked = !item.checked
    item.click?.(item as unknown as E.MenuItem, undefined, { triggeredByAccelerator: false } as E.KeyboardEvent)
    return true
  },
  notificationClick(id: number): boolean {
    const found = notifications.find((entry) => entry.view.id === id)
    if (!found) return false
    found.view.clicked = true
    found.notification.emit('click', preventable())
    return true
  },
  power(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen'): void {
    powerMonitor.emit(event, preventable())
  },
  setOnline(value: boolean): void {
    online = value
  },
  shortcut(accelerator: string): boolean {
    const callback = shortcuts.get(accelerator)
    callback?.()
    return Boolean(callback)
  },
  windowBlur(): boolean {
    const window = BrowserWindow.getAllWindows()[0]
    window?.blurByOs()
    return Boolean(window)
  },
  setCursor(point: { x: number; y: number }): void {
    cursor = point
  },
  quit(): void {
    app.quit()
  },
}
