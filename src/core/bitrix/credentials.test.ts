import {
  maskCredentials,
  maskWebhookUrl,
  normalizePortalOrigin,
  parseOAuthCredentials,
  parseWebhookUrl,
} from './credentials'
import { failureOf } from './test-support/client'

describe('parseWebhookUrl', () => {
  it.each([
    ['https://acme.bitrix24.com/rest/1/fake_code_abc123/', 'https://acme.bitrix24.com', '1', 'fake_code_abc123'],
    ['https://acme.bitrix24.com/rest/1/fake_code_abc123', 'https://acme.bitrix24.com', '1', 'fake_code_abc123'],
    [
      'https://acme.bitrix24.com/rest/17/fake_code_abc123/profile.json',
      'https://acme.bitrix24.com',
      '17',
      'fake_code_abc123',
    ],
    [
      '  https://ACME.bitrix24.de:443/rest/5/x_y-z9/sonet_group.user.groups  ',
      'https://acme.bitrix24.de',
      '5',
      'x_y-z9',
    ],
    ['acme.bitrix24.com/rest/1/abc123/', 'https://acme.bitrix24.com', '1', 'abc123'],
    ['http://127.0.0.1:8080/rest/1/abc123/', 'http://127.0.0.1:8080', '1', 'abc123'],
    ['http://localhost:3000/rest/1/abc123/', 'http://localhost:3000', '1', 'abc123'],
  ])('reads %s', (input, origin, userId, code) => {
    expect(parseWebhookUrl(input)).toEqual({ kind: 'webhook', origin, userId, code })
  })

  it('accepts plain http to a non-loopback host only for a portal marked self-hosted over HTTP', () => {
    expect(failureOf(() => parseWebhookUrl('http://intranet.example.com/rest/1/abc123/')).messageKey).toBe(
      'errors:webhookUrl.notHttps',
    )
    expect(parseWebhookUrl('http://intranet.example.com/rest/1/abc123/', { allowHttp: true }).origin).toBe(
      'http://intranet.example.com',
    )
  })

  it.each([
    ['', 'notUrl'],
    ['   ', 'notUrl'],
    ['just some words', 'notUrl'],
    ['https://', 'notUrl'],
    ['ftp://acme.bitrix24.com/rest/1/abc/', 'notHttps'],
    ['http://acme.bitrix24.com/rest/1/abc/', 'notHttps'],
    ['https://acme.bitrix24.com/', 'noRest'],
    ['https://acme.bitrix24.com/company/personal/user/1/', 'noRest'],
    ['https://acme.bitrix24.com/rest/', 'userIdNotNumber'],
    ['https://acme.bitrix24.com/rest/admin/abc123/', 'userIdNotNumber'],
    ['https://acme.bitrix24.com/rest/sonet_group.user.groups', 'userIdNotNumber'],
    ['https://acme.bitrix24.com/rest/0/abc123/', 'userIdNotNumber'],
    ['https://acme.bitrix24.com/rest/1/', 'codeMissing'],
    ['https://acme.bitrix24.com/rest/1/profile.json', 'codeMissing'],
    ['https://acme.bitrix24.com/rest/1/abc123/?auth=x', 'extras'],
    ['https://acme.bitrix24.com/rest/1/abc123/?', 'extras'],
    ['https://acme.bitrix24.com/rest/1/abc123/#top', 'extras'],
    ['https://user:pass@acme.bitrix24.com/rest/1/abc123/', 'extras'],
    ['https://user@acme.bitrix24.com/rest/1/abc123/', 'extras'],
  ])('refuses %j and says %s', (input, problem) => {
    const error = failureOf(() => parseWebhookUrl(input))
    expect(error.code).toBe('INVALID_WEBHOOK_URL')
    expect(error.kind).toBe('auth')
    expect(error.messageKey).toBe(`errors:webhookUrl.${problem}`)
  })

  it('refuses a query or user info without echoing the code in the message', () => {
    for (const input of [
      'https://acme.bitrix24.com/rest/1/fake_code_extras_1/?x=1',
      'https://me:fake_code_extras_1@acme.bitrix24.com/rest/1/fake_code_extras_1/',
    ]) {
      const error = failureOf(() => parseWebhookUrl(input))
      expect(`${error.message} ${String(error)} ${error.stack}`).not.toContain('fake_code_extras_1')
    }
  })

  it('never puts the pasted URL (and so the code) into the error', () => {
    const error = failureOf(() => parseWebhookUrl('ftp://acme.bitrix24.com/rest/1/fake_code_extras_1/'))
    expect(`${error.message} ${String(error)} ${error.stack}`).not.toContain('fake_code_extras_1')
  })
})

