// The headless host's control API: JSON over HTTP on 127.0.0.1. `GET /os` shows what the app handed to the
// operating system; the POST routes act as the OS would (a tray click, a notification click, sleep, the network).
// Every body is validated; a bad one gets 400 with the reason, an unknown route or target 404.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import type { OsView } from './os-record'

export interface OsControls {
  view(): OsView
  trayClick(button: 'left' | 'right'): void
  trayMenuClick(path: readonly string[]): boolean
  notificationClick(id: number): boolean
  power(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen'): void
  setOnline(online: boolean): void
  shortcut(accelerator: string): boolean
  windowBlur(): boolean
  quit(): void
}

export interface ControlServerDeps {
  controls: OsControls
  /** Sets navigator.onLine and fires the window's online/offline event. */
  setPageOnline(online: boolean): Promise<void>
  /** Console errors, uncaught exceptions and CSP violations the page has had so far. */
  problems(): Promise<string[]>
}

const schemas = {
  trayClick: z.object({ button: z.enum(['left', 'right']) }).strict(),
  trayMenu: z.object({ path: z.array(z.string()).min(1).max(10) }).strict(),
  power: z.object({ event: z.enum(['suspend', 'resume', 'lock-screen', 'unlock-screen']) }).strict(),
  network: z.object({ online: z.boolean() }).strict(),
  shortcut: z.object({ accelerator: z.string().min(1).max(100) }).strict(),
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > 64 * 1024) throw new HttpError(413, 'body too large')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'body is not JSON')
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new HttpError(400, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`)
}

export async function startControlServer(deps: ControlServerDeps): Promise<{ url: string; close(): Promise<void> }> {
  const { controls } = deps

  async function route(method: string, path: string, request: IncomingMessage): Promise<unknown> {
    if (method === 'GET' && path === '/os') return controls.view()
    if (method === 'GET' && path === '/page/problems') return { problems: await deps.problems() }
    if (method !== 'POST') throw new HttpError(404, `no route ${method} ${path}`)
    // JSON only: a web page cannot send that cross-origin without a preflight this server never approves.
    if (!request.headers['content-type']?.includes('application/json')) {
      throw new HttpError(415, 'POST application/json only')
    }
    const body = await readJson(request)
    const notification = /^\/notifications\/(\d+)\/click$/.exec(path)
    if (notification) {
      if (!controls.notificationClick(Number(notification[1]))) throw new HttpError(404, 'no such notification')
      return { ok: true }
    }
    switch (path) {
      case '/tray/click':
        controls.trayClick(parse(schemas.trayClick, body).button)
        return { ok: true }
      case '/tray/menu':
        if (!controls.trayMenuClick(parse(schemas.trayMenu, body).path))
          throw new HttpError(404, 'no such enabled item')
        return { ok: true }
      case '/power':
        controls.power(parse(schemas.power, body).event)
        return { ok: true }
      case '/network': {
        const { online } = parse(schemas.network, body)
        controls.setOnline(online)
        await deps.setPageOnline(online)
        return { ok: true }
      }
      case '/shortcut':
        if (!controls.shortcut(parse(schemas.shortcut, body).accelerator)) {
          throw new HttpError(404, 'no such shortcut registered')
        }
        return { ok: true }
      case '/window/blur':
        if (!controls.windowBlur()) throw new HttpError(404, 'no window')
        return { ok: true }
      case '/quit':
        // Answered first: the app's quit sequence ends this process.
        setImmediate(() => controls.quit())
        return { ok: true }
    }
    throw new HttpError(404, `no route ${method} ${path}`)
  }

  function answer(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    route(request.method ?? 'GET', path, request).then(
      (body) => answer(response, 200, body),
      (error: unknown) =>
        error instanceof HttpError
          ? answer(response, error.status, { error: error.message })
          : answer(response, 500, { error: error instanceof Error ? error.message : String(error) }),
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
