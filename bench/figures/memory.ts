// Figure 6: the heap of a long-running app. One account with a typical 50 groups polls the demo portal (in its own
// process) 10,000 times through the real client, engine and store; every tenth poll finds 6 groups renamed, so
// changes, history and atomic writes are exercised too. The history's 500-entry cap is reached before the first
// measurement, so any growth after it is a leak, not the cap filling up.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createBitrixClient, createRateLimiterRegistry, parseWebhookUrl } from '../../src/main/bitrix'
import { createSyncEngine, createSyncStore, HISTORY_LIMIT } from '../../src/main/sync'
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
const CHANGE_EVERY = 10
const RENAMES_PER_CHANGE = 6
const GROWTH_BUDGET_PERCENT = 5

export async function run(): Promise<Figure[]> {
  const portal = await startPortalProcess({ userIds: [USER] })
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-bench-memory-'))
  try {
    let memberships = portalGroups(GROUPS)
    await portal.control.setMemberships(USER, memberships)
    const client = createBitrixClient({
      credentials: parseWebhookUrl(portal.webhookUrl(USER)),
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
    await engine.refresh(ACCOUNT)

    let heapAtFirstCheck = 0
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      if (cycle % CHANGE_EVERY === 0) {
        memberships = withRenamed(memberships, cycle, RENAMES_PER_CHANGE)
        await portal.control.setMemberships(USER, memberships)
      }
      await engine.refresh(ACCOUNT)
      if (cycle === FIRST_CHECK) {
        if (engine.history().length < HISTORY_LIMIT) throw new Error('the history is not full at the first check')
        // A poll no longer waits for its file write; both checks wait for it, so a write in flight (its buffers)
        // is not taken for growth.
        await store.flush()
        heapAtFirstCheck = await liveHeapBytes()
      }
    }
    await store.flush()
    const heapAtEnd = await liveHeapBytes()
    await engine.stop()
    if (failed > 0) throw new Error(`${failed} of ${CYCLES} poll cycles failed`)

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
    rmSync(dir, { recursive: true, force: true })
  }
}
