// The floor every poll-cycle figure is measured against: a static loopback server (node:http on 127.0.0.1) that
// answers each request with a body serialised once, ahead of time, the way Bitrix24 sends `sonet_group.user.groups`.
// Its cost per request is a write, so a client measured against it pays for itself and nothing of the server's
// (the demo portal rebuilds and serialises its whole list on every request, which made the floor 2.2× slower).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { DemoGroup } from '../src/core/demo'

const CODE = 'benchcode'
const TIME = { start: 0, finish: 0, duration: 0, processing: 0, date_start: '', date_finish: '' }

export interface StaticPortal {
  /** The user's webhook URL, with trailing slash. */
  webhookUrl(userId: string): string
  /** Serialises the user's list now (untimed); every later request gets these very bytes. */
  setGroups(userId: string, groups: readonly DemoGroup[]): void
  /** How many group-list requests were answered, per user. */
  requests(userId: string): number
  close(): Promise<void>
}

/** The items of a group list as Bitrix24 sends them (as the demo portal does too). */
export function groupItems(groups: readonly DemoGroup[]): Record<string, unknown>[] {
  return groups.map((group) => {
    const image = group.image ?? ''
    return {
      GROUP_ID: group.id,
      GROUP_NAME: group.name,
      ROLE: group.role,
      GROUP_IMAGE_ID: image ? Number(group.id) + 1000 : null,
      GROUP_IMAGE: image,
      ...(group.extranet ? { IS_EXTRANET: 'Y' } : {}),
    }
  })
}

export async function startStaticPortal(): Promise<StaticPortal> {
  const bodies = new Map<string, Buffer>()
  const profiles = new Map<string, Buffer>()
  const counts = new Map<string, number>()
  const server = createServer((request, response) => {
    request.resume()
    request.once('end', () => {
      const [, , userId = '', , method = ''] = (request.url ?? '').split('?')[0]!.split('/')
      const body = method.startsWith('profile') ? profiles.get(userId) : bodies.get(userId)
      if (!body) {
        response.statusCode = 404
        response.end()
        return
      }
      if (!method.startsWith('profile')) counts.set(userId, (counts.get(userId) ?? 0) + 1)
      response.setHeader('Content-Type', 'application/json; charset=utf-8')
      response.setHeader('Content-Length', body.length)
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    webhookUrl: (userId) => `${origin}/rest/${userId}/${CODE}/`,
    setGroups(userId, groups) {
      bodies.set(userId, Buffer.from(JSON.stringify({ result: groupItems(groups), time: TIME })))
      profiles.set(
        userId,
        Buffer.from(JSON.stringify({ result: { ID: userId, NAME: 'Ann', LAST_NAME: 'Lee' }, time: TIME })),
      )
    },
    requests: (userId) => counts.get(userId) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
