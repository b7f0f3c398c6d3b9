// Group details through the built bin: `list --json` details and detailsError, the human table's type and archived
// columns, a portal without the socialnetwork scope, `open --<page>`, and `watch` reporting a group archived.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DemoGroup, DemoPortal } from '../../core/demo'
import { startDemoPortal } from '../../core/demo'
import { launchDetails, launchProject } from '../../core/demo/test-support'
import { startRawServer, type RawServer } from '../../core/bitrix/test-support/raw-server'
import { byType, type Sandbox } from './bin'
import { eachTestOnPortal } from './portal'

const LAUNCH = launchProject('77', 2)
const PARTNERS: DemoGroup = { id: '79', name: 'Partners', role: 'K', details: { type: 'collab', archived: true } }

const LAUNCH_DETAILS = launchDetails(2)

let portal: DemoPortal
let box: Sandbox
let url: string
let host: string
eachTestOnPortal(
  () => startDemoPortal({ rateLimit: false, users: { '1': [LAUNCH, PARTNERS] } }),
  (setup) => ({ portal, box, url, host } = setup),
)

describe('list with details', () => {
  it.each(['upper', 'camel'] as const)(
    'gives every group its details in the documented keys, whichever key style the portal (%s) uses',
    async (style) => {
      portal.control.setDetailsKeyStyle(style)
      const result = await box.run(['--webhook', url, '--json', 'list'])
      expect(result).toMatchObject({ code: 0, stderr: '' })
      const [account] = JSON.parse(result.stdout).accounts
      expect(account.detailsError).toBeNull()
      expect(account.groups.map((group: { id: string; details: unknown }) => [group.id, group.details])).toEqual([
        ['77', LAUNCH_DETAILS],
        [
          '79',
          {
            ...LAUNCH_DETAILS,
            type: 'collab',
            archived: true,
            memberCount: 1,
            activityAt: null,
            projectStart: null,
            projectFinish: null,
            pendingRequests: null,
          },
        ],
      ])
      expect(Object.keys(account.groups[0].details)).toEqual([
        'type',
        'archived',
        'memberCount',
        'activityAt',
        'projectStart',
        'projectFinish',
        'pendingRequests',
      ])
    },
  )

  it('prints type and archived columns for people', async () => {
    const result = await box.run(['--webhook', url, 'list'])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')).toEqual([
      `${host}/1 · Demo User 1 · 2 groups`,
      'ID  ROLE    TYPE     ARCHIVED  NAME',
      '77  owner   project            Launch',
      '79  member  collab   archived  Partners',
      '',
    ])
  })

  it('without the socialnetwork scope still lists the groups, details null, with the scope to tick, exit 0', async () => {
    const narrow = portal.control.createWebhook('1', { scopes: ['sonet_group'] })
    const json = await box.run(['--webhook', narrow, '--json', 'list'])
    expect(json.code).toBe(0)
    const [account] = JSON.parse(json.stdout).accounts
    expect(account.error).toBeNull()
    expect(account.groups.map((group: { id: string; details: unknown }) => [group.id, group.details])).toEqual([
      ['77', null],
      ['79', null],
    ])
    expect(account.detailsError).toEqual({
      code: 'insufficient_scope',
      kind: 'scope',
      message: expect.stringContaining('tick "socialnetwork"'),
    })

    const human = await box.run(['--webhook', narrow, 'list'])
    expect(human.code).toBe(0)
    expect(human.stdout.split('\n').slice(1, 4)).toEqual([
      'ID  ROLE    TYPE  ARCHIVED  NAME',
      '77  owner   -               Launch',
      '79  member  -               Partners',
    ])
    expect(human.stderr).toMatch(new RegExp(`^${host}/1: no group details\\. Group details .+"socialnetwork"`))
  })
})

describe('list against a raw portal', () => {
  let raw: RawServer
  afterEach(() => raw.close())

  it('reads camelCase details over two pages, without TYPE, in three requests', async () => {
    raw = await startRawServer((req: IncomingMessage, res: ServerResponse, body: string) => {
      res.setHeader('content-type', 'application/json')
      const method = req.url?.split('/').pop() ?? ''
      const start = Number((JSON.parse(body || '{}') as { start?: number }).start ?? 0)
      const answers: Record<string, unknown> = {
        'sonet_group.user.groups': {
          result: [
            { GROUP_ID: '5', GROUP_NAME: 'Old', ROLE: 'K' },
            { GROUP_ID: '6', GROUP_NAME: 'New', ROLE: 'K' },
          ],
        },
        'socialnetwork.api.workgroup.list':
          start === 0
            ? { result: { workgroups: [{ id: '5', closed: 'Y', numberOfMembers: '3' }] }, next: 1, total: 2 }
            : { result: { workgroups: [{ id: '6', type: 'scrum', closed: 'N' }] }, total: 2 },
      }
      res.end(JSON.stringify(answers[method] ?? { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'x' }))
    })
    const result = await box.run(['--webhook', `${raw.origin}/rest/1/abc123/`, '--json', 'list'])
    expect(result.code).toBe(0)
    const [account] = JSON.parse(result.stdout).accounts
    expect(account.groups.map((group: { details: { type: unknown; archived: unknown } }) => group.details)).toEqual([
      expect.objectContaining({ type: 'scrum', archived: false, memberCount: null }),
      expect.objectContaining({ type: null, archived: true, memberCount: 3 }),
    ])
    const methods = raw.requests.map((request) => request.url.split('/').pop())
    expect(methods.filter((method) => method !== 'profile')).toEqual([
      'sonet_group.user.groups',
      'socialnetwork.api.workgroup.list',
      'socialnetwork.api.workgroup.list',
    ])
  })
})

