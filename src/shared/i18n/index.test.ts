import { createTranslator, isMessageKey, type MessageKey, NAMESPACES, resolveLanguage } from './index'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

/** Plural suffixes differ by language (ru has _few/_many, en and de do not), so compare the keys without them. */
const withoutPlural = (keys: string[]) =>
  [...new Set(keys.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort()

describe('i18n dictionaries', () => {
  it.each(Object.keys(NAMESPACES))('namespace %s has the same keys in en, ru and de', (name) => {
    const messages = NAMESPACES[name as keyof typeof NAMESPACES]
    const en = withoutPlural(keysOf(messages.en))
    expect(withoutPlural(keysOf(messages.ru))).toEqual(en)
    expect(withoutPlural(keysOf(messages.de))).toEqual(en)
  })

  it('falls back to the key for an unknown message rather than throwing', () => {
    expect(createTranslator('ru').t('ui:no.such.key' as MessageKey)).toBe('no.such.key')
  })

  it('tells a key that came as data and names a message from one that does not', () => {
    expect(isMessageKey('errors:queryLimitExceeded')).toBe(true)
    expect(isMessageKey('notifications:summary.title')).toBe(true)
    expect(isMessageKey('roles:title.owner')).toBe(true)
    expect(isMessageKey('errors:no.such.key')).toBe(false)
    expect(isMessageKey('roles:title')).toBe(false)
    expect(isMessageKey('nowhere:title')).toBe(false)
    expect(isMessageKey('queryLimitExceeded')).toBe(false)
  })
})

describe('resolveLanguage', () => {
  it.each([
    [['ru_RU.UTF-8'], 'ru'],
    [['de-AT', 'en-US'], 'de'],
    [['fr-FR', 'de-DE'], 'de'],
    [['ja'], 'en'],
    [[undefined, ''], 'en'],
  ])('%j gives %s', (input, expected) => {
    expect(resolveLanguage(input)).toBe(expected)
  })
})
