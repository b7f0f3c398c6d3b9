import { connectDemoControl, demoScenarioGroups, startDemoPortal, type DemoGroup, type DemoPortal } from './index'

const PROJECT: DemoGroup = {
  id: '7',
  name: 'Launch',
  role: 'A',
  details: {
    type: 'project',
    memberCount: 9,
    activityAt: '2026-11-30T10:00:00+00:00',
    projectStart: '2026-10-01T00:00:00+00:00',
    projectFinish: '2026-12-04T00:00:00+00:00',
    pendingRequests: 3,
  },
}
const OLD_GROUP: DemoGroup = { id: '5', name: 'Old', role: 'K', details: { archived: true } }

let demo: DemoPortal

afterEach(async () => {
  await demo.close()
})

async function call(url: string, body: unknown = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

const LIST = 'socialnetwork.api.workgroup.list'
const GET = 'socialnetwork.api.workgroup.get'
const SELECT = ['ID', 'TYPE', 'CLOSED', 'NUMBER_OF_MEMBERS', 'DATE_ACTIVITY', 'PROJECT_DATE_FINISH']

describe('socialnetwork.api.workgroup.list', () => {
  it('answers the selected fields of the filtered groups under result.workgroups, without TYPE where none is set', async () => {
    demo = await startDemoPortal({
      rateLimit: false,
      users: { '1': [PROJECT, OLD_GROUP, { id: '9', name: 'X', role: 'K' }] },
    })
    const { status, json } = await call(`${demo.webhookUrl('1')}${LIST}`, {
      filter: { ID: ['7', '5'] },
      select: SELECT,
    })
    expect(status).toBe(200)
    expect(json.result).toEqual({
      workgroups: [
        { ID: 5, CLOSED: 'Y', NUMBER_OF_MEMBERS: 1, DATE_ACTIVITY: null, PROJECT_DATE_FINISH: null },
        {
          ID: 7,
          TYPE: 'project',
          CLOSED: 'N',
          NUMBER_OF_MEMBERS: 9,
          DATE_ACTIVITY: '2026-11-30T10:00:00+00:00',
          PROJECT_DATE_FINISH: '2026-12-04T00:00:00+00:00',
        },
      ],
    })
    expect(json.total).toBe(2)
    expect(json.next).toBeUndefined()
  })

  it('pages by 50 with next and total, and leaves total out for start = -1', async () => {
    const many = Array.from({ length: 120 }, (_, index) => ({ id: String(index + 1), name: `G${index}`, role: 'K' }))
    demo = await startDemoPortal({ rateLimit: false, users: { '1': many } })
    const url = `${demo.webhookUrl('1')}${LIST}`
    const first = await call(url, { select: ['ID'] })
    const last = await call(url, { select: ['ID'], start: 100 })
    const untotalled = await call(url, { select: ['ID'], start: -1 })
    expect([
      (first.json.result as { workgroups: unknown[] }).workgroups.length,
      first.json.next,
      first.json.total,
    ]).toEqual([50, 50, 120])
    expect([(last.json.result as { workgroups: unknown[] }).workgroups.length, last.json.next]).toEqual([20, undefined])
    expect(untotalled.json.total).toBeUndefined()
  })

  it('spells its keys in camelCase on a portal set so, with ids and counts as strings', async () => {
    demo = await startDemoPortal({ rateLimit: false, detailsKeyStyle: 'camel', users: { '1': [PROJECT] } })
    const { json } = await call(`${demo.webhookUrl('1')}${LIST}`, { filter: { ID: '7' }, select: SELECT })
    expect(json.result).toEqual({
      workgroups: [
        {
          id: '7',
          type: 'project',
          closed: 'N',
          numberOfMembers: '9',
          dateActivity: '2026-11-30T10:00:00+00:00',
          projectDateFinish: '2026-12-04T00:00:00+00:00',
        },
      ],
    })
  })

  it('refuses a webhook without the socialnetwork scope with insufficient_scope, while the membership method works', async () => {
    demo = await startDemoPortal({ rateLimit: false, users: { '1': [PROJECT] } })
    const narrow = demo.control.createWebhook('1', { scopes: ['sonet_group'] })
    const details = await call(`${narrow}${LIST}`, { select: ['ID'] })
    const memberships = await call(`${narrow}sonet_group.user.groups`)
    expect([details.status, details.json.error]).toEqual([403, 'insufficient_scope'])
    expect(memberships.status).toBe(200)
  })

  it('changes with setGroupDetails and setDetailsKeyStyle over the HTTP control', async () => {
    demo = await startDemoPortal({ rateLimit: false, users: { '1': [PROJECT] } })
    const control = connectDemoControl(demo.origin)
    await control.setGroupDetails('7', { type: 'project', archived: true })
    await control.setDetailsKeyStyle('camel')
    const { json } = await call(`${demo.webhookUrl('1')}${LIST}`, { select: ['CLOSED'] })
    expect(json.result).toEqual({ workgroups: [{ id: '7', closed: 'Y' }] })
  })
})

describe('socialnetwork.api.workgroup.get', () => {
  it('shows COUNTERS of pending join requests to the owner, in a batch of calls', async () => {
    demo = await startDemoPortal({
      rateLimit: false,
      users: { '1': [PROJECT, OLD_GROUP], '2': [{ ...PROJECT, role: 'K' }] },
    })
    const query = (id: string) => `${GET}?params[groupId]=${id}&params[select][]=COUNTERS`
    const owner = await call(`${demo.webhookUrl('1')}batch`, {
      cmd: { g7: query('7'), g5: query('5'), g99: query('99') },
    })
    const member = await call(`${demo.webhookUrl('2')}${GET}`, { params: { groupId: 7, select: ['COUNTERS'] } })
    const batch = owner.json.result as { result: Record<string, Record<string, unknown>>; result_error: unknown }
    expect(batch.result.g7?.COUNTERS).toEqual({ workgroup_requests_in: 3, workgroup_requests_out: 0 })
    expect(batch.result.g5?.COUNTERS).toBeUndefined()
    expect(batch.result_error).toEqual({
      g99: { error: 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND', error_description: 'Workgroup not found.' },
    })
    expect((member.json.result as Record<string, unknown>).COUNTERS).toBeUndefined()
    expect(demo.control.stats().byMethod).toEqual({ batch: 1, [GET]: 1 })
  })
})

describe('the scenario’s details', () => {
  it('holds every type, a group without TYPE, archived groups, projects with finish dates and pending requests', () => {
    const groups = demoScenarioGroups('http://127.0.0.1:4000', Date.parse('2026-12-01T00:00:00Z'))
    const types = groups.map((group) => group.details?.type ?? null)
    expect(new Set(types)).toEqual(new Set(['group', 'project', 'scrum', 'collab', null]))
    expect(groups.filter((group) => group.details?.archived).length).toBeGreaterThanOrEqual(2)
    const running = groups.find((group) => group.details?.projectFinish && !group.details.archived)
    expect(Date.parse(running?.details?.projectFinish ?? '')).toBeGreaterThan(Date.parse('2026-12-01T00:00:00Z'))
    expect(groups.some((group) => ['A', 'E'].includes(group.role) && (group.details?.pendingRequests ?? 0) > 0)).toBe(
      true,
    )
  })
})
