import type { DemoPortal, DemoSet } from '../../core/demo'
import { DEMO_ACCOUNTS } from '../../core/demo'
import type { DemoModeDeps } from './demo-mode'
import { createDemoMode } from './demo-mode'
import { account } from './state-fixtures'

function fakePortal(port: number): DemoPortal {
  return {
    origin: `http://127.0.0.1:${port}`,
    webhookUrl: () => `http://127.0.0.1:${port}/rest/1/democode/`,
    control: {} as DemoPortal['control'],
    close: async () => {},
  }
}

/** The demo's accounts on fake portals 4000, 4001, …: what the real set starts, without the servers. */
function fakeSet(calls: string[]): DemoSet {
  return {
    members: DEMO_ACCOUNTS.map((spec, index) => {
      const portal = fakePortal(4000 + index)
      return { spec, portal, webhookUrl: portal.webhookUrl() }
    }),
    close: async () => void calls.push('close'),
  }
}

function setup(addWebhook?: DemoModeDeps['accounts']['addWebhook']) {
  const calls: string[] = []
  const mode = createDemoMode({
    startDemo: async () => (calls.push('start'), fakeSet(calls)),
    accounts: {
      addWebhook:
        addWebhook ??
        (async (input) => {
          calls.push(`add ${input.webhookUrl} ${input.label} session=${input.sessionOnly}`)
          const origin = new URL(input.webhookUrl).origin
          return account(new URL(origin).host, { portal: origin, label: input.label ?? '', persisted: false })
        }),
      remove: async (id, options) => void calls.push(`remove ${id} force=${options?.force}`),
    },
  })
  return { mode, calls }
}

describe('demo mode', () => {
  it('starts the demo once and adds a session-only account per demo portal, the primary first', async () => {
    const { mode, calls } = setup()
    const [first, second] = await Promise.all([mode.start(), mode.start()])
    expect(first).toMatchObject({ id: '127.0.0.1:4000/1', label: 'Demo portal' })
    expect(second).toBe(first)
    expect(calls).toEqual([
      'start',
      'add http://127.0.0.1:4000/rest/1/democode/ Demo portal session=true',
      'add http://127.0.0.1:4001/rest/1/democode/ Demo partner portal session=true',
      'add http://127.0.0.1:4002/rest/1/democode/ Demo club portal session=true',
    ])
    expect(mode.portal()?.origin).toBe('http://127.0.0.1:4000')
  })

  it('removes every demo account and closes the portals on stop, and can start again', async () => {
    const { mode, calls } = setup()
    await mode.start()
    await mode.stop()
    await mode.stop()
    expect(calls.slice(4)).toEqual([
      'remove 127.0.0.1:4000/1 force=true',
      'remove 127.0.0.1:4001/1 force=true',
      'remove 127.0.0.1:4002/1 force=true',
      'close',
    ])
    expect(mode.portal()).toBeNull()
    await mode.start()
    expect(calls.filter((call) => call === 'start')).toHaveLength(2)
  })

  it('removes the accounts already added and closes the portals when one cannot be added, and lets the user try again', async () => {
    let attempts = 0
    const removed: string[] = []
    const calls: string[] = []
    const mode = createDemoMode({
      startDemo: async () => (calls.push('start'), fakeSet(calls)),
      accounts: {
        addWebhook: async (input) => {
          attempts += 1
          if (input.label !== 'Demo portal') throw new Error('keychain')
          return account('127.0.0.1:4000', { portal: 'http://127.0.0.1:4000', persisted: false })
        },
        remove: async (id) => void removed.push(id),
      },
    })
    await expect(mode.start()).rejects.toThrow('keychain')
    await expect(mode.start()).rejects.toThrow('keychain')
    expect(attempts).toBe(4)
    expect(removed).toEqual(['127.0.0.1:4000/1', '127.0.0.1:4000/1'])
    expect(calls).toEqual(['start', 'close', 'start', 'close'])
    expect(mode.portal()).toBeNull()
  })
})
