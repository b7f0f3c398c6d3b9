// Soak test against the demo portal over real HTTP: 2,000 sync cycles with random membership changes and faults in
// 20% of requests. The engine may fail cycles, but it must never say anything untrue: the changes it emits, replayed
// onto the first list, give the portal's memberships after every good sync, and a faulty cycle emits nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { MembershipChange } from '@shared/types'
import { createBitrixClient, createRateLimiterRegistry, parseWebhookUrl } from '../bitrix'
import type { DemoFault, DemoPortal } from '../demo'
import { seededRandom, startDemoPortal } from '../demo'
import type { Clock } from './clock'
import { createSyncEngine } from './engine'
import { createSyncStore } from './store'
import { byId, difference, essentialsOf, essentialsOfDemo, Replay, sameList } from './test-support/replay'
import { PASS, PHANTOM_EMPTY, soakScenario } from './test-support/soak-scenario'

const CYCLES = 2_000
const FAULT_RATE = 0.2
const USER = '1'
const ACCOUNT = 'demo/1'
/** Short, so that the rare hanging request costs little; a loopback answer takes a few milliseconds. */
const CLIENT_TIMEOUT_MS = 400

/** A clock on which scheduled polls never come due: every cycle of this test is one it drives with refresh(). */
const drivenClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  setTimeout: (callback, ms) => (ms <= 0 ? setTimeout(callback, 0) : null),
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
}

describe('soak: the engine against a misbehaving demo portal', () => {
  let portal: DemoPortal
  let dir: string

  beforeAll(async () => {
    portal = await startDemoPortal({ rateLimit: false, users: { [USER]: [] } })
    dir = mkdtempSync(path.join(tmpdir(), 'b24-sync-soak-'))
  })
  afterAll(async () => {
    await portal?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it(`${CYCLES} cycles, ${FAULT_RATE * 100}% faulty requests: no untrue change`, { timeout: 60_000 }, async () => {
    const scenario = soakScenario(seededRandom(20250105), FAULT_RATE)
    const client = createBitrixClient({
      credentials: parseWebhookUrl(portal.webhookUrl(USER), { allowHttp: true }),
      // One attempt per request: a fault must reach the engine, not be retried away inside the client.
      maxAttempts: 1,
      timeoutMs: CLIENT_TIMEOUT_MS,
      rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1_000_000, burst: 1_000_000 }),
    })
    const engine = createSyncEngine({
      sources: {
        accounts: () => [{ id: ACCOUNT, enabled: true }],
        clientFor: () => client,
        pollIntervalSeconds: () => 3600,
      },
      store: createSyncStore({ dir }),
      clock: drivenClock,
      confirmationDelayMs: 0,
    })
    const cycle = { changes: [] as MembershipChange[], errors: 0, synced: 0 }
    engine.on('changes', (changes) => cycle.changes.push(...changes))
    engine.on('error', () => cycle.errors++)
    engine.on('synced', () => cycle.synced++)
    const portalList = () => byId(portal.control.getMemberships(USER).map(essentialsOfDemo))

    // The first list: a silent baseline.
    portal.control.setMemberships(USER, Array.from({ length: 12 }, scenario.newGroup))
    engine.start()
    await engine.refresh(ACCOUNT)
    expect(cycle.changes).toEqual([])
    const replay = new Replay(engine.groups(ACCOUNT))
    expect(replay.list()).toEqual(portalList())

    const violations: string[] = []
    const counts = { requests: 0, faulted: 0, failed: 0, synced: 0, disputed: 0, confirmations: 0, lies: 0 }
    for (let number = 1; number <= CYCLES; number++) {
      const violation = (what: string) => violations.push(`cycle ${number}: ${what}`)
      portal.control.setMemberships(USER, scenario.mutate(portal.control.getMemberships(USER)))
      const truth = portalList()
      const faults = [scenario.faultFor('first'), scenario.faultFor('second')]
      portal.control.injectFaults(faults.map((fault) => fault ?? PASS))
      const requestsBefore = portal.control.stats().requests
      Object.assign(cycle, { changes: [], errors: 0, synced: 0 })

      await engine.refresh(ACCOUNT)

      portal.control.clearFaults()
      const requests = portal.control.stats().requests - requestsBefore
      const hit = faults.slice(0, requests).filter((fault): fault is DemoFault => fault !== null)
      const failing = hit.some((fault) => fault !== PHANTOM_EMPTY)
      const lied = hit.includes(PHANTOM_EMPTY)
      Object.assign(counts, {
        requests: counts.requests + requests,
        faulted: counts.faulted + hit.length,
        confirmations: counts.confirmations + (requests === 2 ? 1 : 0),
        lies: counts.lies + (lied ? 1 : 0),
      })

      for (const change of cycle.changes) {
        const problem = replay.apply(change)
        if (problem) violation(problem)
      }
      if (!sameList(replay.list(), byId(engine.groups(ACCOUNT).map(essentialsOf)))) {
        violation('the replayed changes disagree with the stored snapshot')
      }
      if (failing && cycle.changes.length > 0) violation(`a faulty cycle emitted ${cycle.changes.length} changes`)
      if (failing && cycle.errors === 0) violation('a faulty cycle reported no error')
      if (cycle.errors > 0) {
        counts.failed++
      } else if (lied && requests === 1) {
        // Only with no known group is "no groups" taken without a second fetch: it then removes nothing, and the next
        // good cycle tells what is really there.
        if (cycle.changes.length > 0) violation('an unconfirmed empty answer emitted changes')
      } else if (cycle.synced > 0) {
        counts.synced++
        if (!sameList(replay.list(), truth)) violation(`after a good sync: ${difference(replay.list(), truth)}`)
      } else {
        // Two answers removed different groups: nothing may be said.
        counts.disputed++
        if (cycle.changes.length > 0) violation('a disputed cycle emitted changes')
      }
    }

    // One last clean sync: the replay must now equal the portal's final memberships.
    cycle.changes = []
    await engine.refresh(ACCOUNT)
    for (const change of cycle.changes) replay.apply(change)
    await engine.stop()

    expect(violations).toEqual([])
    expect(replay.list()).toEqual(portalList())
    expect(counts.faulted / counts.requests).toBeGreaterThan(FAULT_RATE - 0.03)
    expect(counts.faulted / counts.requests).toBeLessThan(FAULT_RATE + 0.03)
    // The run took every path it is meant to: failures, good syncs, confirmations and lies caught by them.
    expect(counts.failed).toBeGreaterThan(CYCLES * 0.15)
    expect(counts.synced).toBeGreaterThan(CYCLES * 0.6)
    expect(counts.confirmations).toBeGreaterThan(50)
    expect(counts.lies).toBeGreaterThan(10)
    console.info(`soak: ${JSON.stringify(counts)}`)
  })
})
