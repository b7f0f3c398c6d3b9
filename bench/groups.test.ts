import { diffGroups } from '../src/core/sync'
import { clientGroups, portalGroups, withChanged, withRenamed } from './groups'

describe('benchmark group lists', () => {
  it('builds the asked number of groups with distinct ids, every role and some avatars and extranet groups', () => {
    const groups = portalGroups(1000)
    expect(groups).toHaveLength(1000)
    expect(new Set(groups.map((group) => group.id)).size).toBe(1000)
    expect(new Set(groups.map((group) => group.role))).toEqual(new Set(['A', 'E', 'K']))
    expect(groups.some((group) => group.image)).toBe(true)
    expect(groups.some((group) => group.extranet)).toBe(true)
  })

  it('gives the same list on every call, so every run measures the same data', () => {
    expect(clientGroups(50)).toEqual(clientGroups(50))
  })

  it('changes exactly 1% of 10,000 groups as the diff sees it, a quarter of each kind', () => {
    const before = clientGroups(10_000)
    const changes = diffGroups(before, withChanged(before, 0.01))
    expect(changes).toHaveLength(100)
    const kinds = changes.reduce<Record<string, number>>((count, change) => {
      count[change.kind] = (count[change.kind] ?? 0) + 1
      return count
    }, {})
    expect(kinds).toEqual({ joined: 25, left: 25, role_changed: 25, renamed: 25 })
  })

  it('renames one group per round by default, a different one each round', () => {
    const groups = portalGroups(100)
    const renamed = (round: number) =>
      withRenamed(groups, round).filter((group, index) => group.name !== groups[index]?.name)
    expect(renamed(1)).toHaveLength(1)
    expect(renamed(1)[0]?.id).not.toBe(renamed(2)[0]?.id)
  })

  it('renames as many distinct groups as asked', () => {
    const groups = portalGroups(50)
    const renamed = withRenamed(groups, 3, 6).filter((group, index) => group.name !== groups[index]?.name)
    expect(renamed).toHaveLength(6)
  })
})
