// The command line's output formats. JSON shapes are a documented contract (README): keep keys and order stable.
import type { ErrorView, Group, MembershipChange } from '@shared/types'
import { movedToOf } from './portal-move'

export interface GroupJson {
  id: string
  name: string
  role: string
  roleCode: string
  extranet: boolean
  imageUrl: string | null
  url: string
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
  groups: GroupJson[]
  error: ErrorJson | null
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

/** Cuts text to at most `width` characters (grapheme clusters, so emoji and accents stay whole). */
export function truncate(text: string, width: number): string {
  const graphemes = [...segmenter.segment(text.replace(/\s+/g, ' '))].map((part) => part.segment)
  return graphemes.length <= width ? graphemes.join('') : `${graphemes.slice(0, width - 1).join('')}…`
}

function visibleLength(text: string): number {
  return [...segmenter.segment(text)].length
}

/** A plain-text table with a header row; columns padded to the widest cell. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[column] ?? ''))),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}
