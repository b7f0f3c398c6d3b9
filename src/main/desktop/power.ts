// Feeds the machine's sleep and network state to the sync engine. Electron's main process has no online/offline
// event (only `net.isOnline()`), so connectivity is sampled on a timer and only changes are reported.
import type { PowerMonitor } from 'electron'

export interface PowerEnginePort {
  suspend(): void
  resume(): void
  /** Polls every account now; joins a poll already in flight. */
  refresh(): Promise<void> | void
  setOnline(online: boolean): void
}

export interface PowerLog {
  warn(fields: Record<string, unknown>, message: string): void
}

/** Sleep pauses the pollers; waking resumes them and syncs at once, since the lists may be hours old. */
export function connectPowerEvents(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  engine: PowerEnginePort,
  log: PowerLog,
): void {
  powerMonitor.on('suspend', () => engine.suspend())
  powerMonitor.on('resume', () => {
    engine.resume()
    // A failed wake-up sync is the next poll's to retry; unhandled, it would be an uncaught rejection.
    Promise.resolve(engine.refresh()).catch((error: unknown) =>
      log.warn({ error: error instanceof Error ? error.name : 'unknown' }, 'Sync after waking failed'),
    )
  })
}

export interface ConnectivityDeps {
  isOnline(): boolean
  onChange(online: boolean): void
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
  intervalMs?: number
}

export const CONNECTIVITY_INTERVAL_MS = 5_000

/** Reports the current state at once, then every change; returns the function that stops watching. */
export function watchConnectivity(deps: ConnectivityDeps): () => void {
  let last = deps.isOnline()
  deps.onChange(last)
  const handle = deps.setInterval(() => {
    const online = deps.isOnline()
    if (online === last) return
    last = online
    deps.onChange(online)
  }, deps.intervalMs ?? CONNECTIVITY_INTERVAL_MS)
  // The timer must not keep the process alive on quit.
  ;(handle as { unref?: () => void } | null)?.unref?.()
  return () => deps.clearInterval(handle)
}
