// The hand-written lookup against i18next (kept as a dev dependency for this check only), on every message of every
// namespace and language, with counts that pick each plural form and values for every placeholder.
import i18next from 'i18next'
import { LANGUAGES } from '../model/values'
import { NAMESPACES } from './index'
import { createTranslate } from './translate'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

const resources = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, Object.fromEntries(Object.entries(NAMESPACES).map(([ns, d]) => [ns, d[lang]]))]),
)
const keys = [
  ...new Set(
    Object.entries(NAMESPACES).flatMap(([ns, d]) =>
      keysOf(d.en).map((key) => `${ns}:${key.replace(/_(zero|one|two|few|many|other)$/, '')}`),
    ),
  ),
]
const placeholders = [
  ...new Set(
    Object.values(NAMESPACES).flatMap((d) =>
      LANGUAGES.flatMap((lang) => [...JSON.stringify(d[lang]).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!)),
    ),
  ),
]
const numeric = new Set(
  Object.values(NAMESPACES).flatMap((d) =>
    LANGUAGES.flatMap((lang) => [...JSON.stringify(d[lang]).matchAll(/\{\{\s*(\w+),\s*number/g)].map((m) => m[1]!)),
  ),
)
const values = Object.fromEntries(
  placeholders
    .filter((name) => name !== 'count')
    .map((name, i) => [name, numeric.has(name) ? 1000 * i + 0.5 : `<${name}${i}>`]),
)

describe.each(LANGUAGES)('createTranslate (%s) agrees with i18next', (language) => {
  const reference = i18next.createInstance()
  void reference.init({
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(NAMESPACES),
    defaultNS: 'ui',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  const expected = (key: string, options: Record<string, unknown>) => String(reference.t(key, options))
  const actual = createTranslate({ language, fallback: 'en', defaultNamespace: 'ui', resources })

  it.each([undefined, 0, 1, 2, 5, 11, 21, 22, 1.5, 5000, 1234567])('every message with count %s', (count) => {
    for (const key of keys) {
      const options = count === undefined ? { ...values } : { ...values, count }
      expect(actual(key, options), key).toBe(expected(key, options))
    }
  })

  it('leaves a placeholder without a value as it is', () => {
    for (const key of keys) expect(actual(key, {}), key).toBe(expected(key, {}))
  })

  it('prefers the message for a context, and falls back to the plain one without it', () => {
    for (const key of keys) {
      const options = { ...values, context: 'app' }
      expect(actual(key, options), key).toBe(expected(key, options))
    }
    expect(actual('state:disk.EROFS', { dir: 'D', context: 'app' })).not.toBe(actual('state:disk.EROFS', { dir: 'D' }))
  })

  it.each([
    ['groupCount', { count: 3 }],
    ['ui:no.such.key', {}],
    ['no.such.key', { defaultValue: 'Plain {{who}}', who: 'text' }],
    ['errors:no.such.key', { defaultValue: 'Portal said no' }],
    ['tray:errorKind.nothing', {}],
  ])('%s', (key, options) => {
    expect(actual(key, options)).toBe(expected(key, options))
  })
})

describe('the number format', () => {
  it('is made only when a message formats a number, since making one loads the locale data at every start', () => {
    const made = vi.spyOn(Intl, 'NumberFormat')
    try {
      const t = createTranslate({
        language: 'de',
        fallback: 'en',
        defaultNamespace: 'x',
        resources: { de: { x: { n: '{{n, number}} Gruppen', s: 'plain' } }, en: {} },
      })
      expect(t('x:s')).toBe('plain')
      expect(made).not.toHaveBeenCalled()
      expect(t('x:n', { n: 12345 })).toBe('12.345 Gruppen')
      expect(t('x:n', { n: 2 })).toBe('2 Gruppen')
      expect(made).toHaveBeenCalledTimes(1)
    } finally {
      made.mockRestore()
    }
  })
})
