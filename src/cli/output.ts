// The command line's output formats. JSON shapes are a documented contract (README): keep keys and order stable.
import type { ErrorView, Group, GroupDetails, MembershipChange } from '@shared/types'
import { GROUP_DETAILS_FIELDS } from '@shared/model/details'
import { movedToOf } from './portal-move'
import { inertText } from '@shared/inert-text'
import stringWidth from 'string-width'

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

/**
 * `watch --json`: the account's group details became unavailable (`available: false`, with why) or work again. Said
 * when it changes only; the membership events go on either way.
 */
export function detailsEvent(account: string, error: ErrorView | null) {
  return {
    type: 'details' as const,
    account,
    available: error === null,
    code: error?.code ?? null,
    kind: error?.kind ?? null,
    message: error?.message ?? null,
  }
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
/**
 * Characters that are one column and a grapheme of their own: printable ASCII, Latin-1 and the Latin extensions,
 * Greek and Cyrillic, dashes, quotes and other general punctuation, without the soft hyphen, the combining marks and
 * the invisible formatting characters among them.
 */
const ONE_COLUMN = '\\x20-\\x7e\\xa0-\\xac\\xae-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e'
/** Characters that are two columns and a grapheme of their own: kana, CJK ideographs, Hangul syllables. */
const TWO_COLUMNS = '\\u3041-\\u3096\\u30a1-\\u30fa\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3'
/** Text made only of the two kinds above (a test holds every character of both to string-width). */
export const SIMPLE_TEXT = new RegExp(`^[${ONE_COLUMN}${TWO_COLUMNS}]*$`)
export const TWO_COLUMN_CHARACTER = new RegExp(`[${TWO_COLUMNS}]`)
const TWO_COLUMN_CHARACTERS = new RegExp(`[${TWO_COLUMNS}]`, 'g')

/**
 * How many terminal columns text takes: East Asian wide characters (製, 한) and emoji take two, combining marks and
 * joiners none (string-width, which follows Unicode's East Asian Width and emoji data). Most ids, roles and names are
 * simple text, counted by character: string-width segments graphemes, which made a 50,000-group table cost 1.8 times
 * its --json.
 */
export function columns(text: string): number {
  if (!SIMPLE_TEXT.test(text)) return stringWidth(text)
  return text.length + (text.match(TWO_COLUMN_CHARACTERS)?.length ?? 0)
}

/** Cuts text to at most `width` columns, whole grapheme clusters only (so emoji and accents stay whole), with "…". */
export function truncate(text: string, width: number): string {
  if (columns(text) <= width) return text
  if (SIMPLE_TEXT.test(text)) {
    // Every character a grapheme of one or two columns: cut by counting them, without the segmenter.
    let used = 0
    let at = 0
    for (; at < text.length; at++) {
      const needed = TWO_COLUMN_CHARACTER.test(text[at] as string) ? 2 : 1
      if (used + needed > width - 1) break
      used += needed
    }
    return `${text.slice(0, at)}…`
  }
  let kept = ''
  let used = 0
  for (const { segment } of segmenter.segment(text)) {
    const needed = columns(segment)
    if (used + needed > width - 1) break
    kept += segment
    used += needed
  }
  return `${kept}…`
}

/**
 * A plain-text table with a header row, one line per row; columns padded to the widest cell, in terminal columns. Cells may hold text from
 * a portal or a file: each is made inert first, so no cell can move the cursor or break its row into two lines.
 */
export function renderTable(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => row.map(inertText))
  const lengths = cells.map((row) => row.map(columns))
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
