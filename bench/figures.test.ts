import { atMost, exactly, figureListSchema, info, lessThan, missing, ratioAtMost, rounded } from './figures'

describe('figures', () => {
  it('passes a value at its upper budget and fails one above it', () => {
    expect(atMost('ratio', 1.25, 'x', 1.25)).toEqual({
      figure: 'ratio',
      value: 1.25,
      unit: 'x',
      reference: null,
      budget: '<= 1.25',
      pass: true,
    })
    expect(atMost('ratio', 1.2501, 'x', 1.25).pass).toBe(false)
  })

  it('stores a ratio against its reference run, named, with the reference as denominator', () => {
    expect(ratioAtMost('poll cycle', 12, { name: 'static server + JSON.parse', value: 10 }, 1.25)).toEqual({
      figure: 'poll cycle',
      value: 1.2,
      unit: 'x',
      reference: 'static server + JSON.parse',
      budget: '<= 1.25',
      pass: true,
    })
    expect(ratioAtMost('poll cycle', 13, { name: 'floor', value: 10 }, 1.25).pass).toBe(false)
  })

  it('refuses a ratio whose reference measured nothing', () => {
    expect(() => ratioAtMost('x', 1, { name: 'floor', value: 0 }, 1)).toThrow(/floor/)
  })

  it('fails a value equal to a strict budget', () => {
    expect(lessThan('requests', 30, 'requests', 30).pass).toBe(false)
    expect(lessThan('requests', 29, 'requests', 30).pass).toBe(true)
  })

  it('passes only the exact expected count', () => {
    expect(exactly('requests', 30, 'requests', 30).pass).toBe(true)
    expect(exactly('requests', 31, 'requests', 30).pass).toBe(false)
  })

  it('keeps a context figure without budget or verdict', () => {
    expect(info('median', 3.14159, 'ms')).toEqual({
      figure: 'median',
      value: 3.142,
      unit: 'ms',
      reference: null,
      budget: null,
      pass: null,
    })
  })

  it('fails a budgeted figure that could not be measured and says why in its name', () => {
    expect(missing('paint', 'ms', '<= 100', 'no browser')).toEqual({
      figure: 'paint (not measured: no browser)',
      value: null,
      unit: 'ms',
      reference: null,
      budget: '<= 100',
      pass: false,
    })
  })

  it('rounds to three decimals', () => {
    expect(rounded(1.23456)).toBe(1.235)
    expect(rounded(0.1 + 0.2)).toBe(0.3)
  })

  it('reads back what it writes through the results file schema', () => {
    const figures = [
      atMost('a', 1, 'ms', 2),
      info('b', 2, 'KB', 'c'),
      ratioAtMost('d', 2, { name: 'e', value: 4 }, 1),
      missing('c', 'ms', null, 'skipped'),
    ]
    expect(figureListSchema.parse(JSON.parse(JSON.stringify(figures)))).toEqual(figures)
  })

  it('stores exactly the fields of the results format, in its order', () => {
    const figure = ratioAtMost('d', 2, { name: 'e', value: 4 }, 1)
    expect(Object.keys(figure)).toEqual(['figure', 'value', 'unit', 'reference', 'budget', 'pass'])
    expect(figureListSchema.safeParse([{ figure: 'a', value: 1, unit: 'x', budget: null, pass: null }]).success).toBe(
      false,
    )
  })
})
