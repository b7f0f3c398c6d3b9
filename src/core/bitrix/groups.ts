// `sonet_group.user.groups` items -> validated, normalised groups. One bad item fails the whole answer: a partial
// list would read as "you left these groups".
import { z } from 'zod'
import { idAfter } from '@shared/model'
import { ROLE_BY_CODE, type Group, type Role } from '@shared/types'
import { BitrixError } from './errors'
import { createPortalUrlResolver, isDigits, type GroupUrlBuilder, type PortalUrlResolver } from './portal-urls'
import { typeGuardOf } from './type-guard'

// The types of an item, checked by zod. Only plain types here: each refinement (a length, a pattern, a transform) runs
// through zod's generic check machinery for every item, which made validation 1.2 ms of every 1,000 groups. The values
// are checked by hand right after (withinLimits).
// A union tries its options in order and records an issue for each that fails, so the usual type comes first and
// null is checked before any union.
const groupItemTypesSchema = z.object({
  GROUP_ID: z.union([z.string(), z.number()]),
  GROUP_NAME: z.string(),
  ROLE: z.string(),
  GROUP_IMAGE_ID: z.union([z.number(), z.string()]).nullish(),
  GROUP_IMAGE: z.string().nullish(),
  IS_EXTRANET: z.union([z.string(), z.boolean()]).nullish(),
})

type GroupItemTypes = z.output<typeof groupItemTypesSchema>

/** The schema's types as a predicate that builds nothing (type-guard.ts); zod is asked only about items it refuses. */
const hasItemTypes = typeGuardOf(groupItemTypesSchema)
/** For tests: the schema zod checks an item against. */
export const GROUP_ITEM_TYPES = groupItemTypesSchema

/** A validated item; the id is always a string (a numeric GROUP_ID is read as its decimal text). */
export interface GroupItem extends Omit<GroupItemTypes, 'GROUP_ID'> {
  GROUP_ID: string
}

const MAX_ID_LENGTH = 64
const MAX_NAME_LENGTH = 10_000
const MAX_ROLE_LENGTH = 32
const MAX_IMAGE_LENGTH = 4096

function shapeError(where: string, message: string): BitrixError {
  return new BitrixError({ code: 'BAD_RESPONSE', reason: 'shape', status: 200, detail: `${where}: ${message}` })
}

function tooLong(text: string | null | undefined, max: number): boolean {
  return text != null && text.length > max
}

/**
 * Whether `text` is a group id as it must be: a positive integer in ASCII digits (`/^[1-9][0-9]*$/`), up to
 * MAX_ID_LENGTH of them. Anything else (`..`, `.`, `1/../x`) would make a link that leaves `/workgroups/group/`, so
 * such an item is dropped from the list before validation (see withoutBadIds). By char codes: a regular expression
 * is a call per group, twice per item of every first poll.
 */
function isIdText(text: string): boolean {
  return text.length <= MAX_ID_LENGTH && isDigits(text) && text.charCodeAt(0) !== 0x30
}

/** The id as text when it is a positive integer (a safe integer number, or such digits trimmed), else null. */
export function groupIdOf(id: unknown): string | null {
  // The usual id: digits as they are, nothing to trim.
  if (typeof id === 'string' && isIdText(id)) return id
  const text =
    typeof id === 'number'
      ? Number.isSafeInteger(id) && id > 0
        ? String(id)
        : ''
      : typeof id === 'string'
        ? id.trim()
        : ''
  return isIdText(text) ? text : null
}

function idOf(id: string | number, index: number): string {
  const text = groupIdOf(id)
  if (text === null) throw shapeError(`result.${index}.GROUP_ID`, 'not an id')
  return text
}

/**
 * The items whose GROUP_ID is a string or number that is not a positive integer are left out (and counted): one such
 * group must not fail the whole answer, and must never become a link. Items of another shape stay, for validation to
 * refuse. Returns the very list when nothing is left out.
 */
export function withoutBadIds(items: readonly unknown[]): { items: readonly unknown[]; dropped: number } {
  let kept: unknown[] | null = null
  for (let index = 0; index < items.length; index++) {
    const id = (items[index] as { GROUP_ID?: unknown } | null)?.GROUP_ID
    const bad = (typeof id === 'string' || typeof id === 'number') && groupIdOf(id) === null
    if (bad && kept === null) kept = items.slice(0, index)
    else if (!bad && kept !== null) kept.push(items[index])
  }
  return kept === null ? { items, dropped: 0 } : { items: kept, dropped: items.length - kept.length }
}

