// Which redirects to another origin may take the same request (and with it the webhook code or access token) along.
// A portal is trusted with its account's secret; the place it points to is not, unless it is plainly the same party.
import { isBitrixCloudHost } from './cloud-hosts'

/**
 * Whether a request to `from` may be re-sent to `to` automatically: always on the same origin; across origins only
 * between two Bitrix24 cloud portals, or from http to https on the same host and port. Anything else is for the user
 * to confirm, loopback included: another port or address of this machine may be another local user's listener.
 */
export function mayFollowRedirect(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true
  if (isBitrixCloudHost(from.hostname) && isBitrixCloudHost(to.hostname)) return true
  if (from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && from.port === to.port) {
    return true
  }
  return false
}
