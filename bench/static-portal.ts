// The floor every poll-cycle figure is measured against: a static loopback server (node:http on 127.0.0.1) that
// answers each request with a body serialised once, ahead of time, the way Bitrix24 sends `sonet_group.user.groups`.
// Its cost per request is a write, so a client measured against it pays for itself and nothing of the server's
// (the demo portal rebuilds and serialises its whole list on every request, which made the floor 2.2× slower).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { DemoGroup } from '../src/core/demo'

const CODE = 'benchcode'
const TIME = { start: 0, finish: 0, duration: 0, processing: 0, date_start: '', date_finish: '' }

export interface StaticPortal {
  /** The user's webhook URL, with trailing slash. */
  webhookUrl(userId: string): string
  /** Serialises the user's list now (untimed); every later request gets these very bytes. */
  setGroups(userId: string, groups: readonly DemoGroup[]): void
  /** The same with the body already serialised (the process version is told it so), as text or bytes. */
  setBody(userId: string, body: string | Buffer): void
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

/** Plain HTTP by default; with `tls`, HTTPS with that (throwaway) certificate. */
export function groupsBody(groups: readonly DemoGroup[]): string {
  return JSON.stringify({ result: groupItems(groups), time: TIME })
}

export async function startStaticPortal(options: { tls?: { key: string; cert: string } } = {}): Promise<StaticPortal> {
  const bodies = new Map<string, Buffer>()
  const profiles = new Map<string, Buffer>()
  const counts = new Map<string, number>()
  const answer = (request: IncomingMessage, response: ServerResponse) => {
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
  }
  const server = options.tls ? createTlsServer(options.tls, answer) : createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  const portal: StaticPortal = {
    webhookUrl: (userId) => `${origin}/rest/${userId}/${CODE}/`,
    setGroups(userId, groups) {
      portal.setBody(userId, groupsBody(groups))
    },
    setBody(userId, body) {
      bodies.set(userId, typeof body === 'string' ? Buffer.from(body) : body)
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
  return portal
}

export interface StaticPortalProcess {
  webhookUrl(userId: string): string
  /** Serialises the list here (untimed) and resolves once the portal process serves it. */
  setGroups(userId: string, groups: readonly DemoGroup[]): Promise<void>
  /**
   * Hands the portal process one of the lists a run will show, serialised ahead of time; `show` then switches between them
   * with a message of a few bytes. A new list told between timed runs left the portal process parsing and collecting
   * a message of the list's size while the next run waited for its answer, which charged 0.6-0.8 of the floor to
   * every cycle that found a change (and to none of the cycles it was compared with). Each list is handed over on its
   * own, as the `index`th, so the caller need not hold them all.
   */
  preload(userId: string, index: number, groups: readonly DemoGroup[]): Promise<void>
  /** Serves the `index`th preloaded list from now on; resolves once it does. */
  show(userId: string, index: number): Promise<void>
  close(): Promise<void>
}

/** The static portal in a child process (static-portal-process.ts): its CPU is charged to no contender. */
export async function startStaticPortalProcess(
  options: { tls?: { key: string; cert: string } } = {},
): Promise<StaticPortalProcess> {
  const entry = fileURLToPath(new URL('./tsx-entry.mjs', import.meta.url))
  const script = fileURLToPath(new URL('./static-portal-process.ts', import.meta.url))
  const child = fork(entry, [script], {
    env: { ...process.env, B24_BENCH_STATIC: JSON.stringify(options) },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { origin: string }).origin))
    child.once('exit', (code) => reject(new Error(`the static portal process exited with code ${code}`)))
  })
  const waiting = new Map<number, () => void>()
  child.on('message', (message) => {
    const id = (message as { id?: number }).id
    if (typeof id === 'number') waiting.get(id)?.()
  })
  let next = 0
  const tell = (message: Record<string, unknown>) => {
    const id = next++
    return new Promise<void>((resolve) => {
      waiting.set(id, () => {
        waiting.delete(id)
        resolve()
      })
      child.send({ id, ...message })
    })
  }
  return {
    webhookUrl: (userId) => `${origin}/rest/${userId}/${CODE}/`,
    setGroups: (userId, groups) => tell({ userId, body: groupsBody(groups) }),
    preload: (userId, index, groups) => tell({ userId, index, body: groupsBody(groups) }),
    show: (userId, index) => tell({ userId, show: index }),
    async close() {
      if (child.connected) child.disconnect()
      await exited
    },
  }
}
