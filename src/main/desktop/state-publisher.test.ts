import { createStatePublisher, STATE_TICK_MS } from './state-publisher'
import { appState } from './state-fixtures'

function setup() {
  const deferred: (() => void)[] = []
  let tick: () => void = () => {}
  const published: unknown[] = []
  let composed = 0
  let cleared = false
  const publisher = createStatePublisher({
    compose: () => ({ ...appState(), notice: `#${++composed}` }),
    publish: (state) => void published.push(state.notice),
    defer: (callback) => void deferred.push(callback),
    setInterval: (callback, ms) => {
      expect(ms).toBe(STATE_TICK_MS)
      tick = callback
      return {}
    },
    clearInterval: () => void (cleared = true),
  })
  const flush = () => deferred.splice(0).forEach((callback) => callback())
  return { publisher, published, flush, tick: () => tick(), cleared: () => cleared }
}

describe('state publisher', () => {
  it('publishes a burst of changes once', () => {
    const { publisher, published, flush } = setup()
    publisher.changed()
    publisher.changed()
    publisher.changed()
    flush()
    expect(published).toEqual(['#1'])
    publisher.changed()
    flush()
    expect(published).toEqual(['#1', '#2'])
  })

  it('republishes on every tick so relative times stay true', () => {
    const { published, tick } = setup()
    tick()
    tick()
    expect(published).toEqual(['#1', '#2'])
  })

  it('remembers the last published state', () => {
    const { publisher, flush } = setup()
    publisher.changed()
    flush()
    expect(publisher.current().notice).toBe('#1')
  })

  it('publishes nothing after stop', () => {
    const { publisher, published, flush, tick, cleared } = setup()
    publisher.changed()
    publisher.stop()
    flush()
    tick()
    expect(published).toEqual([])
    expect(cleared()).toBe(true)
  })
})
