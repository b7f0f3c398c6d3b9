// Figure 6: the memory of a long-running `watch`, the built command line in a process of its own as a user runs it,
// over 10,000 polls of 5,000 groups with 1% churn. Each poll's list differs from the last in 50 groups (25 renamed, 25
// renamed back), so every poll finds changes, writes its snapshot and keeps the history full (its 500-entry cap is
// reached after 10 polls). The portal is a static server in this process that counts the polls; a preloaded probe
// (bench/watch-probe.mjs) makes time run 100x as fast for the watch process and reports its live heap (after full
// collections) and RSS on request, here every 500 polls. Growth is measured from the warm-up's end to the end of the
// run, each level the median of three consecutive checks (RSS moved by up to 8% between two checks 500 polls apart,
// with what malloc and V8 happened to hold at that moment); budget: each grows at most 5%.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Readable } from 'node:stream'
import { atMost, info, type Figure } from '../figures'
import { portalGroups } from '../groups'
import { groupsBody } from '../static-portal'
import { median } from '../stats'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = path.join(ROOT, 'bin/b24-groups.mjs')
const PROBE = path.join(ROOT, 'bench/watch-probe.mjs')
const GROUPS = 5_000
const POLLS = Number(process.env.B24_BENCH_WATCH_POLLS ?? 10_000)
/**
 * Checks every 500 polls over 10,000 showed V8's own growth (optimised code and its metadata, type feedback) lifting
 * the heap by 8% up to about 5,000 polls and by under 2% after; growth is measured from there.
 */
const WARMUP_POLLS = Number(process.env.B24_BENCH_WATCH_WARMUP ?? 5_000)
/** The curve: heap and RSS every this many polls (each check costs four full collections, ~0.1 s). */
const SAMPLE_EVERY = Number(process.env.B24_BENCH_WATCH_SAMPLE_EVERY ?? 500)
/** Extra Node flags for the watch process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (a profiling run). */
const NODE_ARGS = (process.env.B24_BENCH_WATCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
/** Lists in turn: list k has block k of 25 groups renamed, so consecutive lists differ in 50 groups (1%). */
const BLOCKS = 40
const BLOCK = 25
const BUDGET_PERCENT = 5
const REFERENCE = `the same watch process at ${WARMUP_POLLS.toLocaleString('en-US')} polls (median of 3 checks)`

interface Memory {
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  rss: number
  /** RSS split by kind where Linux tells: anonymous (heap, malloc, buffers) and mapped files (node and its libraries). */
  rssAnon?: number
  rssFile?: number
  spaces: Record<string, number>
}

function bodies(): Buffer[] {
  const base = portalGroups(GROUPS)
  return Array.from({ length: BLOCKS }, (_, block) =>
    Buffer.from(
      groupsBody(
        base.map((group, index) =>
          Math.floor(index / BLOCK) === block ? { ...group, name: `${group.name} · ${block}` } : group,
        ),
      ),
    ),
  )
}

function sampler(child: ChildProcess): () => Promise<Memory> {
  let buffered = ''
  const waiting: ((memory: Memory) => void)[] = []
  ;(child.stdio[3] as Readable).on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    let newline: number
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      waiting.shift()?.(JSON.parse(line) as Memory)
    }
  })
  return () =>
    new Promise<Memory>((resolve) => {
      waiting.push(resolve)
      child.kill('SIGUSR2')
    })
}