/** The limits zod's types leave to check; the id comes back as trimmed text. */
function withinLimits(item: GroupItemTypes, index: number): GroupItem {
  const id = idOf(item.GROUP_ID, index)
  if (tooLong(item.GROUP_NAME, MAX_NAME_LENGTH)) throw shapeError(`result.${index}.GROUP_NAME`, 'too long')
  if (tooLong(item.ROLE, MAX_ROLE_LENGTH)) throw shapeError(`result.${index}.ROLE`, 'too long')
  if (tooLong(item.GROUP_IMAGE, MAX_IMAGE_LENGTH)) throw shapeError(`result.${index}.GROUP_IMAGE`, 'too long')
  return id === item.GROUP_ID ? (item as GroupItem) : { ...item, GROUP_ID: id }
}

function issueError(error: z.ZodError, prefix: readonly PropertyKey[]): BitrixError {
  const issue = error.issues[0]
  const path = [...prefix, ...(issue?.path ?? [])]
  return shapeError(path.length ? `result.${path.map(String).join('.')}` : 'result', issue?.message ?? 'invalid')
}

/**
 * Validates one item of a list, named by its position in the list. With `keepRaw` (a list the normaliser keeps), the
 * item itself when it is valid as it is, its types checked by the schema's predicate, without zod: zod's copy holds
 * the very values of every field read (its types transform nothing), keeping it would be one more object per group
 * kept alive from poll to poll, and making it is most of what a first list's validation costs. Only an id that must
 * be made text makes a new one. zod checks whatever the predicate refuses, and names the field at fault.
 */
function checkedItem(raw: unknown, index: number, keepRaw = false): GroupItem {
  if (keepRaw && hasItemTypes(raw)) return withinLimits(raw as GroupItemTypes, index)
  const parsed = groupItemTypesSchema.safeParse(raw)
  if (!parsed.success) throw issueError(parsed.error, [index])
  const item = withinLimits(parsed.data, index)
  return keepRaw && item === parsed.data ? (raw as GroupItem) : item
}

/** Validates a list of items, in order; the error names the first bad field, never its value. */
export function parseGroupItems(result: unknown): GroupItem[] {
  return pageItems(result).map((raw, index) => checkedItem(raw, index))
}

/** One page's `result`: a list of items, not yet validated; anything else fails the answer. */
export function pageItems(result: unknown): readonly unknown[] {
  if (!Array.isArray(result)) throw shapeError('result', 'not a list of groups')
  return result
}

function isExtranet(flag: GroupItem['IS_EXTRANET']): boolean {
  return flag === true || (typeof flag === 'string' && flag.trim().toUpperCase() === 'Y')
}

/** What a group's links are made with: its page from the template, its avatar resolved against the portal. */
interface Links {
  group: GroupUrlBuilder
  image: Pick<PortalUrlResolver, 'resolve' | 'resolvesTo'>
}

function roleCodeOf(item: GroupItem): string {
  // Role codes compare case-insensitively: `k` after `K` is no role change. A code as Bitrix24 sends it (one capital
  // letter) has nothing to trim or raise, and no string is made for it.
  const role = item.ROLE
  if (role.length === 1) {
    const unit = role.charCodeAt(0)
    if (unit >= 0x41 && unit <= 0x5a) return role
  }
  return role.trim().toUpperCase()
}

/** The role a code stands for; a code the app does not know is a membership all the same. */
function roleOf(code: string): Role {
  return ROLE_BY_CODE[code] ?? 'unknown'
}

function normaliseItem(item: GroupItem, links: Links): Group {
  // A literal in the model's field order (the state file is written in it).
  const roleCode = roleCodeOf(item)
  return {
    id: item.GROUP_ID,
    name: item.GROUP_NAME,
    roleCode,
    role: roleOf(roleCode),
    extranet: isExtranet(item.IS_EXTRANET),
    imageUrl: links.image.resolve(item.GROUP_IMAGE),
    url: links.group(item.GROUP_ID),
  }
}

/**
 * Whether `item` makes exactly `group`: each of normaliseItem's fields as it makes it, in its order, without making
 * the links (each is compared with what it would be in place). Straight code, a call only where normaliseItem makes
 * one: every item of a first poll after an app start comes through here before the engine's code is optimised.
 */
