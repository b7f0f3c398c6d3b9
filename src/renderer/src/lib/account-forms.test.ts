import { checkOAuthFields, checkWebhookUrl, type OAuthFields } from './account-forms'

describe('checkWebhookUrl', () => {
  it('accepts an inbound webhook URL and reads the portal and user', () => {
    expect(checkWebhookUrl('  https://acme.bitrix24.com/rest/12/fake_code_abcd1234/ ')).toEqual({
      ok: true,
      origin: 'https://acme.bitrix24.com',
      userId: '12',
    })
  })

  it('accepts the URL without its trailing slash and with a method name copied along', () => {
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abcd1234').ok).toBe(true)
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/1/abcd1234/profile.json').ok).toBe(true)
  })

  it('asks for a URL when the field is empty', () => {
    expect(checkWebhookUrl('   ')).toEqual({ ok: false, issue: 'empty' })
  })

  it('adds https:// when the scheme is left out, as main does', () => {
    expect(checkWebhookUrl('acme.bitrix24.com/rest/1/abcd1234/')).toMatchObject({
      ok: true,
      origin: 'https://acme.bitrix24.com',
    })
  })

  it('says when the text is not a URL at all', () => {
    expect(checkWebhookUrl('https://acme bitrix24.com/rest/1/x/')).toEqual({ ok: false, issue: 'notUrl' })
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

  it('requires https, because the webhook code would travel in clear', () => {
    expect(checkWebhookUrl('http://acme.bitrix24.de/rest/1/abcd1234/')).toEqual({ ok: false, issue: 'httpsRequired' })
  })

  it('lets this machine (the demo portal) use plain http', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/rest/3/abcd1234/')).toEqual({
      ok: true,
      origin: 'http://127.0.0.1:8080',
      userId: '3',
    })
  })

  it('wants a user id that is a number other than 0', () => {
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/0/abcd1234/')).toEqual({ ok: false, issue: 'notWebhook' })
    expect(checkWebhookUrl('https://acme.bitrix24.com/rest/x/abcd1234/')).toEqual({ ok: false, issue: 'notWebhook' })
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

  it('accepts a portal address without a scheme', () => {
    expect(checkOAuthFields({ ...complete, portal: 'acme.bitrix24.com' })).toEqual({})
  })

  it('wants a portal address and an https token server', () => {
    expect(checkOAuthFields({ ...complete, portal: 'acme', tokenServerUrl: 'http://oauth.example.com/' })).toEqual({
      portal: 'notUrl',
      tokenServerUrl: 'notUrl',
    })
  })
})
