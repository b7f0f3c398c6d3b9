// The domains Bitrix24 runs its cloud portals on, in one place. Bitrix24 owns every name under them, so a request
// sent from one cloud portal to another stays with the company that already holds the account's secrets.

/** Cloud portal domains (`PORTAL.<domain>`). A custom domain or a self-hosted portal is not on this list. */
export const BITRIX_CLOUD_DOMAINS: readonly string[] = [
  'bitrix24.com',
  'bitrix24.de',
  'bitrix24.ru',
  'bitrix24.by',
  'bitrix24.kz',
  'bitrix24.ua',
  'bitrix24.eu',
  'bitrix24.es',
  'bitrix24.fr',
  'bitrix24.pl',
  'bitrix24.it',
  'bitrix24.com.br',
  'bitrix24.in',
  'bitrix24.uk',
  'bitrix24.com.tr',
  'bitrix24.cn',
  'bitrix24.co',
  'bitrix24.id',
  'bitrix24.jp',
  'bitrix24.vn',
  'bitrix24.mx',
  'bitrix24.tw',
]

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

/**
 * Whether a host name is a portal under a Bitrix24 cloud domain (`acme.bitrix24.com`). The domain itself, a name that
 * merely contains it (`acme.bitrix24.com.evil.io`) or ends like it (`evilbitrix24.com`) is not.
 */
export function isBitrixCloudHost(host: string): boolean {
  // An absolute name (`acme.bitrix24.com.`) is the same host.
  const name = host.toLowerCase().replace(/\.$/, '')
  return BITRIX_CLOUD_DOMAINS.some((domain) => {
    if (!name.endsWith(`.${domain}`)) return false
    const labels = name.slice(0, -domain.length - 1).split('.')
    return labels.every((label) => LABEL.test(label))
  })
}
