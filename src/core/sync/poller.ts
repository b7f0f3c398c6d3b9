// Runs one account's polls on a schedule: never two at once, first poll at once, backoff decided by schedule.ts.
import type { Clock, TimerHandle } from './clock'
import type { PollOutcome, ScheduleDecision } from './schedule'
import { decideNext, intervalDelay } from './schedule'

export type PollerState = 'idle' | 'waiting' | 'polling' | 'paused' | 'halted' | 'stopped'

export interface PollerOptions {
  /** One poll. It should not throw; a throw counts as a protocol error. It must honour the signal. */
  poll(signal: AbortSignal): Promise<PollOutcome>
  /** Read at every scheduling decision, so a changed setting applies from the next poll on. */
  intervalMs(): number
  clock: Clock
  /** After every change of plan (scheduled, halted, paused, resumed); read `state` and `nextPollAt` for the plan. */
  onScheduleChange?(): void
}

export interface Poller {
  /** Polls at once, then on schedule. */
  start(): void
  /** Polls now, or joins the poll already in flight. Does nothing while paused or stopped. */
  refreshNow(): Promise<void>
  /** Stops the schedule and cuts the poll in flight short (suspend, offline). */
  pause(): void
  /** Polls at once, unless polling is halted for a problem only the user can fix. */
  resume(): void
  /** The credentials changed: forget failures and any halt, and poll again at once. */
  reset(): void
  /** The interval setting changed: re-plan a normal wait from the end of the last poll. */
  intervalChanged(): void
  /** For good: cuts the poll in flight short and waits until it has settled (its writes included). */
  stop(): Promise<void>
  readonly state: PollerState
  readonly nextPollAt: number | null
  readonly failures: number
}

export function createPoller({ poll, intervalMs, clock, onScheduleChange }: PollerOptions): Poller {
  let started = false
  let stopped = false
  let paused = false
  let halted = false
  let failures = 0
  let timer: TimerHandle | null = null
  let nextPollAt: number | null = null
  let inFlight: Promise<void> | null = null
  let controller: AbortController | null = null
  let rerunAfterFlight = false
  let lastDecision: ScheduleDecision | null = null
  let lastFinishedAt = 0

  function cancelTimer(): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    nextPollAt = null
  }

  function waitThenPoll(delayMs: number): void {
    cancelTimer()
    nextPollAt = clock.now() + delayMs
    timer = clock.setTimeout(() => {
      timer = null
      nextPollAt = null
      void run()
    }, delayMs)
  }

  function afterPoll(outcome: PollOutcome): void {
    lastFinishedAt = clock.now()
    if (stopped || paused) return
    if (rerunAfterFlight) {
      rerunAfterFlight = false
      void run()
      return
    }
    const decision = decideNext({
      outcome,
      intervalMs: intervalMs(),
      failures,
      now: lastFinishedAt,
      random: clock.random(),
    })
    failures = decision.failures
    lastDecision = decision
    if (decision.action === 'halt') {
      halted = true
      cancelTimer()
    } else {
      waitThenPoll(decision.delayMs)
    }
    onScheduleChange?.()
  }

  function run(): Promise<void> {
    if (inFlight) return inFlight
    cancelTimer()
    halted = false
    const own = new AbortController()
    controller = own
    const cycle = (async () => {
      let outcome: PollOutcome
      try {
        outcome = await poll(own.signal)
      } catch {
        outcome = { type: 'error', kind: 'protocol', retryAt: null }
      }
      inFlight = null
      controller = null
      afterPoll(outcome)
    })()
    inFlight = cycle
    return cycle
  }

  return {
    start() {
      if (started || stopped) return
      started = true
      if (!paused) void run()
    },
    refreshNow() {
      if (!started || stopped || paused) return Promise.resolve()
      return run()
    },
    pause() {
      if (stopped || paused) return
      paused = true
      cancelTimer()
      controller?.abort()
      onScheduleChange?.()
    },
    resume() {
      if (stopped || !paused) return
      paused = false
      if (!started) return
      if (halted) return onScheduleChange?.()
      if (inFlight) rerunAfterFlight = true
      else void run()
    },
    reset() {
      failures = 0
      halted = false
      if (!started || stopped || paused) return
      if (inFlight) {
        rerunAfterFlight = true
        controller?.abort()
      } else {
        void run()
      }
    },
    intervalChanged() {
      if (stopped || paused || timer === null || lastDecision?.action !== 'wait') return
      if (lastDecision.reason !== 'interval') return
      const dueAt = lastFinishedAt + intervalDelay(intervalMs(), clock.random())
      waitThenPoll(Math.max(0, dueAt - clock.now()))
      onScheduleChange?.()
    },
    async stop() {
      stopped = true
      cancelTimer()
      controller?.abort()
      if (inFlight) await inFlight
    },
    get state(): PollerState {
      if (stopped) return 'stopped'
      if (paused) return 'paused'
      if (inFlight) return 'polling'
      if (halted) return 'halted'
      return timer === null ? 'idle' : 'waiting'
    },
    get nextPollAt() {
      return nextPollAt
    },
    get failures() {
      return failures
    },
  }
}
