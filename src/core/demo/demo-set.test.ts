import { CLUB_SCENARIO, COMPANY_SCENARIO, PARTNER_SCENARIO } from './scenario'
import { DEMO_ACCOUNTS, startDemoSet, type DemoSet } from './demo-set'

let set: DemoSet | null = null
afterEach(async () => {
  await set?.close()
  set = null
})

async function call(webhookUrl: string, method: string, body: unknown = {}) {
  const response = await fetch(`${webhookUrl}${method}.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

const SELECT = { select: ['ID', 'TYPE', 'NUMBER_OF_MEMBERS'] }

describe('the demo set', () => {
  it('starts a portal per account, each with its own groups and Alex Morgan as its user', async () => {
    set = await startDemoSet({ rateLimit: false })
    expect(set.members.map((member) => member.spec.label)).toEqual([
      'Demo portal',
      'Demo partner portal',
      'Demo club portal',
    ])
    expect(new Set(set.members.map((member) => member.portal.origin)).size).toBe(3)
    const scenarios = [COMPANY_SCENARIO, PARTNER_SCENARIO, CLUB_SCENARIO]
    for (const [index, member] of set.members.entries()) {
      const groups = (await call(member.webhookUrl, 'sonet_group.user.groups')).json.result as { GROUP_ID: string }[]
      const expected = scenarios[index]!.groups(undefined, Date.now()).map((group) => group.id)
      expect(groups.map((group) => group.GROUP_ID)).toEqual(expected)
      expect((await call(member.webhookUrl, 'profile')).json.result).toMatchObject({
        NAME: 'Alex',
        LAST_NAME: 'Morgan',
      })
    }
    // The accounts' groups are their own: no group of one portal stands on another.
    const names = scenarios.flatMap((scenario) => scenario.groups(undefined, Date.now()).map((group) => group.name))
    expect(new Set(names).size).toBe(names.length)
  })

  it('the primary answers details in UPPER_CASE, the partner portal in camelCase', async () => {
    set = await startDemoSet({ rateLimit: false })
    const [primary, partner] = set.members
    const upper = (await call(primary!.webhookUrl, 'socialnetwork.api.workgroup.list', SELECT)).json
    expect((upper.result as { workgroups: unknown[] }).workgroups[0]).toEqual({
      ID: 1,
      TYPE: 'group',
      NUMBER_OF_MEMBERS: 24,
    })
    const camel = (await call(partner!.webhookUrl, 'socialnetwork.api.workgroup.list', SELECT)).json
    expect((camel.result as { workgroups: unknown[] }).workgroups[0]).toEqual({
      id: '3',
      type: 'project',
      numberOfMembers: '12',
    })
  })

  it("the club portal's webhook lacks socialnetwork: its groups answer, their details do not", async () => {
    set = await startDemoSet({ rateLimit: false })
    const club = set.members[2]!
    expect(DEMO_ACCOUNTS[2]!.scopes).not.toContain('socialnetwork')
    expect((await call(club.webhookUrl, 'sonet_group.user.groups')).status).toBe(200)
    const details = await call(club.webhookUrl, 'socialnetwork.api.workgroup.list', SELECT)
    expect(details).toMatchObject({ status: 403, json: { error: 'insufficient_scope' } })
  })

  it('closes every portal', async () => {
    set = await startDemoSet({ rateLimit: false })
    const urls = set.members.map((member) => member.webhookUrl)
    await set.close()
    set = null
    for (const url of urls) await expect(fetch(`${url}profile.json`)).rejects.toThrow()
  })
})
