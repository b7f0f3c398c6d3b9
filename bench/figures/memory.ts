// Figure 6: the heap of a long-running app. One account with a typical 50 groups polls the demo portal (in its own
// process) 10,000 times through the real client, engine and store; every tenth poll finds 6 groups renamed, so
// changes, history and atomic writes are exercised too. The history's 500-entry cap is reached before the first
// measurement, so any growth after it is a leak, not the cap filling up.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createBitrixClient, createRateLimiterRegistry, parseWebhookUrl } from '../../src/core/bitrix'
import { createSyncEngine, createSyncStore, HISTORY_LIMIT, type SyncEngine, type SyncStore } from '../../src/core/sync'
import { drivenClock } from '../driven-clock'
import { atMost, info, type Figure } from '../figures'
import { portalGroups, withRenamed } from '../groups'
import { liveHeapBytes } from '../heap'
import { startPortalProcess } from '../portal'

const USER = '1'
const ACCOUNT = 'bench/1'
const GROUPS = 50
const FIRST_CHECK = 1_000
const CYCLES = 10_000
const WARMUP_CYCLES = 10_000
const CHANGE_EVERY = 10
const RENAMES_PER_CHANGE = 6
const GROWTH_BUDGET_PERCENT = 5

interface Poller {
  engine: SyncEngine
  store: SyncStore
  failures(): number
}

/** One account's real client, engine and store, polling the demo portal when asked; its state lives in `dir`. */
function startPoller(webhookUrl: string, dir: string): Poller {
  const client = createBitrixClient({
    credentials: parseWebhookUrl(webhookUrl),
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1e9, burst: 1e9 }),
  })
  const store = createSyncStore({ dir, clock: drivenClock })
  const engine = createSyncEngine({
    sources: {
      accounts: () => [{ id: ACCOUNT, enabled: true }],
      clientFor: () => client,
      pollIntervalSeconds: () => 3600,
    },
    store,
    clock: drivenClock,
  })
  let failed = 0
  engine.on('error', () => failed++)
  engine.start()
  return { engine, store, failures: () => failed }
}

export async function run(): Promise<Figure[]> {
  const portal = await startPortalProcess({ userIds: [USER] })
  const warmupDir = mkdtempSync(path.join(tmpdir(), 'b24-bench-memory-warmup-'))
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-bench-memory-'))
  try {
    let memberships = portalGroups(GROUPS)
    await portal.control.setMemberships(USER, memberships)
    let renames = 0
    /** Polls `cycles` times; every tenth poll finds six groups renamed. */
    async function poll(poller: Poller, cycles: number, onCycle?: (cycle: number) => Promise<void>): Promise<void> {
      for (let cycle = 1; cycle <= cycles; cycle++) {
        if (cycle % CHANGE_EVERY === 0) {
          memberships = withRenamed(memberships, ++renames, RENAMES_PER_CHANGE)
          await portal.control.setMemberships(USER, memberships)
        }
        await poller.engine.refresh(ACCOUNT)
        await onCycle?.(cycle)
      }
    }

    // Warm-up, as for every other figure: V8 compiles the hot paths to optimised code and sizes its own tables
    // over the first several thousand cycles (about 1 MB of code, type feedback and bytecode, flat from about 9,000
    // cycles on), which is not what the program holds. A poller of its own, thrown away before the measured one
    // starts, so that none of its data is counted.
    const warmup = startPoller(portal.webhookUrl(USER), warmupDir)
    await poll(warmup, WARMUP_CYCLES)
    await warmup.engine.stop()
    if (warmup.failures() > 0) throw new Error(`${warmup.failures()} warm-up poll cycles failed`)

    const measured = startPoller(portal.webhookUrl(USER), dir)
    await measured.engine.refresh(ACCOUNT)
    let heapAtFirstCheck = 0
    await poll(measured, CYCLES, async (cycle) => {
      if (cycle !== FIRST_CHECK) return
      if (measured.engine.history().length < HISTORY_LIMIT)
        throw new Error('the history is not full at the first check')
      // A poll no longer waits for its file write; both checks wait for it, so a write in flight (its buffers)
      // is not taken for growth.
      await measured.store.flush()
      heapAtFirstCheck = await liveHeapBytes()
    })
    await measured.store.flush()
    const heapAtEnd = await liveHeapBytes()
    await measured.engine.stop()
    if (measured.failures() > 0) throw new Error(`${measured.failures()} of ${CYCLES} poll cycles failed`)

    const growthPercent = ((heapAtEnd - heapAtFirstCheck) / heapAtFirstCheck) * 100
    const mb = (bytes: number) => bytes / 2 ** 20
    return [
      info(`live heap after ${FIRST_CHECK.toLocaleString('en-US')} poll cycles`, mb(heapAtFirstCheck), 'MB'),
      info(`live heap after ${CYCLES.toLocaleString('en-US')} poll cycles`, mb(heapAtEnd), 'MB'),
      atMost(
        `live heap growth from ${FIRST_CHECK.toLocaleString('en-US')} to ${CYCLES.toLocaleString('en-US')} poll cycles`,
        growthPercent,
        '%',
        GROWTH_BUDGET_PERCENT,
      ),
    ]
  } finally {
    await portal.close()
    rmSync(warmupDir, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  }
}
