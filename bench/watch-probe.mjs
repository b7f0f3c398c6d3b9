// Preloaded (`node --expose-gc --import`) into the `watch` process the memory benchmark measures:
// - a fast clock: time runs WARP times as fast for the process (Date.now and every timer alike), so the poll
//   schedule, the client's rate limiter and the lease's heartbeat keep their relations to each other while 10,000
//   polls take minutes instead of hours;
// - on SIGUSR2, the live heap after full collections and the RSS, as one JSON line on file descriptor 3; with
//   B24_BENCH_SNAPSHOT_DIR set (a diagnosis run), a heap snapshot there too, to diff by constructor.
import { readFileSync, writeSync } from 'node:fs'
import { setImmediate as turn } from 'node:timers/promises'
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8'

const WARP = Number(process.env.B24_BENCH_WARP ?? 50)
const realNow = Date.now
const start = realNow()
Date.now = () => start + (realNow() - start) * WARP
const realSetTimeout = globalThis.setTimeout
const realSetInterval = globalThis.setInterval
globalThis.setTimeout = (callback, ms = 0, ...args) => realSetTimeout(callback, ms / WARP, ...args)
globalThis.setInterval = (callback, ms = 0, ...args) => realSetInterval(callback, ms / WARP, ...args)

let taken = 0
process.on('SIGUSR2', async () => {
  for (let pass = 0; pass < 4; pass++) {
    await turn()
    globalThis.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  }
  const snapshots = process.env.B24_BENCH_SNAPSHOT_DIR
  if (snapshots) writeHeapSnapshot(`${snapshots}/watch-${String(++taken).padStart(3, '0')}.heapsnapshot`)
  const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage()
  // Where the heap is: V8's code space (optimised code) grows as functions get hot, the program's objects do not.
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]))
  writeSync(3, `${JSON.stringify({ heapUsed, heapTotal, external, arrayBuffers, rss, ...residentKinds(), spaces })}\n`)
})

/**
 * RSS by kind, where Linux tells (/proc/self/status): anonymous memory (V8's heap, malloc's arenas, buffers) and
 * pages of mapped files (the node binary and its libraries, which the kernel maps in as code runs and may drop).
 */
function residentKinds() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
    return { rssAnon: kb('RssAnon'), rssFile: kb('RssFile') }
  } catch {
    return {}
  }
}
