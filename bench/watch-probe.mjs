// Preloaded (`node --expose-gc --import`) into the `watch` process the memory benchmark measures:
// - a fast clock: time runs WARP times as fast for the process (Date.now and every timer alike), so the poll
//   schedule, the client's rate limiter and the lease's heartbeat keep their relations to each other while 10,000
//   polls take minutes instead of hours;
// - on SIGUSR2, the live heap after full collections and the RSS, as one JSON line on file descriptor 3.
import { writeSync } from 'node:fs'
import { setImmediate as turn } from 'node:timers/promises'

const WARP = Number(process.env.B24_BENCH_WARP ?? 50)
const realNow = Date.now
const start = realNow()
Date.now = () => start + (realNow() - start) * WARP
const realSetTimeout = globalThis.setTimeout
const realSetInterval = globalThis.setInterval
globalThis.setTimeout = (callback, ms = 0, ...args) => realSetTimeout(callback, ms / WARP, ...args)
globalThis.setInterval = (callback, ms = 0, ...args) => realSetInterval(callback, ms / WARP, ...args)

process.on('SIGUSR2', async () => {
  for (let pass = 0; pass < 4; pass++) {
    await turn()
    globalThis.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  }
  const { heapUsed, rss } = process.memoryUsage()
  writeSync(3, `${JSON.stringify({ heapUsed, rss })}\n`)
})
