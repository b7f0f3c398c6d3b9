// Figure 7: what the command line costs as users run it, the built bin in a process of its own. CPU time, not wall
// time: a command's own work, whatever else the shared machine is doing. Each process reports its CPU at exit
// (bench/cpu-at-exit.mjs, preloaded into every contender alike), and the contenders take turns in one run.
// - `list --webhook URL --json` at 50 groups against the floor: `node -e` that fetches the same URL and JSON.parses it.
// - `list` for people against `list --json`, both at 50,000 groups: the table costs about what the JSON does.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { GROUPS_METHOD } from '../../src/core/bitrix'
import { atMost, info, type Figure } from '../figures'
import { portalGroups } from '../groups'
import { interleave } from '../interleave'
import { startPortalProcess } from '../portal'
import { summarize } from '../stats'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = path.join(ROOT, 'bin/b24-groups.mjs')
const CPU_AT_EXIT = path.join(ROOT, 'bench/cpu-at-exit.mjs')
const STARTUP_BUDGET = 2.5
const TABLE_BUDGET = 1.3
const SMALL = 50
const LARGE = 50_000

/** Runs `node ARGS` with the CPU reporter preloaded (--import); resolves with its CPU time in ms. Fails on a non-zero exit. */
function cpuOf(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(CPU_AT_EXIT).href, ...args], {
      cwd: ROOT,
      env,
      // What is printed goes to /dev/null: the terminal's cost is not the command's.
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    })
    let report = ''
    let errors = ''
    child.stdio[3]!.on('data', (chunk: Buffer) => (report += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => {
      const micros = Number(report.trim())
      if (code !== 0 || !Number.isFinite(micros)) reject(new Error(`node ${args[0]} exited ${code}: ${errors.trim()}`))
      else resolve(micros / 1000)
    })
  })
}

/** Contenders measured by CPU: `now` reads the CPU time summed over runs, so interleave's differences are per run. */
async function interleaveCpu(
  contenders: { name: string; args: readonly string[] }[],
  env: NodeJS.ProcessEnv,
  options: { warmup: number; rounds: number },
) {
  let cpuMs = 0
  return interleave(
    contenders.map(({ name, args }) => ({ name, run: async () => (cpuMs += await cpuOf(args, env)) })),
    { ...options, now: () => cpuMs },
  )
}

/**
 * 50,000 groups are more than the demo portal's control API takes in one request: this serves the same list, as
 * Bitrix24 sends it, from a body made once (so the server's cost per request is a write).
 */
async function startLargePortal(count: number) {
  const result = portalGroups(count).map((group) => ({
    GROUP_ID: group.id,
    GROUP_NAME: group.name,
    ROLE: group.role,
    GROUP_IMAGE_ID: null,
    GROUP_IMAGE: group.image ?? '',
    ...(group.extranet ? { IS_EXTRANET: 'Y' } : {}),
  }))
  const groups = JSON.stringify({ result, time: { start: 0, finish: 0 } })
  const profile = JSON.stringify({ result: { ID: '1', NAME: 'Ann', LAST_NAME: 'Lee' }, time: { start: 0, finish: 0 } })
  const server = createServer((request, response) => {
    request.resume()
    request.once('end', () => {
      response.setHeader('Content-Type', 'application/json')
      response.end(request.url?.includes('profile') ? profile : groups)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    webhookUrl: `http://127.0.0.1:${port}/rest/1/benchcode/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function run(): Promise<Figure[]> {
  // The bin builds itself when out/cli is missing or stale; do that now, not inside a measured run.
  const build = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`the CLI did not start: ${build.stderr}`)

  const portal = await startPortalProcess({ userIds: ['1'] })
  const largePortal = await startLargePortal(LARGE)
  const configDir = mkdtempSync(path.join(tmpdir(), 'b24-bench-cli-'))
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' }
  delete env.B24_WEBHOOK_URL
  delete env.NODE_OPTIONS
  try {
    await portal.control.setMemberships('1', portalGroups(SMALL))
    const small = portal.webhookUrl('1')
    const large = largePortal.webhookUrl
    const floor = [
      `fetch(${JSON.stringify(`${small}${GROUPS_METHOD}`)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })`,
      '.then((response) => response.text()).then((text) => JSON.parse(text))',
    ].join('')

    const startup = await interleaveCpu(
      [
        { name: 'ours', args: [BIN, '--config-dir', configDir, 'list', '--webhook', small, '--json'] },
        { name: 'floor', args: ['-e', floor] },
      ],
      env,
      { warmup: 2, rounds: 20 },
    )
    const table = await interleaveCpu(
      [
        { name: 'human', args: [BIN, '--config-dir', configDir, 'list', '--webhook', large] },
        { name: 'json', args: [BIN, '--config-dir', configDir, 'list', '--webhook', large, '--json'] },
      ],
      env,
      { warmup: 1, rounds: 5 },
    )

    const ours = summarize(startup.get('ours') ?? [])
    const bare = summarize(startup.get('floor') ?? [])
    const human = summarize(table.get('human') ?? [])
    const json = summarize(table.get('json') ?? [])
    return [
      info(`CLI list --json, ${SMALL} groups: CPU, median`, ours.median, 'ms'),
      info(`CLI list --json, ${SMALL} groups: floor node -e fetch + JSON.parse, CPU, median`, bare.median, 'ms'),
      atMost(
        `CLI list --json, ${SMALL} groups: ours / floor (CPU medians)`,
        ours.median / bare.median,
        'x',
        STARTUP_BUDGET,
      ),
      info(`CLI list, ${LARGE.toLocaleString('en-US')} groups: table, CPU, median`, human.median, 'ms'),
      info(`CLI list, ${LARGE.toLocaleString('en-US')} groups: --json, CPU, median`, json.median, 'ms'),
      atMost(
        `CLI list, ${LARGE.toLocaleString('en-US')} groups: table / --json (CPU medians)`,
        human.median / json.median,
        'x',
        TABLE_BUDGET,
      ),
    ]
  } finally {
    rmSync(configDir, { recursive: true, force: true })
    await portal.close()
    await largePortal.close()
  }
}
