// What a row offers besides opening the group: its sub-pages (tasks, calendar, drive, chat, members) as quick actions
// and in its context menu, where the menu opens so that it stays in the window, and which page a click or Enter opens.
import { GROUP_PAGES, type GroupPage, type GroupType } from '@shared/types'

/** The page Enter and a click open: a collab is chat-first, so its chat; any other group its front page. */
export function primaryPage(type: GroupType | null | undefined): GroupPage | undefined {
  return type === 'collab' ? 'chat' : undefined
}

/** The sub-pages in the order a row and its menu list them: the primary one first. */
export function rowPages(type: GroupType | null | undefined): GroupPage[] {
  const primary = primaryPage(type)
  return primary ? [primary, ...GROUP_PAGES.filter((page) => page !== primary)] : [...GROUP_PAGES]
}

export type RowMenuAction = { kind: 'open'; page?: GroupPage } | { kind: 'copyLink' } | { kind: 'togglePin' }

export interface RowMenuEntry {
  id: string
  action: RowMenuAction
  /** Enter opens this one (the row's primary action). */
  primary: boolean
}

/**
 * The row's context menu: the group page, each sub-page (the primary one marked), then copying the link and
 * pinning. A collab is chat-first: main opens its chat for the group page too, so its menu starts with the chat.
 */
export function rowMenuEntries(type: GroupType | null | undefined): RowMenuEntry[] {
  const primary = primaryPage(type)
  return [
    ...(primary === undefined ? [{ id: 'open', action: { kind: 'open' as const }, primary: true }] : []),
    ...rowPages(type).map((page) => ({ id: page, action: { kind: 'open' as const, page }, primary: page === primary })),
    { id: 'copyLink', action: { kind: 'copyLink' }, primary: false },
    { id: 'togglePin', action: { kind: 'togglePin' }, primary: false },
  ]
}

export interface Point {
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

/**
 * Where a menu of `menu` size opens for a click at `anchor`: at the pointer, flipped to the left or above where it
 * would leave the window, and never closer than `margin` to an edge (a tray window is small).
 */
export function menuPosition(anchor: Point, menu: Size, viewport: Size, margin = 4): Point {
  const fitsRight = anchor.x + menu.width <= viewport.width - margin
  const fitsBelow = anchor.y + menu.height <= viewport.height - margin
  const x = fitsRight ? anchor.x : anchor.x - menu.width
  const y = fitsBelow ? anchor.y : anchor.y - menu.height
  const clamp = (value: number, size: number, limit: number) => Math.max(margin, Math.min(value, limit - size - margin))
  return { x: clamp(x, menu.width, viewport.width), y: clamp(y, menu.height, viewport.height) }
}
