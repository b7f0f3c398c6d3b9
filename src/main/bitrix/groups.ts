// `sonet_group.user.groups` items -> validated, normalised groups. One bad item fails the whole answer: a partial
// list would read as "you left these groups".
import { z } from 'zod'
import { ROLE_BY_CODE, type Group } from '@shared/types'
import { BitrixError } from './errors'
import { createPortalUrlResolver, resolvePortalUrl } from './portal-urls'

// The types of an item, checked by zod. Only plain types here: zod then validates the whole list in one compiled pass,
// whereas each refinement (a length, a pattern, a transform) runs through its generic check machinery for every item,
// which made validation 1.2 ms of every 1,000 groups. The values are checked by hand in the same walk below.
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

const groupListTypesSchema = z.array(groupItemTypesSchema)

type GroupItemTypes = z.output<typeof groupItemTypesSchema>

/** A validated item; the id is always a string (a numeric GROUP_ID is read as its decimal text). */
export interface GroupItem extends Omit<GroupItemTypes, 'GROUP_ID'> {
  GROUP_ID: string
}

const MAX_ID_LENGTH = 64
const MAX_NAME_LENGTH = 10_000
const MAX_ROLE_LENGTH = 32
const MAX_IMAGE_LENGTH = 4096
/** No whitespace, and nothing that would end a path segment in the group's link. */
const ID_PATTERN = /^[^\s/?#]+$/

function shapeError(where: string, message: string): BitrixError {
  return new BitrixError({ code: 'BAD_RESPONSE', reason: 'shape', status: 200, detail: `${where}: ${message}` })
}

function tooLong(text: string | null | undefined, max: number): boolean {
  return text != null && text.length > max
}

/** The id as text: a non-negative safe integer, or a trimmed token of 1 to 64 characters. */
function idOf(id: string | number, index: number): string {
  const text = typeof id === 'number' ? (Number.isSafeInteger(id) && id >= 0 ? String(id) : '') : id.trim()
  if (text.length > MAX_ID_LENGTH || !ID_PATTERN.test(text)) throw shapeError(`result.${index}.GROUP_ID`, 'not an id')
  return text
}

function checkedItems(items: GroupItemTypes[]): GroupItem[] {
  const checked: GroupItem[] = []
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as GroupItemTypes
    const id = idOf(item.GROUP_ID, index)
    if (tooLong(item.GROUP_NAME, MAX_NAME_LENGTH)) throw shapeError(`result.${index}.GROUP_NAME`, 'too long')
    if (tooLong(item.ROLE, MAX_ROLE_LENGTH)) throw shapeError(`result.${index}.ROLE`, 'too long')
    if (tooLong(item.GROUP_IMAGE, MAX_IMAGE_LENGTH)) throw shapeError(`result.${index}.GROUP_IMAGE`, 'too long')
    checked.push(id === item.GROUP_ID ? (item as GroupItem) : { ...item, GROUP_ID: id })
  }
  return checked
}

/** Validates one page of items; the error names the first bad field, never its value. */
export function parseGroupItems(result: unknown): GroupItem[] {
  const parsed = groupListTypesSchema.safeParse(result)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw shapeError(issue?.path.length ? `result.${issue.path.join('.')}` : 'result', issue?.message ?? 'invalid')
  }
  return checkedItems(parsed.data)
}

function isExtranet(flag: GroupItem['IS_EXTRANET']): boolean {
  return flag === true || (typeof flag === 'string' && flag.trim().toUpperCase() === 'Y')
}

function normaliseItem(
  item: GroupItem,
  groupUrl: (id: string) => string,
  imageUrl: (value: string | null | undefined) => string | null,
): Group {
  return {
    id: item.GROUP_ID,
    name: item.GROUP_NAME,
    roleCode: item.ROLE,
    role: ROLE_BY_CODE[item.ROLE.trim().toUpperCase()] ?? 'unknown',
    extranet: isExtranet(item.IS_EXTRANET),
    imageUrl: imageUrl(item.GROUP_IMAGE),
    url: groupUrl(item.GROUP_ID),
  }
}

/** Normalises validated items; a duplicated id keeps its first occurrence. */
export function normaliseGroups(
  items: readonly GroupItem[],
  origin: string,
  groupUrl: (id: string) => string,
): Group[] {
  const seen = new Set<string>()
  const groups: Group[] = []
  const imageUrl = (value: string | null | undefined) => resolvePortalUrl(value, origin)
  for (const item of items) {
    if (seen.has(item.GROUP_ID)) continue
    seen.add(item.GROUP_ID)
    groups.push(normaliseItem(item, groupUrl, imageUrl))
  }
  return groups
}

interface Remembered {
  group: Group
  // The raw fields the group was made from, kept here rather than read from the group: one object fewer to fetch from
  // memory per item, which the walk over a thousand mostly cold objects feels (about a third of its time).
  name: string
  role: string
  image: GroupItem['GROUP_IMAGE']
  extranet: GroupItem['IS_EXTRANET']
  /** The last list that sent this item: a second sighting in the same list is a duplicate. */
  list: number
}

function sentAsBefore(known: Remembered, item: GroupItem): boolean {
  return (
    known.name === item.GROUP_NAME &&
    known.role === item.ROLE &&
    known.image === item.GROUP_IMAGE &&
    known.extranet === item.IS_EXTRANET
  )
}

/**
 * `normaliseGroups` for one origin and link template, remembering the last list: an item sent exactly as last time
 * gets last time's Group object back. A poll mostly finds the same groups, so it builds no links and allocates
 * nothing for them, and the sync engine's comparison with its snapshot then holds by identity.
 */
export function createGroupListNormaliser(
  origin: string,
  groupUrl: (id: string) => string,
): (items: readonly GroupItem[]) => Group[] {
  const images = createPortalUrlResolver(origin)
  const imageUrl = (value: string | null | undefined) => images.resolve(value)
  let last = new Map<string, Remembered>()
  let listCount = 0

  /**
   * The usual poll: every item sent as last time, each once, and as many as last time (so none left). The memory
   * then stays as it is and no map is rebuilt; null as soon as anything differs.
   */
  function unchangedList(items: readonly GroupItem[], list: number): Group[] | null {
    if (items.length !== last.size) return null
    const groups: Group[] = new Array<Group>(items.length)
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as GroupItem
      const known = last.get(item.GROUP_ID)
      if (!known || known.list === list || !sentAsBefore(known, item)) return null
      known.list = list
      groups[index] = known.group
    }
    return groups
  }

  return (items) => {
    const list = ++listCount
    const same = unchangedList(items, list)
    if (same) return same
    images.nextList()
    const next = new Map<string, Remembered>()
    const groups: Group[] = []
    for (const item of items) {
      if (next.has(item.GROUP_ID)) continue
      const known = last.get(item.GROUP_ID)
      const group = known && sentAsBefore(known, item) ? known.group : normaliseItem(item, groupUrl, imageUrl)
      next.set(item.GROUP_ID, {
        group,
        name: item.GROUP_NAME,
        role: item.ROLE,
        image: item.GROUP_IMAGE,
        extranet: item.IS_EXTRANET,
        list,
      })
      groups.push(group)
    }
    last = next
    return groups
  }
}
