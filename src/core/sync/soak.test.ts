// Soak test against the demo portal over real HTTP: 2,000 sync cycles with random membership changes and faults in
// 20% of requests. The engine may fail cycles, but it must never say anything untrue: the changes it emits, replayed
// onto the first list, give the portal's memberships after every good sync, and a faulty cycle emits nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { MembershipChange } from '@shared/types'
import { createBitrixClient, createRateLimiterRegistry, parseWebhookUrl } from '../bitrix'
import type { DemoFault, DemoPortal } from '../demo'
import { seededRandom, startDemoPortal } from '../demo'
import { acquireStateLease, StateLeaseHeldError } from './lease'
import type { StoreProblem } from './store'
import { createSyncStore, STATE_FILE_NAME } from './store'
import { byId, difference, essentialsOf, essentialsOfDemo, Replay, sameList } from './test-support/replay'
import { PASS, PHANTOM_EMPTY, soakScenario } from './test-support/soak-scenario'
import { drivenEngine } from './test-support/driven-engine'
import { drivenClock } from './test-support/fake-clock'

const CYCLES = 2_000
const FAULT_RATE = 0.2
const USER = '1'
const ACCOUNT = 'demo/1'
/** Short, so that the rare hanging request costs little; a loopback answer takes a few milliseconds. */
const CLIENT_TIMEOUT_MS = 400

/**
 * For the describe block it is called in: before its tests, starts a demo portal on which the user is in no group
 * and makes a state directory, and hands both to `take`; after them, closes the portal and removes the directory.
 */
