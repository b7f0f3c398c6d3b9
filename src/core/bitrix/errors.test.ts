import { createTranslator, type MessageKey, NAMESPACES } from '@shared/i18n'
import type { ErrorKind } from '@shared/types'
import { PORTAL_ERROR_CODES, SYNTHETIC_ERROR_CODES, TOKEN_SERVER_ERROR_CODES } from './error-codes'
import { BitrixError, errorKindOf, excerptOf, toErrorView } from './errors'

describe('error taxonomy', () => {
  it.each<[string, ErrorKind, boolean]>([
    ['INTERNAL_SERVER_ERROR', 'server', true],
    ['ERROR_UNEXPECTED_ANSWER', 'server', true],
    ['QUERY_LIMIT_EXCEEDED', 'rate_limit', true],
    ['OVERLOAD_LIMIT', 'overload', true],
    ['OPERATION_TIME_LIMIT', 'method_time', true],
    ['ERROR_BATCH_METHOD_NOT_ALLOWED', 'protocol', false],
    ['ERROR_BATCH_LENGTH_EXCEEDED', 'protocol', false],
    ['ERROR_METHOD_NOT_FOUND', 'not_found', false],
    ['NO_AUTH_FOUND', 'auth', false],
    ['INVALID_CREDENTIALS', 'permission', false],
    ['insufficient_scope', 'scope', false],
    ['expired_token', 'auth', false],
    ['invalid_token', 'auth', false],
    ['user_access_error', 'permission', false],
    ['ACCESS_DENIED', 'plan', false],
    ['INVALID_REQUEST', 'auth', false],
    ['method_confirm_waiting', 'permission', true],
    ['WRONG_AUTH_TYPE', 'auth', false],
    ['wrong_client', 'auth', false],
    ['payment_required', 'plan', false],
    ['PAYMENT_REQUIRED', 'plan', false],
    ['ERROR_MANIFEST_IS_NOT_AVAILABLE', 'not_found', false],
    ['PORTAL_DELETED', 'server', true],
    ['invalid_grant', 'auth', false],
    ['invalid_client', 'auth', false],
    ['NETWORK', 'network', true],
    ['TIMEOUT', 'network', true],
    ['ABORTED', 'network', false],
    ['BAD_RESPONSE', 'protocol', true],
    ['HTTP_500', 'server', true],
    ['HTTP_502', 'server', true],
    ['HTTP_404', 'not_found', false],
    ['PORTAL_MOVED', 'moved', false],
  ])('%s is of kind %s (retryable: %s)', (code, kind, retryable) => {
    const error = new BitrixError({ code })
    expect(errorKindOf(code)).toBe(kind)
    expect(error.kind).toBe(kind)
    expect(error.retryable).toBe(retryable)
  })

  it('matches a portal code case-insensitively when the spelling differs', () => {
    expect(errorKindOf('Expired_Token')).toBe('auth')
    expect(errorKindOf('no_auth_found')).toBe('auth')
  })

  it("keeps the token server's invalid_request apart from the portal's INVALID_REQUEST (https required)", () => {
    expect(new BitrixError({ code: 'invalid_request' }).messageKey).toBe('errors:invalidGrant')
    expect(new BitrixError({ code: 'INVALID_REQUEST' }).messageKey).toBe('errors:httpsRequired')
  })

  it('judges an unknown portal code by its HTTP status', () => {
    expect(errorKindOf('SOMETHING_NEW', 503)).toBe('server')
    expect(errorKindOf('SOMETHING_NEW', 401)).toBe('auth')
    expect(errorKindOf('SOMETHING_NEW', 403)).toBe('permission')
    expect(errorKindOf('SOMETHING_NEW', 404)).toBe('not_found')
    expect(errorKindOf('SOMETHING_NEW', 200)).toBe('protocol')
  })
})

