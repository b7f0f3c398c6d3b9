// Runs the built `b24-groups` bin as a user does: `node bin/b24-groups.mjs …` in a process of its own, with its own
// environment and config directory, reading what it prints. Nothing of the command line is loaded in the test process.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const BIN = path.join(ROOT, 'bin/b24-groups.mjs')
/** A stack trace in what the bin printed: a failure it did not put in its own words. */
export const noStackTrace = /\n\s+at /

export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface Running {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** Lines of stdout parsed as JSON. */
  events(): Record<string, unknown>[]
  /** Resolves once the output satisfies the predicate; fails with the output so far after the timeout. */
  waitFor(predicate: (run: Running) => boolean, what: string, timeoutMs?: number): Promise<void>
  exited: Promise<Finished>
}

export interface BinOptions {
  env?: NodeJS.ProcessEnv
  stdin?: string
  /** Default: the sandbox's config directory. */
  configDir?: string | null
}

/** The environment of a user with English locale and nothing of ours set. */
function baseEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', HOME: home, XDG_CONFIG_HOME: home }
  for (const name of ['B24_WEBHOOK_URL', 'B24_GROUPS_CONFIG_DIR', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete env[name]
  return env
}

export interface Sandbox {
  configDir: string
  start(args: readonly string[], options?: BinOptions): Running
  run(args: readonly string[], options?: BinOptions): Promise<Finished>
  /** Writes `source` as a module in the sandbox; the environment returned loads it before the bin (`--import`). */
  preload(name: string, source: string): NodeJS.ProcessEnv
  cleanup(): void
}

export function sandbox(): Sandbox {
  const home = mkdtempSync(path.join(tmpdir(), 'b24-contract-'))
  const configDir = path.join(home, 'config')
  const running = new Set<ChildProcess>()
  const box: Sandbox = {
    configDir,
    start(args, options = {}) {
      const dir = options.configDir === undefined ? configDir : options.configDir
      const argv = dir === null ? [...args] : ['--config-dir', dir, ...args]
      const child = spawn(process.execPath, [BIN, ...argv], {
        cwd: home,
        env: { ...baseEnv(home), ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      running.add(child)
      let out = ''
      let err = ''
      child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text))
      child.stderr!.setEncoding('utf8').on('data', (text: string) => (err += text))
      child.stdin!.end(options.stdin ?? '')
      const exited = new Promise<Finished>((resolve) =>
        child.once('close', (code, signal) => {
          running.delete(child)
          resolve({ code, signal, stdout: out, stderr: err })
        }),
      )
      const run: Running = {
        child,
        stdout: () => out,
        stderr: () => err,
        events: () => parseLines(out),
        async waitFor(predicate, what, timeoutMs = 20_000) {
          const deadline = Date.now() + timeoutMs
          let ended = false
          void exited.then(() => (ended = true))
          while (!predicate(run)) {
            if (ended || Date.now() > deadline) {
              throw new Error(`${ended ? 'exited' : 'timed out'} waiting for ${what}; stdout: ${out}; stderr: ${err}`)
            }
            await new Promise((resolve) => setTimeout(resolve, 25))
          }
        },
        exited,
      }
      return run
    },
    run: (args, options) => box.start(args, options).exited,
    preload(name, source) {
      const file = path.join(home, name)
      writeFileSync(file, source)
      return { NODE_OPTIONS: `--import ${pathToFileURL(file).href}` }
    },
    cleanup() {
      for (const child of running) child.kill('SIGKILL')
      rmSync(home, { recursive: true, force: true })
    },
  }
  return box
}

export function parseLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

export const byType = (events: Record<string, unknown>[], type: string) => events.filter((e) => e.type === type)
