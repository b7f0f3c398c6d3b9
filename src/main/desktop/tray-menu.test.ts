import { createTranslator } from '@shared/i18n'
import type { AppState } from '@shared/types'
import { account, appState, change, group, NOW, status } from './state-fixtures'
import type { TrayMenuItem } from './tray-menu'
import { buildTrayMenu, sortGroupsForMenu } from './tray-menu'

const en = createTranslator('en')
const acmeId = 'acme.bitrix24.com/1'
const FSI = '\u2068'
const PDI = '\u2069'

/** The menu as readable lines: labels, `---` for separators, `>` before submenu items; `(off)` marks disabled. */
function outline(items: TrayMenuItem[], indent = ''): string[] {
  return items.flatMap((item) => {
    if (item.type === 'separator') return [`${indent}---`]
    if (item.type === 'submenu') return [`${indent}${item.label}`, ...outline(item.items, `${indent}> `)]
    const text = item.label.replaceAll(FSI, '').replaceAll(PDI, '')
    return [`${indent}${text}${item.type === 'label' || item.enabled === false ? ' (off)' : ''}`]
  })
}

function actionOf(items: TrayMenuItem[], label: string) {
  const found = items.find((item) => item.type === 'action' && item.label.includes(label))
  return found?.type === 'action' ? found.action : undefined
}

function withSettings(state: AppState, settings: Partial<AppState['settings']>): AppState {
  return { ...state, settings: { ...state.settings, ...settings } }
}

