// One HTTP exchange with a portal or token server: the HTTPS rule, a per-hop timeout, cancellation, redirects by hand
// (a moved portal gets the same request again, but only where the redirect policy trusts the new origin) and a
// bounded body read. Every failure becomes a BitrixError whose text has been scrubbed of secrets.
import { BitrixError } from './errors'
import { isAllowedOrigin } from './origin-policy'
import { mayFollowRedirect } from './redirect-policy'
import { timerMs } from './wait-limits'

export interface TransportOptions {
  fetch: typeof fetch
  timeoutMs: number
  userAgent: string
  allowHttp: boolean
  redact: (text: string) => string
  /** Waits for the rate limiter of the origin a request is about to go to. */
  beforeRequest?: (origin: string, signal: AbortSignal | undefined) => Promise<void>
  /**
   * Whether redirects are followed at all (default true). The token server's request carries the refresh token and
   * client secret in its query, and a redirect is no part of its protocol: it gets false.
   */
  followRedirects?: boolean
}

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST'
  /** Sent as JSON. */
  body?: unknown
}

export interface RawResponse {
  status: number
  headers: Headers
  /** The body as it came. */
  bytes: Buffer
  /** The body decoded as UTF-8, when first read (a reader of the bytes need not pay for it). */
  readonly text: string
  /** The origin that finally answered, when it is not the one asked. */
  movedTo: string | null
}

interface Exchanged {
  status: number
  headers: Headers
  bytes: Buffer
}

const NO_BYTES = Buffer.alloc(0)

const MAX_REDIRECTS = 3
const MAX_BODY_BYTES = 16 * 1024 * 1024
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

type AbortCause = 'timeout' | 'caller'

function abortError(cause: AbortCause, timeoutMs: number): BitrixError {
  return cause === 'timeout'
    ? new BitrixError({ code: 'TIMEOUT', detail: `no complete answer within ${timeoutMs} ms` })
    : new BitrixError({ code: 'ABORTED', detail: 'cancelled by the caller' })
}

/** What a failed fetch says about the network, in Node (undici error codes) and Electron (net::ERR_*) wording. */
function networkError(error: unknown, redact: (text: string) => string): BitrixError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  const causeCode = typeof cause?.code === 'string' ? cause.code : ''
  const text = `${causeCode} ${typeof cause?.message === 'string' ? cause.message : ''} ${
    error instanceof Error ? error.message : String(error)
  }`
  const detail = redact(
    `${error instanceof Error ? error.message : 'request failed'}${causeCode ? ` (${causeCode})` : ''}`,
  )
  if (/CERT|SSL|TLS|ERR_CERT|self[- ]signed|unable to verify/i.test(text)) {
    return new BitrixError({ code: 'TLS_ERROR', detail })
  }
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/i.test(text)) {
    return new BitrixError({ code: 'NETWORK', messageKey: 'connectionRefused', detail })
  }
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/i.test(text)) {
    return new BitrixError({ code: 'NETWORK', messageKey: 'dnsNotFound', detail })
  }
  return new BitrixError({ code: 'NETWORK', detail })
}

/** Reads the body up to a limit; a body that breaks off is a truncated answer, with what arrived as the excerpt. */
async function readBody(response: Response, redact: (text: string) => string): Promise<Buffer> {
  if (!response.body) return NO_BYTES
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  const decode = () => new TextDecoder().decode(Buffer.concat(chunks))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined)
        throw new BitrixError({
          code: 'BAD_RESPONSE',
          reason: 'too_large',
          status: response.status,
          detail: `answer larger than ${MAX_BODY_BYTES} bytes`,
        })
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof BitrixError) throw error
    throw new BitrixError({
      code: 'BAD_RESPONSE',
      reason: 'truncated',
      status: response.status,
      detail: 'the answer broke off before its end',
      excerpt: redact(decode()),
    })
  }
  return Buffer.concat(chunks)
}

/** Where a redirect goes: the same request at the new origin, or the new location on the same origin. */
function redirectTarget(current: URL, location: string): URL | null {
  let target: URL
  try {
    target = new URL(location, current)
  } catch {
    return null
  }
  // A moved portal keeps its REST paths; a redirect elsewhere (a login page, the root) would lose the request.
  if (target.origin !== current.origin) return new URL(`${current.pathname}${current.search}`, target.origin)
  return target
}

