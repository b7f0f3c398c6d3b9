// The command line's output formats. JSON shapes are a documented contract (README): keep keys and order stable.
import type { ErrorView, Group, GroupDetails, MembershipChange } from '@shared/types'
import { GROUP_DETAILS_FIELDS } from '@shared/model/details'
import { movedToOf } from './portal-move'
import { inertText } from '@shared/inert-text'

export interface GroupJson {
  id: string
  name: string
  role: string
  roleCode: string
  extranet: boolean
  imageUrl: string | null
  url: string
}

/** A group in `list --json`: its membership fields, then its details. */
export interface ListedGroupJson extends GroupJson {
  /** The group's details, or null when unavailable (no `socialnetwork` scope, a failure, a group the portal hid). */
  details: GroupDetails | null
}

export interface ErrorJson {
  code: string
  kind: string
  message: string
  /** For PORTAL_MOVED: the origin the portal now answers from, which the user may accept; else null. */
  movedTo: string | null
}

export interface AccountGroupsJson {
  id: string
  portal: string
  user: { id: string; name: string | null } | null
  groups: ListedGroupJson[]
  error: ErrorJson | null
  /** Why the groups' details could not be fetched (the groups are there all the same), or null. */
  detailsError: Pick<ErrorJson, 'code' | 'kind' | 'message'> | null
}

/** The details in the documented key order (the model's), whatever order they were built in. */
export function detailsJson(details: GroupDetails | null | undefined): GroupDetails | null {
  if (!details) return null
  return Object.fromEntries(GROUP_DETAILS_FIELDS.map((field) => [field, details[field]])) as GroupDetails
}

export function groupJson(group: Group): GroupJson {
  return {
    id: group.id,
    name: group.name,
    role: group.role,
    roleCode: group.roleCode,
    extranet: group.extranet,
    imageUrl: group.imageUrl,
    url: group.url,
  }
}

export function listedGroupJson(group: Group, details: GroupDetails | null | undefined): ListedGroupJson {
  return { ...groupJson(group), details: detailsJson(details) }
}

export function detailsErrorJson(error: ErrorView): AccountGroupsJson['detailsError'] {
  return { code: error.code, kind: error.kind, message: error.message }
}

export function errorJson(error: ErrorView): ErrorJson {
  return { code: error.code, kind: error.kind, message: error.message, movedTo: movedToOf(error) }
}

export function changeEvent(change: MembershipChange) {
  return {
    type: 'change' as const,
    account: change.accountId,
    kind: change.kind,
    group: groupJson(change.group),
    from: change.from,
    to: change.to,
    whileAway: change.whileAway,
    at: change.at,
  }
}

export function syncedEvent(account: string, groupCount: number, baseline: boolean, at: Date) {
  return { type: 'synced' as const, account, groupCount, baseline, at: at.toISOString() }
}

export function errorEvent(account: string, error: ErrorView) {
  return {
    type: 'error' as const,
    account,
    code: error.code,
    kind: error.kind,
    message: error.message,
    retryAt: error.retryAt,
    movedTo: movedToOf(error),
  }
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
/** Text whose every character is one column: most ids, roles and names. Measured without segmentation. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
/**
 * Characters that can join a neighbour into one grapheme cluster: combining and spacing marks, the zero-width joiner,
 * variation selectors, emoji modifiers and tags, regional indicators, Hangul jamo and the prepended format characters.
 * Text without any of them has one grapheme per code point, so it is measured without the (slow) segmenter.
 */
const JOINS =
  // eslint-disable-next-line no-misleading-character-class -- a class of single code points, each of which may join
  /[\p{M}\u200d\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e0fff}\u{110bd}\u{110cd}]/u

/** The text's grapheme clusters (code points, when nothing in it can join). */
function graphemes(text: string): string[] {
  return JOINS.test(text) ? Array.from(segmenter.segment(text), (part) => part.segment) : Array.from(text)
}

/** How many code points: the string's length less one for each surrogate pair. */
function codePoints(text: string): number {
  let count = text.length
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    if (unit >= 0xd800 && unit <= 0xdbff) count--
  }
  return count
}

/** Cuts text to at most `width` characters (grapheme clusters, so emoji and accents stay whole). */
export function truncate(text: string, width: number): string {
  if (visibleLength(text) <= width) return text
  return `${graphemes(text)
    .slice(0, width - 1)
    .join('')}…`
}

function visibleLength(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length
  return JOINS.test(text) ? Array.from(segmenter.segment(text)).length : codePoints(text)
}

/**
 * A plain-text table with a header row, one line per row; columns padded to the widest cell. Cells may hold text from
 * a portal or a file: each is made inert first, so no cell can move the cursor or break its row into two lines.
 */
export function renderTable(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => row.map(inertText))
  const lengths = cells.map((row) => row.map(visibleLength))
  const widths = header.map(() => 0)
  for (const row of lengths) row.forEach((length, column) => (widths[column] = Math.max(widths[column] ?? 0, length)))
  return cells.map((row, index) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - (lengths[index]![column] ?? 0)),
      )
      .join('  ')
      .trimEnd(),
  )
}
