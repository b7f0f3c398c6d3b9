// The sync tests' clocks: a manual one, on which time moves only when a test says so and due timers run in time order,
// and a driven one on real time (drivenClock).
import { MAX_TIMER_MS } from '../../bitrix/wait-limits'
import type { Clock, TimerHandle } from '../clock'

interface Task {
  id: number
  at: number
  callback: () => void
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
/** File system requests in flight (the store writes for real: temp file, fsync, close, rename). */
const fileWorkPending = () =>
  process.getActiveResourcesInfo().some((name) => name.startsWith('FSReq') || name === 'CloseReq')

/** However loaded the machine, a test's file writes finish well within this. */
const SETTLE_LIMIT_MS = 10_000

/**
 * Lets everything that is not waiting on a timer finish: pending promise continuations and file writes. Fake time
 * only moves on once the code under test is idle, so tests see exactly the schedule a real clock would give. The
 * limit is in real time, since a write on a busy machine can outlast any fixed number of turns.
 */
export async function settle(): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS
  while (Date.now() < deadline) {
    await turn()
    if (!fileWorkPending()) {
      await turn()
      if (!fileWorkPending()) return
    }
  }
  throw new Error(`file writes still pending after ${SETTLE_LIMIT_MS} ms`)
}

export class FakeClock implements Clock {
  private time: number
  private nextId = 1
  private tasks: Task[] = []
  /** Values handed out by random(), in turn; the last one repeats. */
  randoms: number[] = [0]
  private randomIndex = 0

  constructor(start = Date.UTC(2025, 0, 1, 9)) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  random(): number {
    const value = this.randoms[Math.min(this.randomIndex, this.randoms.length - 1)] ?? 0
    this.randomIndex++
    return value
  }

  /**
   * Like Node's: a delay above 2^31-1 ms (or not a number) fires after 1 ms, so a test on this clock sees the
   * hammering an unbounded wait would cause for real.
   */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const delay = ms > MAX_TIMER_MS || Number.isNaN(ms) ? 1 : Math.max(0, ms)
    const task = { id: this.nextId++, at: this.time + delay, callback }
    this.tasks.push(task)
    return task.id
  }

  clearTimeout(handle: TimerHandle): void {
    this.tasks = this.tasks.filter((task) => task.id !== handle)
  }

  /** Times at which timers are pending, soonest first. */
  pending(): number[] {
    return this.tasks.map((task) => task.at).sort((a, b) => a - b)
  }

  /** Moves time forward, running each timer that falls due at its own time and settling promises after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms
    await settle()
    for (;;) {
      const due = this.tasks.filter((task) => task.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.tasks = this.tasks.filter((task) => task !== due)
      this.time = Math.max(this.time, due.at)
      due.callback()
      await settle()
    }
    this.time = end
    await settle()
  }
}

/** Real time on which no scheduled poll ever comes due: a test that runs on it drives every poll with refresh(). */
export const drivenClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  setTimeout: (callback, ms) => (ms <= 0 ? setTimeout(callback, 0) : null),
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
}
