// The portal's group page (`/workgroups/group/ID/`), the page the app's main action opens in the browser. A real
// portal shows the group to its members after sign-in; the demo has no sign-in and shows any group someone belongs to.
import type { Answer } from './http-answer'
import type { DemoGroup } from './types'

export const GROUP_PAGE_ROUTE = /^\/workgroups\/group\/(\d{1,18})\/?$/

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Portal text is data: every name is escaped before it goes into the page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

export function groupPage(found: { group: DemoGroup; memberCount: number } | null): Answer {
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    // The page needs nothing from anywhere: no script, no outside image.
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  }
  if (!found) {
    return {
      status: 404,
      headers,
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Group not found</title></head><body><h1>Group not found</h1><p>No group with this id on the demo portal.</p></body></html>',
    }
  }
  const { group, memberCount } = found
  const name = escapeHtml(group.name)
  const image = group.image ? `<img src="${escapeHtml(group.image)}" alt="" width="64" height="64">` : ''
  return {
    status: 200,
    headers,
    body: [
      '<!doctype html><html lang="en"><head><meta charset="utf-8">',
      `<title>${name} · Demo portal</title>`,
      '<style>body{font-family:sans-serif;margin:2rem;color:#333}h1{font-size:1.5rem}</style></head><body>',
      `${image}<h1>${name}</h1>`,
      `<p>${group.extranet ? 'Extranet group' : 'Workgroup'} · ${memberCount} ${memberCount === 1 ? 'member' : 'members'}</p>`,
      "<p>This is the demo portal: a real Bitrix24 shows the group's feed, tasks and files here.</p>",
      '</body></html>',
    ].join(''),
  }
}
