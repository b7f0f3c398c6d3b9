// Public contract of the demo portal: an HTTP server that speaks the Bitrix24 REST dialect for demo mode and tests.

export interface DemoGroup {
  id: string
  name: string
  /** A, E, K, T, Z, or anything (to exercise unknown roles). */
  role: string
  /** Avatar URL: absolute, or relative to the portal (as self-hosted portals send it). */
  image?: string | null
  extranet?: boolean
  /** What `socialnetwork.api.workgroup.list`/`.get` tell about the group (absent: defaults, see DemoGroupDetails). */
  details?: DemoGroupDetails
}

/**
 * A group's workgroup fields. Every field is optional: a missing `type` is sent as no TYPE at all (as older portals
 * do), a missing `memberCount` is the number of demo users who belong to the group.
 */
export interface DemoGroupDetails {
  type?: 'group' | 'project' | 'scrum' | 'collab'
  archived?: boolean
  memberCount?: number
  /** ISO times, sent as the portal sends datetimes. */
  activityAt?: string | null
  projectStart?: string | null
  projectFinish?: string | null
  /** Join requests waiting; the portal shows them (COUNTERS) only to the group's owner and moderators. */
  pendingRequests?: number
}

/** How the workgroup methods spell their keys: `NUMBER_OF_MEMBERS` or `numberOfMembers` (portals do both). */
export type DemoKeyStyle = 'upper' | 'camel'

export interface DemoProfile {
  name: string
  lastName: string
  photo?: string | null
}

/** A demo user's believable data: who they are, their groups at the start, and the groups they may join later. */
export interface DemoScenario {
  /** The user's profile; its photo is an avatar slug the portal serves (`/_demo/avatars/<slug>.svg`). */
  profile: { name: string; lastName: string; avatar: string }
  /** The groups at the start, avatars on `origin` (absent: portal-relative), times around `now`. */
  groups(origin: string | undefined, now: number): DemoGroup[]
  /** Groups the user may join later (besides those they leave). */
  joinable: readonly DemoGroup[]
}

/** One scripted answer; each fault consumes one request (REST or token endpoint), in order. */
export type DemoFault =
  /** A documented error body; the status defaults to the one the documentation gives for the code. */
  | { type: 'error'; code: string; status?: number; description?: string }
  /** Any status with any body (a string is sent as-is, anything else as JSON; none: empty). */
  | { type: 'status'; status: number; body?: unknown }
  /** Answers normally after a delay. */
  | { type: 'delay'; ms: number }
  /** Never answers (until the client gives up or the portal closes). */
  | { type: 'hang' }
  /** 200 with JSON that does not parse. */
  | { type: 'malformed' }
  /** A proxy's HTML error page (default 502). */
  | { type: 'html'; status?: number }
  /** The normal answer cut off mid-body: the connection closes before the announced length. */
  | { type: 'truncated' }
  /** Closes the connection without answering. */
  | { type: 'drop' }
  /** 302 to the location. */
  | { type: 'redirect'; location: string; status?: number }

export interface DemoStats {
  /** REST requests (paths under /rest/), rate-limited and faulted ones included. */
  requests: number
  /** REST requests per method name (lower case, without `.json`). */
  byMethod: Record<string, number>
  /** Requests to the token endpoint. */
  tokenRequests: number
  /** Requests answered QUERY_LIMIT_EXCEEDED by the portal's own bucket. */
  rateLimited: number
}

export interface IssuedOAuthTokens {
  accessToken: string
  refreshToken: string
  clientId: string
  clientSecret: string
  tokenServerUrl: string
}

export interface WebhookOptions {
  /** Default: a random code. */
  code?: string
  /** Default: sonet_group, socialnetwork, user. */
  scopes?: string[]
}

/** Controls the portal in-process; the same operations are JSON POSTs under `/_control/` (see control-client.ts). */
export interface DemoControl {
  setMemberships(userId: string, groups: DemoGroup[]): void
  getMemberships(userId: string): DemoGroup[]
  setProfile(userId: string, profile: DemoProfile): void
  /** Returns the webhook URL (with trailing slash). */
  createWebhook(userId: string, options?: WebhookOptions): string
  revokeWebhook(code: string): void
  issueOAuthTokens(userId: string): IssuedOAuthTokens
  expireAccessTokens(): void
  revokeRefreshTokens(): void
  injectFaults(faults: DemoFault[]): void
  clearFaults(): void
  /** Pages `sonet_group.user.groups` with `next`/`total`; null: one answer. */
  setPageSize(size: number | null): void
  /** Sets (replaces) the workgroup details of a group on every membership that holds it. */
  setGroupDetails(groupId: string, details: DemoGroupDetails): void
  /** How `socialnetwork.api.workgroup.list` spells its keys. */
  setDetailsKeyStyle(style: DemoKeyStyle): void
  /** Answers every request with a 302 to the same path at the new origin; null: stop. */
  moveTo(newOrigin: string | null): void
  stats(): DemoStats
  resetStats(): void
}

export interface DemoRateLimit {
  drainPerSecond: number
  burst: number
}

export interface DemoPortalOptions {
  /** 0 (default): a random free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string }
  /**
   * A believable data set for user 1 (true: the company portal's, see scenario.ts), and a membership change every
   * `scenarioIntervalMs`.
   */
  scenario?: boolean | DemoScenario
  /** Default 20 000. */
  scenarioIntervalMs?: number
  /** The portal's own leaky bucket; default 2/s, burst 50; false: none. */
  rateLimit?: DemoRateLimit | false
  /** Seed of the scenario's changes. */
  seed?: number
  /** Initial memberships by user id. */
  users?: Record<string, DemoGroup[]>
  /** How `socialnetwork.api.workgroup.list` spells its keys (default `upper`). */
  detailsKeyStyle?: DemoKeyStyle
  /** Accept control operations over HTTP under /_control/ (default true). */
  httpControl?: boolean
}

export interface DemoPortal {
  /** e.g. `http://127.0.0.1:43123`. */
  origin: string
  /** The user's webhook URL (created on first use), with trailing slash. */
  webhookUrl(userId?: string): string
  control: DemoControl
  /** Closes the server and every connection, hanging ones included. */
  close(): Promise<void>
}
