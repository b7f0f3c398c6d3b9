// An engine whose every poll the test drives with refresh(): one account on one client, the driven clock (no
// scheduled poll ever comes due) and no confirmation delay.
import type { BitrixClient } from '../../bitrix/types'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../engine'
import type { SyncStore } from '../store'
import { drivenClock } from './fake-clock'

export function drivenEngine(
  accountId: string,
  client: BitrixClient,
  store: SyncStore,
  options: Partial<SyncEngineOptions> = {},
): SyncEngine {
  return createSyncEngine({
    sources: {
      accounts: () => [{ id: accountId, enabled: true }],
      clientFor: () => client,
      pollIntervalSeconds: () => 3600,
    },
    store,
    clock: drivenClock,
    confirmationDelayMs: 0,
    ...options,
  })
}
