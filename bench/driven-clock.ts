// A clock for benchmarks that drive every poll themselves with engine.refresh(): real time, but scheduled polls never
// come due, so the only polls are the ones being measured.
import type { Clock } from '../src/core/sync'

export const drivenClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  setTimeout: (callback, ms) => (ms <= 0 ? setTimeout(callback, 0) : null),
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
}
