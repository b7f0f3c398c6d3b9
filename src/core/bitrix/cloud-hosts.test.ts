import { BITRIX_CLOUD_DOMAINS, isBitrixCloudHost } from './cloud-hosts'

describe('isBitrixCloudHost', () => {
  it.each(BITRIX_CLOUD_DOMAINS.map((domain) => `acme.${domain}`))('%s is a cloud portal', (host) => {
    expect(isBitrixCloudHost(host)).toBe(true)
  })

  it.each([
    'ACME.Bitrix24.COM',
    'acme.bitrix24.com.',
    'my-team.bitrix24.de',
    'xn--80ak6aa92e.bitrix24.ru',
    'a.b.bitrix24.eu',
  ])('%s is one too (case, a final dot, hyphens, punycode, deeper names)', (host) => {
    expect(isBitrixCloudHost(host)).toBe(true)
  })

  it.each([
    ['acme.bitrix24.com.evil.io', 'a cloud name with a foreign domain after it'],
    ['bitrix24.com.evil.io', 'the cloud domain as a foreign subdomain'],
    ['evilbitrix24.com', 'a name that merely ends like the domain'],
    ['acme.evilbitrix24.com', 'a subdomain of such a name'],
    ['acme-bitrix24.com', 'the domain glued on with a hyphen'],
    ['bitrix24.com', 'the domain itself, which is no portal'],
    ['.bitrix24.com', 'an empty portal label'],
    ['acme..bitrix24.com', 'an empty label in the middle'],
    ['acme.bitrix24.co.uk', 'a domain not on the list'],
    ['acme.bitrix24.com.br.evil.io', 'a two-part cloud domain followed by a foreign one'],
    ['acme.bitrix24.net', 'a Bitrix24 service domain that hosts no portals'],
    ['crm.acme-corp.com', "a portal's custom domain"],
    ['127.0.0.1', 'an address'],
    ['', 'nothing'],
  ])('%s is not (%s)', (host) => {
    expect(isBitrixCloudHost(host)).toBe(false)
  })
})
