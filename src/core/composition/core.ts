// The one composition of the core: settings, accounts with their secrets, the sync store and engine, one client per
// account, and the rule that new credentials restart polling. No Electron here: each shell passes what only it has
// (electron-store and net.fetch in the app, the keychain, a logger), and the app, the command line and the benchmarks
// run this same wiring. Each part is built on first use, so a command that needs only the accounts opens no sync
// state, and one that needs neither writes no settings file.
import type { AccountService, AccountUpdate, AddOAuthInput, AddWebhookInput, ClientOptions } from '../accounts'
import type {
  ConnectionProof,
  CreateSettingsStoreOptions,
  SecretStore,
  SettingsPatch,
  SettingsStore,
} from '../accounts'
import { createAccountService, createSettingsStore } from '../accounts'
import type { AccountView, AppSettings } from '@shared/types'
import type { BitrixClient } from '../bitrix/types'
import type { Clock, DescribeError, LeaseHolderKind, StateLease, SyncEngine, SyncLogger, SyncStore } from '../sync'
import { acquireStateLease, createSyncEngine, createSyncStore, StateLeaseHeldError, waitForStateLease } from '../sync'
import { silentLogger } from '../sync/logger'
import { createClientCache } from './client-cache'
import { createKnownSecrets, type KnownSecrets } from './known-secrets'

/** The ports a shell implements for the core. */
export interface CoreOptions {
  /** The settings file's directory: the app's user-data directory, or the command line's --config-dir. */
  dataDir: string
  /** Where the sync state (snapshots, history) lives; `dataDir` by default. */
  stateDir?: string
  /** Builds the settings file's backing store: electron-store in the app, `Conf` by default. */
  settingsBackend?: CreateSettingsStoreOptions['store']
  /** The OS keychain (a memory store in tests and demos); asked for when the accounts are first used. */
  secrets: () => SecretStore
  /** What every REST client gets: Electron's net.fetch in the app, a hosts table in tests, a limiter in benchmarks. */
  clientOptions?: ClientOptions
  /** Error views in the user's language; English by default. */
  describeError?: DescribeError
  logger?: SyncLogger
  clock?: Clock
  /**
   * Who this process is as a writer of the sync state. With it, the state is written only under the state
   * directory's lease (one writer per directory: the app, or one `watch`), and until then the store only reads.
   * Without it (tests, benchmarks with a directory of their own) the store writes freely.
   */
  stateWriter?: { kind: LeaseHolderKind; command: string }
}

/** What a shell offers the user about accounts; new credentials restart a halted poll. */
export interface AccountCommands {
  test(webhookUrl: string): Promise<ConnectionProof>
  addWebhook(input: AddWebhookInput): Promise<AccountView>
  addOAuth(input: AddOAuthInput): Promise<AccountView>
  update(input: AccountUpdate & { accountId: string }): Promise<AccountView>
  remove(accountId: string): Promise<void>
  /** Proves the account at the new origin (its own user answers there), stores it and polls again. */
  acceptMove(accountId: string, movedTo: string): Promise<AccountView>
}

export interface SyncCommands {
  /** Polls now: one account, or all when the id is absent. */
  refresh(accountId?: string): Promise<void> | void
  /** Marks the given changes (all when absent) as seen. */
  markSeen(ids?: string[]): Promise<void> | void
}

export interface SettingsCommands {
  get(): AppSettings
  /** Merges and persists a validated patch; throws a typed error naming a bad field. */
  update(patch: SettingsPatch): Promise<AppSettings> | AppSettings
  setPinned(accountId: string, groupId: string, pinned: boolean): Promise<void> | void
}

