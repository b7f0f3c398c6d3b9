// The tray window's show/hide behaviour. Its two races, and why the grace period exists:
// - Windows and macOS: clicking the tray icon while the window is open first blurs the window (which hides it) and
//   then delivers the click (which would show it again at once). A click within the grace period after a blur-hide
//   therefore means "close", and the window stays hidden.
// - Linux (GNOME/Mutter, KDE with focus-stealing prevention) and some macOS Spaces transitions: the window receives
//   a blur right after `show()`, before the user has seen it. A blur within the grace period after showing is ignored.
import type { BrowserWindowConstructorOptions } from 'electron'
import type { Point, Rect } from './window-position'
import { anchorPoint, trayWindowPosition } from './window-position'
import { secureWebPreferences } from './security'

export const TRAY_WINDOW_SIZE = { width: 380, height: 560 } as const
export const BLUR_GRACE_MS = 300

/** A blur this soon after showing is the platform's, not the user's. */
export function shouldHideOnBlur(shownAt: number | null, now: number, graceMs = BLUR_GRACE_MS): boolean {
  return shownAt === null || now - shownAt >= graceMs
}

/** What a tray click or the shortcut does; `hiddenByBlurAt` is when a blur last hid the window. */
export function toggleDecision(
  visible: boolean,
  hiddenByBlurAt: number | null,
  now: number,
  graceMs = BLUR_GRACE_MS,
): 'show' | 'hide' | 'none' {
  if (visible) return 'hide'
  if (hiddenByBlurAt !== null && now - hiddenByBlurAt < graceMs) return 'none'
  return 'show'
}

/**
 * What closing the window (Alt+F4, Cmd+W) does. The tray app has one window for its whole life: a closed one would
 * leave tray clicks and the shortcut with nothing to show, so only a quitting app lets it close.
 */
export function closeDecision(quitting: boolean): 'close' | 'hide' {
  return quitting ? 'close' : 'hide'
}

/** The parts of a BrowserWindow that closing touches (a fake in tests). */
export interface ClosableWindowLike {
  hide(): void
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
}

/** Turns a close into a hide, unless `quitting()` says the app is on its way out. */
export function keepWindowOnClose(window: ClosableWindowLike, quitting: () => boolean): void {
  window.on('close', (event) => {
    if (closeDecision(quitting()) === 'close') return
    event.preventDefault()
    window.hide()
  })
}

/**
 * The platform's own popover look. macOS draws its popover material behind the page (the page lets it through, see
 * App.svelte); Windows 11 gets acrylic, which Electron applies to frameless windows only partly (electron#38532), so
 * the page stays opaque there and the material shows at most at the edges; Linux has no material and stays opaque.
 * Windows 11 and macOS round a frameless window's corners when asked.
 */
export function windowMaterial(platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  switch (platform) {
    case 'darwin':
      return { vibrancy: 'popover', visualEffectState: 'active', roundedCorners: true }
    case 'win32':
      return { backgroundMaterial: 'acrylic', roundedCorners: true }
    default:
      return {}
  }
}

export function trayWindowOptions(platform: NodeJS.Platform, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...TRAY_WINDOW_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    // A macOS panel floats over full-screen apps and does not activate the app's other windows.
    ...(platform === 'darwin' ? { type: 'panel' } : {}),
    ...windowMaterial(platform),
    webPreferences: secureWebPreferences(preloadPath),
  }
}

/** The parts of a BrowserWindow the controller uses (a fake in tests). */
export interface TrayWindowLike {
  isVisible(): boolean
  isDestroyed(): boolean
  show(): void
  hide(): void
  focus(): void
  setPosition(x: number, y: number): void
  getSize(): number[]
  on(event: 'blur', listener: () => void): unknown
}

export interface ScreenLike {
  getCursorScreenPoint(): Point
  getDisplayNearestPoint(point: Point): { workArea: Rect }
}

export interface TrayWindowDeps {
  window: TrayWindowLike
  screen: ScreenLike
  /** Bounds of the tray icon; zeros where the platform cannot tell. */
  trayBounds(): Rect
  platform: NodeJS.Platform
  now(): number
  /** Called after every show (the renderer focuses its search field). */
  onShown?(): void
}

export interface TrayWindowController {
  show(): void
  hide(): void
  toggle(): void
}

export function createTrayWindowController(deps: TrayWindowDeps): TrayWindowController {
  const { window } = deps
  let shownAt: number | null = null
  let hiddenByBlurAt: number | null = null

  function place(): void {
    const trayBounds = deps.trayBounds()
    const display = deps.screen.getDisplayNearestPoint(anchorPoint(trayBounds, deps.screen.getCursorScreenPoint()))
    const [width = TRAY_WINDOW_SIZE.width, height = TRAY_WINDOW_SIZE.height] = window.getSize()
    const { x, y } = trayWindowPosition({
      trayBounds,
      windowSize: { width, height },
      workArea: display.workArea,
      platform: deps.platform,
    })
    window.setPosition(x, y)
  }

  const controller: TrayWindowController = {
    show() {
      if (window.isDestroyed()) return
      place()
      window.show()
      window.focus()
      shownAt = deps.now()
      hiddenByBlurAt = null
      deps.onShown?.()
    },
    hide() {
      if (!window.isDestroyed() && window.isVisible()) window.hide()
    },
    toggle() {
      if (window.isDestroyed()) return
      const decision = toggleDecision(window.isVisible(), hiddenByBlurAt, deps.now())
      if (decision === 'show') controller.show()
      if (decision === 'hide') controller.hide()
    },
  }

  window.on('blur', () => {
    if (window.isDestroyed() || !window.isVisible()) return
    if (!shouldHideOnBlur(shownAt, deps.now())) return
    window.hide()
    hiddenByBlurAt = deps.now()
  })

  return controller
}
