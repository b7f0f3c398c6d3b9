// The HTTPS rule: a portal is spoken to over https, except plain http to this machine (demo portal, tests) and to a
// self-hosted portal the user explicitly marked as served over HTTP.
import { BitrixError } from './errors'

function loopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  // IPv4-mapped IPv6 loopback, as URL normalises it.
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** Whether an origin (or any URL) points at this machine: 127.0.0.0/8, localhost or [::1]. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    return loopbackHost(new URL(origin).hostname)
  } catch {
    return false
  }
}

/** Whether a request to this URL is allowed under the HTTPS rule. */
export function isAllowedOrigin(url: string, allowHttp = false): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && (allowHttp || loopbackHost(parsed.hostname))
}

/** Throws INSECURE_ORIGIN when the HTTPS rule refuses the URL. */
export function assertAllowedOrigin(url: string, allowHttp = false): void {
  if (!isAllowedOrigin(url, allowHttp)) {
    let origin = 'the address'
    try {
      origin = new URL(url).origin
    } catch {
      // Not a URL at all: the generic wording is all we can say.
    }
    throw new BitrixError({
      code: 'INSECURE_ORIGIN',
      detail: `${origin} is not https; plain http is allowed only to loopback or to a portal marked self-hosted over HTTP`,
    })
  }
}
