// Controls a demo portal that runs in another process, over its `/_control/` routes.
import type { DemoControl, WebhookOptions } from './types'

type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never }

/** DemoControl with every operation asynchronous. */
export type RemoteDemoControl = Remote<DemoControl>

export function connectDemoControl(origin: string, fetchImpl: typeof fetch = globalThis.fetch): RemoteDemoControl {
  async function call<T>(operation: string, args: Record<string, unknown> = {}): Promise<T> {
    const response = await fetchImpl(`${origin}/_control/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    })
    const body = (await response.json()) as { result?: T; error?: string }
    if (!response.ok) throw new Error(`demo control ${operation}: ${body.error ?? response.status}`)
    return body.result as T
  }
  return {
    setMemberships: (userId, groups) => call('setMemberships', { userId, groups }),
    getMemberships: (userId) => call('getMemberships', { userId }),
    setProfile: (userId, profile) => call('setProfile', { userId, profile }),
    createWebhook: (userId, options: WebhookOptions = {}) => call('createWebhook', { userId, ...options }),
    revokeWebhook: (code) => call('revokeWebhook', { code }),
    issueOAuthTokens: (userId) => call('issueOAuthTokens', { userId }),
    expireAccessTokens: () => call('expireAccessTokens'),
    revokeRefreshTokens: () => call('revokeRefreshTokens'),
    injectFaults: (faults) => call('injectFaults', { faults }),
    clearFaults: () => call('clearFaults'),
    setPageSize: (size) => call('setPageSize', { size }),
    setGroupDetails: (groupId, details) => call('setGroupDetails', { groupId, details }),
    setDetailsKeyStyle: (style) => call('setDetailsKeyStyle', { style }),
    moveTo: (newOrigin) => call('moveTo', { origin: newOrigin }),
    stats: () => call('stats'),
    resetStats: () => call('resetStats'),
  }
}
