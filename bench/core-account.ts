// The app's own core (src/core/composition) over a throwaway directory, with one webhook account on the demo portal:
// what the poll-cycle and memory figures measure is the wiring the app and the command line run, settings and
// account lookups included. Its clock never schedules a poll, so the only polls are the ones being measured.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createMemorySecretStore } from '../src/core/accounts'
import { createRateLimiterRegistry } from '../src/core/bitrix'
import { createCore, type Core } from '../src/core/composition'
import { drivenClock } from './driven-clock'

export interface CoreAccount {
  core: Core
  accountId: string
  /** Polls the account once and resolves when the poll is done. */
  poll(): Promise<void>
  stop(): Promise<void>
}

export async function startCoreAccount(webhookUrl: string, prefix: string): Promise<CoreAccount> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const core = createCore({
    dataDir: dir,
    secrets: () => createMemorySecretStore(),
    // The limiter runs (its cost is part of a poll) but never makes a request wait.
    clientOptions: { rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1e9, burst: 1e9 }) },
    clock: drivenClock,
  })
  const { id: accountId } = await core.commands.accounts.addWebhook({ webhookUrl })
  core.engine.start()
  return {
    core,
    accountId,
    poll: () => core.engine.refresh(accountId),
    async stop() {
      await core.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
