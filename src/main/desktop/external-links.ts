// The only way the app opens a browser. A group URL is built from portal data and a user-editable template, so it
// is checked before it reaches `shell.openExternal`, which would otherwise hand any scheme to the OS (file:, smb:,
// custom protocol handlers) and any host to the browser.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export type LinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string }

function originOf(portal: string): string | null {
  try {
    return new URL(portal).origin
  } catch {
    return null
  }
}

/**
 * Allows https URLs whose origin is exactly one of the accounts' portals, and plain http only to a loopback portal
 * (the demo). The URL is parsed, never prefix-matched, so `portal.bitrix24.com.evil.io`, `portal.bitrix24.com@evil.io`
 * and a different port are refused. The returned URL is the parsed, normalised one that the checks were made on.
 */
export function checkExternalUrl(raw: string, portals: readonly string[]): LinkVerdict {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { allowed: false, reason: 'not a URL' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: `scheme ${url.protocol}` }
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { allowed: false, reason: 'plain http' }
  const allowedOrigins = new Set(portals.map(originOf).filter((origin): origin is string => origin !== null))
  if (!allowedOrigins.has(url.origin)) return { allowed: false, reason: `origin ${url.origin} is not a portal` }
  return { allowed: true, url: url.href }
}

export interface ExternalOpenerDeps {
  openExternal(url: string): Promise<void>
  /** Current portal origins of all accounts. */
  portals(): readonly string[]
  warn(message: string, details: Record<string, unknown>): void
}

/** Opens a checked URL; a refused one is logged (origin and reason only) and reported as `refused`. */
export function createExternalOpener(deps: ExternalOpenerDeps) {
  return async function openExternal(raw: string): Promise<'opened' | 'refused' | 'failed'> {
    const verdict = checkExternalUrl(raw, deps.portals())
    if (!verdict.allowed) {
      deps.warn('Refused to open a link', { reason: verdict.reason })
      return 'refused'
    }
    try {
      await deps.openExternal(verdict.url)
      return 'opened'
    } catch (error) {
      deps.warn('The browser could not be opened', { error: error instanceof Error ? error.name : 'unknown' })
      return 'failed'
    }
  }
}
