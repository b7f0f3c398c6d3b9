// The demo portal's HTTP(S) server: routes requests the way a Bitrix24 portal does (webhook and OAuth REST routes,
// the OAuth server, avatars) and applies its bucket, scripted faults and "portal moved" redirects.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { avatarPng, avatarSvg } from './avatars'
import { dispatchControl } from './control-api'
import { GROUP_PAGE_ROUTE, groupPage } from './group-page'
import { answerWithFault } from './faults'
import {
  errorAnswer,
  html,
  json,
  readRequestBody,
  requestParams,
  RequestTooLarge,
  writeAnswer,
  type Answer,
} from './http-answer'
import { authorizeEndpoint, tokenEndpoint } from './oauth-endpoints'
import { PortalState } from './portal-state'
import { normaliseMethod, runMethod, type Params } from './rest-methods'
import { COMPANY_SCENARIO, DEMO_AVATAR_PATH, nextScenarioChange, seededRandom } from './scenario'
import type { DemoPortal, DemoPortalOptions } from './types'

const DEFAULT_RATE_LIMIT = { drainPerSecond: 2, burst: 50 }
const DEFAULT_SCENARIO_INTERVAL_MS = 20_000
const SCENARIO_USER = '1'

// `/rest/USER/CODE/METHOD[.json]` (webhook) or `/rest/METHOD[.json]` (OAuth, `auth` parameter).
const WEBHOOK_ROUTE = /^\/rest\/(\d+)\/([^/]+)\/([^/]+?)\/?$/
const OAUTH_ROUTE = /^\/rest\/([^/]+?)\/?$/

function timeBlock(startMs: number, finishMs: number, operating: number, resetAt: number): Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
  return {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: Math.round(finishMs - startMs) / 1000,
    date_start: iso(startMs),
    date_finish: iso(finishMs),
    operating_reset_at: resetAt,
    operating,
  }
}

