import type { ErrorView } from '@shared/types'
import { haltsPolling } from './watch'

const view = (kind: ErrorView['kind'], retryAt: string | null = null): ErrorView => ({
  code: 'X',
  kind,
  messageKey: 'errors:x',
  message: 'x',
  retryAt,
})

describe('which errors end polling until the user acts', () => {
  it.each(['auth', 'permission', 'scope', 'plan', 'moved', 'not_found'] as const)('%s halts', (kind) => {
    expect(haltsPolling(view(kind))).toBe(true)
  })

  it.each(['network', 'server', 'protocol', 'rate_limit', 'overload', 'method_time'] as const)(
    '%s is retried',
    (kind) => {
      expect(haltsPolling(view(kind))).toBe(false)
    },
  )

  it('a method awaiting approval, which says when to ask again, is retried', () => {
    expect(haltsPolling(view('auth', new Date(Date.now() + 60_000).toISOString()))).toBe(false)
  })
})
