import { checkExternalUrl, createExternalOpener } from './external-links'

const portals = ['https://portal.bitrix24.com', 'https://self.example.org:8443', 'http://127.0.0.1:41234']

describe('openExternal guard', () => {
  it.each([
    ['https://portal.bitrix24.com/workgroups/group/7/', 'https://portal.bitrix24.com/workgroups/group/7/'],
    ['HTTPS://PORTAL.Bitrix24.com/workgroups/group/7/', 'https://portal.bitrix24.com/workgroups/group/7/'],
    [
      'https://portal.bitrix24.com:443/extranet/workgroups/group/7/',
      'https://portal.bitrix24.com/extranet/workgroups/group/7/',
    ],
    ['https://self.example.org:8443/workgroups/group/1/', 'https://self.example.org:8443/workgroups/group/1/'],
    ['http://127.0.0.1:41234/workgroups/group/1/', 'http://127.0.0.1:41234/workgroups/group/1/'],
  ])('opens %s (as %s)', (raw, normalised) => {
    expect(checkExternalUrl(raw, portals)).toEqual({ allowed: true, url: normalised })
  })

  it.each([
    ['a lookalike host', 'https://portal.bitrix24.com.evil.io/workgroups/group/7/'],
    ['a lookalike with the portal as userinfo', 'https://portal.bitrix24.com@evil.io/'],
    ['userinfo on the right host', 'https://user:pass@portal.bitrix24.com/'],
    ['a sibling subdomain', 'https://evil.bitrix24.com/'],
    ['a parent domain', 'https://bitrix24.com/'],
    ['a trailing-dot host', 'https://portal.bitrix24.com./'],
    ['another port', 'https://portal.bitrix24.com:8443/'],
    ['plain http to the portal', 'http://portal.bitrix24.com/workgroups/group/7/'],
    ['plain http to another loopback port', 'http://127.0.0.1:9/'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: with padding and case', '  JaVaScRiPt:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'smb://portal.bitrix24.com/share'],
    ['a relative path', '/workgroups/group/7/'],
    ['a protocol-relative URL', '//portal.bitrix24.com/'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_name, raw) => {
    expect(checkExternalUrl(raw, portals).allowed).toBe(false)
  })

  it('refuses everything when there is no account', () => {
    expect(checkExternalUrl('https://portal.bitrix24.com/', []).allowed).toBe(false)
  })

  it('ignores an unparseable portal instead of throwing', () => {
    expect(checkExternalUrl('https://portal.bitrix24.com/', ['::', 'https://portal.bitrix24.com']).allowed).toBe(true)
  })
})

describe('external opener', () => {
  function setup(openExternal: (url: string) => Promise<void> = async () => {}) {
    const opened: string[] = []
    const warnings: [string, Record<string, unknown>][] = []
    const open = createExternalOpener({
      openExternal: (url) => (opened.push(url), openExternal(url)),
      portals: () => portals,
      warn: (message, details) => warnings.push([message, details]),
    })
    return { open, opened, warnings }
  }

  it('opens an allowed link with the normalised URL', async () => {
    const { open, opened } = setup()
    expect(await open('HTTPS://portal.bitrix24.com/workgroups/group/7/')).toBe('opened')
    expect(opened).toEqual(['https://portal.bitrix24.com/workgroups/group/7/'])
  })

  it('refuses and logs a foreign link without opening anything or logging the URL itself', async () => {
    const { open, opened, warnings } = setup()
    expect(await open('https://portal.bitrix24.com.evil.io/rest/1/SECRETCODE/')).toBe('refused')
    expect(opened).toEqual([])
    expect(warnings).toEqual([
      ['Refused to open a link', { reason: 'origin https://portal.bitrix24.com.evil.io is not a portal' }],
    ])
    expect(JSON.stringify(warnings)).not.toContain('SECRETCODE')
  })

  it('reports a browser that cannot be started', async () => {
    const { open, warnings } = setup(async () => {
      throw new Error('no handler')
    })
    expect(await open('https://portal.bitrix24.com/')).toBe('failed')
    expect(warnings[0]?.[0]).toBe('The browser could not be opened')
  })
})
