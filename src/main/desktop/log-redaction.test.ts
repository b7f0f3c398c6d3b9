import { REDACTED, redactSecrets } from './log-redaction'

describe('log redaction', () => {
  it.each([
    ['a webhook URL', 'POST https://acme.bitrix24.com/rest/1/fake_code_secret/sonet_group.user.groups'],
    ['a webhook URL without a method', 'https://acme.bitrix24.com/rest/17/fake_code_secret'],
    ['auth in a query', 'https://acme.bitrix24.com/rest/profile?auth=fake_code_secret&x=1'],
    [
      'a refresh request',
      'GET /oauth/token/?grant_type=refresh_token&client_secret=fake_code_secret&refresh_token=fake_code_secret',
    ],
    ['a JSON access token', '{"access_token":"fake_code_secret","expires":3600}'],
    ['a camelCase token field', '{"accessToken":"fake_code_secret"}'],
    ['a JSON value with an escaped quote', '{"clientSecret":"abc\\"123secret"}'],
    ['a bearer header', 'Authorization: Bearer fake_code_secret'],
    ['a form body', 'code=fake_code_secret&state=1'],
  ])('removes %s', (_name, line) => {
    const redacted = redactSecrets(line)
    expect(redacted).not.toMatch(/abc\\?"?123secret/)
    expect(redacted).toContain(REDACTED)
  })

  it('keeps what is not secret: host, user id, method, other fields', () => {
    expect(redactSecrets('https://acme.bitrix24.com/rest/1/fake_code_secret/profile?start=50')).toBe(
      `https://acme.bitrix24.com/rest/1/${REDACTED}/profile?start=50`,
    )
    expect(redactSecrets('{"error":"NO_AUTH_FOUND","error_code":"x"}')).toBe(
      '{"error":"NO_AUTH_FOUND","error_code":"x"}',
    )
    expect(redactSecrets('https://acme.bitrix24.com/rest/sonet_group.user.groups')).toBe(
      'https://acme.bitrix24.com/rest/sonet_group.user.groups',
    )
  })

  it('keeps error codes logged as a JSON "code" member', () => {
    expect(redactSecrets('{"level":40,"code":"NO_AUTH_FOUND","msg":"poll failed"}')).toBe(
      '{"level":40,"code":"NO_AUTH_FOUND","msg":"poll failed"}',
    )
  })

  it('still removes an authorization code from a query string and a webhook code from its path', () => {
    const line =
      '{"url":"https://acme.bitrix24.com/oauth/?code=fake_code_secret&state=1","hook":"/rest/5/fake_code_secret/"}'
    expect(redactSecrets(line)).toBe(
      `{"url":"https://acme.bitrix24.com/oauth/?code=${REDACTED}&state=1","hook":"/rest/5/${REDACTED}/"}`,
    )
  })

  it('removes known secrets wherever they appear, raw, URL-encoded or JSON-escaped', () => {
    const secret = 'tok/en+with"quote'
    const line = `plain ${secret} encoded ${encodeURIComponent(secret)} json ${JSON.stringify(secret)}`
    const redacted = redactSecrets(line, [secret])
    expect(redacted).not.toContain('tok/en')
    expect(redacted).not.toContain('tok%2Fen')
  })

  it('ignores known "secrets" too short to be real, rather than masking common words', () => {
    expect(redactSecrets('the sync is ok', ['ok'])).toBe('the sync is ok')
  })
})
