// A portal that moved: the check of the new address the user gives. Only origins are ever printed: a path or query
// could carry a webhook code.
import { isLoopbackOrigin } from '../main/bitrix'

export type PortalAddress =
  | { ok: true; origin: string }
  | { ok: false; problem: 'notUrl' | 'notHttps' }
  | { ok: false; problem: 'notOrigin'; origin: string }

/**
 * A portal address the user typed: an https origin, or plain http to this machine (the demo portal), as everywhere
 * else on the command line. A path, query, fragment or user name is refused rather than dropped: it may be a webhook
 * URL pasted by mistake, and the user should see that only the origin is meant.
 */
export function parsePortalAddress(text: string): PortalAddress {
  const trimmed = text.trim()
  if (!URL.canParse(trimmed)) return { ok: false, problem: 'notUrl' }
  const url = new URL(trimmed)
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackOrigin(url.origin))
  if (!allowed) return { ok: false, problem: 'notHttps' }
  if (url.href !== `${url.origin}/`) return { ok: false, problem: 'notOrigin', origin: url.origin }
  return { ok: true, origin: url.origin }
}
