// Public contract of the Bitrix24 REST client. Accounts, sync, the CLI and the desktop shell code against these
// types; the implementation lives beside this file.
import type { ErrorKind, Group, Role } from '@shared/types'
import type { GroupDetails } from '@shared/model/details'

export interface WebhookCredentials {
  kind: 'webhook'
  /** Portal origin, e.g. `https://acme.bitrix24.com` (port kept when not default). */
  origin: string
  userId: string
  /** The secret webhook code. Never log it. */
  code: string
}

export interface OAuthCredentials {
  kind: 'oauth'
  origin: string
  /** Filled from `profile` or the token response; may be unknown until the first call. */
  userId: string | null
  accessToken: string
  refreshToken: string
  clientId: string
  clientSecret: string
  /** Token endpoint, default `https://oauth.bitrix.info/oauth/token/`, then the last `server_endpoint`. */
  tokenServerUrl: string
}

export type Credentials = WebhookCredentials | OAuthCredentials

/** The `time` block of a Bitrix24 answer. */
export interface TimeInfo {
  start: number
  finish: number
  duration: number
  processing: number
  dateStart: string | null
  dateFinish: string | null
  /** Seconds this method used in the rolling 10-minute window. */
  operating: number | null
  /** Unix time (s) when the oldest minute drops out of that window. */
  operatingResetAt: number | null
}

export interface GroupsResult {
  groups: Group[]
  time: TimeInfo | null
  /** Set when the portal answered from another origin after a redirect (the portal moved). */
  movedTo: string | null
  /** How many items were left out because their id is not a positive integer (absent when none were). */
  droppedItems?: number
}

export interface Profile {
  id: string
  /** "NAME LAST_NAME", trimmed, or null when both are empty. */
  name: string | null
  photoUrl: string | null
  /** Set when the portal answered from another origin after a redirect (the portal moved). */
  movedTo?: string | null
}

/** What every client error exposes (implemented by `BitrixError`). */
export interface BitrixErrorShape extends Error {
  /** The portal's error code, or NETWORK, TIMEOUT, BAD_RESPONSE, HTTP_<status>, ... */
  code: string
  kind: ErrorKind
  retryable: boolean
  /** When a retry makes sense, if known. */
  retryAt: Date | null
  /** i18n key of the user-facing message (namespace `errors`). */
  messageKey: string
  /** For kind `moved`: the new origin. */
  movedTo: string | null
  /** The HTTP status of the answer, when there was one. */
  status?: number | null
  /** For BAD_RESPONSE: which class of bad answer (html, empty, truncated, not_json, shape, too_large, paging). */
  reason?: string | null
  /** A short, secret-free excerpt of a bad answer's body. */
  excerpt?: string | null
}

/** A member group whose details are wanted; the role decides whether its pending join requests are asked for. */
export interface DetailsRequest {
  id: string
  role: Role
}

export interface DetailsResult {
  /** By group id; a group the portal did not list (hidden, deleted since) has no entry. */
  details: Record<string, GroupDetails>
  /** REST requests it took (each one through the portal's limiter). */
  requests: number
}

export interface BitrixClient {
  readonly origin: string
  /**
   * The user's groups. `stored`, the groups as last stored for this account, lets a fresh client hand back those very
   * objects for the items that make them (as it does for the items of its own last list), instead of new equal ones.
   */
  getUserGroups(signal?: AbortSignal, stored?: readonly Group[]): Promise<GroupsResult>
  getProfile(signal?: AbortSignal): Promise<Profile>
  /**
   * The details of the given groups: `socialnetwork.api.workgroup.list` filtered by their ids (pages of 50), then
   * `batch`es of up to 50 `workgroup.get` for the COUNTERS of the groups the user owns or moderates. Needs the
   * `socialnetwork` scope; without it, a `scope` error whose message says so.
   */
  getGroupDetails(groups: readonly DetailsRequest[], signal?: AbortSignal): Promise<DetailsResult>
}

/** Waits `ms` milliseconds; rejects when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export interface RateLimiterOptions {
  /** Requests per second the portal's bucket drains (2 on ordinary plans, 5 on Enterprise). */
  drainPerSecond?: number
  /** Bucket size (50 on ordinary plans, 250 on Enterprise). */
  burst?: number
  /**
   * Requests of the bucket kept free so that network jitter (requests arriving closer together than they left)
   * cannot overflow the portal's bucket. Default: 10% of burst or a quarter second of drain, whichever is more
   * (at least 1, at most burst - 1). The limiter also drains at 90% of `drainPerSecond`, for the same reason.
   */
  headroom?: number
  /** Epoch milliseconds. */
  now?: () => number
  sleep?: Sleep
}

/** One leaky bucket per portal origin, shared by every client created with the same registry. */
export interface RateLimiterRegistry {
  /** Resolves when a request to `origin` may leave; rejects when the signal aborts while waiting. */
  acquire(origin: string, signal?: AbortSignal): Promise<void>
  /** The portal said QUERY_LIMIT_EXCEEDED: treat its bucket as full so every client on it slows down. */
  penalize(origin: string): void
  /** Per-portal figures (e.g. an Enterprise portal); applies to that origin's bucket from now on. */
  configure(origin: string, figures: { drainPerSecond: number; burst: number }): void
}

export interface BitrixClientOptions {
  credentials: Credentials
  /** Default: the global fetch. The desktop app passes Electron's `net.fetch` (system proxy and certificates). */
  fetch?: typeof fetch
  /** Per request, limiter wait excluded. Default 30 000. */
  timeoutMs?: number
  /** Default `Bitrix24Groups/<version>`. */
  userAgent?: string
  /** `{id}` is replaced by the group id. Relative to the portal, or absolute. Default `/workgroups/group/{id}/`. */
  groupUrlTemplate?: string
  /** A self-hosted portal served over plain HTTP. Loopback origins never need it. */
  allowHttp?: boolean
  /** Default: the process-wide registry (2/s, burst 50). */
  rateLimiters?: RateLimiterRegistry
  /** Attempts per request for network, server and rate-limit errors. Default 3. */
  maxAttempts?: number
  /** Called with the rotated tokens after a refresh; awaited before the request is retried. */
  onTokensRefreshed?: (credentials: OAuthCredentials) => Promise<void>
  sleep?: Sleep
  /** Epoch milliseconds. */
  now?: () => number
  /** In [0, 1); for the backoff's full jitter. */
  random?: () => number
}
