// Everything a command needs, built lazily from the global options: the translator, the services over the config
// directory, and the "targets" (the accounts a command works on: stored ones, or one ad-hoc webhook or demo portal).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AccountService, SecretStore, SettingsStore } from '../core/accounts'
import { accountIdOf, createKeychainSecretStore } from '../core/accounts'
import type { ClientOptions } from '../core/accounts'
import type { BitrixClient } from '../core/bitrix'
import { createBitrixClient, parseWebhookUrl, toErrorView } from '../core/bitrix'
import { createCore, type Core } from '../core/composition'
import type { DemoPortal } from '../core/demo'
import { startDemoPortal } from '../core/demo'
import type { SyncStore } from '../core/sync'
import { createTranslator, resolveLanguage, type Translator } from '@shared/i18n'
import type { ErrorView, Language } from '@shared/types'
import { resolveConfigDir } from './config-dir'
import { openStateWriter, type StateWriter } from './state-writer'

/** The outside world, injected so tests run commands in-process. */
export interface CliDeps {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  env: NodeJS.ProcessEnv
  cwd: string
  platform: NodeJS.Platform
  home: string
  /** Opens a URL in the default browser. */
  openUrl(url: string): Promise<void>
  /** All of standard input, for `--webhook -`. */
  readStdin(): Promise<string>
  /** Resolves when the user asks a long-running command to stop (SIGINT/SIGTERM). */
  untilStopped(): Promise<void>
  /** The keychain; a real one by default. */
  secrets?: () => SecretStore
  clientOptions?: ClientOptions
}

export interface GlobalOptions {
  configDir?: string
  webhook?: string
  json?: boolean
  lang?: Language
  demo?: boolean
}

/** An account a command works on. */
export interface Target {
  id: string
  portal: string
  userId: string
  /** Known from the stored account; null for an ad-hoc webhook until `profile` answers. */
  userName: string | null
  stored: boolean
  client(): Promise<BitrixClient>
}

export interface CliContext {
  deps: CliDeps
  options: GlobalOptions
  i18n: Translator
  configDir: string
  out(line: string): void
  err(line: string): void
  json(value: unknown): void
  /** The secret-free view of a failure; a portal's move carries its new origin (`movedTo`). */
  describe(error: unknown): ErrorView
  settings(): SettingsStore
  accounts(): AccountService
  /** The state as last saved; it writes only once `stateWriter` took the directory's lease (readers never write). */
  syncStore(): SyncStore
  /** Makes this process the state directory's one writer (throws StateLeaseHeldError when another one is). */
  stateWriter(): StateWriter
  /** The accounts to work on: `--demo`, else `--webhook`/B24_WEBHOOK_URL, else the enabled stored accounts. */
  targets(): Promise<Target[]>
  /** The demo portal started for `--demo`, if any. */
  demoPortal(): DemoPortal | null
  close(): Promise<void>
}

export function createContext(deps: CliDeps, options: GlobalOptions): CliContext {
  const language =
    options.lang ?? resolveLanguage([deps.env.LC_ALL, deps.env.LC_MESSAGES, deps.env.LANG, deps.env.LANGUAGE])
  const i18n = createTranslator(language)
  const configDir = resolveConfigDir(options.configDir, deps.env, deps.platform, deps.home || os.homedir(), deps.cwd)
  let core: Core | null = null
  let demo: DemoPortal | null = null
  // The core's one composition, whose parts are built on first use. The demo portal gets a new port (so a new
  // account id) every run: its snapshots go to a throwaway directory rather than piling up beside the user's real ones.
  const theCore = () =>
    (core ??= createCore({
      dataDir: configDir,
      stateDir: options.demo ? demoStateDir() : configDir,
      secrets: () => deps.secrets?.() ?? createKeychainSecretStore(),
      clientOptions: deps.clientOptions,
      describeError: (error) => toErrorView(error, i18n.t),
      // Only `watch` holds the lease for long; `accounts remove` takes it for a moment when nobody else holds it.
      stateWriter: { kind: 'cli', command: 'b24-groups watch' },
    }))

  const context: CliContext = {
    deps,
    options,
    i18n,
    configDir,
    out: (line) => void deps.stdout.write(`${line}\n`),
    err: (line) => void deps.stderr.write(`${line}\n`),
    json: (value) => void deps.stdout.write(`${JSON.stringify(value)}\n`),
    describe: (error) => toErrorView(error, i18n.t),
    settings: () => theCore().settings,
    accounts: () => theCore().accounts,
    syncStore: () => theCore().syncStore,
    stateWriter: () => openStateWriter(theCore()),
    async targets() {
      const webhookUrl = options.demo ? await startDemo() : (options.webhook ?? deps.env.B24_WEBHOOK_URL)
      if (webhookUrl) return [adHocTarget(webhookUrl)]
      const service = context.accounts()
      return service
        .list()
        .filter((account) => account.enabled)
        .map((account) => ({
          id: account.id,
          portal: account.portal,
          userId: account.userId,
          userName: account.userName,
          stored: true,
          client: () => service.openClient(account.id),
        }))
    },
    demoPortal: () => demo,
    async close() {
      // Writes what is pending and stops watching the settings file for the app's changes, so nothing outlives the
      // command.
      await core?.stop()
      await demo?.close()
      if (demoDir) rmSync(demoDir, { recursive: true, force: true })
    },
  }

  let demoDir: string | null = null
  function demoStateDir(): string {
    demoDir ??= mkdtempSync(path.join(os.tmpdir(), 'b24-groups-demo-'))
    return demoDir
  }

  async function startDemo(): Promise<string> {
    demo ??= await startDemoPortal({ scenario: true })
    return demo.webhookUrl()
  }

  function adHocTarget(webhookUrl: string): Target {
    // Loopback http is allowed by the client's own rule (demo portal, tests); anything else must be https.
    const credentials = parseWebhookUrl(webhookUrl)
    let client: BitrixClient | null = null
    return {
      id: accountIdOf(credentials.origin, credentials.userId),
      portal: credentials.origin,
      userId: credentials.userId,
      userName: null,
      stored: false,
      client: async () => (client ??= createBitrixClient({ ...deps.clientOptions, credentials })),
    }
  }

  return context
}
