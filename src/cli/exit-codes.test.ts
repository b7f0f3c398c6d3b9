import type { ErrorKind } from '@shared/types'
import { EXIT, exitCodeForKind } from './exit-codes'

describe('exit codes', () => {
  it.each<[ErrorKind, number]>([
    ['auth', 3],
    ['permission', 3],
    ['scope', 3],
    ['plan', 3],
    ['network', 4],
    ['protocol', 4],
    ['server', 4],
    ['not_found', 4],
    ['moved', 4],
    ['rate_limit', 5],
    ['overload', 5],
    ['method_time', 5],
  ])('an error of kind %s exits with %i', (kind, code) => {
    expect(exitCodeForKind(kind)).toBe(code)
  })

  it('keeps the documented values for success, usage and the unexpected', () => {
    expect([EXIT.ok, EXIT.unexpected, EXIT.usage]).toEqual([0, 1, 2])
    // 128 + SIGPIPE, what a shell reports for any tool whose reader went away.
    expect(EXIT.outputClosed).toBe(141)
  })
})
