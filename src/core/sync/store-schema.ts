// The shape of the sync state file on disk. It is read back as untrusted input: anything else is a corrupt file.
import { z } from 'zod'
import type { Group, MembershipChange } from '@shared/types'

export const STATE_FILE_VERSION = 1

export const groupSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  roleCode: z.string(),
  role: z.enum(['owner', 'moderator', 'member', 'banned', 'requested', 'unknown']),
  extranet: z.boolean(),
  imageUrl: z.string().nullable(),
  url: z.string(),
}) satisfies z.ZodType<Group>

const changeValue = z.union([z.string(), z.boolean(), z.null()])

export const membershipChangeSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  kind: z.enum(['joined', 'left', 'role_changed', 'renamed', 'image_changed', 'extranet_changed']),
  group: groupSchema,
  from: changeValue,
  to: changeValue,
  whileAway: z.boolean(),
  at: z.iso.datetime({ offset: true }),
  seen: z.boolean(),
}) satisfies z.ZodType<MembershipChange>

export const accountSnapshotSchema = z.object({
  // Never modified once made: the serialiser and the diff rely on it (frozen when read from disk).
  groups: z.array(groupSchema).readonly(),
  lastSyncAt: z.iso.datetime({ offset: true }),
})

export const stateFileSchema = z.object({
  version: z.literal(STATE_FILE_VERSION),
  /**
   * Counts the writes of this file. A writer checks it on disk before it replaces the file and refuses when it is
   * newer than what it read or last wrote, so no snapshot ever overwrites a newer one. Absent in files from before.
   */
  generation: z.number().int().nonnegative().default(0),
  accounts: z.record(z.string().min(1), accountSnapshotSchema),
  /** Newest sync first; within one sync, in diff order. */
  history: z.array(membershipChangeSchema),
})

export type StateFile = z.output<typeof stateFileSchema>
