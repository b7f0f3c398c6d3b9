// Summaries of timing samples. Benchmarks report the median (robust to the odd slow run on a shared machine) and
// the 95th percentile (how bad the slow runs get), never the mean, which one stall can drag anywhere.
import { seededRandom } from '../src/core/demo'

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

/**
 * Per-round ratios of two contenders' interleaved samples (`interleave` keeps each contender's runs in order, `batch`
 * per round): the median of a's batch over the median of b's batch in the same round. Both ran within the same few
 * hundred milliseconds, so the machine's slow and fast moments, which move both, cancel out of each ratio.
 */
export function roundRatios(a: readonly number[], b: readonly number[], batch: number): number[] {
  if (a.length !== b.length) throw new RangeError('paired samples must have the same length')
  if (!(Number.isInteger(batch) && batch >= 1) || a.length % batch !== 0) {
    throw new RangeError(`${a.length} samples are not whole rounds of ${batch}`)
  }
  const ratios: number[] = []
  for (let start = 0; start < a.length; start += batch) {
    const denominator = median(b.slice(start, start + batch))
    if (!(denominator > 0)) throw new RangeError(`round ${start / batch} of the reference measured ${denominator}`)
    ratios.push(median(a.slice(start, start + batch)) / denominator)
  }
  return ratios
}

/**
 * The percentile bootstrap interval of the median: the samples resampled with replacement `resamples` times, the
 * `(1 - level) / 2` and `(1 + level) / 2` quantiles of the resampled medians. How far another run's median of as many
 * samples from the same machine is likely to land.
 */
export function bootstrapMedianInterval(
  samples: readonly number[],
  { level = 0.95, resamples = 2_000, seed = 1 }: { level?: number; resamples?: number; seed?: number } = {},
): { low: number; high: number } {
  if (samples.length === 0) throw new RangeError('no samples')
  const random = seededRandom(seed)
  const medians: number[] = []
  const resample = new Array<number>(samples.length)
  for (let index = 0; index < resamples; index++) {
    for (let pick = 0; pick < samples.length; pick++) {
      resample[pick] = samples[Math.floor(random() * samples.length)] as number
    }
    medians.push(median(resample))
  }
  return { low: quantile(medians, (1 - level) / 2), high: quantile(medians, (1 + level) / 2) }
}
