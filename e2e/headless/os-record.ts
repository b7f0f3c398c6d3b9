// What the app has handed to the operating system, as the headless host's control API shows it (`GET /os`), and the
// link between the Electron double (which the app's main process calls) and the host (which owns the page in
// Chromium). The double and the host import this one module, so they share one instance.

/** One item of the tray menu as it was set, in the shape `GET /os` shows. */
export interface MenuItemView {
  label: string
  type: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio'
  enabled: boolean
  checked?: boolean
  submenu?: MenuItemView[]
}

export interface NotificationView {
  id: number
  title: string
  body: string
  clicked: boolean
}

export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/** The body of `GET /os`. */
export interface OsView {
  window: { visible: boolean; focused: boolean; bounds: Bounds | null }
  /** The primary display as `screen.getPrimaryDisplay()` gives it: where the app may place its window. */
  display: { bounds: Bounds; workArea: Bounds }
  tray: { tooltip: string; image: string; menu: MenuItemView[] }
  notifications: NotificationView[]
  /** URLs handed to the browser (`shell.openExternal`), in order. */
  opened: string[]
  /** Files and folders handed to the file manager (`shell.openPath`), in order, as absolute paths. */
  openedPaths: string[]
  clipboard: string | null
  shortcuts: string[]
  loginItem: { openAtLogin: boolean } | null
}

/** What the host provides to the double: the window's page in Chromium. */
export interface PageLink {
  /** Navigates the window's page; resolves once it has loaded. */
  load(url: string): Promise<void>
  /** Delivers a main -> renderer message (already structured-cloned) to the page's ipcRenderer listeners. */
  send(channel: string, args: unknown[]): void
}

export interface HostLink {
  page: PageLink | null
  /** The system locale the double reports (`--lang`). */
  locale: string
  /** Ends the process the way `app.exit(code)` does; the host closes Chromium first. */
  exit(code: number): void
}

export const hostLink: HostLink = {
  page: null,
  locale: 'en-US',
  exit: (code) => process.exit(code),
}
