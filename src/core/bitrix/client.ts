// The Bitrix24 REST client: one account's conversation with its portal. Requests go through the portal's shared
// rate limiter; retryable failures are retried with full-jitter backoff; an expired OAuth token is refreshed once for
// all concurrent callers; every answer becomes validated data or a typed, secret-free BitrixError.
import type { Group } from '@shared/types'
import { secretsOf } from './credentials'
import { BitrixError, isBitrixErrorShape } from './errors'
import { interpretAnswer, type Envelope } from './envelope'
import {
  batchParts,
  DETAILS_SELECT_FIELDS,
  parseWorkgroupItem,
  pendingRequestsOf,
  workgroupsOf,
  type ListedDetails,
} from './details'
import { createListAnswerReader } from './list-answer'
import { createGroupListNormaliser, normaliseGroups, pageItems, parseGroupItems, withoutBadIds } from './groups'
import { refreshTokens } from './oauth'
import { assertAllowedOrigin, isAllowedOrigin } from './origin-policy'
import { createGroupUrlBuilder, DEFAULT_GROUP_URL_TEMPLATE } from './portal-urls'
import { parseProfile } from './profile'
import { defaultRateLimiterRegistry, defaultSleep } from './rate-limiter'
import { createRedactor } from './redact'
import { createTransport, type HttpRequest } from './transport'
import type {
  BitrixClient,
  BitrixClientOptions,
  Credentials,
  DetailsRequest,
  DetailsResult,
  GroupsResult,
  OAuthCredentials,
  Profile,
  TimeInfo,
} from './types'
import { DEFAULT_USER_AGENT } from './version'
import { boundedWaitMs, operatingResetAtMs } from './wait-limits'

export const GROUPS_METHOD = 'sonet_group.user.groups'
export const DETAILS_LIST_METHOD = 'socialnetwork.api.workgroup.list'
export const DETAILS_GET_METHOD = 'socialnetwork.api.workgroup.get'
/** Commands per `batch` request, the portal's limit. */
export const BATCH_LIMIT = 50
export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_ATTEMPTS = 3
/**
 * A refused request already filled the portal's shared bucket; retrying it more than once inside the call only adds
 * to the flood. The poller's backoff takes over from there.
 */
export const RATE_LIMIT_MAX_ATTEMPTS = 2

// A runaway `next` (a portal that never stops paging) must end; 1000 pages of 50 is far beyond any real user.
const MAX_PAGES = 1000
// ...and so must a slow one: a list that takes longer than this to page through is not one list anyway.
const MAX_PAGING_MS = 120_000
/** The `reason` of the error for a list whose pages disagreed twice: an answer in dispute, not a list to diff. */
export const INCONSISTENT_LIST = 'inconsistent_list'

/** Whether two items carry the same GROUP_ID (as a string or a number). */
function repeatsAnId(items: readonly unknown[]): boolean {
  const seen = new Set<string>()
  for (const item of items) {
    const id = (item as { GROUP_ID?: unknown } | null)?.GROUP_ID
    if (typeof id !== 'string' && typeof id !== 'number') continue
    const key = String(id)
    if (seen.has(key)) return true
    seen.add(key)
  }
  return false
}
// OPERATION_TIME_LIMIT is waited out inside a call only when the window reopens this soon; longer is the poller's job.
const MAX_IN_CALL_WAIT_MS = 5_000
const METHOD_TIME_FALLBACK_MS = 10 * 60_000
const OVERLOAD_RETRY_MS = 30 * 60_000
const CONFIRM_WAITING_RETRY_MS = 10 * 60_000
const BACKOFF_BASE_MS = { rate_limit: 1_000, other: 500 }
const BACKOFF_CAP_MS = 15_000

function checkCredentials(credentials: Credentials, allowHttp: boolean): Credentials {
  assertAllowedOrigin(credentials.origin, allowHttp)
  const origin = new URL(credentials.origin).origin
  if (credentials.kind === 'webhook') {
    if (!/^\d+$/.test(credentials.userId) || !/^[A-Za-z0-9_-]+$/.test(credentials.code)) {
      throw new BitrixError({ code: 'INVALID_WEBHOOK_URL', detail: 'credentials without a user id or code' })
    }
    return { ...credentials, origin }
  }
  const complete = [credentials.accessToken, credentials.refreshToken, credentials.clientId, credentials.clientSecret]
  if (
    complete.some((value) => typeof value !== 'string' || value === '') ||
    !isAllowedOrigin(credentials.tokenServerUrl)
  ) {
    throw new BitrixError({
      code: 'INVALID_OAUTH_CREDENTIALS',
      detail: 'incomplete tokens or an insecure token server',
    })
  }
  return { ...credentials, origin }
}

