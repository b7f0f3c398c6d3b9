// Proof against the pinned electron package's own types that the real objects fit the small interfaces the glue
// is written (and tested) against, so the fakes in the tests cannot drift from what Electron provides.
import type {
  BrowserWindow,
  Clipboard,
  GlobalShortcut,
  Notification,
  PowerMonitor,
  Screen,
  Shell,
  Tray,
} from 'electron'
import type { NotificationLike } from './notifier'
import type { ShortcutManager } from './shortcut'
import type { createShortcutManager } from './shortcut'
import type { TrayLike } from './tray'
import type { ClosableWindowLike, ScreenLike, TrayWindowLike } from './tray-window'
import type { connectPowerEvents } from './power'
import type { PageWindowLike } from './renderer-page'
import type { HandlerDeps } from './handlers'

describe('Electron fits the glue interfaces', () => {
  it('Tray is a TrayLike', () => {
    expectTypeOf<Tray>().toExtend<TrayLike>()
  })

  it('BrowserWindow and Screen fit the tray window controller', () => {
    expectTypeOf<BrowserWindow>().toExtend<TrayWindowLike>()
    expectTypeOf<BrowserWindow>().toExtend<ClosableWindowLike>()
    expectTypeOf<BrowserWindow>().toExtend<PageWindowLike>()
    expectTypeOf<Screen>().toExtend<ScreenLike>()
  })

  it('Notification is a NotificationLike', () => {
    expectTypeOf<Notification>().toExtend<NotificationLike>()
  })

  it('globalShortcut and powerMonitor are accepted as they are', () => {
    expectTypeOf<GlobalShortcut>().toExtend<Parameters<typeof createShortcutManager>[0]>()
    expectTypeOf<PowerMonitor>().toExtend<Parameters<typeof connectPowerEvents>[0]>()
    expectTypeOf<ReturnType<typeof createShortcutManager>>().toEqualTypeOf<ShortcutManager>()
  })

  it('clipboard and BrowserWindow serve as handler ports', () => {
    expectTypeOf<Clipboard>().toExtend<HandlerDeps['clipboard']>()
    expectTypeOf<BrowserWindow>().toExtend<HandlerDeps['window']>()
    expectTypeOf<Shell['openExternal']>().returns.toEqualTypeOf<Promise<void>>()
  })
})