export async function startDemoPortal(options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const host = options.host ?? '127.0.0.1'
  const now = Date.now
  let origin = ''
  const state = new PortalState({
    origin: () => origin,
    now,
    rateLimit: options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
    users: options.users,
    detailsKeyStyle: options.detailsKeyStyle,
  })
  const closing = new AbortController()
  const sockets = new Set<Socket>()

  function restAnswer(path: string, params: Params): { method: string; answer: () => Answer } {
    const webhook = WEBHOOK_ROUTE.exec(path)
    const oauth = webhook ? null : OAUTH_ROUTE.exec(path)
    const method = normaliseMethod(
      decodeURIComponent((webhook?.[3] ?? oauth?.[1] ?? '').replace(/%(?![0-9a-f]{2})/gi, '')),
    )
    const answer = (): Answer => {
      if (!webhook && !oauth) return errorAnswer(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!')
      if (!state.admit()) return errorAnswer(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests')
      const auth = webhook
        ? state.authenticateWebhook(webhook[1] ?? '', decodeURIComponent(webhook[2] ?? ''))
        : state.authenticateToken(typeof params.auth === 'string' ? params.auth : undefined)
      if (!auth.ok) return errorAnswer(auth.code === 'INVALID_CREDENTIALS' ? 403 : 401, auth.code, auth.description)
      const startedAt = now()
      const outcome = runMethod(state, auth.identity, method, params)
      if (!outcome.ok) return errorAnswer(outcome.status, outcome.code, outcome.description)
      const finishedAt = now()
      const { operating, resetAt } = state.recordOperating(method, (finishedAt - startedAt) / 1000)
      return json(200, {
        result: outcome.result,
        ...(outcome.next === undefined ? {} : { next: outcome.next }),
        ...(outcome.total === undefined ? {} : { total: outcome.total }),
        time: timeBlock(startedAt, finishedAt, operating, resetAt),
      })
    }
    return { method, answer }
  }

  function assetAnswer(path: string): Answer {
    const match = /^([a-z0-9][a-z0-9_-]{0,63})\.(svg|png)$/.exec(path.slice(DEMO_AVATAR_PATH.length))
    if (!match) return html(404, '404 Not Found')
    const [, slug = '', format] = match
    return format === 'svg'
      ? {
          status: 200,
          headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' },
          body: avatarSvg(slug),
        }
      : {
          status: 200,
          headers: { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600' },
          body: avatarPng(slug),
        }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    if (path.startsWith(DEMO_AVATAR_PATH)) return writeAnswer(res, assetAnswer(path))
    let body: Buffer
    try {
      body = await readRequestBody(req)
    } catch (error) {
      return writeAnswer(
        res,
        error instanceof RequestTooLarge ? html(413, '413 Request Entity Too Large') : html(400, '400 Bad Request'),
      )
    }
    if (path.startsWith('/_control/') && options.httpControl !== false) {
      // JSON only: a web page cannot send that cross-origin without a preflight this server never approves.
      if (req.method !== 'POST' || !req.headers['content-type']?.includes('application/json')) {
        return writeAnswer(res, json(405, { error: 'POST application/json only' }))
      }
      let payload: unknown
      try {
        payload = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return writeAnswer(res, json(400, { error: 'payload is not JSON' }))
      }
      const outcome = dispatchControl(state, path.slice('/_control/'.length), payload)
      return writeAnswer(res, json(outcome.status, outcome.body))
    }

    const groupRoute = GROUP_PAGE_ROUTE.exec(path)
    if (groupRoute && (req.method === 'GET' || req.method === 'HEAD')) {
      if (state.movedTo) {
        return writeAnswer(res, {
          status: 302,
          headers: { Location: `${state.movedTo}${path}${url.search}` },
          body: '',
        })
      }
      return writeAnswer(res, groupPage(state.findGroup(groupRoute[1] ?? '')))
    }

    const isRest = path.startsWith('/rest/')
    const isToken = path === '/oauth/token/' || path === '/oauth/token'
    const isAuthorize = path === '/oauth/authorize/' || path === '/oauth/authorize'
    if (!isRest && !isToken && !isAuthorize) return writeAnswer(res, html(404, '404 Not Found'))

    let params: Params = {}
    let unreadable = false
    try {
      params = requestParams(url, req.headers['content-type'], body)
    } catch {
      unreadable = true
    }
    let normal: () => Answer
    if (isRest) {
      const rest = restAnswer(path, params)
      state.countRequest(rest.method)
      normal = unreadable ? () => errorAnswer(400, 'INVALID_REQUEST', 'Unreadable request body') : rest.answer
    } else if (isToken) {
      state.countTokenRequest()
      normal = () => tokenEndpoint(state, params, origin, now())
    } else {
      normal = () => authorizeEndpoint(state, url, origin)
    }

    const fault = state.nextFault()
    if (fault) return answerWithFault(fault, { res, normal, closing: closing.signal })
    if (state.movedTo) {
      return writeAnswer(res, { status: 302, headers: { Location: `${state.movedTo}${path}${url.search}` }, body: '' })
    }
    writeAnswer(res, normal())
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      // A bug here must not take the portal down; the client sees a 500 like any server fault.
      if (!res.headersSent) writeAnswer(res, errorAnswer(500, 'INTERNAL_SERVER_ERROR', 'Internal error'))
      else res.destroy()
    })
  }
  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createHttpServer(listener)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' || host.includes(':') ? `[${address.address}]` : host
  origin = `${options.tls ? 'https' : 'http'}://${urlHost}:${address.port}`

  let scenarioTimer: NodeJS.Timeout | null = null
  if (options.scenario) {
    const scenario = options.scenario === true ? COMPANY_SCENARIO : options.scenario
    const random = seededRandom(options.seed ?? Date.now())
    if (!options.users?.[SCENARIO_USER]) state.setMemberships(SCENARIO_USER, scenario.groups(origin, now()))
    const { name, lastName, avatar } = scenario.profile
    state.setProfile(SCENARIO_USER, { name, lastName, photo: `${origin}${DEMO_AVATAR_PATH}${avatar}.svg` })
    scenarioTimer = setInterval(() => {
      state.setMemberships(SCENARIO_USER, nextScenarioChange(state.getMemberships(SCENARIO_USER), random, scenario))
    }, options.scenarioIntervalMs ?? DEFAULT_SCENARIO_INTERVAL_MS)
    scenarioTimer.unref()
  }

  let closed: Promise<void> | null = null
  return {
    origin,
    webhookUrl: (userId = '1') => state.webhookUrlOf(userId),
    control: state,
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (scenarioTimer) clearInterval(scenarioTimer)
        closing.abort()
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      })
      return closed
    },
  }
}
