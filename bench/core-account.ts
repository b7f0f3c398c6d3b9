// The app's own core (src/core/composition) over a throwaway directory, with one webhook account on a loopback
// portal: what the poll-cycle and memory figures measure is the wiring the app and the command line run, settings and
// account lookups included. Its clock never schedules a poll, so the only polls are the ones being measured.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createMemorySecretStore, type SecretStore } from '../src/core/accounts'
import { createRateLimiterRegistry } from '../src/core/bitrix'
import { composeAppState, coreStateSources, createCore, type Core } from '../src/core/composition'
import { drivenClock } from '../src/core/sync/test-support/fake-clock'
import type { AppState } from '@shared/types'
import { groupDetailsFor } from './groups'

export interface CoreAccount {
  core: Core
  accountId: string
  /** Polls the account once and resolves when the poll is done; the snapshot's write may still be in flight. */
  poll(): Promise<void>
  /** Polls once and resolves when what it found is on disk (written and fsynced). */
  durablePoll(): Promise<void>
  stop(): Promise<void>
}

/** The state the app composes from the core for its window (online, with no notice and no problem to tell). */
export function windowState(core: Core): AppState {
  return composeAppState({
    ...coreStateSources(core),
    online: () => true,
    platform: process.platform,
    notice: () => null,
    stateProblem: () => null,
  })
}

/** The core over `dir`, as the app builds it at start: nothing is read or opened until first used. */
function openCore(dir: string, secrets: SecretStore): Core {
  return createCore({
    dataDir: dir,
    secrets: () => secrets,
    // The limiter runs (its cost is part of a poll) but never makes a request wait.
    clientOptions: { rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1e9, burst: 1e9 }) },
    clock: drivenClock,
  })
}

function wrap(core: Core, accountId: string, dir: string | null): CoreAccount {
  return {
    core,
    accountId,
    poll: () => core.engine.refresh(accountId),
    async durablePoll() {
      await core.engine.refresh(accountId)
      await core.syncStore.flush()
    },
    async stop() {
      await core.stop()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function startCoreAccount(webhookUrl: string, prefix: string): Promise<CoreAccount> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const core = openCore(dir, createMemorySecretStore())
  const { id: accountId } = await core.commands.accounts.addWebhook({ webhookUrl })
  core.engine.start()
  return wrap(core, accountId, dir)
}

/**
 * A directory as an app start finds it: the account stored and a snapshot (with the groups' details) written by an
 * earlier run. `open()` then builds a fresh core over it (new engine, client, caches) the way the app does at launch.
 */
export interface ColdStart {
  /** The state file the earlier run wrote. */
  file: string
  /**
   * A fresh core over the directory, opened as the app opens it: at launch the app composes the window's first state
   * from the core (src/main/desktop/app.ts: its accounts, settings and the engine's groups, which reads and checks
   * the state file), long before it takes the lease and starts the engine. `stateReadMs` is how long reading the state
   * file took; `start()` then starts the engine, whose first poll is what follows. (`watch` reads the file right
   * before its engine starts: the two add up.)
   */
  open(): CoreAccount & { stateReadMs: number; start(): void }
  /** Removes the directory. */
  remove(): void
}

export async function prepareColdStart(webhookUrl: string, prefix: string): Promise<ColdStart> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const secrets = createMemorySecretStore()
  const earlier = openCore(dir, secrets)
  const { id: accountId } = await earlier.commands.accounts.addWebhook({ webhookUrl })
  earlier.engine.start()
  await earlier.engine.refresh(accountId)
  // As an app start within the details refresh interval finds it: the groups' details fetched a moment ago, so the
  // first poll is the membership poll alone (a details refresh, when due, is a request of its own after it).
  const groups = earlier.syncStore.snapshot(accountId)?.groups ?? []
  await earlier.syncStore.recordDetails(
    accountId,
    { at: new Date().toISOString(), groups: groupDetailsFor(groups, Date.now()) },
    [],
  )
  const file = earlier.syncStore.file
  await earlier.stop()
  return {
    file,
    open() {
      const core = openCore(dir, secrets)
      const reading = performance.now()
      void core.syncStore
      const stateReadMs = performance.now() - reading
      windowState(core)
      return { ...wrap(core, accountId, null), stateReadMs, start: () => core.engine.start() }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
