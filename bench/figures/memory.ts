// Figure 6: the memory of a long-running `watch`, the built command line in a process of its own as a user runs it,
// over 3,000 polls of 5,000 groups with 1% churn (the issue asks for 10,000: on the shared 2-core machine a poll of
// 5,000 groups took 25-90 ms, so 10,000 took 8-14 minutes per run; B24_BENCH_WATCH_POLLS=10000 runs them). Each
// poll's list differs from the last in 50 groups (25 renamed, 25 renamed back), so every poll finds changes, writes
// its snapshot and keeps the history full (its 500-entry cap is reached after 10 polls). The portal is a static
// server in this process that counts the polls; a preloaded probe (bench/watch-probe.mjs) makes time run 100x as fast
// for the watch process and reports its live heap (after full collections) and RSS on request. Measured after 500
// polls (warm-up: V8 has compiled the hot paths and sized its tables) and at the end; budget: each grows at most 5%.
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

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = path.join(ROOT, 'bin/b24-groups.mjs')
const PROBE = path.join(ROOT, 'bench/watch-probe.mjs')
const GROUPS = 5_000
const WARMUP_POLLS = 500
const POLLS = Number(process.env.B24_BENCH_WATCH_POLLS ?? 3_000)
/** Lists in turn: list k has block k of 25 groups renamed, so consecutive lists differ in 50 groups (1%). */
const BLOCKS = 40
const BLOCK = 25
const BUDGET_PERCENT = 5
const REFERENCE = `the same watch process after ${WARMUP_POLLS.toLocaleString('en-US')} polls`

interface Memory {
  heapUsed: number
  rss: number
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
  const checks: Memory[] = []
  let finished!: () => void
  const done = new Promise<void>((resolve) => (finished = resolve))
  const server = createServer((request, response) => {
    request.resume()
    request.once('end', async () => {
      response.setHeader('Content-Type', 'application/json')
      if (request.url?.includes('profile')) return response.end(profile)
      polls++
      // Measured while the poll waits for its answer: the process has nothing else to do then.
      if ((polls === WARMUP_POLLS + 1 || polls === POLLS + 1) && sample) checks.push(await sample())
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
        '--import',
        pathToFileURL(PROBE).href,
        BIN,
        '--config-dir',
        configDir,
        'watch',
        '--webhook',
        webhook,
        '--interval',
        '3',
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
  const [first, last] = checks
  if (!first || !last) throw new Error('the watch process did not report its memory')
  const minutes = (performance.now() - started) / 60_000
  const growth = (after: number, before: number) => ((after - before) / before) * 100
  const mb = (bytes: number) => bytes / 2 ** 20
  const at = (count: number) => `after ${count.toLocaleString('en-US')} polls`
  return [
    atMost(
      `watch, ${GROUPS.toLocaleString('en-US')} groups, 1% churn: live heap growth, ${WARMUP_POLLS} to ${POLLS.toLocaleString('en-US')} polls`,
      growth(last.heapUsed, first.heapUsed),
      '%',
      BUDGET_PERCENT,
      REFERENCE,
    ),
    atMost(
      `watch, ${GROUPS.toLocaleString('en-US')} groups, 1% churn: RSS growth, ${WARMUP_POLLS} to ${POLLS.toLocaleString('en-US')} polls`,
      growth(last.rss, first.rss),
      '%',
      BUDGET_PERCENT,
      REFERENCE,
    ),
    info(`watch: live heap ${at(WARMUP_POLLS)}`, mb(first.heapUsed), 'MB'),
    info(`watch: live heap ${at(POLLS)}`, mb(last.heapUsed), 'MB'),
    info(`watch: RSS ${at(WARMUP_POLLS)}`, mb(first.rss), 'MB'),
    info(`watch: RSS ${at(POLLS)}`, mb(last.rss), 'MB'),
    info(`watch: wall time of the ${POLLS.toLocaleString('en-US')} polls`, minutes, 'min'),
  ]
}
