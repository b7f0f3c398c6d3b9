// A portal that moved, in the app: main's real IPC handlers over the real core, against two demo portals, the old
// one redirecting to an address the client does not follow by itself. The banner gets the new address from the
// published state, `accounts:acceptMove` proves and stores it, and the account then syncs there.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTranslator } from '@shared/i18n'
import type { AppState } from '@shared/types'
import { createMemorySecretStore } from '../../core/accounts'
import { toErrorView } from '../../core/bitrix'
import { fetchWithHosts } from '../../core/bitrix/test-support/hosts-fetch'
import { createCore, type Core } from '../../core/composition'
import type { DemoPortal } from '../../core/demo'
import { SEED_GROUPS, startSeededPortal } from '../../core/demo/test-support'
import { composeAppState, coreStateSources } from './app-state'
import { DESKTOP_UNEXPECTED } from './error-view'
import { createHandlers } from './handlers'
import { createShortcutManager } from './shortcut'
import { createStatePublisher } from './state-publisher'

/** A name the client will not follow a redirect to by itself (not loopback, not a Bitrix24 cloud host). */
const NEW = 'https://acme-new.example.com'
const CODE = 'fake_code_moved_portal_2'
const en = createTranslator('en')

let dir: string
let old: DemoPortal
let moved: DemoPortal
let core: Core
/** What the window last received from the publisher, as `state:get` would answer it (the window rebuilds it from `state:delta`). */
let published: AppState | null

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b24-moved-'))
  old = await startSeededPortal(SEED_GROUPS.slice(0, 1))
  moved = await startSeededPortal(SEED_GROUPS.slice(0, 1))
  // The same webhook answers at the new address, as it does when Bitrix24 renames a portal.
  moved.control.createWebhook('1', { code: CODE })
  core = createCore({
    dataDir: dir,
    secrets: () => createMemorySecretStore(),
    clientOptions: {
      fetch: fetchWithHosts({ [old.origin]: old.origin, [moved.origin]: moved.origin, [NEW]: moved.origin }),
    },
    describeError: (error) => toErrorView(error, en.t, DESKTOP_UNEXPECTED),
  })
  published = null
})

afterEach(async () => {
  await core.stop()
  await Promise.all([old.close(), moved.close()])
  await rm(dir, { recursive: true, force: true })
})

function appHandlers() {
  const state = () =>
    composeAppState({
      ...coreStateSources(core),
      online: () => true,
      platform: 'linux',
      notice: () => null,
      stateProblem: () => null,
    })
  // The app's own publisher, publishing at once: what it hands on is what the window's banner renders.
  const publisher = createStatePublisher({
    compose: state,
    publish: (current) => void (published = current),
    defer: (callback) => callback(),
    setInterval: () => 0,
    clearInterval: () => {},
  })
  for (const event of ['status', 'groups', 'history'] as const) core.engine.on(event, () => publisher.changed())
  core.accounts.subscribe(() => publisher.changed())
  return createHandlers({
    state,
    translator: () => en,
    now: () => new Date(),
    accounts: core.commands.accounts,
    engine: core.commands.sync,
    settings: core.commands.settings,
    openExternal: async () => 'opened',
    clipboard: { writeText: () => {} },
    window: { hide: () => {} },
    shortcut: createShortcutManager({ register: () => true, unregister: () => {} }, () => {}),
    launchAtLogin: { apply: async () => {} },
    demo: { start: () => Promise.reject(new Error('no demo here')) },
    app: { quit: () => {}, getVersion: () => '0.1.0' },
    logs: { open: async () => '' },
    log: { warn: () => {}, error: () => {} },
  })
}

describe('a moved portal in the app', () => {
  it('shows the new address in the published state, accepts it through accounts:acceptMove, and syncs there', async () => {
    const handlers = appHandlers()
    const added = await handlers['accounts:addWebhook']({ webhookUrl: old.control.createWebhook('1', { code: CODE }) })
    if (!added.ok) throw new Error(`adding failed: ${added.error.code}`)
    const accountId = added.value.id
    core.engine.start()
    await handlers['sync:refresh']({ accountId })
    expect(published?.groups[accountId]?.map((group) => group.url)).toEqual([`${old.origin}/workgroups/group/77/`])

    old.control.moveTo(NEW)
    await handlers['sync:refresh']({ accountId })
    const banner = published?.statuses.find((status) => status.accountId === accountId)?.error
    expect(banner).toMatchObject({ code: 'PORTAL_MOVED', kind: 'moved', movedTo: NEW })
    expect(moved.control.stats().requests).toBe(0)

    const accepted = await handlers['accounts:acceptMove']({ accountId })
    expect(accepted).toMatchObject({ ok: true, value: { id: accountId, portal: NEW } })
    await old.close()
    await handlers['sync:refresh']({ accountId })
    const status = published?.statuses.find((candidate) => candidate.accountId === accountId)
    expect(status).toMatchObject({ state: 'ok', error: null })
    expect(published?.accounts).toEqual([expect.objectContaining({ id: accountId, portal: NEW })])
    expect(published?.groups[accountId]?.map((group) => group.url)).toEqual([`${NEW}/workgroups/group/77/`])
  })

  it('answers NO_MOVE_PENDING when the account has not reported a move', async () => {
    const handlers = appHandlers()
    const added = await handlers['accounts:addWebhook']({ webhookUrl: old.control.createWebhook('1', { code: CODE }) })
    if (!added.ok) throw new Error(`adding failed: ${added.error.code}`)
    expect(await handlers['accounts:acceptMove']({ accountId: added.value.id })).toMatchObject({
      ok: false,
      error: { code: 'NO_MOVE_PENDING' },
    })
  })
})