function makes(item: GroupItem, group: Group, links: Links): boolean {
  const roleCode = roleCodeOf(item)
  return (
    item.GROUP_ID === group.id &&
    item.GROUP_NAME === group.name &&
    roleCode === group.roleCode &&
    roleOf(roleCode) === group.role &&
    isExtranet(item.IS_EXTRANET) === group.extranet &&
    links.image.resolvesTo(item.GROUP_IMAGE, group.imageUrl) &&
    links.group.is(item.GROUP_ID, group.url)
  )
}

/** Normalises validated items; a duplicated id keeps its first occurrence. */
export function normaliseGroups(items: readonly GroupItem[], origin: string, groupUrl: GroupUrlBuilder): Group[] {
  const seen = new Set<string>()
  const groups: Group[] = []
  const links: Links = { group: groupUrl, image: createPortalUrlResolver(origin) }
  for (const item of items) {
    if (seen.has(item.GROUP_ID)) continue
    seen.add(item.GROUP_ID)
    groups.push(normaliseItem(item, links))
  }
  return groups
}

/** Every field of an item that is read, as the item schema lists them. */
const ITEM_FIELDS = Object.keys(groupItemTypesSchema.shape) as (keyof GroupItemTypes)[]

/**
 * The item field each of the model's Group fields is made from (normaliseItem). A field added to Group must say
 * where it comes from here, and is then part of "the same group as last time".
 */
const SOURCE_OF = {
  id: 'GROUP_ID',
  name: 'GROUP_NAME',
  roleCode: 'ROLE',
  role: 'ROLE',
  extranet: 'IS_EXTRANET',
  imageUrl: 'GROUP_IMAGE',
  url: 'GROUP_ID',
} as const satisfies Record<keyof Group, keyof GroupItemTypes>

/** The item fields a group is made of (the image id, say, is read but not part of a group). */
const GROUP_SOURCE_FIELDS = [...new Set(Object.values(SOURCE_OF))]

/**
 * Whether a raw item carries exactly the fields of an item validated before. Such an item is valid without asking
 * zod again: every field it has that we read is the very value that passed. A number id never matches here (the
 * validated id is text), so it is always validated.
 */
function sentAs(raw: unknown, known: GroupItem): boolean {
  // The very item of the last list (the client's reader hands back the item of an answer whose bytes are unchanged).
  if (raw === known) return true
  if (typeof raw !== 'object' || raw === null) return false
  const item = raw as Record<string, unknown>
  for (const field of ITEM_FIELDS) if (item[field] !== known[field]) return false
  return true
}

/** Whether two validated items make the same group. */
function sameSource(item: GroupItem, known: GroupItem): boolean {
  for (const field of GROUP_SOURCE_FIELDS) if (item[field] !== known[field]) return false
  return true
}

/** The ids of the items before `index`: the set a list's walk keeps from the first place where an id may repeat. */
function idsBefore(checked: readonly GroupItem[], index: number): Set<string> {
  const ids = new Set<string>()
  for (let before = 0; before < index; before++) ids.add((checked[before] as GroupItem).GROUP_ID)
  return ids
}

/**
 * Validation and `normaliseGroups` in one, for one origin and link template, remembering the last list position by
 * position: an item sent exactly as the one at its place last time is neither validated nor normalised again, and
 * gets last time's Group object back. A poll mostly finds the same groups in the same order, so it asks zod only
 * about what changed, builds no links, and the sync engine's comparison with its snapshot then holds by identity.
 * Walking the list by position, rather than looking every id up in a map, touches memory in order; the map is built
 * only when groups were added or removed, for the items after the first one out of place.
 *
 * Its first list has no last one to go by, but it may be given `stored`, the groups stored from an earlier run (the
 * engine's first poll after an app start or in `watch`): each item is validated, and one that makes exactly a stored
 * group gets that object back, as it would from a last list. The first poll after a start then costs what a later one does (5,000 groups: 17 ms of
 * making groups and 6 ms of comparing them with the snapshot field by field, before).
 */