export interface Core {
  readonly settings: SettingsStore
  readonly accounts: AccountService
  readonly syncStore: SyncStore
  readonly engine: SyncEngine
  /** The secrets of the accounts that have polled, for a log to remove verbatim. */
  readonly knownSecrets: KnownSecrets
  readonly commands: { accounts: AccountCommands; sync: SyncCommands; settings: SettingsCommands }
  /** The user entered new credentials for an existing account: its client is rebuilt and a halted poll restarts. */
  credentialsChanged(accountId: string): void
  /**
   * Takes the state directory's lease now (a `watch`): throws StateLeaseHeldError naming the holder when another
   * process writes it, or the file system's error when the directory is unusable.
   */
  takeStateLease(): StateLease
  /**
   * Takes the lease, waiting while another writer holds it (the app), then starts the engine. Resolves once the
   * engine runs, or when stop() comes first.
   */
  startWhenFree(wait?: { retryMs?: number; onWaiting?: (error: StateLeaseHeldError) => void }): Promise<void>
  /** Stops polling, writes what is pending, gives the lease up and stops watching the settings file. */
  stop(): Promise<void>
}

/** A value built on first use. */
function lazy<T>(build: () => T): { (): T; built(): boolean } {
  let value: { v: T } | null = null
  const get = () => (value ??= { v: build() }).v
  get.built = () => value !== null
  return get
}

