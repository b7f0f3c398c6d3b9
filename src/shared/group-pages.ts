// A group's sub-page address, from its page and the one table of sub-pages (model/values.ts). Zod-free: main, the CLI
// and the window share it.
import { GROUP_PAGE_TABLE, type GroupPage, type GroupType } from './model/values'
import type { AppState } from './types'

/** The address of `page` under a group's page (`…/group/7/` + `tasks/`), or the group's page itself without one. */
export function groupPageUrl(groupUrl: string, page?: GroupPage): string {
  if (!page) return groupUrl
  const base = groupUrl.endsWith('/') ? groupUrl : `${groupUrl}/`
  return new URL(GROUP_PAGE_TABLE[page].path, base).toString()
}

/** The page a group opens on when none is asked for: a collab's chat (collabs are chat-first), else its front page. */
export function primaryGroupPage(type: GroupType | null | undefined): GroupPage | undefined {
  return type === 'collab' ? 'chat' : undefined
}

/**
 * Where "open this group" goes: the asked page, or without one the group's primary page (a collab's chat). `type`
 * comes from the group's details, when known.
 */
export function groupOpenUrl(groupUrl: string, type: GroupType | null | undefined, page?: GroupPage): string {
  return groupPageUrl(groupUrl, page ?? primaryGroupPage(type))
}

/** A group's type from the app state's details: undefined while its details are not known. */
export function groupTypeIn(
  state: Pick<AppState, 'groupDetails'>,
  accountId: string,
  groupId: string,
): GroupType | null | undefined {
  return state.groupDetails[accountId]?.[groupId]?.type
}
