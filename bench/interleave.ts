// Runs competing implementations turn about in one process, so that whatever else the machine is doing (other
// processes, CPU frequency, a GC at an odd moment) falls on all of them alike. Absolute times on a shared machine
// drift; ratios of interleaved runs hold.
//
// A turn can be a block of consecutive runs of one contender: an app calls only its own code, one call after another,
// while alternating after every single call would make each contender run with caches and branch predictors that the
// other one just filled, and charge one contender's garbage collections to the other.

export interface Contender {
  name: string
  /** Untimed work before each run, e.g. changing what the portal answers. */
  prepare?(): unknown
  /** One timed run. */
  run(): unknown
}

export interface InterleaveOptions {
  /** Untimed rounds first, so that every contender runs optimised code on warm connections. */
  warmup: number
  rounds: number
  /** Consecutive timed runs of one contender per turn; default 1. */
  batch?: number
  /** Milliseconds, fractional; default performance.now. */
  now?: () => number
}

/** The order of the contenders in a round: rotated by one each round, so none always runs first or last. */
export function roundOrder<T>(contenders: readonly T[], round: number): T[] {
  const shift = contenders.length === 0 ? 0 : round % contenders.length
  return [...contenders.slice(shift), ...contenders.slice(0, shift)]
}

/** Each contender's timed samples (ms), by name, in the order they ran: `rounds × batch` per contender. */
export async function interleave(
  contenders: readonly Contender[],
  options: InterleaveOptions,
): Promise<Map<string, number[]>> {
  const names = new Set(contenders.map((contender) => contender.name))
  if (names.size !== contenders.length) throw new Error('contender names must be unique')
  const batch = options.batch ?? 1
  if (![options.warmup, options.rounds, batch].every((count) => Number.isInteger(count) && count >= 0)) {
    throw new RangeError('warmup, rounds and batch must be whole numbers')
  }
  if (options.rounds < 1 || batch < 1) throw new RangeError('at least one timed round of one run is needed')
  const now = options.now ?? (() => performance.now())
  const samples = new Map(contenders.map((contender) => [contender.name, [] as number[]]))
  const total = options.warmup + options.rounds
  for (let round = 0; round < total; round++) {
    for (const contender of roundOrder(contenders, round)) {
      for (let run = 0; run < batch; run++) {
        await contender.prepare?.()
        const started = now()
        await contender.run()
        const elapsed = now() - started
        if (round >= options.warmup) samples.get(contender.name)?.push(elapsed)
      }
    }
  }
  return samples
}
