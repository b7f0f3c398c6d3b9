import { connectDemoControl, startDemoPortal, type DemoPortal } from './index'

const MARKETING = { id: '5', name: 'Marketing', role: 'K' }
const LAUNCH = { id: '9', name: 'Launch', role: 'A', extranet: true, image: '/upload/launch.png' }

let demo: DemoPortal

beforeEach(async () => {
  demo = await startDemoPortal({ rateLimit: false, users: { '1': [MARKETING, LAUNCH] } })
})

afterEach(async () => {
  await demo.close()
})

async function post(url: string, body: unknown = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

const SEED_SHAPE_ITEM = {
  GROUP_ID: expect.any(String),
  GROUP_NAME: expect.any(String),
  ROLE: expect.any(String),
  GROUP_IMAGE_ID: expect.toSatisfy((value: unknown) => value === null || typeof value === 'number'),
  GROUP_IMAGE: expect.any(String),
}

describe('the seed document’s curl forms', () => {
  it('answers the webhook form with the documented shape', async () => {
    const { status, json } = await post(`${demo.webhookUrl('1')}sonet_group.user.groups`)
    expect(status).toBe(200)
    expect(json.result).toEqual([
      { ...SEED_SHAPE_ITEM, GROUP_ID: '5', GROUP_NAME: 'Marketing', ROLE: 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
      { ...SEED_SHAPE_ITEM, GROUP_ID: '9', ROLE: 'A', GROUP_IMAGE: '/upload/launch.png', IS_EXTRANET: 'Y' },
    ])
    expect(json.time).toEqual({
      start: expect.any(Number),
      finish: expect.any(Number),
      duration: expect.any(Number),
      processing: expect.any(Number),
      date_start: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      date_finish: expect.any(String),
      operating_reset_at: expect.any(Number),
      operating: expect.any(Number),
    })
  })

  it('answers the auth form (OAuth token in the JSON body) with the same shape', async () => {
    const tokens = demo.control.issueOAuthTokens('1')
    const { status, json } = await post(`${demo.origin}/rest/sonet_group.user.groups`, { auth: tokens.accessToken })
    expect(status).toBe(200)
    expect((json.result as unknown[]).map((item) => (item as { GROUP_ID: string }).GROUP_ID)).toEqual(['5', '9'])
  })

  it('accepts a .json suffix, GET with query parameters and form bodies', async () => {
    const tokens = demo.control.issueOAuthTokens('1')
    const viaJsonSuffix = await post(`${demo.webhookUrl('1')}sonet_group.user.groups.json`)
    const viaGet = await fetch(`${demo.origin}/rest/profile?auth=${tokens.accessToken}`)
    const viaForm = await fetch(`${demo.origin}/rest/profile.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ auth: tokens.accessToken }).toString(),
    })
    expect((viaJsonSuffix.json.result as unknown[]).length).toBe(2)
    expect(((await viaGet.json()) as { result: { ID: string } }).result.ID).toBe('1')
    expect(((await viaForm.json()) as { result: { ID: string } }).result.ID).toBe('1')
  })
})

describe('authentication', () => {
  it('refuses an unknown webhook code with 401 NO_AUTH_FOUND', async () => {
    const { status, json } = await post(`${demo.origin}/rest/1/nosuchcode/profile`)
    expect([status, json.error]).toEqual([401, 'NO_AUTH_FOUND'])
  })

  it('refuses a code used with another user id', async () => {
    const url = demo.webhookUrl('1').replace('/rest/1/', '/rest/2/')
    expect((await post(`${url}profile`)).json.error).toBe('NO_AUTH_FOUND')
  })

  it('refuses a revoked webhook with 403 INVALID_CREDENTIALS', async () => {
    const url = demo.control.createWebhook('1', { code: 'leakedcode1' })
    demo.control.revokeWebhook('leakedcode1')
    const { status, json } = await post(`${url}profile`)
    expect([status, json.error]).toEqual([403, 'INVALID_CREDENTIALS'])
  })

  it('refuses a webhook without the sonet_group scope with 403 insufficient_scope, but still answers profile', async () => {
    const url = demo.control.createWebhook('1', { scopes: ['user'] })
    const groups = await post(`${url}sonet_group.user.groups`)
    expect([groups.status, groups.json.error]).toEqual([403, 'insufficient_scope'])
    expect((await post(`${url}profile`)).status).toBe(200)
  })

  it('answers an expired access token with 401 expired_token and a made-up one with invalid_token', async () => {
    const tokens = demo.control.issueOAuthTokens('1')
    demo.control.expireAccessTokens()
    const expired = await post(`${demo.origin}/rest/profile`, { auth: tokens.accessToken })
    const invented = await post(`${demo.origin}/rest/profile`, { auth: 'made-up-token' })
    expect([expired.status, expired.json.error]).toEqual([401, 'expired_token'])
    expect(invented.json.error).toBe('invalid_token')
  })

  it('reuses the user’s webhook for webhookUrl and answers unknown methods with ERROR_METHOD_NOT_FOUND', async () => {
    expect(demo.webhookUrl('1')).toBe(demo.webhookUrl('1'))
    expect(demo.webhookUrl('1')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest\/1\/[a-z0-9]{16}\/$/)
    const { status, json } = await post(`${demo.webhookUrl('1')}crm.deal.list`)
    expect([status, json.error]).toEqual([404, 'ERROR_METHOD_NOT_FOUND'])
  })
})

describe('methods', () => {
  it('answers profile with the name set through the control', async () => {
    demo.control.setProfile('1', { name: 'Ann', lastName: 'Lee', photo: '/upload/ann.png' })
    const { json } = await post(`${demo.webhookUrl('1')}profile`)
    expect(json.result).toMatchObject({ ID: '1', NAME: 'Ann', LAST_NAME: 'Lee', PERSONAL_PHOTO: '/upload/ann.png' })
  })

  it('pages the groups with next and total when a page size is set', async () => {
    demo.control.setMemberships(
      '1',
      Array.from({ length: 5 }, (_, i) => ({ id: String(i + 1), name: `G${i + 1}`, role: 'K' })),
    )
    demo.control.setPageSize(2)
    const first = await post(`${demo.webhookUrl('1')}sonet_group.user.groups`)
    const last = await post(`${demo.webhookUrl('1')}sonet_group.user.groups`, { start: 4 })
    expect([first.json.next, first.json.total, (first.json.result as unknown[]).length]).toEqual([2, 5, 2])
    expect([last.json.next, (last.json.result as unknown[]).length]).toEqual([undefined, 1])
  })

  it('runs batch commands and reports each error in result_error', async () => {
    const { json } = await post(`${demo.webhookUrl('1')}batch`, {
      halt: 0,
      cmd: { groups: 'sonet_group.user.groups', me: 'profile', bad: 'no.such.method', nested: 'batch' },
    })
    const result = json.result as Record<string, Record<string, unknown>>
    expect(Object.keys(result.result ?? {})).toEqual(['groups', 'me'])
    expect(result.result_error).toEqual({
      bad: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
      nested: { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: expect.any(String) },
    })
  })

  it('refuses a batch of more than 50 commands', async () => {
    const cmd = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'profile']))
    const { status, json } = await post(`${demo.webhookUrl('1')}batch`, { cmd })
    expect([status, json.error]).toEqual([400, 'ERROR_BATCH_LENGTH_EXCEEDED'])
  })

  it('reads PHP-style nested form parameters in a batch', async () => {
    const response = await fetch(`${demo.webhookUrl('1')}batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'halt=1&cmd[me]=profile&cmd[groups]=sonet_group.user.groups',
    })
    const json = (await response.json()) as { result: { result: Record<string, unknown> } }
    expect(Object.keys(json.result.result)).toEqual(['me', 'groups'])
  })
})

describe('OAuth server', () => {
  it('rotates the refresh token: the new one works, the old one is invalid_grant', async () => {
    const tokens = demo.control.issueOAuthTokens('1')
    const refresh = (refreshToken: string) =>
      fetch(
        `${tokens.tokenServerUrl}?${new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: tokens.clientId,
          client_secret: tokens.clientSecret,
          refresh_token: refreshToken,
        })}`,
      )
    const first = await refresh(tokens.refreshToken)
    const answer = (await first.json()) as Record<string, unknown>
    expect(answer).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 3600,
      server_endpoint: `${demo.origin}/rest/`,
      client_endpoint: `${demo.origin}/rest/`,
      user_id: 1,
    })
    const again = await refresh(tokens.refreshToken)
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([400, 'invalid_grant'])
    expect((await post(`${demo.origin}/rest/profile`, { auth: answer.access_token })).status).toBe(200)
    expect(demo.control.stats().tokenRequests).toBe(2)
  })

  it('answers a wrong client secret with invalid_client and revoked refresh tokens with invalid_grant', async () => {
    const tokens = demo.control.issueOAuthTokens('1')
    const url = (secret: string) =>
      `${tokens.tokenServerUrl}?grant_type=refresh_token&client_id=${tokens.clientId}&client_secret=${secret}&refresh_token=${tokens.refreshToken}`
    expect(((await (await fetch(url('wrong'))).json()) as { error: string }).error).toBe('invalid_client')
    demo.control.revokeRefreshTokens()
    expect(((await (await fetch(url(tokens.clientSecret))).json()) as { error: string }).error).toBe('invalid_grant')
  })

  it('signs in with an authorization code that works once', async () => {
    const tokens = demo.control.issueOAuthTokens('1')
    const authorize = await fetch(
      `${demo.origin}/oauth/authorize/?client_id=${tokens.clientId}&state=xyz&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/cb')}`,
      { redirect: 'manual' },
    )
    const location = new URL(authorize.headers.get('location') ?? '')
    expect(location.searchParams.get('state')).toBe('xyz')
    const exchange = () =>
      fetch(`${demo.origin}/oauth/token/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: tokens.clientId,
          client_secret: tokens.clientSecret,
          code: location.searchParams.get('code') ?? '',
        }).toString(),
      })
    expect(((await (await exchange()).json()) as { user_id: number }).user_id).toBe(1)
    expect(((await (await exchange()).json()) as { error: string }).error).toBe('invalid_grant')
  })
})

describe('rate limit', () => {
  it('answers 503 QUERY_LIMIT_EXCEEDED once its bucket is full and counts it', async () => {
    const limited = await startDemoPortal({ rateLimit: { drainPerSecond: 0.001, burst: 3 } })
    try {
      const url = `${limited.webhookUrl('1')}profile`
      const statuses = []
      for (let i = 0; i < 5; i++) statuses.push((await post(url)).status)
      expect(statuses).toEqual([200, 200, 200, 503, 503])
      expect(limited.control.stats()).toMatchObject({ requests: 5, rateLimited: 2 })
    } finally {
      await limited.close()
    }
  })
})

describe('faults', () => {
  it('consumes one fault per request, in order, then answers normally', async () => {
    demo.control.injectFaults([
      { type: 'error', code: 'QUERY_LIMIT_EXCEEDED' },
      { type: 'error', code: 'INTERNAL_SERVER_ERROR', status: 200 },
      { type: 'status', status: 418, body: { teapot: true } },
    ])
    const url = `${demo.webhookUrl('1')}profile`
    const answers = []
    for (let i = 0; i < 4; i++) {
      const { status, json } = await post(url)
      answers.push([status, json.error ?? json.teapot ?? 'ok'])
    }
    expect(answers).toEqual([
      [503, 'QUERY_LIMIT_EXCEEDED'],
      [200, 'INTERNAL_SERVER_ERROR'],
      [418, true],
      [200, 'ok'],
    ])
  })

  it('sends an HTML page, malformed JSON and a redirect', async () => {
    demo.control.injectFaults([
      { type: 'html' },
      { type: 'malformed' },
      { type: 'redirect', location: 'https://elsewhere.example.com/' },
    ])
    const url = `${demo.webhookUrl('1')}profile`
    const page = await fetch(url)
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
      502,
      'text/html; charset=utf-8',
      expect.stringContaining('<title>502 Bad Gateway</title>'),
    ])
    const malformed = await fetch(url)
    await expect(malformed.json()).rejects.toThrow()
    const redirect = await fetch(url, { redirect: 'manual' })
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'https://elsewhere.example.com/'])
  })

  it('cuts a truncated answer short and drops a connection without answering', async () => {
    demo.control.injectFaults([{ type: 'truncated' }, { type: 'drop' }])
    const url = `${demo.webhookUrl('1')}sonet_group.user.groups`
    const truncated = await fetch(url)
    await expect(truncated.text()).rejects.toThrow()
    await expect(fetch(url)).rejects.toThrow()
  })

  it('answers late after a delay fault, and close() ends a hanging request', async () => {
    demo.control.injectFaults([{ type: 'delay', ms: 30 }, { type: 'hang' }])
    const url = `${demo.webhookUrl('1')}profile`
    expect((await post(url)).status).toBe(200)
    const hanging = fetch(url).then(
      () => 'answered',
      () => 'connection closed',
    )
    await vi.waitFor(() => expect(demo.control.stats().requests).toBe(2))
    await demo.close()
    expect(await hanging).toBe('connection closed')
  })

  it('clears faults', async () => {
    demo.control.injectFaults([{ type: 'drop' }])
    demo.control.clearFaults()
    expect((await post(`${demo.webhookUrl('1')}profile`)).status).toBe(200)
  })
})

describe('a moved portal', () => {
  it('answers every REST request with a 302 to the same path at the new origin', async () => {
    demo.control.moveTo('https://renamed.bitrix24.com')
    const response = await fetch(`${demo.webhookUrl('1')}profile?x=1`, { method: 'POST', redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      `https://renamed.bitrix24.com${new URL(demo.webhookUrl('1')).pathname}profile?x=1`,
    )
    demo.control.moveTo(null)
    expect((await post(`${demo.webhookUrl('1')}profile`)).status).toBe(200)
  })
})

