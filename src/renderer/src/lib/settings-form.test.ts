import { isValidUrlTemplate, parseTrayMenuSize, pollIntervalOptions } from './settings-form'

describe('pollIntervalOptions', () => {
  it('offers presets from 15 seconds to an hour, named in the language', () => {
    const labels = pollIntervalOptions(60, 'en').map((option) => option.label)
    expect(labels[0]).toBe('15 seconds')
    expect(labels).toContain('1 minute')
    expect(labels).toContain('5 minutes')
    expect(labels.at(-1)).toBe('1 hour')
  })

  it('uses Russian plural forms', () => {
    const labels = pollIntervalOptions(60, 'ru').map((option) => option.label)
    expect(labels).toEqual(expect.arrayContaining(['1 минута', '2 минуты', '5 минут']))
  })

  it('keeps a current value that is not a preset, in order', () => {
    const seconds = pollIntervalOptions(90, 'en').map((option) => option.seconds)
    expect(seconds).toEqual([15, 30, 60, 90, 120, 300, 600, 900, 1800, 3600])
  })
})

describe('parseTrayMenuSize', () => {
  it('reads whole numbers from 0 to 50', () => {
    expect(parseTrayMenuSize('0')).toBe(0)
    expect(parseTrayMenuSize(' 15 ')).toBe(15)
    expect(parseTrayMenuSize('50')).toBe(50)
  })

  it('refuses anything else', () => {
    for (const text of ['', '51', '-1', '2.5', 'ten', '100']) expect(parseTrayMenuSize(text)).toBeNull()
  })
})

describe('isValidUrlTemplate', () => {
  it('accepts a path on the portal and an absolute address, both with {id}', () => {
    expect(isValidUrlTemplate('/workgroups/group/{id}/')).toBe(true)
    expect(isValidUrlTemplate('https://acme.bitrix24.com/extranet/workgroups/group/{id}/')).toBe(true)
  })

  it('refuses a template without {id}', () => {
    expect(isValidUrlTemplate('/workgroups/group/')).toBe(false)
  })

  it('refuses other schemes and bare words', () => {
    expect(isValidUrlTemplate('javascript:alert({id})')).toBe(false)
    expect(isValidUrlTemplate('workgroups/{id}')).toBe(false)
  })
})
