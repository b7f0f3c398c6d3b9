import { atMost, info, missing, ratioAtMost } from './figures'
import { formatTable, formatValue, formatVerdict } from './table'

describe('formatValue', () => {
  it('shows whole numbers without decimals and small ones with three', () => {
    expect(formatValue(30, 'requests')).toBe('30 requests')
    expect(formatValue(1.2345, 'x')).toBe('1.235 x')
  })

  it('uses fewer decimals as numbers grow, with thousands separators', () => {
    expect(formatValue(12.3456, 'ms')).toBe('12.35 ms')
    expect(formatValue(1234.56, 'ms')).toBe('1,234.6 ms')
  })

  it('shows a dash for a figure that was not measured', () => {
    expect(formatValue(null, 'ms')).toBe('—')
  })
})

describe('formatTable', () => {
  it('lines up every column under its header, values to the right, and marks failures loudly', () => {
    const table = formatTable([
      atMost('diff median', 1.5, 'ms', 5),
      ratioAtMost('ratio at 1,000', 1.4, { name: 'bare fetch', value: 1 }, 1.25),
    ])
    expect(table.split('\n')).toEqual([
      'Figure             Value  Budget   Result  Against',
      '--------------  --------  -------  ------  ----------',
      'diff median     1.500 ms  <= 5     pass',
      'ratio at 1,000   1.400 x  <= 1.25  FAIL    bare fetch',
    ])
  })
})

describe('formatVerdict', () => {
  it('counts the budgets and ignores context figures', () => {
    expect(formatVerdict([atMost('a', 1, 'ms', 2), info('b', 9, 'ms')])).toBe('All 1 budgets pass.')
  })

  it('names every failed budget', () => {
    const figures = [atMost('a', 3, 'ms', 2), missing('paint', 'ms', '<= 100', 'no browser'), atMost('c', 1, 'ms', 2)]
    expect(formatVerdict(figures)).toBe('2 of 3 budgets FAIL: a; paint (not measured: no browser)')
  })
})
