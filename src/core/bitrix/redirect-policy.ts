// Which redirects to another origin may take the same request (and with it the webhook code or access token) along.
// A portal is trusted with its account's secret; the place it points to is not, unless it is plainly the same party.
import { isBitrixCloudHost } from './cloud-hosts'
import { isLoopbackOrigin } from './origin-policy'

/**
 * Whether a request to `from` may be re-sent to `to` automatically: always on the same origin; across origins only
 * between two Bitrix24 cloud portals, from http to https on the same host and port, or between two loopback addresses
 * (the demo portal: the secret never leaves this machine). Anything else is for the user to confirm.
 */
export function mayFollowRedirect(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true
  if (isBitrixCloudHost(from.hostname) && isBitrixCloudHost(to.hostname)) return true
  if (from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && from.port === to.port) {
    return true
  }
  return isLoopbackOrigin(from.origin) && isLoopbackOrigin(to.origin)
}
