import { createTranslator } from '@shared/i18n'
import type { ErrorKind } from '@shared/types'
import { account, appState, change, group, NOW, status } from './state-fixtures'
import { buildTrayMenu } from './tray-menu'
import { trayIconFile, trayIconState, trayTooltip } from './tray-status'

const en = createTranslator('en')
const acmeId = 'acme.bitrix24.com/1'

function errorStatus(kind: ErrorKind) {
  return status(acmeId, {
    state: 'error',
    error: { code: 'X', kind, messageKey: 'errors:x', message: 'Broken', retryAt: null },
  })
}

describe('tray icon state', () => {
  it('is normal when everything is synced and seen', () => {
    expect(trayIconState(appState({}, [group('1', 'A')]))).toBe('normal')
  })

  it('shows unseen changes', () => {
    const state = appState({ changes: [change(acmeId, 'joined', group('1', 'A'))] })
    expect(trayIconState(state)).toBe('unseen')
  })

  it('ignores changes already seen and changes of removed accounts', () => {
    const state = appState({
      changes: [
        change(acmeId, 'joined', group('1', 'A'), { seen: true }),
        change('gone.bitrix24.com/1', 'joined', group('2', 'B')),
      ],
    })
    expect(trayIconState(state)).toBe('normal')
  })

  it.each<ErrorKind>(['auth', 'permission', 'scope', 'plan', 'moved', 'not_found'])(
    'asks for attention on a %s error, even offline and with unseen changes',
    (kind) => {
      const state = appState({
        statuses: [errorStatus(kind)],
        online: false,
        changes: [change(acmeId, 'joined', group('1', 'A'))],
      })
      expect(trayIconState(state)).toBe('attention')
    },
  )

  it('shows offline when the machine is offline', () => {
    expect(trayIconState(appState({ online: false }))).toBe('offline')
  })

  it('shows offline when no enabled account can reach its portal', () => {
    const other = account('other.bitrix24.com')
    const state = appState({
      accounts: [account('acme.bitrix24.com'), other, account('off.bitrix24.com', { enabled: false })],
      statuses: [errorStatus('network'), status(other.id, { state: 'offline' })],
    })
    expect(trayIconState(state)).toBe('offline')
  })

  it('does not call a transient server error offline or attention', () => {
    expect(trayIconState(appState({ statuses: [errorStatus('server')] }))).toBe('normal')
  })

  it.each<ErrorKind>(['rate_limit', 'overload', 'method_time', 'protocol'])(
    'stays calm on a %s error, which passes by itself (the window shows one quiet line for it too)',
    (kind) => {
      expect(trayIconState(appState({ statuses: [errorStatus(kind)] }))).toBe('normal')
    },
  )

  it('ignores the errors of a turned-off account', () => {
    const state = appState({
      accounts: [account('acme.bitrix24.com', { enabled: false })],
      statuses: [errorStatus('auth')],
    })
    expect(trayIconState(state)).toBe('normal')
  })

  it('names template images for macOS and colour images elsewhere', () => {
    expect(trayIconFile('unseen', 'darwin')).toBe('tray-unseenTemplate.png')
    expect(trayIconFile('unseen', 'win32')).toBe('tray-unseen.png')
    expect(trayIconFile('offline', 'linux')).toBe('tray-offline.png')
  })
})

