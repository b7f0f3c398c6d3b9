// The shape of the sync state file on disk, made of the model's group, details and change schemas. It is read back as
// untrusted input: anything else is a corrupt file. Older versions are read and migrated to the current one.
import { z } from 'zod'
import { groupSchema, membershipChangeSchema } from '@shared/model'
import { groupDetailsSchema } from '@shared/model/details'

/** 2: an account's snapshot may carry its groups' details. */
export const STATE_FILE_VERSION = 2 as const

export const accountDetailsSchema = z.object({
  /** ISO time of the details fetch these came from. */
  at: z.iso.datetime({ offset: true }),
  /** By group id; a group the portal did not list has no entry. */
  groups: z.record(z.string().min(1), groupDetailsSchema).readonly(),
})

export const accountSnapshotSchema = z.object({
  // Never modified once made: the serialiser and the diff rely on it (frozen when read from disk).
  groups: z.array(groupSchema).readonly(),
  lastSyncAt: z.iso.datetime({ offset: true }),
  /** The groups' details as last fetched; absent until the first good details fetch (or without the scope). */
  details: accountDetailsSchema.optional(),
})

const stateFields = {
  /**
   * Counts the writes of this file. A writer checks it on disk before it replaces the file and refuses when it is
   * newer than what it read or last wrote, so no snapshot ever overwrites a newer one. Absent in files from before.
   */
  generation: z.number().int().nonnegative().default(0),
  accounts: z.record(z.string().min(1), accountSnapshotSchema),
  /** Newest sync first; within one sync, in diff order. */
  history: z.array(membershipChangeSchema),
}

/** The file as this version writes it: the first the union tries. */
export const currentStateFileSchema = z.object({ version: z.literal(STATE_FILE_VERSION), ...stateFields })

/** Version 1 had no details: its snapshots read as version 2 snapshots without them. */
const version1Schema = z
  .object({ version: z.literal(1), ...stateFields })
  .transform((file) => ({ ...file, version: STATE_FILE_VERSION as typeof STATE_FILE_VERSION }))

export const stateFileSchema = z.union([currentStateFileSchema, version1Schema])

export type StateFile = z.output<typeof currentStateFileSchema>
export type AccountDetails = z.output<typeof accountDetailsSchema>
