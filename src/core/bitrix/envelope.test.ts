import { BitrixError } from './errors'
import { interpretAnswer, parseTimeInfo } from './envelope'
import { redactPatterns } from './redact'

function failureOf(status: number, text: string): BitrixError {
  try {
    interpretAnswer({ status, text }, redactPatterns)
  } catch (error) {
    if (error instanceof BitrixError) return error
    throw error
  }
  throw new Error('expected a BitrixError')
}

describe('reading an answer', () => {
  it('returns result, next, total and the time block of a success', () => {
    const envelope = interpretAnswer(
      {
        status: 200,
        text: JSON.stringify({
          result: [],
          next: 50,
          total: '120',
          time: {
            start: 1,
            finish: 2,
            duration: 1,
            processing: 1,
            date_start: 'a',
            date_finish: 'b',
            operating: 0.5,
            operating_reset_at: 1773927627,
          },
        }),
      },
      redactPatterns,
    )
    expect(envelope).toEqual({
      result: [],
      next: 50,
      total: 120,
      time: {
        start: 1,
        finish: 2,
        duration: 1,
        processing: 1,
        dateStart: 'a',
        dateFinish: 'b',
        operating: 0.5,
        operatingResetAt: 1773927627,
      },
    })
  })

  it('treats an error body as an error even with HTTP 200', () => {
    const error = failureOf(200, '{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}')
    expect([error.code, error.kind, error.status]).toEqual(['QUERY_LIMIT_EXCEEDED', 'rate_limit', 200])
    expect(error.message).toContain('Too many requests')
  })

  it.each([
    [
      'an HTML page with 200',
      200,
      '<!DOCTYPE html><html><body>Login</body></html>',
      'BAD_RESPONSE',
      'html',
      'protocol',
    ],
    [
      "a proxy's HTML 502",
      502,
      '<html><head><title>502 Bad Gateway</title></head></html>',
      'HTTP_502',
      'html',
      'server',
    ],
    ['an empty 200', 200, '', 'BAD_RESPONSE', 'empty', 'protocol'],
    ['an empty 504', 504, '  ', 'HTTP_504', 'empty', 'server'],
    ['JSON cut short', 200, '{"result":[{"GROUP_ID":"1"', 'BAD_RESPONSE', 'not_json', 'protocol'],
    ['plain text', 200, 'OK', 'BAD_RESPONSE', 'not_json', 'protocol'],
    ['JSON without result', 200, '{"foo":1}', 'BAD_RESPONSE', 'shape', 'protocol'],
    ['a JSON array', 200, '[1,2]', 'BAD_RESPONSE', 'shape', 'protocol'],
    ['JSON null', 200, 'null', 'BAD_RESPONSE', 'shape', 'protocol'],
    ['a bad next', 200, '{"result":[],"next":"soon"}', 'BAD_RESPONSE', 'shape', 'protocol'],
    ['a 404 without a code', 404, '{"message":"no"}', 'HTTP_404', 'status', 'not_found'],
  ])('reads %s as %s (%s, kind %s)', (_, status, text, code, reason, kind) => {
    const error = failureOf(status, text)
    expect([error.code, error.reason, error.kind]).toEqual([code, reason, kind])
  })

  it('keeps a short excerpt of a bad answer, scrubbed', () => {
    const error = failureOf(200, '<html>see https://acme.bitrix24.com/rest/1/fake_code_leaked42/ for details</html>')
    expect(error.excerpt).toContain('/rest/1/••••/')
    expect(error.message).not.toContain('fake_code_leaked42')
  })

  it('drops a malformed time block rather than failing the answer', () => {
    expect(parseTimeInfo({ start: 'x' })).toBeNull()
    expect(interpretAnswer({ status: 200, text: '{"result":[],"time":"soon"}' }, redactPatterns).time).toBeNull()
  })
})
