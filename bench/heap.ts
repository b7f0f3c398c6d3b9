// The heap as a leak check sees it: what is still reachable after full garbage collections, not what happens to be
// allocated at the moment. Needs `node --expose-gc`.
import { setImmediate as turn } from 'node:timers/promises'

type Gc = (options?: {
  type?: 'major' | 'minor'
  execution?: 'sync' | 'async'
  flavor?: 'regular' | 'last-resort'
}) => void

export function requireGc(): Gc {
  const gc = (globalThis as { gc?: Gc }).gc
  if (typeof gc !== 'function') throw new Error('run the benchmarks with node --expose-gc (npm run bench does)')
  return gc
}

/**
 * Bytes of live heap after pending callbacks ran and several full collections (weak refs and finalizers settle).
 * The collections are V8's last-resort kind, which also drops bytecode and caches that are not in use: an ordinary
 * one drops them only some of the time, which moved the same run's figure between −1 % and +8 %.
 */
export async function liveHeapBytes(): Promise<number> {
  const gc = requireGc()
  for (let pass = 0; pass < 4; pass++) {
    await turn()
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  }
  return process.memoryUsage().heapUsed
}
