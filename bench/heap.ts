// The heap as a leak check sees it: what is still reachable after full garbage collections, not what happens to be
// allocated at the moment. Needs `node --expose-gc`.
import { setImmediate as turn } from 'node:timers/promises'

export function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (typeof gc !== 'function') throw new Error('run the benchmarks with node --expose-gc (npm run bench does)')
  return gc
}

/** Bytes of live heap after pending callbacks ran and several full collections (weak refs and finalizers settle). */
export async function liveHeapBytes(): Promise<number> {
  const gc = requireGc()
  for (let pass = 0; pass < 4; pass++) {
    await turn()
    gc()
  }
  return process.memoryUsage().heapUsed
}