describe('masking', () => {
  it('shows a webhook as its portal and user with the code hidden', () => {
    const credentials = parseWebhookUrl('https://acme.bitrix24.com/rest/1/fake_code_abc123/')
    expect(maskWebhookUrl(credentials)).toBe('https://acme.bitrix24.com/rest/1/••••/')
    expect(maskCredentials(credentials)).toBe('https://acme.bitrix24.com/rest/1/••••/')
  })

  it('shows OAuth credentials as the portal only', () => {
    const credentials = parseOAuthCredentials({
      portal: 'acme.bitrix24.com',
      accessToken: 'access-token-1',
      refreshToken: 'refresh-token-1',
      clientId: 'local.1',
      clientSecret: 'client-secret-1',
    })
    expect(maskCredentials(credentials)).toBe('https://acme.bitrix24.com (OAuth)')
  })
})

describe('normalizePortalOrigin', () => {
  it.each([
    ['acme.bitrix24.com', 'https://acme.bitrix24.com'],
    ['https://acme.bitrix24.com/stream/', 'https://acme.bitrix24.com'],
    ['HTTPS://Acme.Bitrix24.com:443', 'https://acme.bitrix24.com'],
    ['http://127.0.0.1:9000/', 'http://127.0.0.1:9000'],
  ])('%s -> %s', (input, origin) => {
    expect(normalizePortalOrigin(input)).toBe(origin)
  })

  it.each([
    ['', 'notUrl'],
    ['acme', 'notUrl'],
    ['http://acme.example.com', 'notHttps'],
  ])('refuses %j (%s)', (input, problem) => {
    const error = failureOf(() => normalizePortalOrigin(input))
    expect(error.code).toBe('INVALID_PORTAL_URL')
    expect(error.messageKey).toBe(`errors:portalUrl.${problem}`)
  })
})

describe('parseOAuthCredentials', () => {
  const valid = {
    portal: 'https://acme.bitrix24.com',
    accessToken: 'access-token-1',
    refreshToken: 'refresh-token-1',
    clientId: 'local.1',
    clientSecret: 'client-secret-1',
  }

  it('defaults the token server to oauth.bitrix.info', () => {
    expect(parseOAuthCredentials(valid)).toEqual({
      kind: 'oauth',
      origin: 'https://acme.bitrix24.com',
      userId: null,
      accessToken: 'access-token-1',
      refreshToken: 'refresh-token-1',
      clientId: 'local.1',
      clientSecret: 'client-secret-1',
      tokenServerUrl: 'https://oauth.bitrix.info/oauth/token/',
    })
  })

  it('names the missing field without echoing any value', () => {
    const error = failureOf(() => parseOAuthCredentials({ ...valid, clientSecret: '' }))
    expect(error.code).toBe('INVALID_OAUTH_CREDENTIALS')
    expect(error.message).toContain('clientSecret')
    expect(error.message).not.toContain('access-token-1')
  })

  it('refuses a token server over plain http', () => {
    const error = failureOf(() => parseOAuthCredentials({ ...valid, tokenServerUrl: 'http://oauth.example.com/t/' }))
    expect(error.code).toBe('INVALID_OAUTH_CREDENTIALS')
  })
})