describe('messages', () => {
  const allRules = [PORTAL_ERROR_CODES, TOKEN_SERVER_ERROR_CODES, SYNTHETIC_ERROR_CODES].flatMap((table) =>
    Object.keys(table),
  )
  const extraKeys = ['connectionRefused', 'dnsNotFound', 'httpAuth', 'httpNotFound', 'httpServer', 'unknownPortalError']
  const keys = [
    ...new Set([
      ...allRules.map((code) => new BitrixError({ code }).messageKey),
      ...extraKeys.map((k) => `errors:${k}`),
    ]),
    'errors:webhookUrl.notUrl',
    'errors:webhookUrl.notHttps',
    'errors:webhookUrl.noRest',
    'errors:webhookUrl.userIdNotNumber',
    'errors:webhookUrl.codeMissing',
    'errors:portalUrl.notUrl',
    'errors:portalUrl.notHttps',
  ]

  it.each(['en', 'ru', 'de'] as const)('every message key the client uses has a %s text', (language) => {
    const { t } = createTranslator(language)
    const missing = keys.filter((key) => {
      const text = t(key as MessageKey)
      return text === key || text === key.replace(/^errors:/, '') || text.trim() === ''
    })
    expect(missing).toEqual([])
    expect(Object.keys(NAMESPACES.errors[language]).length).toBeGreaterThan(30)
  })
})

describe('toErrorView', () => {
  it('keeps code, kind, key and retry time, with the message in the given language', () => {
    const error = new BitrixError({
      code: 'QUERY_LIMIT_EXCEEDED',
      status: 503,
      retryAt: new Date('2030-01-02T03:04:05.000Z'),
    })
    const view = toErrorView(error, createTranslator('de').t)
    expect(view).toEqual({
      code: 'QUERY_LIMIT_EXCEEDED',
      kind: 'rate_limit',
      messageKey: 'errors:queryLimitExceeded',
      message: createTranslator('de').t('errors:queryLimitExceeded'),
      retryAt: '2030-01-02T03:04:05.000Z',
    })
    expect(view.message).toMatch(/Anfragen/)
  })

  it("carries a moved portal's new origin, and nothing that is not an origin", () => {
    const moved = (movedTo: string) => toErrorView(new BitrixError({ code: 'PORTAL_MOVED', movedTo }))
    expect(moved('https://new.example.com')).toMatchObject({ kind: 'moved', movedTo: 'https://new.example.com' })
    expect(moved('https://new.example.com/rest/1/fake_code_leaked99/')).not.toHaveProperty('movedTo')
    expect(moved('https://new.example.com?auth=x')).not.toHaveProperty('movedTo')
    expect(moved('ftp://new.example.com')).not.toHaveProperty('movedTo')
    expect(toErrorView(new BitrixError({ code: 'NETWORK', movedTo: 'https://x.example.com' }))).not.toHaveProperty(
      'movedTo',
    )
  })

  it('uses English when no translator is given', () => {
    expect(toErrorView(new BitrixError({ code: 'NO_AUTH_FOUND' })).message).toMatch(/webhook code/)
  })

  it('turns anything else into UNEXPECTED of kind server without using its message', () => {
    const view = toErrorView(new Error('https://acme.bitrix24.com/rest/1/fake_code_leaked99/ exploded'))
    expect(view.code).toBe('UNEXPECTED')
    expect(view.kind).toBe('server')
    expect(JSON.stringify(view)).not.toContain('fake_code_leaked99')
    expect(toErrorView('a string').code).toBe('UNEXPECTED')
    expect(toErrorView(null).code).toBe('UNEXPECTED')
  })
})

describe('BitrixError text', () => {
  it('scrubs webhook paths, auth parameters and token fields from its detail and excerpt', () => {
    const error = new BitrixError({
      code: 'BAD_RESPONSE',
      detail: 'POST https://acme.bitrix24.com/rest/1/fake_code_s3cret/profile?auth=tok3n failed',
      excerpt: '{"access_token":"tok3n2","refresh_token":"r3fresh"} <a href="/rest/7/othercode/x">',
    })
    const text = `${error.message} ${String(error)} ${error.stack}`
    for (const secret of ['fake_code_s3cret', 'tok3n', 'tok3n2', 'r3fresh', 'othercode'])
      expect(text).not.toContain(secret)
    expect(error.message).toContain('/rest/1/••••/profile')
  })

  it('keeps an excerpt short and on one line', () => {
    const excerpt = excerptOf(`<html>\n<body>${'x'.repeat(500)}</body></html>`)
    expect(excerpt).not.toContain('\n')
    expect(excerpt.length).toBeLessThanOrEqual(201)
  })

  it('can be copied with a retry time', () => {
    const error = new BitrixError({ code: 'OVERLOAD_LIMIT', status: 503 })
    const later = error.with({ retryAt: new Date(0) })
    expect(later).toBeInstanceOf(BitrixError)
    expect(later.retryAt?.getTime()).toBe(0)
    expect(later.status).toBe(503)
    expect(error.retryAt).toBeNull()
  })
})
