import { checkOAuthFields, checkWebhookUrl, type OAuthFields } from './account-forms'

describe('checkWebhookUrl', () => {
  it('accepts an inbound webhook URL and reads the portal and user', () => {
    expect(checkWebhookUrl('  https://acme.bitrix24.com/rest/12/abcd1234efgh5678/ ')).toEqual({
      ok: true,
      origin: 'https://acme.bitrix24.com',
      userId: '12',
      insecure: false,
    })
  })

  it('accepts the URL without its trailing slash and with a method name copied along', () => {
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abcd1234').ok).toBe(true)
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abcd1234/profile.json').ok).toBe(true)
  })

  it('asks for a URL when the field is empty', () => {
    expect(checkWebhookUrl('   ')).toEqual({ ok: false, issue: 'empty' })
  })

  it('says when the text is not a URL at all', () => {
    expect(checkWebhookUrl('abcd1234')).toEqual({ ok: false, issue: 'notUrl' })
    expect(checkWebhookUrl('ftp://acme.bitrix24.com/rest/1/abcd1234/')).toEqual({ ok: false, issue: 'notUrl' })
  })

  it('says when the URL is not a webhook (the portal address, an OAuth URL, a query)', () => {
    expect(checkWebhookUrl('https://acme.bitrix24.com/')).toEqual({ ok: false, issue: 'notWebhook' })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/sonet_group.user.groups')).toEqual({
      ok: false,
      issue: 'notWebhook',
    })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abcd1234/?auth=x')).toEqual({
      ok: false,
      issue: 'notWebhook',
    })
  })

  it('requires https for cloud portals', () => {
    expect(checkWebhookUrl('http://acme.bitrix24.de/rest/1/abcd1234/')).toEqual({ ok: false, issue: 'httpsRequired' })
    expect(checkWebhookUrl('http://acme.bitrix24.com.br/rest/1/abcd1234/')).toEqual({
      ok: false,
      issue: 'httpsRequired',
    })
  })

  it('lets a self-hosted portal use plain http, flagged as insecure', () => {
    expect(checkWebhookUrl('http://intranet.local:8080/rest/3/abcd1234/')).toEqual({
      ok: true,
      origin: 'http://intranet.local:8080',
      userId: '3',
      insecure: true,
    })
  })
})

describe('checkOAuthFields', () => {
  const complete: OAuthFields = {
    portal: 'https://acme.bitrix24.com',
    accessToken: 'access',
    refreshToken: 'refresh',
    clientId: 'local.123',
    clientSecret: 'secret',
    tokenServerUrl: '',
  }

  it('accepts a complete form', () => {
    expect(checkOAuthFields(complete)).toEqual({})
  })

  it('names every missing field at once', () => {
    expect(checkOAuthFields({ ...complete, accessToken: ' ', clientSecret: '' })).toEqual({
      accessToken: 'required',
      clientSecret: 'required',
    })
  })

  it('wants URLs for the portal and the optional token server', () => {
    expect(checkOAuthFields({ ...complete, portal: 'acme', tokenServerUrl: 'oauth' })).toEqual({
      portal: 'notUrl',
      tokenServerUrl: 'notUrl',
    })
  })
})