export function createGroupListNormaliser(
  origin: string,
  groupUrl: GroupUrlBuilder,
): (items: readonly unknown[], stored?: readonly Group[]) => Group[] {
  const images = createPortalUrlResolver(origin)
  const links: Links = { group: groupUrl, image: images }
  // The last list: its validated items, and the group each made (null for a repeated id, which is skipped).
  let lastItems: readonly GroupItem[] = []
  let lastGroups: readonly (Group | null)[] = []

  /** Last list's position of the first occurrence of each id. */
  function indexOfLast(): Map<string, number> {
    const byId = new Map<string, number>()
    for (let index = 0; index < lastItems.length; index++) {
      if (lastGroups[index]) byId.set((lastItems[index] as GroupItem).GROUP_ID, index)
    }
    return byId
  }

  /**
   * A first list, with no last one to go by: every item validated, and given the stored group it makes exactly, if
   * any. Every app start polls this way once, with the engine's code not yet optimised, so it asks as little per item
   * as it can: no last list to look in, and a set of the ids seen only from the first id that does not rise.
   */
  function firstList(items: readonly unknown[], stored: readonly Group[] | undefined): Group[] {
    const seeds = stored !== undefined && stored.length > 0 ? stored : null
    // The resolver keeps, for the next list, the avatars this one asks for.
    images.nextList()
    let seedsById: Map<string, Group> | null = null
    const count = items.length
    const checked = new Array<GroupItem>(count)
    const made = new Array<Group | null>(count)
    const groups: Group[] = []
    let seen: Set<string> | null = null
    let previous = ''
    for (let index = 0; index < count; index++) {
      const item = checkedItem(items[index], index, true)
      const id = item.GROUP_ID
      checked[index] = item
      // While every id comes after the one before it (`idAfter`: lists mostly come in id order), none repeats.
      if (seen === null && index > 0 && !idAfter(previous, id)) seen = idsBefore(checked, index)
      previous = id
      if (seen !== null) {
        if (seen.has(id)) {
          made[index] = null
          continue
        }
        seen.add(id)
      }
      let seed: Group | undefined
      if (seeds !== null) {
        // The stored group at this place, or wherever it is; a repeated id counts where it first stands.
        seed = seeds[index]
        if (seed?.id !== id) {
          if (seedsById === null) {
            seedsById = new Map()
            for (const group of seeds) if (!seedsById.has(group.id)) seedsById.set(group.id, group)
          }
          seed = seedsById.get(id)
        }
      }
      const group = seed !== undefined && makes(item, seed, links) ? seed : normaliseItem(item, links)
      made[index] = group
      groups.push(group)
    }
    lastItems = checked
    lastGroups = made
    return groups
  }

  return (items, stored) => {
    // Stored groups count only for a first list: after it, the last list tells more (the items as they were sent).
    if (lastItems.length === 0) return firstList(items, stored)
    const count = items.length
    const checked = new Array<GroupItem>(count)
    const made = new Array<Group | null>(count)
    const groups: Group[] = []
    // While every position so far holds the id it held last time, an id repeats exactly where it repeated last time;
    // while every id so far came after the one before it (`idAfter`), none repeats; from the first position where
    // neither holds, a set of the ids seen tells.
    let seen: Set<string> | null = null
    let aligned = true
    let rising = true
    let risenTo = 0 // the ids up to this position rise, as far as asked
    let lastById: Map<string, number> | null = null
    let resolving = false
    for (let index = 0; index < count; index++) {
      const raw = items[index]
      let at = index
      let known = lastItems[at]
      let item: GroupItem
      if (known !== undefined && sentAs(raw, known)) {
        item = known
      } else {
        item = checkedItem(raw, index, true)
        if (known?.GROUP_ID !== item.GROUP_ID) {
          // Out of place: last time's item with this id, wherever it stood.
          lastById ??= indexOfLast()
          at = lastById.get(item.GROUP_ID) ?? -1
          known = at < 0 ? undefined : lastItems[at]
        }
        if (known !== undefined && !sameSource(item, known)) known = undefined
      }
      checked[index] = item
      aligned &&= lastItems[index]?.GROUP_ID === item.GROUP_ID
      // Asked only once the list no longer lines up with the last one (a usual poll never asks), from where it was.
      for (; !aligned && rising && risenTo < index; risenTo++) {
        rising = idAfter((checked[risenTo] as GroupItem).GROUP_ID, (checked[risenTo + 1] as GroupItem).GROUP_ID)
      }
      if (!seen && !aligned && !rising) seen = idsBefore(checked, index)
      const repeated = seen ? seen.has(item.GROUP_ID) : aligned && lastGroups[index] === null
      if (repeated) {
        made[index] = null
        continue
      }
      seen?.add(item.GROUP_ID)
      let group = known === undefined ? null : (lastGroups[at] ?? null)
      if (group === null) {
        // The avatars this list asks for are the ones the resolver keeps for the next.
        if (!resolving) images.nextList()
        resolving = true
        group = normaliseItem(item, links)
      }
      made[index] = group
      groups.push(group)
    }
    lastItems = checked
    lastGroups = made
    return groups
  }
}
