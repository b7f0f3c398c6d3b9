// The tray icon glue: icon, tooltip and menu from the state, and clicks routed per platform.
// - Linux: AppIndicator/StatusNotifierItem hosts never deliver clicks on the icon, so the menu is the whole UI and is
//   attached with setContextMenu; it is rebuilt whenever its content changes ("All groups…" opens the window).
// - Windows: a left click toggles the window, a right click shows the attached context menu.
// - macOS: an attached context menu would open on every left click, so none is attached; the left click toggles the
//   window and a right (or control-) click pops the menu up.
// An identical menu is not re-attached: on Linux that resends the whole layout over D-Bus and closes an open menu.
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron'
import type { Translator } from '@shared/i18n'
import type { AppState } from '@shared/types'
import { escapeMenuLabel } from './display-text'
import type { TrayAction, TrayMenuItem } from './tray-menu'
import { buildTrayMenu } from './tray-menu'
import type { TrayIconState } from './tray-status'
import { trayIconState, trayTooltip } from './tray-status'

/** Turns the menu data into Electron's template; every label is escaped once, here. */
export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  dispatch: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' }
      case 'label':
        return { label: escapeMenuLabel(item.label), enabled: false }
      case 'submenu':
        return { label: escapeMenuLabel(item.label), submenu: toMenuTemplate(item.items, dispatch) }
      case 'action':
        return {
          label: escapeMenuLabel(item.label),
          enabled: item.enabled !== false,
          click: () => dispatch(item.action),
        }
    }
  })
}

/** The parts of Electron's Tray this uses (a fake in tests). */
export interface TrayLike {
  setImage(image: NativeImage | string): void
  setToolTip(toolTip: string): void
  setContextMenu(menu: Menu | null): void
  popUpContextMenu(menu?: Menu): void
  on(event: 'click' | 'right-click', listener: () => void): unknown
}

export interface TrayPresenterDeps {
  tray: TrayLike
  platform: NodeJS.Platform
  buildMenu(template: MenuItemConstructorOptions[]): Menu
  image(state: TrayIconState): NativeImage | string
  dispatch(action: TrayAction): void
  /** Left click on macOS and Windows: toggle the tray window. */
  onClick(): void
}

export interface TrayPresenter {
  render(state: AppState, translator: Translator, now: Date): void
}

export function createTrayPresenter(deps: TrayPresenterDeps): TrayPresenter {
  const { tray, platform } = deps
  let menu: Menu | null = null
  let menuKey: string | null = null
  let iconState: TrayIconState | null = null
  let tooltip: string | null = null

  // Linux hosts that do deliver a left click (KDE Plasma's SNI host sends Activate) toggle the window like elsewhere.
  tray.on('click', () => deps.onClick())
  if (platform === 'darwin') tray.on('right-click', () => tray.popUpContextMenu(menu ?? undefined))

  return {
    render(state, translator, now) {
      const nextIcon = trayIconState(state)
      if (nextIcon !== iconState) tray.setImage(deps.image(nextIcon))
      iconState = nextIcon
      const nextTooltip = trayTooltip(state, translator, now)
      if (nextTooltip !== tooltip) tray.setToolTip(nextTooltip)
      tooltip = nextTooltip
      const items = buildTrayMenu(state, translator, now)
      const key = JSON.stringify(items)
      if (key === menuKey) return
      menuKey = key
      menu = deps.buildMenu(toMenuTemplate(items, deps.dispatch))
      if (platform !== 'darwin') tray.setContextMenu(menu)
    },
  }
}
