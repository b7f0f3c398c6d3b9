import { createEventHub } from './events'
import { silentLogger } from './logger'

type Events = { ping: [value: number]; pong: [] }

describe('event hub', () => {
  it('delivers events to every listener of that event until it unsubscribes', () => {
    const hub = createEventHub<Events>(silentLogger)
    const seen: number[] = []
    const off = hub.on('ping', (value) => seen.push(value))
    hub.on('pong', () => seen.push(-1))
    hub.emit('ping', 1)
    off()
    hub.emit('ping', 2)
    expect(seen).toEqual([1])
  })

  it('keeps delivering to the others when a listener throws, and logs it', () => {
    const errors: string[] = []
    const hub = createEventHub<Events>({ ...silentLogger, error: (_fields, message) => errors.push(message) })
    const seen: number[] = []
    hub.on('ping', () => {
      throw new Error('listener bug')
    })
    hub.on('ping', (value) => seen.push(value))
    expect(() => hub.emit('ping', 3)).not.toThrow()
    expect(seen).toEqual([3])
    expect(errors).toEqual(['listener failed'])
  })
})
