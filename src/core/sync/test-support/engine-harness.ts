// Builds an engine on a fake clock, fake clients and a real store in a temp directory, and records its events.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { GroupDetails } from '@shared/model/details'
import type { Group } from '@shared/types'
import type { SyncEngine, SyncEngineOptions } from '../engine'
import { createSyncEngine } from '../engine'
import type { SyncLogger } from '../logger'
import { silentLogger } from '../logger'
import type { SyncStore } from '../store'
import { createSyncStore } from '../store'
import type { SyncAccount, SyncEvents } from '../types'
import { FakeClock, settle } from './fake-clock'
import { FakeClient } from './fake-client'

export const ACME = 'acme.bitrix24.com/1'
export const BETA = 'beta.bitrix24.com/7'

export type Recorded = { [E in keyof SyncEvents]: { event: E; args: SyncEvents[E] } }[keyof SyncEvents]

export interface EngineHarness {
  engine: SyncEngine
  store: SyncStore
  clock: FakeClock
  dir: string
  accounts: SyncAccount[]
  intervalSeconds: number
  clients: Map<string, FakeClient>
  client(accountId?: string): FakeClient
  events: Recorded[]
  /** The payloads of one event kind, in order. */
  of<E extends keyof SyncEvents>(event: E): SyncEvents[E][]
  /** The one `changes` event so far; throws when there were none or several. */
  onlyChanges(): SyncEvents['changes']
  /** Waits until all that does not wait on a timer or a held client is done (see `settle`). */
  settle(): Promise<void>
  /** Tells the engine that accounts or settings changed, as a shell's subscription would. */
  notify(): void
}

export function engineHarness(
  options: {
    accounts?: SyncAccount[]
    dir?: string
    clock?: FakeClock
    logger?: SyncLogger
    engine?: Partial<SyncEngineOptions>
  } = {},
): EngineHarness {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'b24-sync-engine-'))
  const clock = options.clock ?? new FakeClock()
  const logger = options.logger ?? silentLogger
  const store = createSyncStore({ dir, clock, logger })
  const listeners = new Set<() => void>()
  let nextId = 0
  // The sources read the harness lazily, so tests can change accounts and settings as they go.
  const engine = createSyncEngine({
    sources: {
      accounts: () => harness.accounts,
      clientFor: (accountId) => harness.client(accountId),
      pollIntervalSeconds: () => harness.intervalSeconds,
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    store,
    clock,
    logger,
    newId: () => `c${++nextId}`,
    ...options.engine,
  })
  const harness: EngineHarness = {
    engine,
    dir,
    clock,
    store,
    accounts: options.accounts ?? [{ id: ACME, enabled: true }],
    intervalSeconds: 60,
    clients: new Map(),
    client(accountId = ACME) {
      let client = harness.clients.get(accountId)
      if (!client) harness.clients.set(accountId, (client = new FakeClient()))
      return client
    },
    events: [],
    of(event) {
      return harness.events.filter((item) => item.event === event).map((item) => item.args) as never
    },
    onlyChanges() {
      const all = harness.of('changes')
      if (all.length !== 1 || !all[0]) throw new Error(`expected one changes event, got ${all.length}`)
      return all[0]
    },
    settle,
    notify: () => listeners.forEach((listener) => listener()),
  }
  const names: (keyof SyncEvents)[] = ['changes', 'status', 'groups', 'details', 'synced', 'error', 'history']
  for (const event of names) {
    harness.engine.on(event, (...args: unknown[]) => harness.events.push({ event, args } as unknown as Recorded))
  }
  return harness
}

export interface AppRuns {
  /** This test's state directory. */
  readonly dir: string
  /** An engine over the state directory, not started; stopped after the test if still running. */
  harness(): EngineHarness
  /** One run of the app: an engine over the state directory, started with the portal holding `portalGroups` (and
   * `portalDetails`), once it has settled. */
  run(portalGroups: Group[], portalDetails?: Record<string, GroupDetails>): Promise<EngineHarness>
  /** Stops a run, as quitting the app does. */
  quit(harness: EngineHarness): Promise<void>
}

/**
 * Runs of the app one after another over the same state directory, as a restart is: the directory is made anew before
 * each test of the file (named from `prefix`) and removed after it, when every engine still running is stopped.
 */
export function appRunsEachTest(prefix: string): AppRuns {
  let dir = ''
  const running: EngineHarness[] = []
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix))
  })
  afterEach(async () => {
    for (const harness of running.splice(0)) await harness.engine.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  const runs: AppRuns = {
    get dir() {
      return dir
    },
    harness() {
      const harness = engineHarness({ dir })
      running.push(harness)
      return harness
    },
    async run(portalGroups, portalDetails = {}) {
      const harness = runs.harness()
      harness.client().current = portalGroups
      harness.client().details = portalDetails
      harness.engine.start()
      await harness.settle()
      return harness
    },
    async quit(harness) {
      await harness.engine.stop()
      running.splice(running.indexOf(harness), 1)
    },
  }
  return runs
}
