import type { ActionDeps } from './actions'
import { createActionDispatcher } from './actions'
import { appState, group, NOW } from './state-fixtures'

function setup(overrides: Partial<ActionDeps> = {}) {
  const calls: unknown[][] = []
  const deps: ActionDeps = {
    state: () => appState({}, [group('7', 'Marketing')]),
    now: () => NOW,
    openExternal: async (url) => void calls.push(['open', url]),
    window: { show: () => void calls.push(['show']) },
    navigate: (payload) => void calls.push(['navigate', payload]),
    engine: { refresh: (accountId) => void calls.push(['refresh', accountId]) },
    settings: { update: (patch) => void calls.push(['settings', patch]) },
    demo: { start: async () => void calls.push(['demo']) },
    app: { quit: () => void calls.push(['quit']) },
    log: { warn: (fields, message) => void calls.push(['warn', message, fields]) },
    ...overrides,
  }
  return { dispatcher: createActionDispatcher(deps), calls }
}

describe('tray and notification actions', () => {
  it('opens a group page from the menu', async () => {
    const { dispatcher, calls } = setup()
    await dispatcher.dispatch({ type: 'openGroup', accountId: 'acme.bitrix24.com/1', groupId: '7' })
    expect(calls).toEqual([['open', 'https://acme.bitrix24.com/workgroups/group/7/']])
  })

  it('opens a collab on its chat from the menu or a notification', async () => {
    const details = {
      type: 'collab',
      archived: false,
      memberCount: 3,
      activityAt: null,
      projectStart: null,
      projectFinish: null,
      pendingRequests: null,
    } as const
    const state = appState({ groupDetails: { 'acme.bitrix24.com/1': { '7': details } } }, [group('7', 'Partners')])
    const { dispatcher, calls } = setup({ state: () => state })
    await dispatcher.dispatch({ type: 'openGroup', accountId: 'acme.bitrix24.com/1', groupId: '7' })
    const url = 'https://acme.bitrix24.com/workgroups/group/7/'
    await dispatcher.openTarget({ type: 'group', accountId: 'acme.bitrix24.com/1', groupId: '7', url })
    expect(calls).toEqual([
      ['open', `${url}chat/`],
      ['open', `${url}chat/`],
    ])
  })

  it('logs, and opens nothing, for a group that has gone from the list', async () => {
    const { dispatcher, calls } = setup()
    await dispatcher.dispatch({ type: 'openGroup', accountId: 'acme.bitrix24.com/1', groupId: '404' })
    expect(calls.map((call) => call[0])).toEqual(['warn'])
  })

  it("opens an account's portal from the menu", async () => {
    const { dispatcher, calls } = setup()
    await dispatcher.dispatch({ type: 'openPortal', accountId: 'acme.bitrix24.com/1' })
    await dispatcher.dispatch({ type: 'openPortal', accountId: 'gone.bitrix24.com/1' })
    expect(calls).toEqual([['open', 'https://acme.bitrix24.com']])
  })

  it('shows the window on the requested view', async () => {
    const { dispatcher, calls } = setup()
    await dispatcher.dispatch({ type: 'showWindow', view: 'settings' })
    expect(calls).toEqual([['show'], ['navigate', { view: 'settings' }]])
  })

  it('refreshes, pauses, starts the demo and quits', async () => {
    const { dispatcher, calls } = setup()
    await dispatcher.dispatch({ type: 'refresh' })
    await dispatcher.dispatch({ type: 'pause', until: 'hour' })
    await dispatcher.dispatch({ type: 'startDemo' })
    await dispatcher.dispatch({ type: 'quit' })
    expect(calls).toEqual([
      ['refresh', undefined],
      ['settings', { notifications: { mutedUntil: new Date(NOW.getTime() + 3_600_000).toISOString() } }],
      ['show'],
      ['navigate', { view: 'groups' }],
      ['demo'],
      ['quit'],
    ])
  })

  it('logs a failed action instead of leaving an unhandled rejection', async () => {
    const { dispatcher, calls } = setup({
      engine: {
        refresh: async () => {
          throw new TypeError('https://x/rest/1/SECRET/')
        },
      },
    })
    await expect(dispatcher.dispatch({ type: 'refresh' })).resolves.toBeUndefined()
    expect(calls).toEqual([['warn', 'Action failed', { action: 'refresh', error: 'TypeError' }]])
  })

  it('routes a notification click to the group page (even of a group just left) or the history', async () => {
    const { dispatcher, calls } = setup({ state: () => appState() })
    const url = 'https://acme.bitrix24.com/workgroups/group/7/'
    await dispatcher.openTarget({ type: 'group', accountId: 'acme.bitrix24.com/1', groupId: '7', url })
    await dispatcher.openTarget({ type: 'window', view: 'changes' })
    expect(calls).toEqual([
      ['open', 'https://acme.bitrix24.com/workgroups/group/7/'],
      ['show'],
      ['navigate', { view: 'changes' }],
    ])
  })
})