export async function run(): Promise<Figure[]> {
  // The bin builds itself when out/cli is missing or stale; do that now, not inside the measured run.
  const build = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`the CLI did not start: ${build.stderr}`)
  const lists = bodies()
  const profile = Buffer.from(JSON.stringify({ result: { ID: '1', NAME: 'Ann', LAST_NAME: 'Lee' }, time: {} }))
  let polls = 0
  let child: ChildProcess | null = null
  let sample: (() => Promise<Memory>) | null = null
  const checks = new Map<number, Memory>()
  let lastAt = performance.now()
  let finished!: () => void
  const done = new Promise<void>((resolve) => (finished = resolve))
  const server = createServer((request, response) => {
    request.resume()
    request.once('end', async () => {
      response.setHeader('Content-Type', 'application/json')
      if (request.url?.includes('profile')) return response.end(profile)
      polls++
      // Measured while the poll waits for its answer: the process has nothing else to do then.
      const at = polls - 1
      if (at > 0 && at % SAMPLE_EVERY === 0 && at <= POLLS && sample) {
        const memory = await sample()
        checks.set(at, memory)
        const now = performance.now()
        if (process.env.B24_BENCH_WATCH_CURVE)
          process.stderr.write(`${JSON.stringify({ at, ms: now - lastAt, ...memory })}\n`)
        lastAt = now
      }
      if (polls > POLLS) finished()
      response.end(lists[polls % BLOCKS])
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const configDir = mkdtempSync(path.join(tmpdir(), 'b24-bench-watch-'))
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' }
  delete env.B24_WEBHOOK_URL
  delete env.NODE_OPTIONS
  const started = performance.now()
  try {
    const webhook = `http://127.0.0.1:${port}/rest/1/benchcode/`
    child = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...NODE_ARGS,
        '--import',
        pathToFileURL(PROBE).href,
        BIN,
        '--config-dir',
        configDir,
        'watch',
        '--webhook',
        webhook,
        '--interval',
        '1',
        '--json',
      ],
      { cwd: ROOT, env: { ...env, B24_BENCH_WARP: '100' }, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    )
    let errors = ''
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
    sample = sampler(child)
    const outcome = await Promise.race([done.then(() => 'done' as const), exited.then(() => 'exited' as const)])
    if (outcome === 'exited') throw new Error(`watch exited after ${polls} polls: ${errors.trim().slice(0, 300)}`)
    child.kill('SIGINT')
    await exited
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    await new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
    rmSync(configDir, { recursive: true, force: true })
  }
  const level = (from: number, key: 'heapUsed' | 'rss') => {
    const values = [0, 1, 2].map((step) => checks.get(from + step * SAMPLE_EVERY)?.[key])
    if (values.some((value) => value === undefined)) throw new Error('the watch process did not report its memory')
    return median(values as number[])
  }
  const endFrom = POLLS - 2 * SAMPLE_EVERY
  const heap = { start: level(WARMUP_POLLS, 'heapUsed'), end: level(endFrom, 'heapUsed') }
  const rss = { start: level(WARMUP_POLLS, 'rss'), end: level(endFrom, 'rss') }
  const minutes = (performance.now() - started) / 60_000
  const growth = (after: number, before: number) => ((after - before) / before) * 100
  const mb = (bytes: number) => bytes / 2 ** 20
  const count = (polls: number) => polls.toLocaleString('en-US')
  const window = (from: number) => `polls ${count(from)}-${count(from + 2 * SAMPLE_EVERY)}`
  const span = `${count(WARMUP_POLLS)} to ${count(POLLS)} polls`
  const last = checks.get(POLLS)
  return [
    atMost(
      `watch, ${count(GROUPS)} groups, 1% churn: live heap growth, ${span}`,
      growth(heap.end, heap.start),
      '%',
      BUDGET_PERCENT,
      REFERENCE,
    ),
    atMost(
      `watch, ${count(GROUPS)} groups, 1% churn: RSS growth, ${span}`,
      growth(rss.end, rss.start),
      '%',
      BUDGET_PERCENT,
      REFERENCE,
    ),
    info(`watch: live heap, median of checks at ${window(WARMUP_POLLS)}`, mb(heap.start), 'MB'),
    info(`watch: live heap, median of checks at ${window(endFrom)}`, mb(heap.end), 'MB'),
    info(`watch: RSS, median of checks at ${window(WARMUP_POLLS)}`, mb(rss.start), 'MB'),
    info(`watch: RSS, median of checks at ${window(endFrom)}`, mb(rss.end), 'MB'),
    ...(last?.rssAnon !== undefined && last.rssFile !== undefined
      ? [
          info(`watch: RSS after ${count(POLLS)} polls, anonymous`, mb(last.rssAnon), 'MB'),
          info(`watch: RSS after ${count(POLLS)} polls, mapped files`, mb(last.rssFile), 'MB'),
        ]
      : []),
    ...(last?.spaces.code_space !== undefined
      ? [info(`watch: V8's code space after ${count(POLLS)} polls`, mb(last.spaces.code_space), 'MB')]
      : []),
    info(`watch: wall time of the ${count(POLLS)} polls`, minutes, 'min'),
  ]
}
