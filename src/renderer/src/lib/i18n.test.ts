import { createUiTranslate, resolveUiLanguage } from './i18n'

describe('resolveUiLanguage', () => {
  it('keeps an explicit language', () => {
    expect(resolveUiLanguage('de', ['ru-RU'])).toBe('de')
  })

  it('follows the system for "system", English when the system speaks none of ours', () => {
    expect(resolveUiLanguage('system', ['ru-RU', 'en-US'])).toBe('ru')
    expect(resolveUiLanguage('system', ['fr-FR'])).toBe('en')
  })
})

describe('plurals', () => {
  it.each([
    [1, '1 группа'],
    [2, '2 группы'],
    [5, '5 групп'],
    [21, '21 группа'],
    [22, '22 группы'],
    [11, '11 групп'],
  ])('Russian: %i gives "%s"', (count, expected) => {
    expect(createUiTranslate('ru')('groupCount', { count })).toBe(expected)
  })

  it.each([
    ['en', 1, '1 group'],
    ['en', 5, '5 groups'],
    ['de', 1, '1 Gruppe'],
    ['de', 5, '5 Gruppen'],
  ] as const)('%s: %i gives "%s"', (language, count, expected) => {
    expect(createUiTranslate(language)('groupCount', { count })).toBe(expected)
  })

  it('groups the digits of large counts the way the language does', () => {
    expect(createUiTranslate('en')('groupCount', { count: 5000 })).toBe('5,000 groups')
    expect(createUiTranslate('de')('groupCount', { count: 5000 })).toBe('5.000 Gruppen')
    expect(createUiTranslate('ru')('groupCount', { count: 5000 }).replace(/\s/g, ' ')).toBe('5 000 групп')
  })
})