describe('tray menu', () => {
  it('offers an account, the demo and quit when there is no account', () => {
    const menu = buildTrayMenu(appState({ accounts: [], statuses: [], groups: {} }), en, NOW)
    expect(outline(menu)).toEqual(['No account yet (off)', 'Add an account…', 'Try the demo portal', '---', 'Quit'])
    expect(actionOf(menu, 'Add an account')).toEqual({ type: 'showWindow', view: 'settings' })
    expect(actionOf(menu, 'Try the demo')).toEqual({ type: 'startDemo' })
  })

  it('lists the groups of one account with roles, and the commands', () => {
    const state = appState({}, [group('2', 'Beta', 'A'), group('1', 'alpha', 'E'), group('3', 'Gamma')])
    expect(outline(buildTrayMenu(state, en, NOW))).toEqual([
      '3 groups · synced 2 min. ago (off)',
      '---',
      'alpha · Moderator',
      'Beta · Owner',
      'Gamma · Member',
      'Open portal',
      '---',
      'Open Bitrix24 Groups',
      'Changes…',
      '---',
      'Refresh now',
      'Pause notifications',
      '> For 1 hour',
      '> Until tomorrow',
      '> ---',
      '> Resume notifications (off)',
      'Settings…',
      '---',
      'Quit',
    ])
  })

  it('opens the group page when a group is clicked', () => {
    const menu = buildTrayMenu(appState({}, [group('77', 'Project')]), en, NOW)
    expect(actionOf(menu, 'Project')).toEqual({ type: 'openGroup', accountId: acmeId, groupId: '77' })
  })

  it('puts pinned groups first, both parts by name', () => {
    const groups = [group('1', 'Delta'), group('2', 'alpha'), group('3', 'Charlie'), group('4', 'Bravo')]
    const state = withSettings(appState({}, groups), { pinnedGroups: { [acmeId]: ['1', '3'] } })
    const names = outline(buildTrayMenu(state, en, NOW)).filter((line) => line.endsWith('· Member'))
    expect(names).toEqual(['Charlie · Member', 'Delta · Member', 'alpha · Member', 'Bravo · Member'])
  })

  it('sorts by the rules of the user language and numbers naturally', () => {
    const groups = [group('1', 'Zebra'), group('2', 'Äpfel'), group('3', 'Team 10'), group('4', 'Team 9')]
    expect(sortGroupsForMenu(groups, [], 'de').map((g) => g.name)).toEqual(['Äpfel', 'Team 9', 'Team 10', 'Zebra'])
    const swedish = [group('1', 'Zebra'), group('2', 'Äpple')]
    expect(sortGroupsForMenu(swedish, [], 'sv').map((g) => g.name)).toEqual(['Zebra', 'Äpple'])
  })

  it('shows up to the configured count and links the rest to the window', () => {
    const groups = Array.from({ length: 20 }, (_, index) => group(String(index), `Group ${index}`))
    const menu = buildTrayMenu(withSettings(appState({}, groups), { trayMenuGroupCount: 5 }), en, NOW)
    const lines = outline(menu)
    expect(lines.filter((line) => line.startsWith('Group '))).toHaveLength(5)
    expect(lines).toContain('15 more…')
    expect(actionOf(menu, '15 more')).toEqual({ type: 'showWindow', view: 'groups' })
  })

  it('lists no group at all when the configured count is zero', () => {
    const menu = buildTrayMenu(withSettings(appState({}, [group('1', 'A')]), { trayMenuGroupCount: 0 }), en, NOW)
    expect(outline(menu)).toContain('1 more…')
    expect(outline(menu)).not.toContain('A · Member')
  })

  it('marks groups with unseen changes', () => {
    const state = appState(
      {
        changes: [
          change(acmeId, 'role_changed', group('2', 'B')),
          change(acmeId, 'renamed', group('1', 'A'), { seen: true }),
        ],
      },
      [group('1', 'A'), group('2', 'B')],
    )
    const lines = outline(buildTrayMenu(state, en, NOW))
    expect(lines).toContain('A · Member')
    expect(lines).toContain('● B · Member')
  })

  it('puts a header over each account when there are several', () => {
    const other = account('other.bitrix24.com', { label: 'Client & Co' })
    const state = appState({
      accounts: [account('acme.bitrix24.com'), other],
      statuses: [status(acmeId), status(other.id)],
      groups: { [acmeId]: [group('1', 'Ours')], [other.id]: [group('9', 'Theirs', 'A', 'other.bitrix24.com')] },
    })
    const menu = buildTrayMenu(state, en, NOW)
    expect(outline(menu).slice(0, 9)).toEqual([
      '2 groups · synced 2 min. ago (off)',
      '---',
      'acme.bitrix24.com (off)',
      'Ours · Member',
      'Open portal',
      '---',
      'Client & Co (off)',
      'Theirs · Owner',
      'Open portal',
    ])
    expect(actionOf(menu, 'Theirs')).toEqual({ type: 'openGroup', accountId: other.id, groupId: '9' })
    const portals = menu.flatMap((item) =>
      item.type === 'action' && item.label === 'Open portal' ? [item.action] : [],
    )
    expect(portals).toEqual([
      { type: 'openPortal', accountId: acmeId },
      { type: 'openPortal', accountId: other.id },
    ])
  })

  it('shows a credentials error with a way to fix it', () => {
    const error = {
      code: 'NO_AUTH_FOUND',
      kind: 'auth' as const,
      messageKey: 'k',
      message: 'The webhook code is wrong',
      retryAt: null,
    }
    const menu = buildTrayMenu(
      appState({ statuses: [status(acmeId, { state: 'error', error })] }, [group('1', 'A')]),
      en,
      NOW,
    )
    expect(outline(menu)).toContain('Cannot sync: credentials refused (off)')
    expect(actionOf(menu, 'Fix in settings')).toEqual({ type: 'showWindow', view: 'settings' })
    expect(outline(menu)).toContain('A · Member')
  })

  it('says how many accounts synced when only some have, not "not synced yet"', () => {
    const ids = ['a', 'b', 'c'].map((name) => `${name}.bitrix24.com/1`)
    const state = appState({
      accounts: ['a', 'b', 'c'].map((name) => account(`${name}.bitrix24.com`)),
      statuses: [status(ids[0]!), status(ids[1]!), status(ids[2]!, { state: 'idle', lastSyncAt: null })],
      groups: { [ids[0]!]: [group('1', 'A')], [ids[1]!]: [group('2', 'B')] },
    })
    expect(outline(buildTrayMenu(state, en, NOW))[0]).toBe('2 groups · 2 of 3 accounts synced (off)')
    expect(outline(buildTrayMenu(state, createTranslator('ru'), NOW))[0]).toBe(
      '2 группы · синхронизировано 2 из 3 аккаунтов (off)',
    )
  })

  it('lists the last few changes, newest first, each opening its group, with the whole history a click away', () => {
    const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString()
    const changes = [
      change(acmeId, 'joined', group('1', 'Oldest'), { at: at(90), seen: true }),
      change(acmeId, 'role_changed', group('2', 'Newest'), { at: at(1) }),
      change(acmeId, 'left', group('3', 'Gone'), { at: at(5) }),
      ...['4', '5', '6'].map((id, index) =>
        change(acmeId, 'renamed', group(id, `Renamed ${id}`), { at: at(10 + index), seen: true }),
      ),
    ]
    const menu = buildTrayMenu(appState({ changes }, [group('1', 'Oldest'), group('2', 'Newest')]), en, NOW)
    const recent = menu.find((item) => item.type === 'submenu' && item.label.startsWith('Recent changes'))
    if (recent?.type !== 'submenu') throw new Error('no recent changes submenu')
    expect(outline([recent])).toEqual([
      'Recent changes (2 new)',
      '> ● Newest · role changed',
      '> ● Gone · left',
      '> Renamed 4 · renamed',
      '> Renamed 5 · renamed',
      '> Renamed 6 · renamed',
      '> ---',
      '> All changes…',
    ])
    expect(actionOf(recent.items, 'Newest')).toEqual({ type: 'openGroup', accountId: acmeId, groupId: '2' })
    expect(actionOf(recent.items, 'Gone')).toEqual({ type: 'showWindow', view: 'changes' })
    expect(actionOf(recent.items, 'All changes')).toEqual({ type: 'showWindow', view: 'changes' })
    expect(actionOf(menu, 'Changes…')).toEqual({ type: 'showWindow', view: 'changes' })
    expect(actionOf(menu, 'Open Bitrix24 Groups')).toEqual({ type: 'showWindow', view: 'groups' })
  })

  it('offers a retry for an error that may pass', () => {
    const error = {
      code: 'INTERNAL_SERVER_ERROR',
      kind: 'server' as const,
      messageKey: 'k',
      message: 'Portal error',
      retryAt: null,
    }
    const menu = buildTrayMenu(
      appState({ statuses: [status(acmeId, { state: 'error', error, lastSyncAt: null })], groups: {} }),
      en,
      NOW,
    )
    expect(actionOf(menu, 'Retry now')).toEqual({ type: 'refresh', accountId: acmeId })
    expect(outline(menu)).not.toContain('Not synced yet (off)')
  })

  it('says so when offline and keeps the last known groups', () => {
    const lines = outline(buildTrayMenu(appState({ online: false }, [group('1', 'A')]), en, NOW))
    expect(lines.slice(0, 2)).toEqual([
      '1 group · offline · synced 2 min. ago (off)',
      'Offline: will sync when the connection is back (off)',
    ])
    expect(lines).toContain('A · Member')
  })

  it('distinguishes syncing, never synced, no groups and a turned-off account', () => {
    const ids = ['a', 'b', 'c', 'd'].map((name) => `${name}.bitrix24.com/1`)
    const state = appState({
      accounts: ['a', 'b', 'c', 'd'].map((name, index) => account(`${name}.bitrix24.com`, { enabled: index !== 3 })),
      statuses: [
        status(ids[0]!, { state: 'syncing', lastSyncAt: null }),
        status(ids[1]!, { state: 'idle', lastSyncAt: null }),
        status(ids[2]!),
      ],
      groups: { [ids[2]!]: [] },
    })
    const lines = outline(buildTrayMenu(state, en, NOW))
    expect(lines).toEqual(
      expect.arrayContaining(['Syncing… (off)', 'Not synced yet (off)', 'No groups (off)', 'Turned off (off)']),
    )
  })

  it('shows a running pause with its end and enables resume', () => {
    const mutedUntil = new Date(NOW.getTime() + 30 * 60_000)
    const state = withSettings(appState(), {
      notifications: { ...appState().settings.notifications, mutedUntil: mutedUntil.toISOString() },
    })
    const menu = buildTrayMenu(state, en, NOW)
    const pause = menu.find((item) => item.type === 'submenu')
    const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(mutedUntil)
    expect(pause?.label).toBe(`Notifications paused until ${clock}`)
    expect(outline(menu)).toContain('> Resume notifications')
    expect(actionOf(pause?.type === 'submenu' ? pause.items : [], 'Resume')).toEqual({ type: 'pause', until: 'resume' })
  })

  it('treats a pause that has run out as no pause', () => {
    const state = withSettings(appState(), {
      notifications: { ...appState().settings.notifications, mutedUntil: new Date(NOW.getTime() - 1).toISOString() },
    })
    expect(outline(buildTrayMenu(state, en, NOW))).toContain('Pause notifications')
  })

  it('keeps hostile names on one bounded, bidi-isolated line', () => {
    const long = 'x'.repeat(300)
    const state = appState({}, [group('1', long), group('2', 'שלום עולם'), group('3', 'two\nlines')])
    const labels = buildTrayMenu(state, en, NOW).flatMap((item) => (item.type === 'action' ? [item.label] : []))
    expect(labels).toContain(`${FSI}${'x'.repeat(59)}…${PDI} · Member`)
    expect(labels).toContain(`${FSI}שלום עולם${PDI} · Member`)
    expect(labels).toContain(`${FSI}two\\x0Alines${PDI} · Member`)
  })

  it.each(['ru', 'de'] as const)('is fully translated in %s', (language) => {
    const lines = outline(buildTrayMenu(appState({}, [group('1', 'A', 'A')]), createTranslator(language), NOW))
    const english = outline(buildTrayMenu(appState({}, [group('1', 'A', 'A')]), en, NOW))
    lines.forEach((line, index) => {
      if (line !== '---' && !line.startsWith('> ---')) expect(line).not.toBe(english[index])
    })
  })
})
