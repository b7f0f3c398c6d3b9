import { bootstrapMedianInterval, median, medianDifference, quantile, roundRatios, summarize } from './stats'

describe('quantile', () => {
  it('takes the middle sample of an odd count as the median, whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5)
  })

  it('averages the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('interpolates the 95th percentile between the closest ranks', () => {
    const samples = Array.from({ length: 21 }, (_, index) => index * 10) // 0, 10, ..., 200
    expect(quantile(samples, 0.95)).toBe(190)
    expect(quantile([0, 100], 0.95)).toBeCloseTo(95)
  })

  it('gives the only sample for any quantile of one sample', () => {
    expect(quantile([7], 0)).toBe(7)
    expect(quantile([7], 0.95)).toBe(7)
  })

  it('refuses an empty sample and a quantile outside 0..1', () => {
    expect(() => quantile([], 0.5)).toThrow('no samples')
    expect(() => quantile([1], 1.5)).toThrow('outside')
  })
})

describe('summarize', () => {
  it('reports count, median, p95, min and max and leaves the samples in their order', () => {
    const samples = [5, 3, 1, 4, 2]
    expect(summarize(samples)).toEqual({ count: 5, median: 3, p95: 4.8, min: 1, max: 5 })
    expect(samples).toEqual([5, 3, 1, 4, 2])
  })
})

describe('medianDifference', () => {
  it('pairs the samples run by run, so a slow round counts against neither contender', () => {
    const ours = [3, 4, 30, 5] // the third round was slow for everyone
    const bare = [1, 2, 28, 2]
    expect(medianDifference(ours, bare)).toBe(2)
  })

  it('refuses samples that cannot be paired', () => {
    expect(() => medianDifference([1, 2], [1])).toThrow('same length')
  })
})

describe('roundRatios', () => {
  it('divides the median of each round of one contender by the median of the same round of the other', () => {
    // Two rounds of three: round 1 is slow for both (the machine was busy), and its ratio is the same as round 0's.
    expect(roundRatios([2, 4, 3, 20, 40, 30], [4, 8, 6, 40, 80, 60], 3)).toEqual([0.5, 0.5])
  })

  it('refuses samples that are not whole, paired rounds', () => {
    expect(() => roundRatios([1, 2, 3], [1, 2], 1)).toThrow('same length')
    expect(() => roundRatios([1, 2, 3], [1, 2, 3], 2)).toThrow('whole rounds')
    expect(() => roundRatios([1], [0], 1)).toThrow('reference measured 0')
  })
})

describe('bootstrapMedianInterval', () => {
  it('brackets the median, narrows with more samples and gives the same interval for the same seed', () => {
    const few = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10]
    const many = Array.from({ length: 10 }, () => few).flat()
    const narrow = bootstrapMedianInterval(many)
    const wide = bootstrapMedianInterval(few)
    expect(wide.low).toBeLessThanOrEqual(median(few))
    expect(wide.high).toBeGreaterThanOrEqual(median(few))
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low)
    expect(bootstrapMedianInterval(few)).toEqual(wide)
  })

  it('gives the value itself for samples that are all alike, and refuses none', () => {
    expect(bootstrapMedianInterval([3, 3, 3])).toEqual({ low: 3, high: 3 })
    expect(() => bootstrapMedianInterval([])).toThrow('no samples')
  })
})
