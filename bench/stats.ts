// Summaries of timing samples. Benchmarks report the median (robust to the odd slow run on a shared machine) and
// the 95th percentile (how bad the slow runs get), never the mean, which one stall can drag anywhere.

export interface Summary {
  count: number
  median: number
  p95: number
  min: number
  max: number
}

/** The q-quantile (0..1) by linear interpolation between the closest ranks, as numpy's default does. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('no samples')
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0..1`)
  const sorted = [...samples].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const low = sorted[lower] as number
  const high = sorted[upper] as number
  return low + (high - low) * (position - lower)
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5)
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('no samples')
  return {
    count: samples.length,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  }
}

/**
 * The median of `a[i] - b[i]`: what one contender costs beyond another, paired run by run, so that a slow moment of
 * the machine (which both runs of a round share) cancels out.
 */
export function medianDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError('paired samples must have the same length')
  return median(a.map((value, index) => value - (b[index] as number)))
}
