import { effectiveLanguage } from './language'

describe('shell language', () => {
  it('follows the system when set to system', () => {
    expect(effectiveLanguage('system', ['de-AT', 'en-US'])).toBe('de')
    expect(effectiveLanguage('system', ['ja-JP'])).toBe('en')
  })

  it('uses the choice otherwise', () => {
    expect(effectiveLanguage('ru', ['de-DE'])).toBe('ru')
  })
})
