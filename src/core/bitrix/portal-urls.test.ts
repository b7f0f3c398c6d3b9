import { BitrixError } from './errors'
import { createGroupUrlBuilder, createPortalUrlResolver, resolvePortalUrl, type GroupUrlBuilder } from './portal-urls'
import { failureOf } from './test-support/client'

const ORIGIN = 'https://acme.bitrix24.com'
const urls = createGroupUrlBuilder('/workgroups/group/{id}/', ORIGIN)

/** Runs `body` with a URL class that counts how often a URL is parsed. */
function countingUrlParses(body: () => void): number {
  let parsed = 0
  class CountingURL extends URL {
    constructor(url: string | URL, base?: string | URL) {
      super(url, base)
      parsed++
    }
  }
  vi.stubGlobal('URL', CountingURL)
  try {
    body()
  } finally {
    vi.unstubAllGlobals()
  }
  return parsed
}

describe('group links', () => {
  it('fills the default template relative to the portal', () => {
    expect(urls('42')).toBe('https://acme.bitrix24.com/workgroups/group/42/')
  })

  it('accepts an extranet path or an absolute template', () => {
    expect(createGroupUrlBuilder('/extranet/workgroups/group/{id}/', ORIGIN)('7')).toBe(
      'https://acme.bitrix24.com/extranet/workgroups/group/7/',
    )
    expect(createGroupUrlBuilder('https://mirror.example.com/g/{id}', ORIGIN)('7')).toBe(
      'https://mirror.example.com/g/7',
    )
  })

  it.each(['/workgroups/group/', 'javascript:alert({id})', 'workgroups/{id}', ''])(
    'refuses the template %j',
    (template) => {
      expect(failureOf(() => createGroupUrlBuilder(template, ORIGIN)).code).toBe('INVALID_GROUP_URL_TEMPLATE')
    },
  )

  /** Every link as it was built before the fast path: the template parsed as a URL for each id. */
  const parsedEachTime = (template: string, origin: string, id: string) =>
    new URL(template.trim().replaceAll('{id}', encodeURIComponent(id)), `${origin}/`).href

  const TEMPLATES = [
    '/workgroups/group/{id}/',
    '  /extranet/workgroups/group/{id}/  ',
    'https://mirror.example.com/g/{id}',
    'HTTPS://Mirror.Example.COM:443/g/{id}?from=tray#top',
    'http://mirror.example.com:8080/g/{id}',
    '/g/{id}/?id={id}#{id}',
    '/a/./b/../g/{id}',
    '/a/{id}/../b/{id}/',
    '/g/%{id}/',
    '/g/.{id}/',
    '/g\\{id}\\',
    '/Gruppen/Übersicht {id}/',
    '/g/{id}\t/tab',
    '//other.example.com/g/{id}',
    'https://g{id}.example.com/',
    'https://{id}/',
    'https://user:pa{id}ss@example.com/g/{id}',
    'https://example.com:{id}/',
    '/zqxidmarkxqz/{id}',
  ]
  const IDS = ['0', '7', '42', '007', '123456789012345678901234567890', '12a', 'a b', '../x', 'Ü', '%41', '']
  const ORIGINS = [ORIGIN, 'http://127.0.0.1:44663', 'https://Acme.Example.com:8443']

  it('builds exactly the links that parsing each one would give, for any template, origin and id', () => {
    const ids = [...IDS, ...Array.from({ length: 200 }, (_, index) => String(index * 7919))]
    let compared = 0
    for (const template of TEMPLATES) {
      for (const origin of ORIGINS) {
        let build: GroupUrlBuilder
        try {
          build = createGroupUrlBuilder(template, origin)
        } catch (error) {
          expect(error).toBeInstanceOf(BitrixError)
          continue
        }
        for (const id of ids) {
          let expected: string | Error
          try {
            expected = parsedEachTime(template, origin, id)
          } catch (error) {
            expected = error as Error
          }
          if (expected instanceof Error) {
            expect(() => build(id)).toThrow(TypeError)
            expect(() => build.is(id, `${origin}/`)).toThrow(TypeError)
          } else {
            expect(build(id)).toBe(expected)
            // `is` tells the link from any other: itself, one character more or less, another id's link.
            expect(build.is(id, expected)).toBe(true)
            expect(build.is(id, `${expected}/`)).toBe(false)
            expect(build.is(id, expected.slice(0, -1))).toBe(false)
            expect(
              build.is(
                id,
                expected.replace(/.$/, (last) => (last === 'x' ? 'y' : 'x')),
              ),
            ).toBe(false)
            expect(build.is(id, build('4242'))).toBe(expected === build('4242'))
          }
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(5_000)
  })

  it('fills in numeric ids without parsing a URL for each group', () => {
    const build = createGroupUrlBuilder('/workgroups/group/{id}/', ORIGIN)
    let links: string[] = []
    const parses = countingUrlParses(() => {
      links = Array.from({ length: 1_000 }, (_, index) => build(String(index + 1)))
    })
    expect(parses).toBe(0)
    expect(links[999]).toBe('https://acme.bitrix24.com/workgroups/group/1000/')
  })
})

describe('avatar links remembered from one list to the next', () => {
  const VALUES = [
    'https://cdn.bitrix24.com/b1/x.png',
    '/upload/resize_cache/a b.png',
    '  /upload/padded.png  ',
    'javascript:alert(1)',
    'http://[bad',
    '',
    '   ',
    null,
    undefined,
  ]

  it('answers exactly as resolvePortalUrl does, the first time and again', () => {
    const resolver = createPortalUrlResolver(ORIGIN)
    for (let list = 0; list < 3; list++) {
      resolver.nextList()
      for (const value of VALUES) expect(resolver.resolve(value)).toBe(resolvePortalUrl(value, ORIGIN))
    }
  })

  it('parses an avatar the last list also had only once', () => {
    const resolver = createPortalUrlResolver(ORIGIN)
    const avatars = Array.from({ length: 50 }, (_, index) => `/upload/${index}.png`)
    const parses = countingUrlParses(() => {
      for (let list = 0; list < 10; list++) {
        resolver.nextList()
        for (const avatar of avatars) resolver.resolve(avatar)
      }
    })
    expect(parses).toBe(50)
  })

  it('tells that an https address it gave before resolves to itself without parsing it, as parsing it again gives', () => {
    const hrefs = [
      ...VALUES,
      'https://CDN.Bitrix24.com:443/b1/../x y.png?a=1&b=ü#frag',
      'https://xn--80ak6aa92e.com/картинка.png',
      'https://cdn.bitrix24.com/%7Euser/a%2Fb.png',
      'https://user:pw@cdn.bitrix24.com:8443/x.png',
      'https://[::1]/x.png',
    ].map((value) => resolvePortalUrl(value, ORIGIN))
    for (const href of hrefs) if (href?.startsWith('https://')) expect(resolvePortalUrl(href, ORIGIN)).toBe(href)
    const resolver = createPortalUrlResolver(ORIGIN)
    const parses = countingUrlParses(() => {
      for (const href of hrefs) expect(resolver.resolvesTo(href, href)).toBe(true)
    })
    expect(parses).toBe(0)
  })

  it('resolves anything else it is asked about, and tells whether it gives that address', () => {
    const resolver = createPortalUrlResolver(ORIGIN)
    for (const value of VALUES) {
      const href = resolvePortalUrl(value, ORIGIN)
      expect(resolver.resolvesTo(value, href), String(value)).toBe(true)
      expect(resolver.resolvesTo(value, `${href}x`), String(value)).toBe(false)
    }
    // A relative address is its own answer only once resolved; as it is, it is another one.
    expect(resolver.resolvesTo('/upload/a.png', '/upload/a.png')).toBe(false)
    expect(resolver.resolvesTo(null, null)).toBe(true)
  })

  it('does not take a plain-http address as its own: it is resolved against the origin', () => {
    const resolver = createPortalUrlResolver(ORIGIN)
    expect(resolver.resolvesTo('http://elsewhere.example.com/x.png', 'http://elsewhere.example.com/x.png')).toBe(false)
    const loopback = createPortalUrlResolver('http://127.0.0.1:8080')
    expect(loopback.resolvesTo('http://127.0.0.1:8080/x.png', 'http://127.0.0.1:8080/x.png')).toBe(true)
  })

  it('forgets avatars that the last list no longer had', () => {
    const resolver = createPortalUrlResolver(ORIGIN)
    const parses = countingUrlParses(() => {
      for (const list of [['/a.png'], ['/b.png'], ['/a.png']]) {
        resolver.nextList()
        for (const avatar of list) resolver.resolve(avatar)
      }
    })
    expect(parses).toBe(3)
  })
})
