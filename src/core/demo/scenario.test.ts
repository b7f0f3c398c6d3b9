import { demoScenarioGroups, nextScenarioChange, PARTNER_SCENARIO, seededRandom } from './scenario'
import { startDemoPortal } from './server'
import type { DemoGroup } from './types'

type Change = 'joined' | 'left' | 'role' | 'renamed'

function changesBetween(before: readonly DemoGroup[], after: readonly DemoGroup[]): Change[] {
  const old = new Map(before.map((group) => [group.id, group]))
  const now = new Map(after.map((group) => [group.id, group]))
  const changes: Change[] = []
  for (const group of after) {
    const previous = old.get(group.id)
    if (!previous) changes.push('joined')
    else if (previous.role !== group.role) changes.push('role')
    else if (previous.name !== group.name) changes.push('renamed')
  }
  for (const group of before) if (!now.has(group.id)) changes.push('left')
  return changes
}

describe('demoScenarioGroups', () => {
  const groups = demoScenarioGroups('http://127.0.0.1:4000')

  it('is a believable mix: every main role, an extranet group, unique ids', () => {
    expect(new Set(groups.map((group) => group.role))).toEqual(new Set(['A', 'E', 'K']))
    expect(groups.filter((group) => group.extranet)).toHaveLength(1)
    expect(new Set(groups.map((group) => group.id)).size).toBe(groups.length)
  })

  it('has long, non-Latin and markup-laden names', () => {
    const names = groups.map((group) => group.name)
    expect(names.some((name) => name.length > 80)).toBe(true)
    expect(names.some((name) => /[\u0400-\u04ff]/.test(name))).toBe(true)
    expect(names.some((name) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(name))).toBe(true)
    expect(names.some((name) => name.includes('<b>') && name.includes('&') && name.includes('"'))).toBe(true)
  })

  it('uses avatars the portal serves itself, SVG and PNG, one of them portal-relative', () => {
    const images = groups.map((group) => group.image).filter((image): image is string => Boolean(image))
    expect(
      images.every((image) => /^(http:\/\/127\.0\.0\.1:4000)?\/_demo\/avatars\/[a-z-]+\.(svg|png)$/.test(image)),
    ).toBe(true)
    expect(images.some((image) => image.endsWith('.png'))).toBe(true)
    expect(images.some((image) => image.endsWith('.svg'))).toBe(true)
    expect(images.some((image) => image.startsWith('/'))).toBe(true)
    expect(groups.some((group) => !group.image)).toBe(true)
  })
})

describe('nextScenarioChange', () => {
  it('makes exactly one change and leaves the given list alone', () => {
    const before = demoScenarioGroups()
    const snapshot = structuredClone(before)
    const random = seededRandom(7)
    let groups = before
    for (let step = 0; step < 200; step++) {
      const next = nextScenarioChange(groups, random)
      expect(changesBetween(groups, next)).toHaveLength(1)
      groups = next
    }
    expect(before).toEqual(snapshot)
  })

  it('produces every kind of change over time', () => {
    const random = seededRandom(42)
    const seen = new Set<Change>()
    let groups = demoScenarioGroups()
    for (let step = 0; step < 200; step++) {
      const next = nextScenarioChange(groups, random)
      for (const change of changesBetween(groups, next)) seen.add(change)
      groups = next
    }
    expect(seen).toEqual(new Set(['joined', 'left', 'role', 'renamed']))
  })

  it('is reproducible from a seed', () => {
    const run = (seed: number) => {
      const random = seededRandom(seed)
      let groups = demoScenarioGroups()
      for (let step = 0; step < 20; step++) groups = nextScenarioChange(groups, random)
      return groups
    }
    expect(run(3)).toEqual(run(3))
    expect(run(3)).not.toEqual(run(4))
  })

  it("changes a scenario's groups with its own: the partner portal's user joins only partner groups", () => {
    const own = new Set(
      [...PARTNER_SCENARIO.groups(undefined, 0), ...PARTNER_SCENARIO.joinable].map((group) => group.id),
    )
    const random = seededRandom(11)
    let groups = PARTNER_SCENARIO.groups(undefined, Date.now())
    for (let step = 0; step < 100; step++) {
      groups = nextScenarioChange(groups, random, PARTNER_SCENARIO)
      expect(groups.every((group) => own.has(group.id))).toBe(true)
    }
  })

  it('joins a group when there is none to leave or change', () => {
    expect(nextScenarioChange([], seededRandom(1))).toHaveLength(1)
  })
})

describe('the scenario portal', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('gives user 1 the demo groups and a name, and changes one membership every interval', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const demo = await startDemoPortal({ scenario: true, seed: 5, rateLimit: false })
    try {
      const initial = demo.control.getMemberships('1')
      expect(initial.map((group) => group.id)).toEqual(demoScenarioGroups().map((group) => group.id))
      expect(initial[0]?.image).toBe(`${demo.origin}/_demo/avatars/marketing.svg`)
      vi.advanceTimersByTime(19_999)
      expect(demo.control.getMemberships('1')).toEqual(initial)
      vi.advanceTimersByTime(1)
      expect(changesBetween(initial, demo.control.getMemberships('1'))).toHaveLength(1)
    } finally {
      await demo.close()
    }
  })
})
