// The desktop wiring without Electron: core services, demo mode, state, tray menu, notifications and the IPC
// handlers, against the real demo portal over loopback HTTP. What the Electron smoke test checks through the real
// app, this checks on every machine.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTranslator } from '@shared/i18n'
import type { MembershipChange } from '@shared/types'
import { createMemorySecretStore } from '../../core/accounts'
import { toErrorView } from '../../core/bitrix'
import { createCore, type Core } from '../../core/composition'
import { startDemoPortal } from '../../core/demo'
import type { SyncLogger } from '../../core/sync'
import { acquireStateLease, LEASE_FILE_NAME, STATE_FILE_NAME } from '../../core/sync'
import { composeAppState, coreStateSources } from './app-state'
import { createChangeNotifications } from './change-notifications'
import type { DemoMode } from './demo-mode'
import { createDemoMode } from './demo-mode'
import { DESKTOP_UNEXPECTED } from './error-view'
import { createExternalOpener } from './external-links'
import { createHandlers } from './handlers'
import type { NotificationSpec } from './notification-plan'
import { createShortcutManager } from './shortcut'
import { watchStateDirectory, type StateDirectory } from './state-problem'
import { createStatePublisher } from './state-publisher'
import { buildTrayMenu } from './tray-menu'
import { trayTooltip } from './tray-status'

const en = createTranslator('en')
const quiet: SyncLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

let dir: string
let core: Core
let demo: DemoMode
/** As app.ts has it: starts the engine once the directory is free and says what the user must know meanwhile. */
let stateDirectory: StateDirectory | null = null

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b24-desktop-'))
  core = createCore({
    dataDir: dir,
    secrets: () => createMemorySecretStore(),
    describeError: (error) => toErrorView(error, en.t, DESKTOP_UNEXPECTED),
    logger: quiet,
    // As the app composes it (app.ts): the state is written only under the data directory's lease.
    stateWriter: { kind: 'app', command: 'Bitrix24 Groups' },
  })
  demo = createDemoMode({
    // The scenario's data set, with its timed changes pushed out of the test's way.
    startPortal: () => startDemoPortal({ scenario: true, scenarioIntervalMs: 3_600_000, rateLimit: false }),
    accounts: core.accounts,
  })
})

afterEach(async () => {
  stateDirectory?.stop()
  stateDirectory = null
  await demo.stop()
  await core.stop()
  await rm(dir, { recursive: true, force: true })
})

function state() {
  return composeAppState({
    ...coreStateSources(core),
    online: () => true,
    platform: 'linux',
    notice: () => null,
    stateProblem: () => stateDirectory?.problem(en.t) ?? null,
  })
}

/** The app's change notifications over state(), in English on Linux, with what they show recorded in `shown`. */
function recordedNotifications() {
  const shown: NotificationSpec[] = []
  const notify = createChangeNotifications({
    notifier: { show: (specs) => void shown.push(...specs) },
    state,
    translator: () => en,
    now: () => new Date(),
    platform: 'linux',
  })
  return { shown, notify }
}

describe('desktop wiring against the demo portal', () => {
  it('lists the demo groups, notifies a scripted change, rebuilds the menu and opens a group page', async () => {
    const account = await demo.start()
    expect(account).toMatchObject({ label: 'Demo portal', persisted: false })
    await core.startWhenFree()
    // Joins the first poll (the baseline) and resolves when it is done.
    await core.engine.refresh(account.id)

    const groupNames = state().groups[account.id]?.map((group) => group.name)
    expect(groupNames).toContain('Marketing')
    const menuBefore = JSON.stringify(buildTrayMenu(state(), en, new Date()))
    expect(menuBefore).toContain('Marketing')

    const { shown, notify } = recordedNotifications()
    const seen: MembershipChange[][] = []
    core.engine.on('changes', (changes) => {
      seen.push(changes)
      notify(changes)
    })
    const control = demo.portal()!.control
    control.setMemberships('1', [...control.getMemberships('1'), { id: '99', name: 'Launch <team> & co', role: 'E' }])
    await core.engine.refresh(account.id)

    expect(seen.flat().map((change) => [change.kind, change.group.id])).toEqual([['joined', '99']])
    expect(shown).toEqual([
      expect.objectContaining({
        title: 'Added to a group',
        body: '\u2068Launch &lt;team&gt; &amp; co\u2069 · Moderator',
      }),
    ])
    const menuAfter = JSON.stringify(buildTrayMenu(state(), en, new Date()))
    expect(menuAfter).not.toBe(menuBefore)
    expect(menuAfter).toContain('● \u2068Launch <team> & co\u2069 · Moderator')

    const opened: string[] = []
    const handlers = createHandlers({
      state,
      translator: () => en,
      now: () => new Date(),
      accounts: core.commands.accounts,
      engine: core.commands.sync,
      settings: core.commands.settings,
      openExternal: createExternalOpener({
        openExternal: async (url) => void opened.push(url),
        portals: () => core.accounts.list().map((view) => view.portal),
        warn: () => {},
      }),
      clipboard: { writeText: () => {} },
      window: { hide: () => {} },
      shortcut: createShortcutManager({ register: () => true, unregister: () => {} }, () => {}),
      launchAtLogin: { apply: async () => {} },
      demo: { start: () => demo.start() },
      app: { quit: () => {}, getVersion: () => '0.1.0' },
      logs: { open: async () => '' },
      log: { warn: () => {}, error: () => {} },
    })
    expect(await handlers['groups:open']({ accountId: account.id, groupId: '99' })).toEqual({ ok: true, value: null })
    expect(opened).toEqual([`${account.portal}/workgroups/group/99/`])
  })

  it('gives the log the secrets of an account that has polled, and forgets them when it is removed', async () => {
    const account = await demo.start()
    expect(core.knownSecrets.list()).toEqual([])
    await core.startWhenFree()
    await core.engine.refresh(account.id)
    const credentials = await core.accounts.getCredentials(account.id)
    const code = credentials.kind === 'webhook' ? credentials.code : ''
    await vi.waitFor(() => expect(core.knownSecrets.list()).toEqual([code]))
    await demo.stop()
    expect(core.knownSecrets.list()).toEqual([])
  })

  it('saves nothing of the demo: no account in the settings file, none left after it stops', async () => {
    const account = await demo.start()
    expect(await demo.start()).toEqual(account)
    await demo.stop()
    expect(core.accounts.list()).toEqual([])
    for (const file of await readdir(dir)) {
      if (file.endsWith('.json')) expect(await readFile(join(dir, file), 'utf8')).not.toContain('127.0.0.1')
    }
  })

  it("follows a settings change made through the core's settings command", async () => {
    await core.commands.settings.update({ pollIntervalSeconds: 300 })
    expect(core.settings.getSettings().pollIntervalSeconds).toBe(300)
  })
})

