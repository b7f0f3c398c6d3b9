// Figure 1: what one poll costs the app beyond the HTTP request it cannot avoid. Ours is a whole poll cycle of the
// app's core (bench/core-account.ts: the account and settings lookups, the client call with its rate limiter and
// retries armed, validation with zod, normalisation, diff, snapshot and history written atomically), timed until the
// snapshot is on disk (written and fsynced: the cycle waits for the durable write). The floor is a bare fetch of the
// same URL from a static loopback server that sends the same pre-serialised body (bench/static-portal.ts, in a process of its own), plus
// JSON.parse, plus the one write a durable cycle cannot avoid: as many bytes as our state file holds, written to a
// temporary file, fdatasynced and renamed over the last (fs/promises, as a process with an event loop to keep must).
// The disk's flush alone takes 0.4-4 ms on this shared machine, depending on what the others write; a floor without
// it would make the budget a measure of their disk traffic. Before each of our runs one group is renamed (untimed), so every cycle finds a change and really writes.
// Beside it: a core polling a list that never changes (the common case), and the first poll of a fresh engine over a
// directory an earlier run left (every app start): new engine and client, first validation of every item, first write.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { GROUPS_METHOD } from '../../src/core/bitrix'
import { prepareColdStart, startCoreAccount, type ColdStart, type CoreAccount } from '../core-account'
import { info, ratioAtMost, type Figure } from '../figures'
import { portalGroups, withRenamed } from '../groups'
import { interleave } from '../interleave'
import { startStaticPortalProcess, type StaticPortalProcess as StaticPortal } from '../static-portal'
import { medianDifference, summarize } from '../stats'

const CHANGING_USER = '1'
const STEADY_USER = '2'
const COLD_USER = '3'
const WARM_BUDGET = 1.25
const COLD_BUDGET = 3
const FLOOR = 'static server + JSON.parse + fdatasync of as many bytes'
const FETCH_FLOOR = 'static server + JSON.parse'
/** Rounds of BATCH consecutive runs per contender, per size: fewer for the large list, whose runs take longer. */
const PLAN = [
  { groups: 1_000, warmup: 3, rounds: 40, coldRounds: 40 },
  { groups: 5_000, warmup: 2, rounds: 12, coldRounds: 16 },
]
const BATCH = 5

interface Poller {
  account: CoreAccount
  changes: number
  errors: number
}

async function startEngine(webhookUrl: string): Promise<Poller> {
  const account = await startCoreAccount(webhookUrl, 'b24-bench-poll-')
  const poller: Poller = { account, changes: 0, errors: 0 }
  account.core.engine.on('changes', (changes) => (poller.changes += changes.length))
  account.core.engine.on('error', () => poller.errors++)
  await account.durablePoll() // the silent baseline
  return poller
}

async function bareFetch(url: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  return JSON.parse(await response.text()) as unknown
}

