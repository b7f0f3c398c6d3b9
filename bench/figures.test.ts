import { atMost, exactly, figureListSchema, info, lessThan, missing, rounded } from './figures'

describe('figures', () => {
  it('passes a value at its upper budget and fails one above it', () => {
    expect(atMost('ratio', 1.25, 'x', 1.25)).toEqual({
      figure: 'ratio',
      value: 1.25,
      unit: 'x',
      budget: '<= 1.25',
      pass: true,
    })
    expect(atMost('ratio', 1.2501, 'x', 1.25).pass).toBe(false)
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
      budget: null,
      pass: null,
    })
  })

  it('fails a budgeted figure that could not be measured and says why in its name', () => {
    expect(missing('paint', 'ms', '<= 100', 'no browser')).toEqual({
      figure: 'paint (not measured: no browser)',
      value: null,
      unit: 'ms',
      budget: '<= 100',
      pass: false,
    })
  })

  it('rounds to three decimals', () => {
    expect(rounded(1.23456)).toBe(1.235)
    expect(rounded(0.1 + 0.2)).toBe(0.3)
  })

  it('reads back what it writes through the results file schema', () => {
    const figures = [atMost('a', 1, 'ms', 2), info('b', 2, 'KB'), missing('c', 'ms', null, 'skipped')]
    expect(figureListSchema.parse(JSON.parse(JSON.stringify(figures)))).toEqual(figures)
  })
})
