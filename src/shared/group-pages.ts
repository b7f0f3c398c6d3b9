// A group's sub-page address, from its page and the one table of sub-pages (model/values.ts). Zod-free: main, the CLI
// and the window share it.
import { GROUP_PAGE_TABLE, type GroupPage } from './model/values'

/** The address of `page` under a group's page (`…/group/7/` + `tasks/`), or the group's page itself without one. */
export function groupPageUrl(groupUrl: string, page?: GroupPage): string {
  if (!page) return groupUrl
  const base = groupUrl.endsWith('/') ? groupUrl : `${groupUrl}/`
  return new URL(GROUP_PAGE_TABLE[page].path, base).toString()
}
