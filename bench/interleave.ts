// Runs competing implementations turn about in one process, so that whatever else the machine is doing (other
// processes, CPU frequency, a GC at an odd moment) falls on all of them alike. Absolute times on a shared machine
// drift; ratios of interleaved runs hold.

export interface Contender {
  name: string
  /** One timed run. */
  run(): unknown
}

export interface InterleaveOptions {
  /** Untimed rounds first, so that every contender runs optimised code on warm connections. */
  warmup: number
  rounds: number
  /** Milliseconds, fractional; default performance.now. */
  now?: () => number
  /** Untimed work before each round (warm-up rounds included), e.g. changing what the portal answers. */
  beforeRound?(round: number): unknown
}

/** The order of the contenders in a round: rotated by one each round, so none always runs first or last. */
export function roundOrder<T>(contenders: readonly T[], round: number): T[] {
  const shift = contenders.length === 0 ? 0 : round % contenders.length
  return [...contenders.slice(shift), ...contenders.slice(0, shift)]
}

/** Each contender's timed samples (ms), by name, in round order. */
export async function interleave(
  contenders: readonly Contender[],
  options: InterleaveOptions,
): Promise<Map<string, number[]>> {
  const names = new Set(contenders.map((contender) => contender.name))
  if (names.size !== contenders.length) throw new Error('contender names must be unique')
  if (!Number.isInteger(options.warmup) || options.warmup < 0 || !Number.isInteger(options.rounds)) {
    throw new RangeError('warmup and rounds must be whole numbers')
  }
  if (options.rounds < 1) throw new RangeError('at least one timed round is needed')
  const now = options.now ?? (() => performance.now())
  const samples = new Map(contenders.map((contender) => [contender.name, [] as number[]]))
  const total = options.warmup + options.rounds
  for (let round = 0; round < total; round++) {
    await options.beforeRound?.(round)
    for (const contender of roundOrder(contenders, round)) {
      const started = now()
      await contender.run()
      const elapsed = now() - started
      if (round >= options.warmup) samples.get(contender.name)?.push(elapsed)
    }
  }
  return samples
}
