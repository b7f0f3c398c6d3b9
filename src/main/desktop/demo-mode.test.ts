import type { DemoPortal } from '../../core/demo'
import type { DemoModeDeps } from './demo-mode'
import { createDemoMode } from './demo-mode'
import { account } from './state-fixtures'

function fakePortal(calls: string[]): DemoPortal {
  return {
    origin: 'http://127.0.0.1:4000',
    webhookUrl: () => 'http://127.0.0.1:4000/rest/1/democode/',
    control: {} as DemoPortal['control'],
    close: async () => void calls.push('close'),
  }
}

function setup(addWebhook?: DemoModeDeps['accounts']['addWebhook']) {
  const calls: string[] = []
  const demoAccount = account('127.0.0.1:4000', { portal: 'http://127.0.0.1:4000', persisted: false })
  const mode = createDemoMode({
    startPortal: async () => (calls.push('start'), fakePortal(calls)),
    accounts: {
      addWebhook:
        addWebhook ??
        (async (input) => (
          calls.push(`add ${input.webhookUrl} ${input.label} session=${input.sessionOnly}`),
          demoAccount
        )),
      remove: async (id, options) => void calls.push(`remove ${id} force=${options?.force}`),
    },
  })
  return { mode, calls, demoAccount }
}

describe('demo mode', () => {
  it('starts the portal once and adds a session-only account for it', async () => {
    const { mode, calls, demoAccount } = setup()
    const [first, second] = await Promise.all([mode.start(), mode.start()])
    expect(first).toBe(demoAccount)
    expect(second).toBe(demoAccount)
    expect(calls).toEqual(['start', 'add http://127.0.0.1:4000/rest/1/democode/ Demo portal session=true'])
    expect(mode.portal()?.origin).toBe('http://127.0.0.1:4000')
  })

  it('removes the account and closes the portal on stop, and can start again', async () => {
    const { mode, calls } = setup()
    await mode.start()
    await mode.stop()
    await mode.stop()
    expect(calls.slice(2)).toEqual(['remove 127.0.0.1:4000/1 force=true', 'close'])
    expect(mode.portal()).toBeNull()
    await mode.start()
    expect(calls.filter((call) => call === 'start')).toHaveLength(2)
  })

  it('closes the portal when its account cannot be added, and lets the user try again', async () => {
    let attempts = 0
    const { mode, calls } = setup(async () => {
      attempts += 1
      throw new Error('keychain')
    })
    await expect(mode.start()).rejects.toThrow('keychain')
    await expect(mode.start()).rejects.toThrow('keychain')
    expect(attempts).toBe(2)
    expect(calls).toEqual(['start', 'close', 'start', 'close'])
    expect(mode.portal()).toBeNull()
  })
})
