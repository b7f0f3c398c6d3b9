import { interleave, roundOrder, type Contender } from './interleave'

/** A clock that only moves when a contender "works", by the amount it says. */
function scriptedClock() {
  let time = 0
  return { now: () => time, work: (ms: number) => (time += ms) }
}

describe('roundOrder', () => {
  it('rotates the contenders by one each round so that none always goes first', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c'])
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a'])
    expect(roundOrder(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b'])
  })
})

describe('interleave', () => {
  it('alternates the contenders round by round and times each run on the given clock', async () => {
    const clock = scriptedClock()
    const log: string[] = []
    const contender = (name: string, ms: number): Contender => ({
      name,
      run: () => {
        log.push(name)
        clock.work(ms)
      },
    })
    const samples = await interleave([contender('fast', 2), contender('slow', 5)], {
      warmup: 0,
      rounds: 3,
      now: clock.now,
    })
    expect(log).toEqual(['fast', 'slow', 'slow', 'fast', 'fast', 'slow'])
    expect(samples.get('fast')).toEqual([2, 2, 2])
    expect(samples.get('slow')).toEqual([5, 5, 5])
  })

  it('gives each contender a block of consecutive runs per turn when asked, timing every run', async () => {
    const clock = scriptedClock()
    const log: string[] = []
    const contender = (name: string): Contender => ({ name, run: () => void log.push(name) })
    const samples = await interleave([contender('a'), contender('b')], {
      warmup: 0,
      rounds: 2,
      batch: 3,
      now: clock.now,
    })
    expect(log.join('')).toBe('aaabbbbbbaaa')
    expect(samples.get('a')).toHaveLength(6)
  })

  it('runs the warm-up rounds but keeps no samples from them', async () => {
    const clock = scriptedClock()
    let runs = 0
    const samples = await interleave(
      [
        {
          name: 'only',
          run: () => {
            runs++
            clock.work(runs) // 1, 2, 3, 4: the first two are warm-up
          },
        },
      ],
      { warmup: 2, rounds: 2, now: clock.now },
    )
    expect(runs).toBe(4)
    expect(samples.get('only')).toEqual([3, 4])
  })

  it('awaits asynchronous runs and leaves the untimed preparation before each run out of its time', async () => {
    const clock = scriptedClock()
    let prepared = 0
    const samples = await interleave(
      [
        {
          name: 'async',
          prepare: async () => {
            prepared++
            clock.work(100)
          },
          run: async () => void (await Promise.resolve(clock.work(3))),
        },
      ],
      { warmup: 1, rounds: 2, batch: 2, now: clock.now },
    )
    expect(prepared).toBe(6)
    expect(samples.get('async')).toEqual([3, 3, 3, 3])
  })

  it('refuses two contenders with one name and a run without timed runs', async () => {
    const run = () => undefined
    await expect(
      interleave(
        [
          { name: 'x', run },
          { name: 'x', run },
        ],
        { warmup: 0, rounds: 1 },
      ),
    ).rejects.toThrow('unique')
    await expect(interleave([{ name: 'x', run }], { warmup: 0, rounds: 0 })).rejects.toThrow('at least one')
    await expect(interleave([{ name: 'x', run }], { warmup: 0, rounds: 1, batch: 0 })).rejects.toThrow('at least one')
  })
})
