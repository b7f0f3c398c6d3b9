// Links built from what a portal sends: group pages from the account's template, avatars resolved against the portal.
// Both run for every group on every poll, so each parses a URL only when it must.
import { BitrixError } from './errors'

export const DEFAULT_GROUP_URL_TEMPLATE = '/workgroups/group/{id}/'

/**
 * An absolute URL for a portal-supplied image (`/upload/...` on self-hosted portals), or null: https from any host
 * (Bitrix24's CDN), plain http only from the portal's own origin (a loopback portal, which is the only plain-http
 * portal the app accepts), as the window's CSP allows. A plain-http address elsewhere could be read or replaced on
 * the way, and tells that host when the user looks at the list.
 */
export function resolvePortalUrl(value: string | null | undefined, origin: string): string | null {
  const trimmed = value?.trim()
  if (!trimmed) return null
  try {
    const url = new URL(trimmed, `${origin}/`)
    // Anything but a web address (javascript:, data:, file:) must never reach an <img> or a browser.
    if (url.protocol === 'https:') return url.href
    return url.protocol === 'http:' && url.origin === new URL(origin).origin ? url.href : null
  } catch {
    return null
  }
}

export interface PortalUrlResolver {
  /** `resolvePortalUrl(value, origin)`, remembered. */
  resolve(value: string | null | undefined): string | null
  /** A new list begins: answers that the last list did not ask for again are forgotten. */
  nextList(): void
  /**
   * Whether `value` resolves to `href`, an address this resolver (or another for the same origin) gave before, as a
   * snapshot stores it. An https one is the answer for itself (parsing and serialising a URL's own href gives it
   * back), which is told without parsing or remembering it; anything else is resolved.
   */
  resolvesTo(value: string | null | undefined, href: string | null): boolean
}

/**
 * `resolvePortalUrl` for one origin that remembers its answers from one list to the next: avatars rarely change
 * between polls, and parsing each as a URL was most of normalising a small list. Memory stays bounded by the
 * avatars of the last two lists.
 */
export function createPortalUrlResolver(origin: string): PortalUrlResolver {
  let previous = new Map<string, string | null>()
  let current = new Map<string, string | null>()
  function resolve(value: string | null | undefined): string | null {
    if (!value) return null
    let resolved = current.get(value)
    if (resolved !== undefined) return resolved
    resolved = previous.get(value)
    if (resolved === undefined) resolved = resolvePortalUrl(value, origin)
    current.set(value, resolved)
    return resolved
  }
  return {
    resolve,
    nextList() {
      previous = current
      current = new Map()
    },
    resolvesTo(value, href) {
      // Only https: a plain-http address resolves to itself only on its own origin, which may have moved since.
      if (value === href && href !== null && href.startsWith('https://')) return true
      return resolve(value) === href
    },
  }
}

/** A group's link from its id, and `is`: whether a link is the one for an id, told without making it. */
export interface GroupUrlBuilder {
  (id: string): string
  is(id: string, url: string): boolean
}

/** Checks a group link template and returns the function that fills it in. */
export function createGroupUrlBuilder(template: string, origin: string): GroupUrlBuilder {
  const trimmed = template.trim()
  let probe: URL | null = null
  if (trimmed.includes('{id}') && (trimmed.startsWith('/') || /^https?:\/\//i.test(trimmed))) {
    try {
      probe = new URL(trimmed.replaceAll('{id}', '1'), `${origin}/`)
    } catch {
      probe = null
    }
  }
  if (!probe || (probe.protocol !== 'https:' && probe.protocol !== 'http:')) {
    throw new BitrixError({ code: 'INVALID_GROUP_URL_TEMPLATE', detail: 'needs {id} and a path or an http(s) URL' })
  }
  const byParsing = (id: string) => new URL(trimmed.replaceAll('{id}', encodeURIComponent(id)), `${origin}/`).href
  const builder = (build: (id: string) => string, is = (id: string, url: string) => build(id) === url) =>
    Object.assign(build, { is })
  const pieces = piecesAroundId(trimmed, origin)
  if (!pieces) return builder(byParsing)
  // Parsing a URL per group cost 15 times the template itself (~1.2 ms per 1,000 groups, on every poll).
  if (pieces.length === 2) {
    const [head, tail] = pieces as [string, string]
    // A first poll asks this of every stored group: comparing the pieces in place makes no string per group.
    return builder(
      (id) => (isDigits(id) ? head + id + tail : byParsing(id)),
      (id, url) =>
        isDigits(id)
          ? url.length === head.length + id.length + tail.length &&
            url.startsWith(head) &&
            url.startsWith(id, head.length) &&
            url.endsWith(tail)
          : byParsing(id) === url,
    )
  }
  return builder((id) => (isDigits(id) ? pieces.join(id) : byParsing(id)))
}

/** Whether `text` is one or more ASCII digits (`/^[0-9]+$/`), told by char codes: a call less per group. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at)
    if (unit < 0x30 || unit > 0x39) return false
  }
  return true
}
// Lowercase letters only: the URL parser leaves them as they are anywhere after the host.
const ID_MARK = 'zqxidmarkxqz'

/**
 * The parsed template's href split where the id goes, when joining those pieces around a number is exactly what the
 * URL parser would give: the id lies only in the path, query or fragment, where the parser treats each character on
 * its own and digits pass unchanged. Null (parse every URL) when it is in the host or port, where a number could
 * become part of an IPv4 address or a port, or when the mark does not survive parsing as it is.
 */
function piecesAroundId(template: string, origin: string): string[] | null {
  if (template.includes(ID_MARK)) return null
  let marked: URL
  try {
    marked = new URL(template.replaceAll('{id}', ID_MARK), `${origin}/`)
  } catch {
    return null
  }
  const authority = `${marked.protocol}//${marked.username}:${marked.password}@${marked.host}`
  if (authority.includes(ID_MARK)) return null
  const pieces = marked.href.split(ID_MARK)
  return pieces.length === template.split('{id}').length ? pieces : null
}

/**
 * A group's link rebuilt from what the app trusts: the account's origin and link template, and an id that is a
 * positive integer. Used for links read back from the state file, which anyone who can write that file can change
 * (a `javascript:` or `file:` URL, a foreign host); null when the id or the template cannot make a link.
 */
export function trustedGroupUrl(template: string, origin: string, id: string): string | null {
  if (!/^[1-9][0-9]*$/.test(id)) return null
  try {
    return createGroupUrlBuilder(template, origin)(id)
  } catch {
    return null
  }
}
