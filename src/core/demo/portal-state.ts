// Everything the demo portal knows: users and their memberships, webhooks, OAuth tokens, scripted faults, its own
// rate-limit bucket and request statistics. The HTTP layer asks it questions; the control surface changes it.
import { randomBytes } from 'node:crypto'
import { LeakyBucket } from '../bitrix/leaky-bucket'
import type {
  DemoControl,
  DemoFault,
  DemoGroup,
  DemoGroupDetails,
  DemoKeyStyle,
  DemoProfile,
  DemoRateLimit,
  DemoStats,
  IssuedOAuthTokens,
  WebhookOptions,
} from './types'

export const DEFAULT_WEBHOOK_SCOPES = ['sonet_group', 'socialnetwork', 'user']
const OAUTH_SCOPES = ['sonet_group', 'socialnetwork', 'user']
const ACCESS_TOKEN_LIFETIME_MS = 60 * 60_000
const AUTHORIZATION_CODE_LIFETIME_MS = 30_000
const OPERATING_WINDOW_MS = 10 * 60_000

export interface Identity {
  userId: string
  scopes: string[]
}

export type AuthOutcome = { ok: true; identity: Identity } | { ok: false; code: string; description: string }

interface Webhook {
  userId: string
  scopes: string[]
  revoked: boolean
}

interface AccessToken {
  userId: string
  expiresAt: number
  expired: boolean
}

function secret(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** Webhook codes look like the portal's: 16 lower-case letters and digits. */
function webhookCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('')
}

function copyGroups(groups: readonly DemoGroup[]): DemoGroup[] {
  return groups.map((group) => ({ ...group, ...(group.details ? { details: { ...group.details } } : {}) }))
}

function emptyStats(): DemoStats {
  return { requests: 0, byMethod: {}, tokenRequests: 0, rateLimited: 0 }
}

export interface PortalStateOptions {
  origin: () => string
  now: () => number
  rateLimit: DemoRateLimit | false
  users?: Record<string, DemoGroup[]>
  detailsKeyStyle?: DemoKeyStyle
}

export class PortalState implements DemoControl {
  private readonly memberships = new Map<string, DemoGroup[]>()
  private readonly profiles = new Map<string, DemoProfile>()
  private readonly webhooks = new Map<string, Webhook>()
  private readonly accessTokens = new Map<string, AccessToken>()
  private readonly refreshTokens = new Map<string, string>()
  private readonly authorizationCodes = new Map<string, { userId: string; expiresAt: number }>()
  private readonly operating = new Map<string, { windowStart: number; seconds: number }>()
  private faults: DemoFault[] = []
  private counters: DemoStats = emptyStats()
  private bucket: LeakyBucket | null
  pageSize: number | null = null
  detailsKeyStyle: DemoKeyStyle
  movedTo: string | null = null
  readonly app = { clientId: `local.${secret(7)}.${secret(4)}`, clientSecret: secret(25) }
  readonly memberId = secret(16)

  constructor(private readonly options: PortalStateOptions) {
    this.detailsKeyStyle = options.detailsKeyStyle ?? 'upper'
    this.bucket = options.rateLimit ? new LeakyBucket(options.rateLimit, options.now()) : null
    for (const [userId, groups] of Object.entries(options.users ?? {})) this.setMemberships(userId, groups)
  }

  // --- control -------------------------------------------------------------------------------------------------

  setMemberships(userId: string, groups: DemoGroup[]): void {
    this.memberships.set(userId, copyGroups(groups))
  }

  getMemberships(userId: string): DemoGroup[] {
    return copyGroups(this.memberships.get(userId) ?? [])
  }

  /** A group any user belongs to, for the portal's group page; as the first member sees it. */
  findGroup(groupId: string): { group: DemoGroup; memberCount: number } | null {
    let found: DemoGroup | null = null
    let memberCount = 0
    for (const groups of this.memberships.values()) {
      const group = groups.find((candidate) => candidate.id === groupId)
      if (!group) continue
      found ??= group
      memberCount += 1
    }
    return found ? { group: { ...found }, memberCount } : null
  }

  /** Every group someone belongs to, by id (as the first member sees it), in id order. */
  visibleGroups(): { group: DemoGroup; memberCount: number }[] {
    const ids = new Set<string>()
    for (const groups of this.memberships.values()) for (const group of groups) ids.add(group.id)
    return [...ids]
      .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
      .flatMap((id) => {
        const found = this.findGroup(id)
        return found ? [found] : []
      })
  }

  /** The user's membership of a group, if any. */
  membershipOf(userId: string, groupId: string): DemoGroup | null {
    return this.memberships.get(userId)?.find((group) => group.id === groupId) ?? null
  }

  setGroupDetails(groupId: string, details: DemoGroupDetails): void {
    for (const groups of this.memberships.values()) {
      for (const group of groups) if (group.id === groupId) group.details = { ...details }
    }
  }

  setDetailsKeyStyle(style: DemoKeyStyle): void {
    this.detailsKeyStyle = style
  }

  setProfile(userId: string, profile: DemoProfile): void {
    this.profiles.set(userId, { ...profile })
  }

  createWebhook(userId: string, options: WebhookOptions = {}): string {
    const code = options.code ?? webhookCode()
    this.webhooks.set(code, { userId, scopes: [...(options.scopes ?? DEFAULT_WEBHOOK_SCOPES)], revoked: false })
    return `${this.options.origin()}/rest/${userId}/${code}/`
  }

