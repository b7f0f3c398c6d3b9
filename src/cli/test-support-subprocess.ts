// Runs the shipped `b24-groups` entry point as a child process, the way a user does. The one place that knows how
// the bin is started, so tests keep working whether it runs the sources through tsx or is a built bundle.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/b24-groups.mjs', import.meta.url))

export interface CliProcess {
  /** Resolves with the exit code (a signal's death counts as 128 + its number, as a shell reports it). */
  code: Promise<number>
  stdout(): string
  stderr(): string
  /** Resolves once the output satisfies the predicate; rejects after `timeoutMs`. */
  waitFor(predicate: (run: CliProcess) => boolean, what: string, timeoutMs?: number): Promise<void>
  /** Sends SIGINT, as Ctrl+C does. */
  stop(): void
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv
  stdin?: string
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }

export function spawnCli(args: readonly string[], options: SpawnOptions = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  child.stdin.end(options.stdin ?? '')
  const code = new Promise<number>((resolve) =>
    child.on('close', (status, signal) => resolve(status ?? 128 + (SIGNAL_NUMBERS[signal ?? 'SIGKILL'] ?? 9))),
  )
  const run: CliProcess = {
    code,
    stdout: () => out,
    stderr: () => err,
    async waitFor(predicate, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      while (!predicate(run)) {
        if (child.exitCode !== null || Date.now() > deadline) {
          if (predicate(run)) return
          throw new Error(
            `${child.exitCode !== null ? 'exited' : 'timed out'} waiting for ${what}; stdout: ${out}; stderr: ${err}`,
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    stop: () => child.kill('SIGINT'),
  }
  return run
}