describe('tray tooltip', () => {
  it('sums up groups and the last sync', () => {
    const groups = Array.from({ length: 42 }, (_, index) => group(String(index), `G${index}`))
    expect(trayTooltip(appState({}, groups), en, NOW)).toBe('42 groups · synced 2 min. ago')
  })

  it('uses the least recent sync of several accounts and adds their groups', () => {
    const other = account('other.bitrix24.com')
    const state = appState({
      accounts: [account('acme.bitrix24.com'), other],
      statuses: [
        status(acmeId),
        status(other.id, { lastSyncAt: new Date(NOW.getTime() - 3 * 3_600_000).toISOString() }),
      ],
      groups: { [acmeId]: [group('1', 'A')], [other.id]: [group('2', 'B'), group('3', 'C')] },
    })
    expect(trayTooltip(state, en, NOW)).toBe('3 groups · synced 3 hr. ago')
  })

  it('names a state directory problem: another copy saving, or a disk that refuses (which also asks for attention)', () => {
    const groups = [group('1', 'A')]
    const waiting = appState(
      { stateProblem: { kind: 'lease_held', dir: '/data', holder: 'b24-groups watch', message: 'Another copy…' } },
      groups,
    )
    expect(trayTooltip(waiting, en, NOW)).toBe('1 group · another copy is saving · synced 2 min. ago')
    expect(trayIconState(waiting)).toBe('normal')
    const disk = appState(
      { stateProblem: { kind: 'disk', dir: '/data', holder: null, message: 'Cannot save…' } },
      groups,
    )
    expect(trayTooltip(disk, en, NOW)).toBe('1 group · cannot save · synced 2 min. ago')
    expect(trayIconState(disk)).toBe('attention')
    expect(buildTrayMenu(disk, en, NOW)[0]).toEqual({
      type: 'label',
      label: '1 group · cannot save · synced 2 min. ago',
    })
  })

  it('says just now for a sync under a minute ago', () => {
    const state = appState({ statuses: [status(acmeId, { lastSyncAt: NOW.toISOString() })] }, [group('1', 'A')])
    expect(trayTooltip(state, en, NOW)).toBe('1 group · synced just now')
  })

  it('says when there is no account yet', () => {
    expect(trayTooltip(appState({ accounts: [], statuses: [], groups: {} }), en, NOW)).toBe(
      'Bitrix24 Groups · no account yet',
    )
  })

  it('says syncing before the first sync completes', () => {
    const state = appState({ statuses: [status(acmeId, { state: 'syncing', lastSyncAt: null })], groups: {} })
    expect(trayTooltip(state, en, NOW)).toBe('0 groups · syncing…')
  })

  it('mentions offline, attention and unseen changes', () => {
    expect(trayTooltip(appState({ online: false }), en, NOW)).toBe('0 groups · offline · synced 2 min. ago')
    expect(trayTooltip(appState({ statuses: [errorStatus('auth')] }), en, NOW)).toContain('needs attention')
    const unseen = appState({
      changes: [change(acmeId, 'left', group('1', 'A')), change(acmeId, 'joined', group('2', 'B'))],
    })
    expect(trayTooltip(unseen, en, NOW)).toBe('0 groups · synced 2 min. ago · 2 new changes')
  })

  it('uses Russian plural forms', () => {
    const ru = createTranslator('ru')
    const groups = (count: number) => Array.from({ length: count }, (_, index) => group(String(index), `G${index}`))
    expect(trayTooltip(appState({}, groups(1)), ru, NOW)).toMatch(/^1 группа · /)
    expect(trayTooltip(appState({}, groups(3)), ru, NOW)).toMatch(/^3 группы · /)
    expect(trayTooltip(appState({}, groups(5)), ru, NOW)).toMatch(/^5 групп · обновлено 2 мин\. назад$/)
  })

  it('speaks German', () => {
    expect(trayTooltip(appState({}, [group('1', 'A'), group('2', 'B')]), createTranslator('de'), NOW)).toBe(
      '2 Gruppen · aktualisiert vor 2 Min.',
    )
  })

  it('stays within the 127 characters Windows shows', () => {
    const state = appState({
      changes: [change(acmeId, 'left', group('1', 'A'))],
      statuses: [errorStatus('auth')],
    })
    const long = { ...en, t: ((key: string) => `${key}-${'x'.repeat(60)}`) as typeof en.t }
    expect(trayTooltip(state, long, NOW).length).toBeLessThanOrEqual(127)
  })
})