function abortedError(): BitrixError {
  return new BitrixError({ code: 'ABORTED', detail: 'cancelled by the caller' })
}

/** Waits for a promise, or rejects with ABORTED as soon as the caller's signal aborts (the promise keeps running). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(abortedError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

export function createBitrixClient(options: BitrixClientOptions): BitrixClient {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS))
  const allowHttp = options.allowHttp ?? false
  let credentials = checkCredentials(options.credentials, allowHttp)
  const origin = credentials.origin
  const template = options.groupUrlTemplate ?? DEFAULT_GROUP_URL_TEMPLATE
  // Built now, so that a bad template fails here rather than at the first answer.
  const groupsAtOrigin = createGroupListNormaliser(origin, createGroupUrlBuilder(template, origin))
  // The list's answers, page by page, each read against the last one of its page: only what changed is parsed.
  const listPages = new Map<number, (bytes: Uint8Array) => unknown>()
  const listPageReader = (start: number) => {
    let read = listPages.get(start)
    if (!read) listPages.set(start, (read = createListAnswerReader()))
    return (answer: { bytes: Uint8Array }) => read(answer.bytes)
  }
  const limiter = options.rateLimiters ?? defaultRateLimiterRegistry()
  // Rotated tokens stay secrets: an old one may still be echoed in a late answer.
  const retiredSecrets: string[] = []
  const redact = createRedactor(() => [...secretsOf(credentials), ...retiredSecrets])
  const transportOptions = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowHttp,
    redact,
  }
  const portal = createTransport({ ...transportOptions, beforeRequest: (to, signal) => limiter.acquire(to, signal) })
  // The token server is not the portal: its requests do not count against the portal's bucket, and it never redirects
  // (following one would carry the refresh token and client secret to wherever it points).
  const tokenServer = createTransport({ ...transportOptions, followRedirects: false })
  const operatingResetAt = new Map<string, number>()
  let refreshing: Promise<void> | null = null

  function requestFor(used: Credentials, method: string, params: Record<string, unknown>): HttpRequest {
    if (used.kind === 'webhook') {
      const url = `${origin}/rest/${used.userId}/${encodeURIComponent(used.code)}/${method}`
      return { url, method: 'POST', body: params }
    }
    // The token goes in the body, not the query, so that no proxy log or Referer ever carries it.
    return { url: `${origin}/rest/${method}`, method: 'POST', body: { ...params, auth: used.accessToken } }
  }

  function startRefresh(): Promise<void> {
    return (async () => {
      try {
        const current = credentials as OAuthCredentials
        // No caller's signal: the refresh is shared, and one caller giving up must not waste it for the others.
        const next = await refreshTokens(current, tokenServer, redact)
        retiredSecrets.push(current.accessToken, current.refreshToken)
        credentials = next
        await options.onTokensRefreshed?.(next)
      } finally {
        refreshing = null
      }
    })()
  }

  /** Single flight: the first caller with the current token refreshes; everyone waits for it (persistence included). */
  async function refreshAfterExpiry(used: OAuthCredentials, signal: AbortSignal | undefined): Promise<void> {
    if (!refreshing && credentials.kind === 'oauth' && credentials.accessToken === used.accessToken) {
      refreshing = startRefresh()
    }
    if (refreshing) await untilAborted(refreshing, signal)
  }

  function methodTimeResetAt(method: string): number {
    const resetAt = operatingResetAt.get(method)
    const at = resetAt !== undefined && resetAt > now() ? resetAt : now() + METHOD_TIME_FALLBACK_MS
    return now() + boundedWaitMs(at - now())
  }

  function backoffCeiling(error: BitrixError, attempt: number): number {
    const base = error.kind === 'rate_limit' ? BACKOFF_BASE_MS.rate_limit : BACKOFF_BASE_MS.other
    return Math.min(BACKOFF_CAP_MS, base * 2 ** (attempt - 1))
  }

  /** How long to wait before the next attempt inside this call, or null when this error is not retried here. */
  function inCallDelay(error: BitrixError, attempt: number, method: string): number | null {
    if (error.kind === 'method_time') {
      const waitMs = methodTimeResetAt(method) - now()
      return waitMs <= MAX_IN_CALL_WAIT_MS ? Math.max(0, waitMs) : null
    }
    const retriedHere = error.kind === 'network' || error.kind === 'server' || error.kind === 'rate_limit'
    if (!error.retryable || !retriedHere) return null
    return random() * backoffCeiling(error, attempt)
  }

  /** The error as the caller sees it, with the time a retry makes sense. */
  function finalError(error: BitrixError, attempt: number, method: string): BitrixError {
    const at = (ms: number) => new Date(ms)
    switch (error.kind) {
      case 'rate_limit':
        return error.with({ retryAt: at(now() + backoffCeiling(error, attempt)) }) // the wait that would come next
      case 'method_time':
        return error.with({ retryAt: at(methodTimeResetAt(method)) })
      case 'overload':
        return error.with({ retryAt: at(now() + OVERLOAD_RETRY_MS) })
      default:
        return error.code === 'method_confirm_waiting'
          ? error.with({ retryAt: at(now() + CONFIRM_WAITING_RETRY_MS) })
          : error
    }
  }

  function asBitrixError(caught: unknown, signal: AbortSignal | undefined): BitrixError {
    if (caught instanceof BitrixError) return caught
    if (signal?.aborted) return abortedError()
    if (isBitrixErrorShape(caught)) return new BitrixError({ code: caught.code, detail: redact(caught.message) })
    const detail = caught instanceof Error ? caught.message : String(caught)
    return new BitrixError({ code: 'UNEXPECTED', detail: redact(detail) })
  }

  async function call(
    method: string,
    params: Record<string, unknown>,
    signal: AbortSignal | undefined,
    read?: (answer: { bytes: Uint8Array; readonly text: string }) => unknown,
  ): Promise<Envelope & { movedTo: string | null }> {
    let refreshed = false
    for (let attempt = 1; ; attempt++) {
      const used = credentials
      try {
        if (signal?.aborted) throw abortedError()
        const answer = await portal.send(requestFor(used, method, params), signal)
        const envelope = interpretAnswer(answer, redact, read)

        const resetAt = envelope.time?.operatingResetAt
          ? operatingResetAtMs(envelope.time.operatingResetAt, now())
          : null
        if (resetAt !== null) operatingResetAt.set(method, resetAt)
        return { ...envelope, movedTo: answer.movedTo }
      } catch (caught) {
        const error = asBitrixError(caught, signal)
        if (error.code === 'expired_token' && used.kind === 'oauth' && !refreshed) {
          refreshed = true
          await refreshAfterExpiry(used, signal)
          attempt -= 1 // the retry after a refresh is not a backoff attempt
          continue
        }
        if (error.kind === 'rate_limit') limiter.penalize(origin)
        const delayMs = inCallDelay(error, attempt, method)
        const attempts = error.kind === 'rate_limit' ? Math.min(maxAttempts, RATE_LIMIT_MAX_ATTEMPTS) : maxAttempts
        if (delayMs === null || attempt >= attempts) throw finalError(error, attempt, method)
        try {
          await sleep(delayMs, signal)
        } catch (sleepError) {
          throw asBitrixError(sleepError, signal)
        }
      }
    }
  }

  interface Pages {
    items: readonly unknown[]
    time: TimeInfo | null
    movedTo: string | null
    /** Why the pages do not make one list, or null when they do. */
    inconsistency: string | null
  }

  /**
   * Every page of the list. The pages make one list only when they add up to `total`, `total` stays the same from page
   * to page and no id comes twice; paging ends at `total`, after MAX_PAGES, or after MAX_PAGING_MS.
   */
  async function fetchPages(signal: AbortSignal | undefined): Promise<Pages> {
    const startedAt = now()
    let items: readonly unknown[] = []
    let start: number | null = null
    let movedTo: string | null = null
    let time: TimeInfo | null = null
    let total: number | null = null
    const pages = (inconsistency: string | null): Pages => ({ items, time, movedTo, inconsistency })
    for (let page = 1; ; page++) {
      const envelope = await call(GROUPS_METHOD, start === null ? {} : { start }, signal, listPageReader(start ?? 0))
      const received = pageItems(envelope.result)
      items = items.length === 0 ? received : items.concat(received)
      movedTo ??= envelope.movedTo
      time = envelope.time ?? time
      if (page === 1) total = envelope.total
      else if (envelope.total !== total) return pages(`total changed from ${total} to ${envelope.total} between pages`)
      if (envelope.next === null) break
      if (envelope.next <= (start ?? 0) || page >= MAX_PAGES) {
        throw new BitrixError({ code: 'BAD_RESPONSE', reason: 'paging', status: 200, detail: 'next does not advance' })
      }
      if (total !== null && items.length >= total) return pages(`next continues past total ${total}`)
      if (now() - startedAt > MAX_PAGING_MS) return pages(`paging took longer than ${MAX_PAGING_MS / 1000} s`)
      start = envelope.next
    }
    if (total !== null && items.length !== total) return pages(`pages hold ${items.length} groups, total says ${total}`)
    if (start !== null && repeatsAnId(items)) return pages('an id comes on two pages')
    return pages(null)
  }

  async function getUserGroups(signal?: AbortSignal, stored?: readonly Group[]): Promise<GroupsResult> {
    // A list that does not add up (a group removed or added between pages, an empty last page) would report groups
    // as left and joined that never were: it is fetched once more, and a second such answer is refused.
    let pages = await fetchPages(signal)
    if (pages.inconsistency !== null) pages = await fetchPages(signal)
    if (pages.inconsistency !== null) {
      throw new BitrixError({
        code: 'BAD_RESPONSE',
        reason: INCONSISTENT_LIST,
        status: 200,
        detail: `the pages of the list do not agree twice in a row: ${pages.inconsistency}`,
      })
    }
    const { time, movedTo } = pages
    const { items, dropped } = withoutBadIds(pages.items)
    const droppedItems = dropped > 0 ? { droppedItems: dropped } : {}
    if (movedTo !== null) {
      const groups = normaliseGroups(parseGroupItems(items), movedTo, createGroupUrlBuilder(template, movedTo))
      return { groups, time, movedTo, ...droppedItems }
    }
    return { groups: groupsAtOrigin(items, stored), time, movedTo, ...droppedItems }
  }

  async function getProfile(signal?: AbortSignal): Promise<Profile> {
    const envelope = await call('profile', {}, signal)
    const profile = parseProfile(envelope.result, envelope.movedTo ?? origin)
    if (credentials.kind === 'oauth' && credentials.userId === null)
      credentials = { ...credentials, userId: profile.id }
    return { ...profile, movedTo: envelope.movedTo }
  }

  /** One `batch` of `workgroup.get` calls for COUNTERS: the pending join requests per group (null where not shown). */
  async function pendingRequestsBatch(ids: readonly string[], signal: AbortSignal | undefined) {
    const key = (id: string) => `g${id}`
    const cmd = Object.fromEntries(
      ids.map((id) => {
        const query = new URLSearchParams({ 'params[groupId]': id, 'params[select][]': 'COUNTERS' })
        return [key(id), `${DETAILS_GET_METHOD}?${query.toString()}`]
      }),
    )
    const envelope = await call('batch', { halt: 0, cmd }, signal)
    const { results } = batchParts(envelope.result)
    // A command that failed (a group gone since the list, access refused) only leaves its count unknown.
    return ids.map((id) =>
      Object.hasOwn(results, key(id)) ? pendingRequestsOf(results[key(id)], `result.result.${key(id)}`) : null,
    )
  }

  async function getGroupDetails(groups: readonly DetailsRequest[], signal?: AbortSignal): Promise<DetailsResult> {
    const wanted = new Set(groups.map((group) => group.id))
    let requests = 0
    const listed = new Map<string, ListedDetails['details']>()
    if (wanted.size === 0) return { details: {}, requests }
    // One filtered list, paged by 50: as few requests as the portal allows for the whole set.
    let start = 0
    try {
      for (let page = 1; ; page++) {
        const params = { filter: { ID: [...wanted] }, select: DETAILS_SELECT_FIELDS, ...(start > 0 ? { start } : {}) }
        const envelope = await call(DETAILS_LIST_METHOD, params, signal)
        requests += 1
        const items = workgroupsOf(envelope.result)
        items.forEach((item, index) => {
          const parsed = parseWorkgroupItem(item, start + index)
          if (wanted.has(parsed.id)) listed.set(parsed.id, parsed.details)
        })
        if (envelope.next === null) break
        if (envelope.next <= start || page >= MAX_PAGES) {
          throw new BitrixError({
            code: 'BAD_RESPONSE',
            reason: 'paging',
            status: 200,
            detail: 'next does not advance',
          })
        }
        start = envelope.next
      }
    } catch (error) {
      // The membership method needs another scope: say which one details need.
      if (error instanceof BitrixError && error.kind === 'scope') throw error.with({ messageKey: 'detailsScope' })
      throw error
    }
    // Pending join requests only where the portal may show them: the groups this user owns or moderates.
    const managed = groups
      .filter((group) => (group.role === 'owner' || group.role === 'moderator') && listed.has(group.id))
      .map((group) => group.id)
    const pending = new Map<string, number | null>()
    for (let from = 0; from < managed.length; from += BATCH_LIMIT) {
      const ids = [...new Set(managed)].slice(from, from + BATCH_LIMIT)
      const counts = await pendingRequestsBatch(ids, signal)
      requests += 1
      ids.forEach((id, index) => pending.set(id, counts[index] ?? null))
    }
    const details: DetailsResult['details'] = {}
    for (const [id, listedDetails] of listed)
      details[id] = { ...listedDetails, pendingRequests: pending.get(id) ?? null }
    return { details, requests }
  }

  return { origin, getUserGroups, getProfile, getGroupDetails }
}
