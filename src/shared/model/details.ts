// A group's details from `socialnetwork.api.workgroup.list` (and `.get`): what the membership method does not say. They
// are kept beside the groups, never inside Group, so that a details answer (or its absence) can never make a membership
// change; the archived/restored change kinds compare `archived` only when both polls have details.
import { z } from 'zod'
import { GROUP_TYPES } from './values'

const isoTime = z.iso.datetime({ offset: true })
const count = z.number().int().nonnegative()

export const groupTypeSchema = z.enum(GROUP_TYPES)

export const groupDetailsSchema = z.object({
  /** TYPE; null when the portal does not send it (older portals). */
  type: groupTypeSchema.nullable(),
  /** CLOSED = 'Y'. */
  archived: z.boolean(),
  /** NUMBER_OF_MEMBERS, or null when not sent. */
  memberCount: count.nullable(),
  /** DATE_ACTIVITY as an ISO time, or null. */
  activityAt: isoTime.nullable(),
  /** PROJECT_DATE_START / PROJECT_DATE_FINISH as ISO times, or null (not a project, or no dates). */
  projectStart: isoTime.nullable(),
  projectFinish: isoTime.nullable(),
  /** Pending join requests, where the portal shows them to this user (owners and moderators); null otherwise. */
  pendingRequests: count.nullable(),
})
export type GroupDetails = z.output<typeof groupDetailsSchema>

/** Every field of GroupDetails, in the schema's order (the CLI's JSON and the state file go by it). */
export const GROUP_DETAILS_FIELDS = Object.keys(groupDetailsSchema.shape) as (keyof GroupDetails)[]
