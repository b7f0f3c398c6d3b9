import { AVATAR_COLOURS, colourFromId, initials } from './avatar'
import { contrastRatio } from './contrast'

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Marketing team Berlin')).toBe('MT')
    expect(initials('отдел продаж')).toBe('ОП')
  })

  it('takes one letter from a one-word name', () => {
    expect(initials('Design')).toBe('D')
  })

  it('skips punctuation and emoji in front of a word', () => {
    expect(initials('🚀 "Launch" plan')).toBe('LP')
    expect(initials('[Ext] Partners')).toBe('EP')
  })

  it('takes one grapheme for scripts where two initials mean nothing', () => {
    expect(initials('製品開発チーム 🚀')).toBe('製')
    expect(initials('東京 上海 チーム')).toBe('東')
    expect(initials('마케팅 팀')).toBe('마')
    expect(initials('プロジェクト 管理')).toBe('プ')
    expect(initials('فريق التسويق')).toBe('ف')
  })

  it('keeps a letter with its combining marks and takes two where the script abbreviates', () => {
    expect(initials('हिंदी टीम')).toBe('हिंटी')
    expect(initials('צוות פיתוח')).toBe('צפ')
    expect(initials('e\u0301quipe Lyon')).toBe('E\u0301L')
  })

  it('falls back to the first character when no word starts with a letter', () => {
    expect(initials('🚀')).toBe('🚀')
    expect(initials('👩‍💻')).toBe('👩‍💻')
    expect(initials('   ')).toBe('?')
  })
})

describe('colourFromId', () => {
  it('gives the same colour for the same id', () => {
    expect(colourFromId('42')).toBe(colourFromId('42'))
  })

  it('spreads consecutive ids over several colours', () => {
    const colours = new Set(Array.from({ length: 24 }, (_, index) => colourFromId(String(index + 1))))
    expect(colours.size).toBeGreaterThanOrEqual(8)
  })

  it.each(AVATAR_COLOURS)('%s carries white initials at 4.5:1 or better', (colour) => {
    expect(contrastRatio('#ffffff', colour)).toBeGreaterThanOrEqual(4.5)
  })
})
