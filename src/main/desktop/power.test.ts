import { connectPowerEvents, CONNECTIVITY_INTERVAL_MS, watchConnectivity } from './power'

function fakeEngine() {
  const calls: string[] = []
  return {
    calls,
    engine: {
      suspend: () => void calls.push('suspend'),
      resume: () => void calls.push('resume'),
      refresh: () => void calls.push('refresh'),
      setOnline: (online: boolean) => void calls.push(`online ${online}`),
    },
  }
}

describe('power events', () => {
  it('pauses on suspend and resumes with an immediate sync on wake', () => {
    const listeners = new Map<string, () => void>()
    const { engine, calls } = fakeEngine()
    connectPowerEvents(
      { on: ((event: string, listener: () => void) => listeners.set(event, listener)) as never },
      engine,
      { warn: () => calls.push('warn') },
    )
    listeners.get('suspend')?.()
    listeners.get('resume')?.()
    expect(calls).toEqual(['suspend', 'resume', 'refresh'])
  })

  it('logs a wake-up sync that fails rather than leaving its rejection unhandled', async () => {
    const listeners = new Map<string, () => void>()
    const warnings: unknown[][] = []
    const { engine } = fakeEngine()
    connectPowerEvents(
      { on: ((event: string, listener: () => void) => listeners.set(event, listener)) as never },
      { ...engine, refresh: () => Promise.reject(new TypeError('fetch failed')) },
      { warn: (...args) => void warnings.push(args) },
    )
    listeners.get('resume')?.()
    await vi.waitFor(() => expect(warnings).toEqual([[{ error: 'TypeError' }, 'Sync after waking failed']]))
  })
})

describe('connectivity', () => {
  function setup(initial: boolean) {
    let online = initial
    let tick: () => void = () => {}
    const changes: boolean[] = []
    const intervals: number[] = []
    let cleared = false
    const stop = watchConnectivity({
      isOnline: () => online,
      onChange: (value) => changes.push(value),
      setInterval: (callback, ms) => ((tick = callback), intervals.push(ms), { unref: () => {} }),
      clearInterval: () => void (cleared = true),
    })
    return {
      stop,
      changes,
      intervals,
      tick: () => tick(),
      set: (value: boolean) => (online = value),
      cleared: () => cleared,
    }
  }

  it('reports the state at start and then only changes', () => {
    const watch = setup(true)
    watch.tick()
    watch.set(false)
    watch.tick()
    watch.tick()
    watch.set(true)
    watch.tick()
    expect(watch.changes).toEqual([true, false, true])
    expect(watch.intervals).toEqual([CONNECTIVITY_INTERVAL_MS])
  })

  it('stops sampling when asked', () => {
    const watch = setup(false)
    watch.stop()
    expect(watch.cleared()).toBe(true)
  })
})
