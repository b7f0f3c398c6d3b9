// Figure 6: the heap of a long-running app. One account with a typical 50 groups polls the demo portal (in its own
// process) 10,000 times through the real client, engine and store; every tenth poll finds 6 groups renamed, so
// changes, history and atomic writes are exercised too. The history's 500-entry cap is reached before the first
// measurement, so any growth after it is a leak, not the cap filling up.
import { HISTORY_LIMIT } from '../../src/core/sync'
import { startCoreAccount, type CoreAccount } from '../core-account'
import { atMost, info, type Figure } from '../figures'
import { portalGroups, withRenamed } from '../groups'
import { liveHeapBytes } from '../heap'
import { startPortalProcess } from '../portal'

const USER = '1'
const GROUPS = 50
const FIRST_CHECK = 1_000
const CYCLES = 10_000
const WARMUP_CYCLES = 10_000
const CHANGE_EVERY = 10
const RENAMES_PER_CHANGE = 6
const GROWTH_BUDGET_PERCENT = 5

interface Poller {
  account: CoreAccount
  failures(): number
}

/** One account on the app's core, polling the demo portal when asked; its settings and state live in a directory of its own. */
async function startPoller(webhookUrl: string, prefix: string): Promise<Poller> {
  const account = await startCoreAccount(webhookUrl, prefix)
  let failed = 0
  account.core.engine.on('error', () => failed++)
  return { account, failures: () => failed }
}

export async function run(): Promise<Figure[]> {
  const portal = await startPortalProcess({ userIds: [USER] })
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
        await poller.account.poll()
        await onCycle?.(cycle)
      }
    }

    // Warm-up, as for every other figure: V8 compiles the hot paths to optimised code and sizes its own tables
    // over the first several thousand cycles (about 1 MB of code, type feedback and bytecode, flat from about 9,000
    // cycles on), which is not what the program holds. A poller of its own, thrown away before the measured one
    // starts, so that none of its data is counted.
    const warmup = await startPoller(portal.webhookUrl(USER), 'b24-bench-memory-warmup-')
    await poll(warmup, WARMUP_CYCLES)
    await warmup.account.stop()
    if (warmup.failures() > 0) throw new Error(`${warmup.failures()} warm-up poll cycles failed`)

    const measured = await startPoller(portal.webhookUrl(USER), 'b24-bench-memory-')
    await measured.account.poll()
    let heapAtFirstCheck = 0
    await poll(measured, CYCLES, async (cycle) => {
      if (cycle !== FIRST_CHECK) return
      if (measured.account.core.engine.history().length < HISTORY_LIMIT)
        throw new Error('the history is not full at the first check')
      // A poll no longer waits for its file write; both checks wait for it, so a write in flight (its buffers)
      // is not taken for growth.
      await measured.account.core.syncStore.flush()
      heapAtFirstCheck = await liveHeapBytes()
    })
    await measured.account.core.syncStore.flush()
    const heapAtEnd = await liveHeapBytes()
    await measured.account.stop()
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
  }
}
