// Everything a command needs, built lazily from the global options: the translator, the services over the config
// directory, and the "targets" (the accounts a command works on: stored ones, or one ad-hoc webhook or demo portal).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
// Only what every command needs is imported here; the core's composition (the account service, settings with conf,
// the sync store) and the demo portal load when a command asks for them, so `list --webhook` starts without them.
import type { AccountService, ClientOptions, SecretStore, SettingsStore } from '../core/accounts'
import { accountIdOf } from '../core/accounts/account-id'
import type { BitrixClient } from '../core/bitrix'
import { createBitrixClient, parseWebhookUrl, toErrorView } from '../core/bitrix'
import type { Core } from '../core/composition'
import type { DemoSet } from '../core/demo'
import type { SyncStore } from '../core/sync'
import { createTranslator, resolveLanguage, type Translator } from '@shared/i18n'
import type { ErrorView, Language } from '@shared/types'
import { resolveConfigDir } from './config-dir'
import { cliErrorView } from './messages'
import { inertText } from '@shared/inert-text'
import { jsonLine } from './json-line'
import type { StateWriter } from './state-writer'

/** How often `watch --demo` polls the demo's portals (the primary's scenario changes a membership every 20 s). */
export const DEMO_POLL_INTERVAL_SECONDS = 5

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
  /**
   * Resolves when the user asks a long-running command to stop (SIGINT/SIGTERM), or when `cancel` aborts (the command
   * ended by itself). Until then it keeps the process alive.
   */
  untilStopped(cancel?: AbortSignal): Promise<void>
  /**
   * The process's stdout and stderr: `closed` aborts once one has lost its reader (the command then ends with
   * EXIT.outputClosed); `flush` resolves once what was written is out.
   */
  output?: { closed: AbortSignal; flush(): Promise<void> }
  /** Reads one line without echoing it, when standard input is a terminal; null when it is not. */
  readHidden?(prompt: string): Promise<string | null>
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
  /** One line of human output; text from a portal or a file in it is shown inert, and it stays one line. */
  out(line: string): void
  /** Many lines of human output in one write (a table), each made inert like `out`. */
  lines(lines: readonly string[]): void
  err(line: string): void
  json(value: unknown): void
  /**
   * The secret-free view of a failure in the command line's words (same code and kind as the app's); a portal's move
   * carries its new origin (`movedTo`). `account` says whether the failing account is stored or given ad hoc.
   */
  describe(error: unknown, account?: { stored: boolean }): ErrorView
  settings(): Promise<SettingsStore>
  accounts(): Promise<AccountService>
  syncStore(): Promise<SyncStore>
  /**
   * Makes this process the state directory's one writer (rejects with StateLeaseHeldError when another one is); the
   * store of `syncStore` writes only after that (readers never write).
   */
  stateWriter(): Promise<StateWriter>
  /**
   * The accounts to work on: `--demo` (the demo's accounts, DEMO_ACCOUNTS, each an ad-hoc webhook), else
   * `--webhook`/B24_WEBHOOK_URL, else the enabled stored accounts.
   */
  targets(): Promise<Target[]>
  close(): Promise<void>
}

export function createContext(deps: CliDeps, options: GlobalOptions): CliContext {
  const language =
    options.lang ?? resolveLanguage([deps.env.LC_ALL, deps.env.LC_MESSAGES, deps.env.LANG, deps.env.LANGUAGE])
  const i18n = createTranslator(language)
  const configDir = resolveConfigDir(options.configDir, deps.env, deps.platform, deps.home || os.homedir(), deps.cwd)
  let core: Promise<Core> | null = null
  let demo: DemoSet | null = null
  const describe: CliContext['describe'] = (error, account) => cliErrorView(toErrorView(error, i18n.t), i18n.t, account)
  // The core's one composition, whose parts are built on first use. The demo's portals get new ports (so new
  // account ids) every run: its snapshots go to a throwaway directory rather than piling up beside the user's real ones.
  const theCore = () =>
    (core ??= Promise.all([import('../core/composition'), import('../core/accounts')]).then(
      ([{ createCore }, { createKeychainSecretStore }]) =>
        createCore({
          dataDir: configDir,
          stateDir: options.demo ? demoStateDir() : configDir,
          secrets: () => deps.secrets?.() ?? createKeychainSecretStore(),
          clientOptions: deps.clientOptions,
          describeError: (error) => describe(error),
          // Only `watch` holds the lease for long; `accounts remove` takes it for a moment when nobody else holds it.
          stateWriter: { kind: 'cli', command: 'b24-groups watch' },
        }),
    ))

  const writeLines = (stream: CliDeps['stdout'], lines: readonly string[]) =>
    void stream.write(lines.length === 0 ? '' : `${lines.map(inertText).join('\n')}\n`)

  const context: CliContext = {
    deps,
    options,
    i18n,
    configDir,
    out: (line) => writeLines(deps.stdout, [line]),
    lines: (lines) => writeLines(deps.stdout, lines),
    err: (line) => writeLines(deps.stderr, [line]),
    json: (value) => void deps.stdout.write(`${jsonLine(value)}\n`),
    describe,
    settings: async () => (await theCore()).settings,
    accounts: async () => (await theCore()).accounts,
    syncStore: async () => (await theCore()).syncStore,
    async stateWriter() {
      const [{ openStateWriter }, theOne] = await Promise.all([import('./state-writer'), theCore()])
      return openStateWriter(theOne)
    },
    async targets() {
      if (options.demo) return (await startDemo()).map((url) => adHocTarget(url))
      const webhookUrl = options.webhook ?? deps.env.B24_WEBHOOK_URL
      if (webhookUrl) return [adHocTarget(webhookUrl)]
      const service = await context.accounts()
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
    async close() {
      // Writes what is pending and stops watching the settings file for the app's changes, so nothing outlives the
      // command.
      await (await core)?.stop()
      await demo?.close()
      if (demoDir) rmSync(demoDir, { recursive: true, force: true })
    },
  }

  let demoDir: string | null = null
  function demoStateDir(): string {
    demoDir ??= mkdtempSync(path.join(os.tmpdir(), 'b24-groups-demo-'))
    return demoDir
  }

  /** The webhook URLs of the demo's accounts, the primary first; their portals start on first use. */
  async function startDemo(): Promise<string[]> {
    if (!demo) {
      const { startDemoSet } = await import('../core/demo')
      demo ??= await startDemoSet()
    }
    return demo.members.map((member) => member.webhookUrl)
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
