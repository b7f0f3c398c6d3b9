// The core services the app runs on, wired together in plain Node (no Electron): settings, accounts, the sync store
// and engine. The composition root passes what only Electron has (electron-store, net.fetch, the keychain); the
// integration test passes Conf, Node's fetch and a memory keychain, and drives the same wiring against the demo portal.
import type { AccountService, SecretStore, SettingsStore, CreateSettingsStoreOptions } from '../../core/accounts'
import { createAccountService, createSettingsStore } from '../../core/accounts'
import type { BitrixClient } from '../../core/bitrix/types'
import type { DescribeError, StateLease, StateLeaseHeldError, SyncEngine, SyncLogger } from '../../core/sync'
import { createSyncEngine, createSyncStore, waitForStateLease } from '../../core/sync'
import { createClientCache } from './client-cache'
import type { AccountsPort, EnginePort, SettingsPort } from './handlers'
import type { KnownSecrets } from './known-secrets'
import { createKnownSecrets } from './known-secrets'

export interface CoreServicesOptions {
  /** The user-data directory: settings file and sync state. */
  userDataDir: string
  /** electron-store in the app; Conf by default. */
  settingsBackend?: CreateSettingsStoreOptions['store']
  /** The OS keychain in the app; a memory store in tests and demos. */
  secrets: SecretStore
  /** Electron's net.fetch in the app (system proxy and certificates); the global fetch by default. */
  fetch?: typeof fetch
  /** Error views in the user's language. */
  describeError: DescribeError
  logger: SyncLogger
}

export interface CoreServices {
  settings: SettingsStore
  accounts: AccountService
  engine: SyncEngine
  /** The secrets of the accounts that have polled, for the log to remove verbatim. */
  knownSecrets: KnownSecrets
  /** The user entered new credentials for an existing account: its client is rebuilt and a halted poll restarts. */
  credentialsChanged(accountId: string): void
  /**
   * Takes the state directory's lease and then starts the engine. While another writer (a `b24-groups watch`)
   * holds the directory, the app shows what is on disk, writes nothing, and tries again every `retryMs`; `onWaiting`
   * hears who holds it. Resolves once the engine runs, or when stop() comes first.
   */
  startWhenFree(wait?: { retryMs?: number; onWaiting?: (error: StateLeaseHeldError) => void }): Promise<void>
  /** Stops polling, writes what is pending and gives the lease up. */
  stop(): Promise<void>
}

export function createCoreServices(options: CoreServicesOptions): CoreServices {
  const { logger } = options
  const settings = createSettingsStore({ cwd: options.userDataDir, store: options.settingsBackend })
  const accounts = createAccountService({
    settings,
    secrets: options.secrets,
    clientOptions: options.fetch ? { fetch: options.fetch } : {},
  })
  const credentialsVersions = new Map<string, number>()
  // The app is one writer of its data directory among possibly others (the command line's watch): it writes the state
  // only under the directory's lease (startWhenFree).
  const store = createSyncStore({ dir: options.userDataDir, logger, requireLease: true })
  let lease: StateLease | null = null
  const stopping = new AbortController()
  const clients = createClientCache<BitrixClient>((accountId) =>
    accounts.openClient(accountId, options.fetch ? { fetch: options.fetch } : {}),
  )

  function clientFor(accountId: string): Promise<BitrixClient> {
    const view = accounts.get(accountId)
    return clients.get(
      accountId,
      JSON.stringify([view?.portal, view?.groupUrlTemplate, credentialsVersions.get(accountId) ?? 0]),
    )
  }

  const engine = createSyncEngine({
    sources: {
      accounts: () =>
        accounts.list().map((account) => ({
          id: account.id,
          enabled: account.enabled,
          credentialsVersion: credentialsVersions.get(account.id) ?? 0,
        })),
      clientFor,
      pollIntervalSeconds: () => settings.getSettings().pollIntervalSeconds,
      subscribe(listener) {
        const stopAccounts = accounts.subscribe(() => listener())
        const stopSettings = settings.onDidChange(() => listener())
        return () => {
          stopAccounts()
          stopSettings()
        }
      },
    },
    store,
    describeError: options.describeError,
    logger,
  })

  const knownSecrets = createKnownSecrets((accountId) => accounts.getCredentials(accountId))
  // A successful poll has just read the credentials (and stored any rotated tokens), so this read hits the cache.
  // A moved portal is skipped: updateOrigin drops the cache, and the next poll reads the credentials again anyway.
  engine.on('synced', ({ accountId, movedTo }) => {
    if (!movedTo) void knownSecrets.remember(accountId)
  })

  accounts.onRemove(async (accountId) => {
    knownSecrets.forget(accountId)
    clients.delete(accountId)
    credentialsVersions.delete(accountId)
    await engine.removeAccount(accountId)
  })
  // A renamed portal answered from its new address: store it once the account service has proved it.
  engine.on('synced', ({ accountId, movedTo }) => {
    if (!movedTo) return
    accounts.updateOrigin(accountId, movedTo).then(
      () => logger.info({ accountId }, 'portal moved; address updated'),
      (error: unknown) =>
        logger.warn({ accountId, code: (error as { code?: string }).code }, 'portal move not applied'),
    )
  })

  return {
    settings,
    accounts,
    engine,
    knownSecrets,
    credentialsChanged(accountId) {
      credentialsVersions.set(accountId, (credentialsVersions.get(accountId) ?? 0) + 1)
      clients.delete(accountId)
      engine.accountsChanged()
    },
    async startWhenFree(wait = {}) {
      const taken = await waitForStateLease(
        { dir: options.userDataDir, kind: 'app', command: 'Bitrix24 Groups' },
        { retryMs: wait.retryMs, signal: stopping.signal, onWaiting: wait.onWaiting },
      )
      if (!taken) return
      lease = taken
      store.adoptLease(taken)
      taken.onLost(() => {
        logger.warn({ dir: options.userDataDir }, 'another process took over the data directory; polling stops')
        void engine.stop()
      })
      engine.start()
    },
    async stop() {
      stopping.abort()
      await engine.stop()
      lease?.release()
      // The settings store watches its file for the command line's changes; a quitting app stops watching.
      settings.close()
    },
  }
}

/** The IPC handlers' view of the account service; re-entered credentials restart a halted account. */
export function accountsPortOf(core: CoreServices): AccountsPort {
  const { accounts } = core
  return {
    test: (webhookUrl) => accounts.testWebhook(webhookUrl),
    async addWebhook(input) {
      const view = await accounts.addWebhook(input)
      core.credentialsChanged(view.id)
      return view
    },
    async addOAuth(input) {
      const view = await accounts.addOAuth(input)
      core.credentialsChanged(view.id)
      return view
    },
    update: ({ accountId, ...changes }) => accounts.update(accountId, changes),
    remove: (accountId) => accounts.remove(accountId),
    async acceptMove(accountId, movedTo) {
      const view = await accounts.updateOrigin(accountId, movedTo)
      core.credentialsChanged(accountId)
      return view
    },
  }
}

export function enginePortOf(core: CoreServices): EnginePort {
  return {
    refresh: (accountId) => core.engine.refresh(accountId),
    markSeen: async (ids) => void (await core.engine.markSeen(ids)),
  }
}

export function settingsPortOf(core: CoreServices): SettingsPort {
  return {
    get: () => core.settings.getSettings(),
    update: (patch) => core.settings.updateSettings(patch),
    setPinned: (accountId, groupId, pinned) => void core.settings.setPinnedGroup(accountId, groupId, pinned),
  }
}
