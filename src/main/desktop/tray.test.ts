import type { Menu, MenuItemConstructorOptions } from 'electron'
import { createTranslator } from '@shared/i18n'
import type { TrayAction } from './tray-menu'
import type { TrayLike } from './tray'
import { createTrayPresenter, toMenuTemplate } from './tray'
import { appState, change, group, NOW } from './state-fixtures'

const en = createTranslator('en')

function fakeTray() {
  const calls: string[] = []
  const listeners = new Map<string, () => void>()
  const tray: TrayLike = {
    setImage: (image) => void calls.push(`image ${String(image)}`),
    setToolTip: (text) => void calls.push(`tooltip ${text}`),
    setContextMenu: (menu) => void calls.push(`context-menu ${(menu as unknown as { id: number } | null)?.id}`),
    popUpContextMenu: (menu) => void calls.push(`pop-up ${(menu as unknown as { id: number } | undefined)?.id}`),
    on: (event, listener) => listeners.set(event, listener),
  }
  return { tray, calls, emit: (event: string) => listeners.get(event)?.() }
}

function setup(platform: NodeJS.Platform) {
  const fake = fakeTray()
  const templates: MenuItemConstructorOptions[][] = []
  const dispatched: TrayAction[] = []
  let clicks = 0
  const presenter = createTrayPresenter({
    tray: fake.tray,
    platform,
    // The fake menu is an id, so the test can tell which build was attached.
    buildMenu: (template) => (templates.push(template), { id: templates.length } as unknown as Menu),
    image: (state) => `tray-${state}.png`,
    dispatch: (action) => dispatched.push(action),
    onClick: () => clicks++,
  })
  return { presenter, ...fake, templates, dispatched, clicks: () => clicks }
}

describe('menu template', () => {
  it('escapes ampersands in every label, disables labels and dispatches actions', () => {
    const dispatched: TrayAction[] = []
    const template = toMenuTemplate(
      [
        { type: 'label', label: 'R&D' },
        { type: 'separator' },
        { type: 'action', label: 'Open R&D', action: { type: 'openGroup', accountId: 'a', groupId: '1' } },
        {
          type: 'submenu',
          label: 'Pause & more',
          items: [{ type: 'action', label: 'Resume', action: { type: 'pause', until: 'resume' }, enabled: false }],
        },
      ],
      (action) => dispatched.push(action),
    )
    expect(template.map(({ click: _click, submenu: _submenu, ...rest }) => rest)).toEqual([
      { label: 'R&&D', enabled: false },
      { type: 'separator' },
      { label: 'Open R&&D', enabled: true },
      { label: 'Pause && more' },
    ])
    expect((template[3]?.submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ label: 'Resume', enabled: false })
    template[2]?.click?.({} as never, undefined, {} as never)
    expect(dispatched).toEqual([{ type: 'openGroup', accountId: 'a', groupId: '1' }])
  })
})

describe('tray presenter', () => {
  it('on Linux attaches the menu, with icon and tooltip from the state', () => {
    const { presenter, calls } = setup('linux')
    presenter.render(appState({}, [group('1', 'A')]), en, NOW)
    expect(calls).toEqual(['image tray-normal.png', 'tooltip 1 group · synced 2 min. ago', 'context-menu 1'])
  })

  it('rebuilds the menu on every change, and only on a change', () => {
    const { presenter, calls } = setup('linux')
    const state = appState({}, [group('1', 'A')])
    presenter.render(state, en, NOW)
    presenter.render(state, en, NOW)
    presenter.render(appState({}, [group('1', 'A'), group('2', 'B')]), en, NOW)
    expect(calls.filter((call) => call.startsWith('context-menu'))).toEqual(['context-menu 1', 'context-menu 2'])
  })

  it('changes the icon only when its state changes', () => {
    const { presenter, calls } = setup('win32')
    presenter.render(appState({}, [group('1', 'A')]), en, NOW)
    presenter.render(appState({ changes: [change('acme.bitrix24.com/1', 'joined', group('2', 'B'))] }), en, NOW)
    presenter.render(appState({ changes: [change('acme.bitrix24.com/1', 'left', group('3', 'C'))] }), en, NOW)
    expect(calls.filter((call) => call.startsWith('image'))).toEqual(['image tray-normal.png', 'image tray-unseen.png'])
  })

  it('on Windows toggles the window on click and keeps the menu for the right click', () => {
    const { presenter, calls, emit, clicks } = setup('win32')
    presenter.render(appState(), en, NOW)
    emit('click')
    expect(clicks()).toBe(1)
    expect(calls).toContain('context-menu 1')
  })

  it('on macOS attaches no menu, toggles on click and pops the menu up on right click', () => {
    const { presenter, calls, emit, clicks } = setup('darwin')
    presenter.render(appState(), en, NOW)
    emit('click')
    emit('right-click')
    expect(clicks()).toBe(1)
    expect(calls.filter((call) => call.startsWith('context-menu'))).toEqual([])
    expect(calls).toContain('pop-up 1')
  })

  it('routes a menu click to the dispatcher', () => {
    const { presenter, templates, dispatched } = setup('linux')
    presenter.render(appState({}, [group('7', 'Marketing')]), en, NOW)
    const item = templates[0]?.find((entry) => String(entry.label).includes('Marketing'))
    item?.click?.({} as never, undefined, {} as never)
    expect(dispatched).toEqual([{ type: 'openGroup', accountId: 'acme.bitrix24.com/1', groupId: '7' }])
  })
})