function portalAndDirForBlock(prefix: string, take: (portal: DemoPortal, dir: string) => void): void {
  let portal: DemoPortal | undefined
  let dir: string | undefined
  beforeAll(async () => {
    portal = await startDemoPortal({ rateLimit: false, users: { [USER]: [] } })
    dir = mkdtempSync(path.join(tmpdir(), prefix))
    take(portal, dir)
  })
  afterAll(async () => {
    await portal?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
}

describe('soak: the engine against a misbehaving demo portal', () => {
  let portal: DemoPortal
  let dir: string
  portalAndDirForBlock('b24-sync-soak-', (started, made) => {
    portal = started
    dir = made
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
    // Each fault is aimed at one membership request of a cycle; a details request (their failures have their own
    // tests, engine-details and client.details) would take it instead, so this client fetches no details.
    const membershipsOnly = { ...client, getGroupDetails: async () => ({ details: {}, requests: 0 }) }
    const engine = drivenEngine(ACCOUNT, membershipsOnly, createSyncStore({ dir }))
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

describe('soak: two writers of one directory and a disk that fills up', () => {
  const WRITER_CYCLES = 400
  let portal: DemoPortal
  let dir: string
  portalAndDirForBlock('b24-sync-soak-writers-', (started, made) => {
    portal = started
    dir = made
  })

  it(
    `${WRITER_CYCLES} cycles: one writer only, every change once, duplicates only since the last durable write`,
    {
      timeout: 60_000,
    },
    async () => {
      const random = seededRandom(20261201)
      const scenario = soakScenario(random, 0)
      const client = createBitrixClient({
        credentials: parseWebhookUrl(portal.webhookUrl(USER), { allowHttp: true }),
        rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1_000_000, burst: 1_000_000 }),
      })
      // The disk: full in stretches (ENOSPC from every write), as an injected file system layer.
      let diskFull = false
      const fs = {
        open: (async (...args: Parameters<typeof open>) => {
          if (diskFull) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          return open(...args)
        }) as typeof open,
        rename,
      }
      const writerOf = (kind: 'cli' | 'app') => acquireStateLease({ dir, kind, command: kind, clock: drivenClock })
      const engineOn = (store: ReturnType<typeof createSyncStore>) => drivenEngine(ACCOUNT, client, store)
      const portalList = () => byId(portal.control.getMemberships(USER).map(essentialsOfDemo))
      const onDisk = () =>
        JSON.parse(readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8')) as {
          generation: number
          accounts: Record<string, { groups: Parameters<typeof essentialsOf>[0][] }>
        }

      const lease = writerOf('cli')
      const store = createSyncStore({ dir, lease, clock: drivenClock, fs })
      const problems: (StoreProblem | null)[] = []
      store.onProblem((problem) => problems.push(problem))
      const engine = engineOn(store)
      const reported: MembershipChange[] = []
      engine.on('changes', (changes) => reported.push(...changes))

      portal.control.setMemberships(USER, Array.from({ length: 12 }, scenario.newGroup))
      engine.start()
      await engine.refresh(ACCOUNT)
      await store.flush()
      const replay = new Replay(engine.groups(ACCOUNT))
      const violations: string[] = []
      let refusedSecondWriter = 0
      let fullStretches = 0
      let lastGeneration = onDisk().generation
      /** Changes reported since the state on disk last took them (what a crash now would report again). */
      let sinceDurable: MembershipChange[] = []

      for (let number = 1; number <= WRITER_CYCLES; number++) {
        const violation = (what: string) => violations.push(`cycle ${number}: ${what}`)
        if (random() < 0.04) {
          diskFull = !diskFull
          if (diskFull) fullStretches++
        }
        portal.control.setMemberships(USER, scenario.mutate(portal.control.getMemberships(USER)))
        const before = reported.length
        await engine.refresh(ACCOUNT)
        await store.flush().catch(() => undefined)
        const fresh = reported.slice(before)
        for (const change of fresh) {
          const problem = replay.apply(change)
          if (problem) violation(problem)
        }
        if (!sameList(replay.list(), portalList()))
          violation(`after a sync: ${difference(replay.list(), portalList())}`)
        sinceDurable.push(...fresh)
        const generation = onDisk().generation
        if (generation < lastGeneration) violation('the state file went back to an older generation')
        if (generation > lastGeneration) sinceDurable = []
        if (!diskFull && store.unsaved()) violation('the disk takes writes again but the state is not saved')
        lastGeneration = generation
        // Now and then another watch (or the app) tries to write the same directory: it is refused, every time.
        if (number % 25 === 0) {
          try {
            writerOf('app')
            violation('a second writer got the lease')
          } catch (error) {
            if (error instanceof StateLeaseHeldError && error.holder?.token === lease.owner.token) refusedSecondWriter++
            else violation(`the second writer failed otherwise: ${String(error)}`)
          }
        }
      }

      // A crash while the disk is full: nothing more is written, the process is gone, its lease stale.
      diskFull = true
      portal.control.setMemberships(USER, scenario.mutate(portal.control.getMemberships(USER)))
      const beforeCrash = reported.length
      await engine.refresh(ACCOUNT)
      for (const change of reported.slice(beforeCrash)) replay.apply(change)
      sinceDurable.push(...reported.slice(beforeCrash))
      lease.release() // as the stale-lease takeover would, once the dead process's heartbeat is old
      const durableGroups = Object.values(onDisk().accounts)[0]?.groups ?? []
      const durable = byId(durableGroups.map(essentialsOf))

      // The next writer starts from the durable state: what it reports "while away" is exactly what was reported
      // since the last durable write (at least once), and nothing older.
      diskFull = false
      const next = writerOf('app')
      const restarted = engineOn(createSyncStore({ dir, lease: next, clock: drivenClock }))
      const again: MembershipChange[] = []
      restarted.on('changes', (changes) => again.push(...changes))
      restarted.start()
      await restarted.refresh(ACCOUNT)
      await restarted.stop()
      next.release()

      const replayAgain = new Replay(durableGroups)
      for (const change of again) replayAgain.apply(change)
      expect(violations).toEqual([])
      expect(replayAgain.list()).toEqual(portalList())
      expect(again.every((change) => change.whileAway)).toBe(true)
      // At least once, and only for the window: with no change since the last durable write, nothing comes again.
      expect(again.length > 0).toBe(sinceDurable.length > 0 && !sameList(durable, portalList()))
      expect(refusedSecondWriter).toBe(WRITER_CYCLES / 25)
      expect(fullStretches).toBeGreaterThan(3)
      // The disk problem is told when it begins and when it ends, not once per failed write.
      expect(problems.filter((problem) => problem !== null).length).toBeLessThanOrEqual(fullStretches + 1)
      expect(problems.length).toBeGreaterThan(2)
      await engine.stop()
      console.info(`soak writers: ${JSON.stringify({ fullStretches, refusedSecondWriter, problems: problems.length })}`)
    },
  )
})
