// The shape of the sync state file on disk, made of the model's group and change schemas. It is read back as untrusted
// input: anything else is a corrupt file.
import { z } from 'zod'
import { groupSchema, membershipChangeSchema } from '@shared/model'

export const STATE_FILE_VERSION = 1

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
