import { appPlatform, composeAppState } from './app-state'
import { account, appState, change, group, status } from './state-fixtures'

describe('app state', () => {
  it('puts accounts, statuses, groups, history and settings together', () => {
    const acme = account('acme.bitrix24.com')
    const groups = [group('1', 'A')]
    const state = composeAppState({
      accounts: () => [acme],
      statuses: () => [status(acme.id), status('removed/1')],
      groups: (id) => (id === acme.id ? groups : []),
      groupDetails: () => ({}),
      history: () => [change(acme.id, 'joined', groups[0]!), change('removed/1', 'left', group('9', 'Z'))],
      settings: () => appState().settings,
      online: () => false,
      platform: 'linux',
      notice: () => 'accounts:notices.settingsReset',
      stateProblem: () => ({ kind: 'disk', dir: '/data', holder: null, message: 'Cannot save to /data.' }),
    })
    expect(state).toEqual({
      accounts: [acme],
      statuses: [status(acme.id)],
      groups: { [acme.id]: groups },
      groupDetails: { [acme.id]: {} },
      changes: [change(acme.id, 'joined', groups[0]!)],
      settings: appState().settings,
      online: false,
      platform: 'linux',
      notice: 'accounts:notices.settingsReset',
      stateProblem: { kind: 'disk', dir: '/data', holder: null, message: 'Cannot save to /data.' },
    })
  })

  it('names platforms the renderer does not style as other', () => {
    expect(appPlatform('darwin')).toBe('darwin')
    expect(appPlatform('freebsd')).toBe('other')
  })
})