  /** The user's first working webhook, created when there is none. */
  webhookUrlOf(userId: string): string {
    for (const [code, hook] of this.webhooks) {
      if (hook.userId === userId && !hook.revoked) return `${this.options.origin()}/rest/${userId}/${code}/`
    }
    return this.createWebhook(userId)
  }

  revokeWebhook(code: string): void {
    const hook = this.webhooks.get(code)
    if (hook) hook.revoked = true
  }

  issueOAuthTokens(userId: string): IssuedOAuthTokens {
    const { accessToken, refreshToken } = this.mintTokens(userId)
    return { accessToken, refreshToken, ...this.app, tokenServerUrl: `${this.options.origin()}/oauth/token/` }
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expired = true
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear()
  }

  injectFaults(faults: DemoFault[]): void {
    this.faults.push(...faults.map((fault) => ({ ...fault })))
  }

  clearFaults(): void {
    this.faults = []
  }

  setPageSize(size: number | null): void {
    if (size !== null && !(Number.isInteger(size) && size > 0))
      throw new RangeError('page size must be a positive integer')
    this.pageSize = size
  }

  moveTo(newOrigin: string | null): void {
    this.movedTo = newOrigin === null ? null : new URL(newOrigin).origin
  }

  stats(): DemoStats {
    return { ...this.counters, byMethod: { ...this.counters.byMethod } }
  }

  resetStats(): void {
    this.counters = emptyStats()
  }

  // --- what the HTTP layer asks ----------------------------------------------------------------------------------

  profileOf(userId: string): DemoProfile {
    return this.profiles.get(userId) ?? { name: 'Demo', lastName: `User ${userId}`, photo: null }
  }

  nextFault(): DemoFault | undefined {
    return this.faults.shift()
  }

  countRequest(method: string): void {
    this.counters.requests += 1
    this.counters.byMethod[method] = (this.counters.byMethod[method] ?? 0) + 1
  }

  countTokenRequest(): void {
    this.counters.tokenRequests += 1
  }

  /** The portal's own leaky bucket: false when this request overflows it. */
  admit(): boolean {
    if (!this.bucket || this.bucket.tryAdd(this.options.now())) return true
    this.counters.rateLimited += 1
    return false
  }

  authenticateWebhook(userId: string, code: string): AuthOutcome {
    const hook = this.webhooks.get(code)
    if (!hook || hook.userId !== userId) {
      return { ok: false, code: 'NO_AUTH_FOUND', description: 'Wrong authorization data' }
    }
    if (hook.revoked) return { ok: false, code: 'INVALID_CREDENTIALS', description: 'Invalid request credentials' }
    return { ok: true, identity: { userId: hook.userId, scopes: hook.scopes } }
  }

  authenticateToken(accessToken: string | undefined): AuthOutcome {
    if (!accessToken) return { ok: false, code: 'NO_AUTH_FOUND', description: 'Wrong authorization data' }
    const token = this.accessTokens.get(accessToken)
    if (!token) return { ok: false, code: 'invalid_token', description: 'The access token provided is invalid.' }
    if (token.expired || token.expiresAt <= this.options.now()) {
      return { ok: false, code: 'expired_token', description: 'The access token provided has expired.' }
    }
    return { ok: true, identity: { userId: token.userId, scopes: OAUTH_SCOPES } }
  }

  /** Rotates: the refresh token used is dead afterwards. */
  redeemRefreshToken(refreshToken: string): { userId: string; accessToken: string; refreshToken: string } | null {
    const userId = this.refreshTokens.get(refreshToken)
    if (userId === undefined) return null
    this.refreshTokens.delete(refreshToken)
    return { userId, ...this.mintTokens(userId) }
  }

  issueAuthorizationCode(userId: string): string {
    const code = secret(16)
    this.authorizationCodes.set(code, { userId, expiresAt: this.options.now() + AUTHORIZATION_CODE_LIFETIME_MS })
    return code
  }

  redeemAuthorizationCode(code: string): { userId: string; accessToken: string; refreshToken: string } | null {
    const grant = this.authorizationCodes.get(code)
    this.authorizationCodes.delete(code)
    if (!grant || grant.expiresAt <= this.options.now()) return null
    return { userId: grant.userId, ...this.mintTokens(grant.userId) }
  }

  /** Adds a call's duration to the method's rolling 10-minute window; returns the figures for the `time` block. */
  recordOperating(method: string, seconds: number): { operating: number; resetAt: number } {
    const now = this.options.now()
    let window = this.operating.get(method)
    if (!window || now - window.windowStart >= OPERATING_WINDOW_MS) {
      window = { windowStart: now, seconds: 0 }
      this.operating.set(method, window)
    }
    window.seconds += seconds
    return { operating: window.seconds, resetAt: Math.floor((window.windowStart + OPERATING_WINDOW_MS) / 1000) }
  }

  private mintTokens(userId: string): { accessToken: string; refreshToken: string } {
    const accessToken = secret(35)
    const refreshToken = secret(35)
    this.accessTokens.set(accessToken, {
      userId,
      expiresAt: this.options.now() + ACCESS_TOKEN_LIFETIME_MS,
      expired: false,
    })
    this.refreshTokens.set(refreshToken, userId)
    return { accessToken, refreshToken }
  }
}