export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? silentLogger
  const clientOptions = options.clientOptions ?? {}
  const credentialsVersions = new Map<string, number>()
  const clients = createClientCache<BitrixClient>((accountId) => accounts().openClient(accountId, clientOptions))
  const knownSecrets = createKnownSecrets((accountId) => accounts().getCredentials(accountId))

  const settings = lazy(() => createSettingsStore({ cwd: options.dataDir, store: options.settingsBackend }))
  const stateDir = options.stateDir ?? options.dataDir
  const syncStore = lazy(() =>
    createSyncStore({
      dir: stateDir,
      logger,
      requireLease: options.stateWriter !== undefined,
      ...(options.clock && { clock: options.clock }),
    }),
  )
  let lease: StateLease | null = null
  const stopping = new AbortController()
  const writer = () => ({
    dir: stateDir,
    kind: options.stateWriter?.kind ?? 'cli',
    command: options.stateWriter?.command ?? 'b24-groups',
    ...(options.clock && { clock: options.clock }),
  })

  function adopt(taken: StateLease): StateLease {
    lease = taken
    syncStore().adoptLease(taken)
    return taken
  }

  /** The lease, taken now if nobody holds it; null when another writer does (for a one-off write such as removal). */
  function leaseIfFree(): StateLease | null {
    if (lease || options.stateWriter === undefined) return lease
    try {
      return adopt(acquireStateLease(writer()))
    } catch (error) {
      if (error instanceof StateLeaseHeldError) return null
      throw error
    }
  }

  const accounts = lazy(() => {
    const service = createAccountService({ settings: settings(), secrets: options.secrets(), clientOptions })
    service.onRemove(async (accountId) => {
      knownSecrets.forget(accountId)
      clients.delete(accountId)
      credentialsVersions.delete(accountId)
      // Removing an account forgets its snapshot and history too, whether or not this process polls; when another
      // process writes the state, that one stops polling the account and the snapshot stays, unused.
      if (engine.built()) await engine().removeAccount(accountId)
      else if (options.stateWriter === undefined || leaseIfFree()) await syncStore().removeAccount(accountId)
    })
    return service
  })

  function clientFor(accountId: string): Promise<BitrixClient> {
    const view = accounts().get(accountId)
    return clients.get(
      accountId,
      JSON.stringify([view?.portal, view?.groupUrlTemplate, credentialsVersions.get(accountId) ?? 0]),
    )
  }

  const engine = lazy(() => {
    const built = createSyncEngine({
      sources: {
        accounts: () =>
          accounts()
            .list()
            .map((account) => ({
              id: account.id,
              enabled: account.enabled,
              credentialsVersion: credentialsVersions.get(account.id) ?? 0,
            })),
        clientFor,
        pollIntervalSeconds: () => settings().getSettings().pollIntervalSeconds,
        subscribe(listener) {
          const stopAccounts = accounts().subscribe(() => listener())
          const stopSettings = settings().onDidChange(() => listener())
          return () => {
            stopAccounts()
            stopSettings()
          }
        },
      },
      store: syncStore(),
      logger,
      ...(options.describeError && { describeError: options.describeError }),
      ...(options.clock && { clock: options.clock }),
    })
    built.on('synced', ({ accountId, movedTo }) => {
      // A successful poll has just read the credentials (and stored any rotated tokens), so this read hits the cache.
      // A moved portal is skipped: updateOrigin drops the cache, and the next poll reads the credentials again.
      if (!movedTo) {
        void knownSecrets.remember(accountId)
        return
      }
      // A renamed portal answered from its new address: store it once the account service has proved it.
      accounts()
        .updateOrigin(accountId, movedTo)
        .then(
          () => logger.info({ accountId }, 'portal moved; address updated'),
          (error: unknown) =>
            logger.warn({ accountId, code: (error as { code?: string }).code }, 'portal move not applied'),
        )
    })
    return built
  })

  function credentialsChanged(accountId: string): void {
    credentialsVersions.set(accountId, (credentialsVersions.get(accountId) ?? 0) + 1)
    clients.delete(accountId)
    if (engine.built()) engine().accountsChanged()
  }

  async function withNewCredentials(view: Promise<AccountView>): Promise<AccountView> {
    const added = await view
    credentialsChanged(added.id)
    return added
  }

  const commands: Core['commands'] = {
    accounts: {
      test: (webhookUrl) => accounts().testWebhook(webhookUrl),
      addWebhook: (input) => withNewCredentials(accounts().addWebhook(input)),
      addOAuth: (input) => withNewCredentials(accounts().addOAuth(input)),
      update: ({ accountId, ...changes }) => accounts().update(accountId, changes),
      remove: (accountId) => accounts().remove(accountId),
      acceptMove: (accountId, movedTo) => withNewCredentials(accounts().updateOrigin(accountId, movedTo)),
    },
    sync: {
      refresh: (accountId) => engine().refresh(accountId),
      markSeen: async (ids) => void (await engine().markSeen(ids)),
    },
    settings: {
      get: () => settings().getSettings(),
      update: (patch) => settings().updateSettings(patch),
      setPinned: (accountId, groupId, pinned) => void settings().setPinnedGroup(accountId, groupId, pinned),
    },
  }

  return {
    get settings() {
      return settings()
    },
    get accounts() {
      return accounts()
    },
    get syncStore() {
      return syncStore()
    },
    get engine() {
      return engine()
    },
    knownSecrets,
    commands,
    credentialsChanged,
    takeStateLease() {
      return lease ?? adopt(acquireStateLease(writer()))
    },
    async startWhenFree(wait = {}) {
      if (!lease) {
        const taken = await waitForStateLease(writer(), {
          retryMs: wait.retryMs,
          signal: stopping.signal,
          onWaiting: wait.onWaiting,
        })
        if (!taken) return
        adopt(taken)
      }
      lease?.onLost(() => {
        logger.warn({ dir: stateDir }, 'another process took over the state directory; polling stops')
        void engine().stop()
      })
      engine().start()
    },
    async stop() {
      stopping.abort()
      // The engine's stop waits for polls in flight and flushes the store; without an engine the store flushes itself.
      try {
        if (engine.built()) await engine().stop()
        else if (syncStore.built()) await syncStore().flush()
      } catch (error) {
        // A disk that refuses the last write is the store's problem() to report, not a stack trace at exit.
        logger.error({ code: (error as NodeJS.ErrnoException).code }, 'could not write the sync state on stop')
      } finally {
        lease?.release()
      }
      // The settings store watches its file for the other process's changes; a quitting shell stops watching.
      if (settings.built()) settings().close()
    },
  }
}
