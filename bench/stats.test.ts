import { median, medianDifference, quantile, summarize } from './stats'

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