export function createTransport(options: TransportOptions) {
  const { redact } = options

  async function exchange(url: URL, request: HttpRequest, signal: AbortSignal | undefined): Promise<Exchanged> {
    await options.beforeRequest?.(url.origin, signal)
    const controller = new AbortController()
    let cause: AbortCause | null = null
    const onCallerAbort = () => {
      cause ??= 'caller'
      controller.abort()
    }
    if (signal?.aborted) throw abortError('caller', options.timeoutMs)
    signal?.addEventListener('abort', onCallerAbort, { once: true })
    const timer = setTimeout(() => {
      cause ??= 'timeout'
      controller.abort()
    }, timerMs(options.timeoutMs))
    try {
      const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': options.userAgent }
      if (request.body !== undefined) headers['Content-Type'] = 'application/json'
      const response = await options.fetch(url.href, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: controller.signal,
      })
      // A fetch that follows the standard to the letter hides a manual redirect (status 0, no Location): all we know
      // is that the portal sent us elsewhere.
      if (response.type === 'opaqueredirect') {
        throw new BitrixError({
          code: 'PORTAL_MOVED',
          detail: 'redirected to an address the fetch implementation hides',
        })
      }
      // The body is read under the same timer: a portal that sends headers and then stalls times out too.
      const bytes = REDIRECT_STATUSES.has(response.status)
        ? (await response.body?.cancel().catch(() => undefined), NO_BYTES)
        : await readBody(response, redact)
      return { status: response.status, headers: response.headers, bytes }
    } catch (error) {
      if (cause) throw abortError(cause, options.timeoutMs)
      if (error instanceof BitrixError) throw error
      throw networkError(error, redact)
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onCallerAbort)
    }
  }

  /**
   * Sends a request, following up to three redirects by hand; never from https to http, and to another origin only
   * where `mayFollowRedirect` allows it (else PORTAL_MOVED with the new origin as `movedTo`).
   */
  async function send(request: HttpRequest, signal?: AbortSignal): Promise<RawResponse> {
    let url = new URL(request.url)
    const firstOrigin = url.origin
    const visited = new Set<string>([url.href])
    for (let hop = 0; ; hop++) {
      const response = await exchange(url, request, signal)
      const location = response.headers.get('location')
      if (!REDIRECT_STATUSES.has(response.status) || location === null) {
        const { bytes } = response
        let text: string | null = null
        return {
          status: response.status,
          headers: response.headers,
          bytes,
          get text() {
            return (text ??= new TextDecoder().decode(bytes))
          },
          movedTo: url.origin === firstOrigin ? null : url.origin,
        }
      }
      if (options.followRedirects === false) {
        throw new BitrixError({
          code: 'BAD_RESPONSE',
          reason: 'redirect',
          status: response.status,
          retryable: false,
          detail: 'answered with a redirect, which this server must not send; nothing was sent on',
        })
      }
      const target = redirectTarget(url, location)
      if (!target) {
        throw new BitrixError({
          code: 'BAD_RESPONSE',
          reason: 'redirect',
          status: response.status,
          detail: 'unreadable Location',
        })
      }
      if (url.protocol === 'https:' && target.protocol !== 'https:') {
        throw new BitrixError({
          code: 'INSECURE_REDIRECT',
          status: response.status,
          detail: redact(`redirect from https to ${target.origin}`),
        })
      }
      if (!isAllowedOrigin(target.href, options.allowHttp)) {
        throw new BitrixError({
          code: 'INSECURE_REDIRECT',
          status: response.status,
          detail: redact(`redirect to ${target.origin}, which is not https`),
        })
      }
      if (!mayFollowRedirect(url, target)) {
        // Only the origin: the Location's path and query may carry a code meant for the other site.
        throw new BitrixError({
          code: 'PORTAL_MOVED',
          status: response.status,
          movedTo: target.origin,
          detail: redact(`redirected to ${target.origin}, which only the user can confirm; nothing was sent there`),
        })
      }
      if (hop + 1 > MAX_REDIRECTS || visited.has(target.href)) {
        throw new BitrixError({
          code: 'TOO_MANY_REDIRECTS',
          status: response.status,
          detail: visited.has(target.href) ? 'redirect loop' : `more than ${MAX_REDIRECTS} redirects`,
        })
      }
      visited.add(target.href)
      url = target
    }
  }

  return { send }
}

export type Transport = ReturnType<typeof createTransport>