describe('open with a page', () => {
  it.each([
    ['--tasks', '77', 'tasks/'],
    ['--calendar', '77', 'calendar/'],
    ['--drive', '77', 'disk/path/'],
    ['--chat', '77', 'chat/'],
    ['--members', '79', 'users/'],
  ])('%s prints the sub-page', async (flag, group, path) => {
    const result = await box.run(['--webhook', url, 'open', group, flag, '--print'])
    expect(result).toMatchObject({ code: 0, stdout: `${portal.origin}/workgroups/group/${group}/${path}\n` })
  })

  it('opens a collab on its chat without a page', async () => {
    const result = await box.run(['--webhook', url, 'open', '79', '--print'])
    expect(result).toMatchObject({ code: 0, stdout: `${portal.origin}/workgroups/group/79/chat/\n` })
  })

  it('refuses two pages at once with exit 2 and one sentence', async () => {
    const result = await box.run(['--webhook', url, 'open', '77', '--tasks', '--drive', '--print'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('Choose at most one page to open: --tasks, --calendar, --drive, --chat or --members.\n')
  })
})

describe('watch', () => {
  it('reports a group archived, found when the details are fetched again for a new group', async () => {
    const watch = box.start(['--webhook', url, '--json', 'watch', '--interval', '1'])
    await watch.waitFor((run) => byType(run.events(), 'synced').length >= 1, 'the baseline')
    await watch.waitFor(
      () => (portal.control.stats().byMethod['socialnetwork.api.workgroup.list'] ?? 0) >= 1,
      'the first details',
    )
    // A new group makes the details due at once; meanwhile the project was archived.
    portal.control.setGroupDetails('77', { ...LAUNCH.details, archived: true })
    portal.control.setMemberships('1', [
      ...portal.control.getMemberships('1'),
      { id: '81', name: 'Newcomers', role: 'K' },
    ])
    await watch.waitFor((run) => byType(run.events(), 'change').length >= 2, 'joined and archived')
    watch.child.kill('SIGINT')
    expect((await watch.exited).code).toBe(0)
    expect(
      byType(watch.events(), 'change').map((event) => [
        event.kind,
        (event.group as { id: string }).id,
        event.from,
        event.to,
      ]),
    ).toEqual([
      ['joined', '81', null, 'K'],
      ['archived', '77', false, true],
    ])
  })

  it('says once that a webhook without the socialnetwork scope gets no details, while memberships go on', async () => {
    const narrow = portal.control.createWebhook('1', { scopes: ['sonet_group'] })
    const watch = box.start(['--webhook', narrow, '--json', 'watch', '--interval', '1'])
    await watch.waitFor((run) => byType(run.events(), 'details').length >= 1, 'the details error')
    // A new group makes the details due again at once: the same error, not said again; the join is reported.
    portal.control.setMemberships('1', [
      ...portal.control.getMemberships('1'),
      { id: '81', name: 'Newcomers', role: 'K' },
    ])
    await watch.waitFor((run) => byType(run.events(), 'change').length >= 1, 'the join')
    await watch.waitFor((run) => byType(run.events(), 'synced').length >= 3, 'two more polls')
    watch.child.kill('SIGINT')
    expect((await watch.exited).code).toBe(0)
    expect(byType(watch.events(), 'details')).toEqual([
      {
        type: 'details',
        account: `${host}/1`,
        available: false,
        code: 'insufficient_scope',
        kind: 'scope',
        message: expect.stringContaining('"socialnetwork"'),
      },
    ])
    expect(byType(watch.events(), 'change').map((event) => event.kind)).toEqual(['joined'])
  })

  it('says it for people', async () => {
    const watch = box.start(['--webhook', url, 'watch', '--interval', '1'])
    await watch.waitFor(
      () => (portal.control.stats().byMethod['socialnetwork.api.workgroup.list'] ?? 0) >= 1,
      'the first details',
    )
    portal.control.setGroupDetails('79', { type: 'collab', archived: false })
    portal.control.setMemberships('1', [
      ...portal.control.getMemberships('1'),
      { id: '81', name: 'Newcomers', role: 'K' },
    ])
    await watch.waitFor((run) => run.stdout().includes('restored'), 'the restore')
    watch.child.kill('SIGINT')
    await watch.exited
    expect(watch.stdout()).toMatch(
      new RegExp(`\\d\\d:\\d\\d:\\d\\d  ${host}/1  “Partners” was restored from the archive\\n`),
    )
  })
})