describe('statistics', () => {
  it('counts REST requests by method until reset', async () => {
    await post(`${demo.webhookUrl('1')}profile`)
    await post(`${demo.webhookUrl('1')}sonet_group.user.groups.json`)
    await post(`${demo.webhookUrl('1')}Sonet_Group.User.Groups`)
    expect(demo.control.stats()).toEqual({
      requests: 3,
      byMethod: { profile: 1, 'sonet_group.user.groups': 2 },
      tokenRequests: 0,
      rateLimited: 0,
    })
    demo.control.resetStats()
    expect(demo.control.stats().requests).toBe(0)
  })
})

describe('control over HTTP', () => {
  it('offers every control operation to another process', async () => {
    const remote = connectDemoControl(demo.origin)
    await remote.setMemberships('2', [MARKETING])
    expect(await remote.getMemberships('2')).toEqual([MARKETING])
    const url = await remote.createWebhook('2', { code: 'remotecode22' })
    expect(url).toBe(`${demo.origin}/rest/2/remotecode22/`)
    await remote.injectFaults([{ type: 'error', code: 'OVERLOAD_LIMIT' }])
    expect((await post(`${url}profile`)).json.error).toBe('OVERLOAD_LIMIT')
    expect(await remote.stats()).toMatchObject({ requests: 1 })
    expect((await remote.issueOAuthTokens('2')).tokenServerUrl).toBe(`${demo.origin}/oauth/token/`)
  })

  it('refuses an invalid payload with a message naming the field', async () => {
    const response = await post(`${demo.origin}/_control/setMemberships`, { userId: 'abc', groups: [] })
    expect(response.status).toBe(400)
    expect(response.json.error).toMatch(/^userId: /)
  })

  it('refuses anything but a JSON POST, so a web page cannot drive it', async () => {
    const form = await fetch(`${demo.origin}/_control/clearFaults`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(form.status).toBe(405)
  })
})

describe('avatars', () => {
  it('serves SVG and PNG avatars itself', async () => {
    const svg = await fetch(`${demo.origin}/_demo/avatars/marketing.svg`)
    const png = await fetch(`${demo.origin}/_demo/avatars/website.png`)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(await svg.text()).toMatch(/^<svg [^>]+>.*<text[^>]*>MA<\/text><\/svg>$/)
    const bytes = Buffer.from(await png.arrayBuffer())
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(bytes.readUInt32BE(16)).toBe(32)
    expect((await fetch(`${demo.origin}/_demo/avatars/../../etc/passwd`)).status).toBe(404)
  })
})

describe('group pages', () => {
  it('serves the page the app opens for a group, with the portal text escaped', async () => {
    demo.control.setMemberships('2', [MARKETING, { id: '77', name: 'Ideas <script>alert(1)</script>', role: 'K' }])
    const response = await fetch(`${demo.origin}/workgroups/group/5/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const page = await response.text()
    expect(page).toContain('<h1>Marketing</h1>')
    expect(page).toContain('2 members')
    const hostile = await (await fetch(`${demo.origin}/workgroups/group/77/`)).text()
    expect(hostile).toContain('<h1>Ideas &lt;script&gt;alert(1)&lt;/script&gt;</h1>')
    expect(hostile).not.toContain('<script>')
  })

  it('answers 404 for a group nobody belongs to', async () => {
    expect((await fetch(`${demo.origin}/workgroups/group/404/`)).status).toBe(404)
  })

  it('redirects group pages too once the portal has moved', async () => {
    demo.control.moveTo('https://b24.example.org')
    const response = await fetch(`${demo.origin}/workgroups/group/5/`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://b24.example.org/workgroups/group/5/')
  })
})
