// What the client tests share: a limiter that never waits, a client on a webhook URL, and the BitrixError a call fails
// with (thrown or rejected).
import { createBitrixClient } from '../client'
import { parseWebhookUrl } from '../credentials'
import { BitrixError } from '../errors'
import { createRateLimiterRegistry } from '../rate-limiter'
import type { BitrixClientOptions } from '../types'

/** A per-portal limiter registry that lets every test request through at once. */
export const unlimited = () => createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 })

/** A client on a webhook URL (plain http allowed, for servers on 127.0.0.1) that never sleeps between tries. */
export function webhookTestClient(webhookUrl: string, options: Partial<BitrixClientOptions> = {}) {
  return createBitrixClient({
    credentials: parseWebhookUrl(webhookUrl, { allowHttp: true }),
    allowHttp: true,
    rateLimiters: unlimited(),
    sleep: async () => {},
    ...options,
  })
}

/** The BitrixError that `run` throws, or the call rejects with; fails the test when it succeeds or fails otherwise. */
export function failureOf(run: () => unknown): BitrixError
export function failureOf(promise: Promise<unknown>): Promise<BitrixError>
export function failureOf(call: (() => unknown) | Promise<unknown>): BitrixError | Promise<BitrixError> {
  if (typeof call !== 'function') {
    return call.then(() => {
      throw new Error('expected the call to fail')
    }, bitrixErrorOnly)
  }
  try {
    call()
  } catch (error) {
    return bitrixErrorOnly(error)
  }
  throw new Error('expected a BitrixError')
}

function bitrixErrorOnly(error: unknown): BitrixError {
  if (error instanceof BitrixError) return error
  throw error
}
