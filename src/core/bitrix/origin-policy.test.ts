import { BitrixError } from './errors'
import { assertAllowedOrigin, isAllowedOrigin, isLoopbackOrigin } from './origin-policy'

describe('isLoopbackOrigin', () => {
  it.each([
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://localhost:3000',
    'http://LOCALHOST',
    'http://demo.localhost',
    'http://[::1]:9000',
  ])('%s is this machine', (origin) => {
    expect(isLoopbackOrigin(origin)).toBe(true)
  })

  it.each(['http://128.0.0.1', 'http://localhost.example.com', 'http://10.0.0.1', 'http://[::2]', 'not a url'])(
    '%s is not',
    (origin) => {
      expect(isLoopbackOrigin(origin)).toBe(false)
    },
  )
})

describe('the HTTPS rule', () => {
  it('allows https anywhere', () => {
    expect(isAllowedOrigin('https://acme.bitrix24.com')).toBe(true)
  })

  it('allows plain http to loopback without being asked', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000')).toBe(true)
  })

  it('allows plain http elsewhere only for a portal marked self-hosted over HTTP', () => {
    expect(isAllowedOrigin('http://intranet.example.com')).toBe(false)
    expect(isAllowedOrigin('http://intranet.example.com', true)).toBe(true)
  })

  it('never allows other schemes', () => {
    expect(isAllowedOrigin('ftp://acme.bitrix24.com', true)).toBe(false)
    expect(isAllowedOrigin('file:///etc/passwd', true)).toBe(false)
  })

  it('throws INSECURE_ORIGIN, an auth-kind problem the user must fix', () => {
    let caught: unknown
    try {
      assertAllowedOrigin('http://intranet.example.com/rest/1/secretcode77/')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(BitrixError)
    expect((caught as BitrixError).code).toBe('INSECURE_ORIGIN')
    expect((caught as BitrixError).kind).toBe('auth')
    expect((caught as BitrixError).message).not.toContain('secretcode77')
  })
})
