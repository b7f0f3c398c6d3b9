// Runs the command line in-process against a temporary config directory, capturing its output.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ClientOptions, SecretStore } from '../core/accounts'
import { createMemorySecretStore } from '../core/accounts'
import type { CliDeps } from './context'
import { main } from './index'

export interface CliRun {
  code: Promise<number>
  stdout(): string
  stderr(): string
  /** Lines of stdout parsed as JSON (for --json). */
  events(): Record<string, unknown>[]
  /** Resolves once stdout or stderr satisfies the predicate (polls the captured text). */
  waitFor(predicate: (run: CliRun) => boolean, what: string, timeoutMs?: number): Promise<void>
  /** Sends the stop signal (SIGINT) to a long-running command. */
  stop(): void
  opened: string[]
}

export interface CliHarness {
  configDir: string
  secrets: SecretStore
  run(args: string[], env?: NodeJS.ProcessEnv, stdin?: string): CliRun
  /** Makes the browser opener fail with this error (an unexpected failure). */
  failOpenWith?: Error
  cleanup(): void
}

export interface CliHarnessOptions {
  secrets?: SecretStore
  /** Options every client gets, e.g. a `fetch` that serves named hosts from loopback (fetchWithHosts). */
  clientOptions?: ClientOptions
}

export function cliHarness(options: CliHarnessOptions = {}): CliHarness {
  const configDir = mkdtempSync(path.join(tmpdir(), 'b24-cli-'))
  const secrets = options.secrets ?? createMemorySecretStore()
  const harness: CliHarness = {
    configDir,
    secrets,
    run(args, env = {}, stdin = '') {
      let out = ''
      let err = ''
      let stopRequested: () => void = () => {}
      const stopped = new Promise<void>((resolve) => (stopRequested = resolve))
      const opened: string[] = []
      const deps: CliDeps = {
        stdout: { write: (text: string) => (out += text) },
        stderr: { write: (text: string) => (err += text) },
        env: { LANG: 'en_US.UTF-8', ...env },
        cwd: configDir,
        platform: 'linux',
        home: configDir,
        openUrl: async (url) => {
          if (harness.failOpenWith) throw harness.failOpenWith
          opened.push(url)
        },
        readStdin: async () => stdin,
        untilStopped: (cancel) =>
          new Promise<void>((resolve) => {
            void stopped.then(resolve)
            if (cancel?.aborted) resolve()
            cancel?.addEventListener('abort', () => resolve(), { once: true })
          }),
        secrets: () => secrets,
        clientOptions: options.clientOptions,
      }
      const run: CliRun = {
        code: main(['--config-dir', configDir, ...args], deps),
        stdout: () => out,
        stderr: () => err,
        events: () =>
          out
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => JSON.parse(line) as Record<string, unknown>),
        async waitFor(predicate, what, timeoutMs = 15_000) {
          const deadline = Date.now() + timeoutMs
          while (!predicate(run)) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${out}; stderr: ${err}`)
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
        },
        stop: () => stopRequested(),
        opened,
      }
      return run
    },
    cleanup: () => rmSync(configDir, { recursive: true, force: true }),
  }
  return harness
}