/** The floor of a durable cycle: fetch and parse, then write `bytes()` (read untimed) durably. */
function durableFloor(url: string, stateFile: () => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-bench-floor-'))
  const target = path.join(dir, 'state.json')
  let bytes = Buffer.alloc(0)
  let count = 0
  return {
    prepare: () => (bytes = readFileSync(stateFile())),
    async run() {
      await bareFetch(url)
      const temp = `${target}.${count++}.tmp`
      const handle = await open(temp, 'w', 0o600)
      try {
        await handle.writeFile(bytes)
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await rename(temp, target)
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** The steady state: a changed list and an unchanged one, each cycle until the durable write, against the floor. */
/**
 * Preloads the list, then each next one with one more group renamed: what the portal shows, run by run. Only one list
 * is held here at a time, so this process's heap (which its collections walk) is the cores' and not the lists'.
 */
async function preloadRenamed(portal: StaticPortal, userId: string, groups: number, count: number): Promise<void> {
  let list = portalGroups(groups)
  await portal.preload(userId, 0, list)
  for (let round = 1; round < count; round++) {
    list = withRenamed(list, round)
    await portal.preload(userId, round, list)
  }
}

async function warm(portal: StaticPortal, plan: (typeof PLAN)[number]): Promise<Figure[]> {
  const cycles = (plan.warmup + plan.rounds) * BATCH
  await preloadRenamed(portal, CHANGING_USER, plan.groups, cycles + 1)
  await portal.show(CHANGING_USER, 0)
  await portal.setGroups(STEADY_USER, portalGroups(plan.groups))
  const changing = await startEngine(portal.webhookUrl(CHANGING_USER))
  const steady = await startEngine(portal.webhookUrl(STEADY_USER))
  let renames = 0
  const url = `${portal.webhookUrl(CHANGING_USER)}${GROUPS_METHOD}`
  const floorRun = durableFloor(url, () => changing.account.core.syncStore.file)
  const samples = await interleave(
    [
      {
        name: 'ours',
        prepare: () => portal.show(CHANGING_USER, ++renames),
        run: () => changing.account.durablePoll(),
      },
      { name: 'unchanged', run: () => steady.account.durablePoll() },
      { name: 'floor', prepare: floorRun.prepare, run: floorRun.run },
      { name: 'fetch', run: () => bareFetch(url) },
    ],
    { warmup: plan.warmup, rounds: plan.rounds, batch: BATCH },
  )
  floorRun.remove()
  await changing.account.stop()
  await steady.account.stop()
  if (changing.errors + steady.errors > 0 || changing.changes !== cycles || steady.changes !== 0) {
    throw new Error(`expected ${cycles} cycles with one change each and as many without; saw otherwise`)
  }
  const timed = {
    ours: samples.get('ours') ?? [],
    unchanged: samples.get('unchanged') ?? [],
    floor: samples.get('floor') ?? [],
  }
  const fetchOnly = summarize(samples.get('fetch') ?? [])
  const ours = summarize(timed.ours)
  const unchanged = summarize(timed.unchanged)
  const floor = summarize(timed.floor)
  const size = `${plan.groups.toLocaleString('en-US')} groups`
  return [
    ratioAtMost(
      `poll cycle, ${size}, durable write awaited: ours / floor (medians)`,
      ours.median,
      { name: FLOOR, value: floor.median },
      WARM_BUDGET,
    ),
    info(`poll cycle, ${size}: ours, median`, ours.median, 'ms'),
    info(`poll cycle, ${size}: ours, p95`, ours.p95, 'ms'),
    info(`poll cycle, ${size}: floor, median`, floor.median, 'ms', FLOOR),
    info(`poll cycle, ${size}: ours minus floor (median of pairs)`, medianDifference(timed.ours, timed.floor), 'ms'),
    info(`poll cycle, ${size}, nothing changed: ours / floor (medians)`, unchanged.median / floor.median, 'x', FLOOR),
    info(`poll cycle, ${size}: ours / fetch alone (medians)`, ours.median / fetchOnly.median, 'x', FETCH_FLOOR),
  ]
}

/** Reads and parses a file as a plain program would: the reference for our read and check of the state file. */
function plainRead(file: string): number {
  const started = performance.now()
  JSON.parse(readFileSync(file, 'utf8'))
  return performance.now() - started
}

/**
 * The first poll of a fresh engine (an app start): each run a new core over a directory an earlier run left, opened
 * as the app opens it (the state file read for the window's first state, untimed here and reported on its own), then
 * timed from the engine's start until the first poll's snapshot is on disk.
 */
async function cold(portal: StaticPortal, plan: (typeof PLAN)[number]): Promise<Figure[]> {
  const url = portal.webhookUrl(COLD_USER)
  // Each cold run shows one list to the earlier run that prepares its directory and the next to the first poll.
  await preloadRenamed(portal, COLD_USER, plan.groups, plan.coldRounds + 3)
  let renames = 0
  let directory: ColdStart | null = null
  let opened: ReturnType<ColdStart['open']> | null = null
  let failures = 0
  const stateReads: number[] = []
  const plainReads: number[] = []
  let stateBytes = 0
  const floorRun = durableFloor(`${url}${GROUPS_METHOD}`, () => directory!.file)
  const tidy = async () => {
    await opened?.stop()
    directory?.remove()
    opened = null
    directory = null
  }
  const samples = await interleave(
    [
      {
        name: 'cold',
        prepare: async () => {
          await tidy()
          await portal.show(COLD_USER, renames)
          directory = await prepareColdStart(url, 'b24-bench-cold-')
          // What the earlier run saw differs by one name: the first poll finds a change and writes.
          await portal.show(COLD_USER, ++renames)
          // The earlier run was another process: its garbage is not the fresh core's to collect. What the launch reads
          // is: it is still young when the first poll starts, as it may be in the app.
          global.gc?.()
          opened = directory.open()
          stateReads.push(opened.stateReadMs)
          opened.core.engine.on('error', () => failures++)
        },
        run: async () => {
          opened!.start()
          await opened!.durablePoll()
        },
      },
      {
        name: 'floor',
        prepare: async () => {
          if (!directory) {
            await portal.show(COLD_USER, renames)
            directory = await prepareColdStart(url, 'b24-bench-cold-')
          }
          stateBytes = floorRun.prepare().length
          global.gc?.()
          plainReads.push(plainRead(directory.file))
          global.gc?.()
        },
        run: floorRun.run,
      },
    ],
    { warmup: 2, rounds: plan.coldRounds },
  )
  await tidy()
  floorRun.remove()
  if (failures > 0) throw new Error(`${failures} first polls failed`)
  const firsts = samples.get('cold') ?? []
  const first = summarize(firsts)
  const floor = summarize(samples.get('floor') ?? [])
  // The warm-up runs' reads come first; each timed run's read is the one at its place after them.
  const timedReads = stateReads.slice(stateReads.length - firsts.length)
  const read = summarize(timedReads)
  const withRead = summarize(firsts.map((ms, index) => ms + (timedReads[index] ?? 0)))
  const size = `${plan.groups.toLocaleString('en-US')} groups`
  return [
    ratioAtMost(
      `first poll of a fresh engine, ${size}: ours / floor (medians)`,
      first.median,
      { name: FLOOR, value: floor.median },
      COLD_BUDGET,
    ),
    info(`first poll of a fresh engine, ${size}: ours, median`, first.median, 'ms'),
    info(`app launch, ${size}: reading and checking the state file, median`, read.median, 'ms'),
    info(
      `app launch, ${size}: reading and checking the state file / readFileSync + JSON.parse of it (medians)`,
      read.median / summarize(plainReads).median,
      'x',
      'readFileSync + JSON.parse',
    ),
    info(`app launch, ${size}: the state file it reads`, stateBytes / 1024, 'KB'),
    info(
      `first poll of a fresh engine, ${size}, with the read of the state file before it (as watch starts): ours / floor (medians)`,
      withRead.median / floor.median,
      'x',
      FLOOR,
    ),
  ]
}

export async function run(): Promise<Figure[]> {
  const portal = await startStaticPortalProcess()
  try {
    const figures: Figure[] = []
    for (const plan of PLAN) figures.push(...(await warm(portal, plan)), ...(await cold(portal, plan)))
    return figures
  } finally {
    await portal.close()
  }
}
