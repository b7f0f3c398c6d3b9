// A hosts file for fetch: requests to named origins (`https://acme.bitrix24.com`) go over real HTTP(S) to loopback
// servers, so redirect tests can use real host names without DNS. An origin not in the table fails like a name that
// does not resolve, so a test can never reach the internet by mistake.

/** `hosts` maps an origin as the client sees it to the loopback origin that serves it. */
export function fetchWithHosts(hosts: Record<string, string>): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const served = hosts[url.origin]
    if (served === undefined) {
      throw new TypeError('fetch failed', {
        cause: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${url.host}` },
      })
    }
    return globalThis.fetch(`${served}${url.pathname}${url.search}`, init)
  }
}
