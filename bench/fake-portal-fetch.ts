// A `fetch` that answers like a Bitrix24 portal without a network, and counts what it is asked. Used where time is
// simulated: a real socket would finish on the wall clock while the fake clock stands still.
import { portalGroups } from './groups'

export type PortalMood = 'well' | 'rate-limited'

export interface CountingFetch {
  fetch: typeof fetch
  /** Requests per portal origin. */
  requests: Map<string, number>
  total(): number
}

export function countingPortalFetch(mood: () => PortalMood, groupCount = 20): CountingFetch {
  const requests = new Map<string, number>()
  const result = portalGroups(groupCount).map((group) => ({
    GROUP_ID: group.id,
    GROUP_NAME: group.name,
    ROLE: group.role,
    GROUP_IMAGE_ID: null,
    GROUP_IMAGE: '',
  }))
  const success = JSON.stringify({ result, time: { start: 0, finish: 0.01, duration: 0.01, processing: 0.005 } })
  const limited = JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' })
  const fakeFetch: typeof fetch = async (input) => {
    const origin = new URL(input instanceof Request ? input.url : String(input)).origin
    requests.set(origin, (requests.get(origin) ?? 0) + 1)
    const headers = { 'Content-Type': 'application/json' }
    return mood() === 'well'
      ? new Response(success, { status: 200, headers })
      : new Response(limited, { status: 503, headers })
  }
  return {
    fetch: fakeFetch,
    requests,
    total: () => [...requests.values()].reduce((sum, count) => sum + count, 0),
  }
}
