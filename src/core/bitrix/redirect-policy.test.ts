import { mayFollowRedirect } from './redirect-policy'

const follows = (from: string, to: string) => mayFollowRedirect(new URL(from), new URL(to))

describe('which redirects take the request along', () => {
  it('any redirect on the same origin', () => {
    expect(follows('https://intranet.example/rest/1/x/m', 'https://intranet.example/other/path?q=1')).toBe(true)
  })

  it('from one Bitrix24 cloud portal to another, across cloud domains', () => {
    expect(follows('https://acme.bitrix24.com/rest/m', 'https://acme-renamed.bitrix24.com/login')).toBe(true)
    expect(follows('https://acme.bitrix24.ru/rest/m', 'https://acme.bitrix24.com.br/')).toBe(true)
  })

  it('from http to https on the same host and port', () => {
    expect(follows('http://intranet.example/rest/m', 'https://intranet.example/rest/m')).toBe(true)
    expect(follows('http://intranet.example:8080/rest/m', 'https://intranet.example:8080/rest/m')).toBe(true)
  })

  it.each([
    ['https://acme.bitrix24.com/rest/m', 'https://sso.other-company.example/login', 'cloud to a foreign site'],
    ['https://acme.bitrix24.com/rest/m', 'https://acme.bitrix24.com.evil.io/rest/m', 'cloud to a lookalike'],
    ['https://acme.bitrix24.com/rest/m', 'https://bitrix24.com.evil.io/', 'cloud to a lookalike subdomain'],
    ['https://acme.bitrix24.com/rest/m', 'https://evilbitrix24.com/', 'cloud to a name ending like the domain'],
    ['https://acme.bitrix24.com/rest/m', 'https://crm.acme-corp.com/', 'cloud to a custom domain'],
    ['https://acme.bitrix24.com/rest/m', 'https://127.0.0.1/', 'cloud to this machine'],
    ['https://crm.acme-corp.com/rest/m', 'https://acme.bitrix24.com/', 'a custom domain to the cloud'],
    ['https://intranet.example/rest/m', 'https://portal.other.example/', 'self-hosted to another host'],
    ['https://intranet.example/rest/m', 'https://intranet.example:8443/', 'self-hosted to another port'],
    ['http://intranet.example/rest/m', 'https://other.example/', 'http to https on another host'],
    ['http://intranet.example/rest/m', 'https://intranet.example:8443/', 'http to https on another port'],
    ['http://127.0.0.1:4000/rest/m', 'https://sso.other-company.example/', 'loopback to a foreign site'],
    ['http://127.0.0.1:4000/rest/m', 'http://127.0.0.1:4001/rest/m', 'loopback to another port'],
    ['http://127.0.0.1:4000/rest/m', 'http://localhost:4000/rest/m', 'loopback to another loopback name'],
    ['http://127.0.0.1:4000/rest/m', 'http://127.0.0.2:4000/rest/m', 'loopback to another loopback address'],
  ])('never from %s to %s (%s)', (from, to) => {
    expect(follows(from, to)).toBe(false)
  })
})
