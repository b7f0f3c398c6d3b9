// Keeps every client of one portal inside the portal's own leaky bucket, so the app never provokes
// QUERY_LIMIT_EXCEEDED by itself: one bucket per origin, shared by all accounts on that portal.
import { setTimeout as delay } from 'node:timers/promises'
import { LeakyBucket, type BucketFigures } from './leaky-bucket'
import type { RateLimiterOptions, RateLimiterRegistry, Sleep } from './types'
import { timerMs } from './wait-limits'

/** Ordinary Bitrix24 plans; Enterprise is 5/s and 250. */
export const DEFAULT_BUCKET: BucketFigures = { drainPerSecond: 2, burst: 50 }

export const defaultSleep: Sleep = (ms, signal) => delay(timerMs(ms), undefined, signal ? { signal } : undefined)

// Requests leave on our clock but are counted on the portal's, after a network and event-loop delay that varies:
// two requests may arrive closer together than they left. Draining 10% slower than the portal lets its bucket
// empty below ours over time, and the headroom absorbs a burst of such compression.
const DRAIN_MARGIN = 0.9
// The headroom covers at least this much delivery jitter at the drain rate.
const JITTER_TOLERANCE_SECONDS = 0.25

function headroomFor(figures: BucketFigures, configured: number | undefined): number {
  const headroom =
    configured ??
    Math.max(1, Math.ceil(figures.burst * 0.1), Math.ceil(figures.drainPerSecond * JITTER_TOLERANCE_SECONDS))
  // At least one request must always fit.
  return Math.min(Math.max(0, headroom), Math.max(0, figures.burst - 1))
}

function assertFigures(figures: BucketFigures): void {
  if (!(figures.drainPerSecond > 0) || !(figures.burst >= 1)) {
    throw new RangeError('A rate limit needs drainPerSecond > 0 and burst >= 1')
  }
}

function paced(figures: BucketFigures): BucketFigures {
  return { drainPerSecond: figures.drainPerSecond * DRAIN_MARGIN, burst: figures.burst }
}

export function createRateLimiterRegistry(options: RateLimiterOptions = {}): RateLimiterRegistry {
  const defaults: BucketFigures = {
    drainPerSecond: options.drainPerSecond ?? DEFAULT_BUCKET.drainPerSecond,
    burst: options.burst ?? DEFAULT_BUCKET.burst,
  }
  assertFigures(defaults)
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const buckets = new Map<string, LeakyBucket>()

  function bucketOf(origin: string): LeakyBucket {
    let bucket = buckets.get(origin)
    if (!bucket) {
      bucket = new LeakyBucket(paced(defaults), now())
      buckets.set(origin, bucket)
    }
    return bucket
  }

  return {
    async acquire(origin, signal) {
      signal?.throwIfAborted()
      const bucket = bucketOf(origin)
      const capacity = bucket.figures.burst - headroomFor(bucket.figures, options.headroom)
      const waitMs = bucket.reserve(now(), capacity)
      if (waitMs <= 0) return
      try {
        await sleep(waitMs, signal)
      } catch (error) {
        bucket.release(now())
        throw error
      }
    },
    penalize(origin) {
      bucketOf(origin).fill(now())
    },
    configure(origin, figures) {
      assertFigures(figures)
      bucketOf(origin).figures = paced(figures)
    },
  }
}

let processWide: RateLimiterRegistry | null = null

/** The registry every client uses when it is given none: all accounts of the process share it. */
export function defaultRateLimiterRegistry(): RateLimiterRegistry {
  processWide ??= createRateLimiterRegistry()
  return processWide
}