describe('one writer of the data directory', () => {
  it('waits while a watch writes the directory, writes nothing meanwhile, and polls once it is free', async () => {
    const watch = acquireStateLease({ dir, kind: 'cli', command: 'b24-groups watch' })
    const account = await demo.start()
    const holders: (string | undefined)[] = []
    const published: ReturnType<typeof state>[] = []
    // As app.ts publishes to the window: coalesced, once the burst of events is over.
    const publisher = createStatePublisher({
      compose: state,
      publish: (current) => void published.push(current),
      defer: (callback) => setImmediate(callback),
      setInterval,
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    })
    stateDirectory = watchStateDirectory({
      dir,
      startWhenFree: (wait) => core.startWhenFree({ ...wait, retryMs: 20 }),
      store: () => core.syncStore,
      changed: () => publisher.changed(),
      log: (holder) => holders.push(holder?.command),
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(holders).toEqual(['b24-groups watch'])
    expect(core.engine.groups(account.id)).toEqual([]) // not polled
    expect(await readdir(dir)).not.toContain(STATE_FILE_NAME)
    // The window and the tray say who saves to the directory, and that the app takes over.
    const waiting = published.at(-1)?.stateProblem
    expect(waiting).toMatchObject({ kind: 'lease_held', dir, holder: expect.stringContaining('b24-groups watch') })
    expect(waiting?.message).toMatch(/^Another copy of Bitrix24 Groups \(b24-groups watch \(pid \d+ on /)
    expect(waiting?.message).toContain(`is saving to ${dir}; this window shows what was saved and takes over`)
    expect(trayTooltip(state(), en, new Date())).toContain('another copy is saving')

    watch.release()
    await stateDirectory.started
    await vi.waitFor(() => expect(published.at(-1)?.stateProblem).toBeNull())
    publisher.stop()
    expect(state().stateProblem).toBeNull()
    await core.engine.refresh(account.id)
    expect(state().groups[account.id]?.map((group) => group.name)).toContain('Marketing')
    await vi.waitFor(async () => expect(await readdir(dir)).toContain(STATE_FILE_NAME))
    expect(JSON.parse(await readFile(join(dir, LEASE_FILE_NAME), 'utf8'))).toMatchObject({ kind: 'app' })
  })
})

describe('portal text in notifications and the tray menu', () => {
  it('shows a hostile group name inert: one line, no markup, no bidi control, through the app wiring', async () => {
    const account = await demo.start()
    await core.startWhenFree()
    await core.engine.refresh(account.id)
    const { shown, notify } = recordedNotifications()
    core.engine.on('changes', (changes) => notify(changes))
    const control = demo.portal()!.control
    const hostile = 'Ads\n12:00:00 you were removed from <b>Payroll</b>\u202e\u2069'
    control.setMemberships('1', [...control.getMemberships('1'), { id: '98', name: hostile, role: 'K' }])
    await core.engine.refresh(account.id)

    const body = shown[0]?.body ?? ''
    expect(body).toBe(
      '\u2068Ads\\x0A12:00:00 you were removed from &lt;b&gt;Payroll&lt;/b&gt;\\u202E\\u2069\u2069 · Member',
    )
    const labels = JSON.stringify(buildTrayMenu(state(), en, new Date()))
    expect(labels).toContain('Ads\\\\x0A12:00:00')
    expect(labels).not.toContain('\\n12:00:00')
  })
})

describe('stopping the core services', () => {
  it('stops the engine and the settings file watcher, so a quitting app leaves nothing running', async () => {
    const engineStop = vi.spyOn(core.engine, 'stop')
    const settingsClose = vi.spyOn(core.settings, 'close')
    await core.stop()
    expect(engineStop).toHaveBeenCalledOnce()
    expect(settingsClose).toHaveBeenCalledOnce()
  })
})
