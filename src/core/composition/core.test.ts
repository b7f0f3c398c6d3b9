// The one composition of the core, against the demo portal: parts built on first use, an account's removal taking
// its sync state with it, and new credentials restarting an account whose poll halted on refused ones.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMemorySecretStore, SETTINGS_FILE_NAME } from '../accounts'
import { startDemoPortal, type DemoPortal } from '../demo'
import { STATE_FILE_NAME } from '../sync'
import { createCore, type Core } from './core'

let dir: string
let portal: DemoPortal
let core: Core

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b24-core-'))
  portal = await startDemoPortal({ rateLimit: false })
  portal.control.setMemberships('1', [{ id: '77', name: 'New Project Title', role: 'K' }])
  core = createCore({ dataDir: dir, secrets: () => createMemorySecretStore() })
})

afterEach(async () => {
  await core.stop()
  await portal.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the core composition', () => {
  it('builds each part on first use: nothing is written before, and the accounts alone open no sync state', async () => {
    expect(existsSync(join(dir, SETTINGS_FILE_NAME))).toBe(false)
    await core.commands.accounts.addWebhook({ webhookUrl: portal.control.createWebhook('1') })
    await core.stop()
    expect(existsSync(join(dir, SETTINGS_FILE_NAME))).toBe(true)
    expect(existsSync(join(dir, STATE_FILE_NAME))).toBe(false)
  })

  it("removes an account's snapshot and history with it, whether or not this process polls", async () => {
    const { id } = await core.commands.accounts.addWebhook({ webhookUrl: portal.control.createWebhook('1') })
    await core.syncStore.recordSync(id, [], [], new Date().toISOString())
    expect(core.syncStore.snapshot(id)).not.toBeNull()
    await core.commands.accounts.remove(id)
    expect(core.syncStore.snapshot(id)).toBeNull()
  })

  it('restarts a poll that halted on a refused webhook once the user enters a new one', async () => {
    const code = 'fake_code_core_old_1'
    const { id } = await core.commands.accounts.addWebhook({ webhookUrl: portal.control.createWebhook('1', { code }) })
    core.engine.start()
    await core.commands.sync.refresh(id)
    expect(core.engine.statuses()).toEqual([expect.objectContaining({ accountId: id, state: 'ok' })])

    portal.control.revokeWebhook(code)
    await core.commands.sync.refresh(id)
    expect(core.engine.statuses()).toEqual([
      expect.objectContaining({ state: 'error', error: expect.objectContaining({ code: 'INVALID_CREDENTIALS' }) }),
    ])

    await core.commands.accounts.addWebhook({ webhookUrl: portal.control.createWebhook('1') })
    await vi.waitFor(() =>
      expect(core.engine.statuses()).toEqual([expect.objectContaining({ state: 'ok', error: null })]),
    )
  })
})
