// The control surface over HTTP: `POST /_control/<operation>` with a JSON object of named arguments, answered with
// `{"result": ...}` or `{"error": "..."}`. Every payload is validated; other processes (the CLI, Playwright) use it.
import { z } from 'zod'
import { GROUP_TYPES } from '@shared/model/values'
import type { DemoControl, DemoGroupDetails } from './types'

const userId = z.string().regex(/^\d+$/, 'user id must be digits')
const isoTime = z.string().max(64).nullable().optional()
const details = z.object({
  type: z.enum(GROUP_TYPES).optional(),
  archived: z.boolean().optional(),
  memberCount: z.number().int().nonnegative().optional(),
  activityAt: isoTime,
  projectStart: isoTime,
  projectFinish: isoTime,
  pendingRequests: z.number().int().nonnegative().optional(),
})
const group = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(10_000),
  role: z.string().max(32),
  image: z.string().max(4096).nullable().optional(),
  extranet: z.boolean().optional(),
  details: details.optional(),
})
const profile = z.object({
  name: z.string().max(200),
  lastName: z.string().max(200),
  photo: z.string().max(4096).nullable().optional(),
})
const fault = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('error'),
    code: z.string().min(1).max(100),
    status: z.number().int().min(100).max(599).optional(),
    description: z.string().max(500).optional(),
  }),
  z.object({ type: z.literal('status'), status: z.number().int().min(100).max(599), body: z.unknown().optional() }),
  z.object({ type: z.literal('delay'), ms: z.number().int().min(0).max(600_000) }),
  z.object({ type: z.literal('hang') }),
  z.object({ type: z.literal('malformed') }),
  z.object({ type: z.literal('html'), status: z.number().int().min(100).max(599).optional() }),
  z.object({ type: z.literal('truncated') }),
  z.object({ type: z.literal('drop') }),
  z.object({
    type: z.literal('redirect'),
    location: z.string().min(1).max(2000),
    status: z.number().int().min(300).max(399).optional(),
  }),
])
const empty = z.object({}).strict()

/** Each operation: its argument schema and how it calls the in-process control. */
export const controlOperations = {
  setMemberships: {
    args: z.object({ userId, groups: z.array(group).max(10_000) }),
    run: (c: DemoControl, a: { userId: string; groups: z.infer<typeof group>[] }) =>
      c.setMemberships(a.userId, a.groups),
  },
  getMemberships: {
    args: z.object({ userId }),
    run: (c: DemoControl, a: { userId: string }) => c.getMemberships(a.userId),
  },
  setProfile: {
    args: z.object({ userId, profile }),
    run: (c: DemoControl, a: { userId: string; profile: z.infer<typeof profile> }) => c.setProfile(a.userId, a.profile),
  },
  createWebhook: {
    args: z.object({
      userId,
      code: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
      scopes: z.array(z.string().max(50)).max(50).optional(),
    }),
    run: (c: DemoControl, a: { userId: string; code?: string; scopes?: string[] }) =>
      c.createWebhook(a.userId, { ...(a.code ? { code: a.code } : {}), ...(a.scopes ? { scopes: a.scopes } : {}) }),
  },
  revokeWebhook: {
    args: z.object({ code: z.string().min(1).max(64) }),
    run: (c: DemoControl, a: { code: string }) => c.revokeWebhook(a.code),
  },
  issueOAuthTokens: {
    args: z.object({ userId }),
    run: (c: DemoControl, a: { userId: string }) => c.issueOAuthTokens(a.userId),
  },
  expireAccessTokens: { args: empty, run: (c: DemoControl) => c.expireAccessTokens() },
  revokeRefreshTokens: { args: empty, run: (c: DemoControl) => c.revokeRefreshTokens() },
  injectFaults: {
    args: z.object({ faults: z.array(fault).max(10_000) }),
    run: (c: DemoControl, a: { faults: z.infer<typeof fault>[] }) => c.injectFaults(a.faults),
  },
  clearFaults: { args: empty, run: (c: DemoControl) => c.clearFaults() },
  setPageSize: {
    args: z.object({ size: z.number().int().positive().max(10_000).nullable() }),
    run: (c: DemoControl, a: { size: number | null }) => c.setPageSize(a.size),
  },
  setGroupDetails: {
    args: z.object({ groupId: z.string().min(1).max(64), details }),
    run: (c: DemoControl, a: { groupId: string; details: DemoGroupDetails }) => c.setGroupDetails(a.groupId, a.details),
  },
  setDetailsKeyStyle: {
    args: z.object({ style: z.enum(['upper', 'camel']) }),
    run: (c: DemoControl, a: { style: 'upper' | 'camel' }) => c.setDetailsKeyStyle(a.style),
  },
  moveTo: {
    args: z.object({ origin: z.url({ protocol: /^https?$/ }).nullable() }),
    run: (c: DemoControl, a: { origin: string | null }) => c.moveTo(a.origin),
  },
  stats: { args: empty, run: (c: DemoControl) => c.stats() },
  resetStats: { args: empty, run: (c: DemoControl) => c.resetStats() },
} as const

export type ControlOperation = keyof typeof controlOperations

export type ControlOutcome = { status: 200; body: { result: unknown } } | { status: 400 | 404; body: { error: string } }

export function dispatchControl(control: DemoControl, operation: string, payload: unknown): ControlOutcome {
  if (!Object.hasOwn(controlOperations, operation))
    return { status: 404, body: { error: `unknown operation ${operation}` } }
  const { args, run } = controlOperations[operation as ControlOperation]
  const parsed = args.safeParse(payload ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { status: 400, body: { error: `${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}` } }
  }
  try {
    // The schema above is the one `run` expects; TypeScript cannot relate the two through the indexed lookup.
    const result = (run as (c: DemoControl, a: unknown) => unknown)(control, parsed.data)
    return { status: 200, body: { result: result ?? null } }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : 'invalid' } }
  }
}
