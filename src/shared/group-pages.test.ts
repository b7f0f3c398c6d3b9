import { describe, expect, it } from 'vitest'
import { groupOpenUrl, groupPageUrl, groupTypeIn } from './group-pages'
import type { GroupDetails } from './types'
import { GROUP_PAGES } from './model/values'

describe('groupPageUrl', () => {
  const page = 'https://acme.bitrix24.com/workgroups/group/7/'

  it('is the group page without a sub-page', () => {
    expect(groupPageUrl(page)).toBe(page)
  })

  it.each([
    ['tasks', 'tasks/'],
    ['calendar', 'calendar/'],
    ['drive', 'disk/path/'],
    ['chat', 'chat/'],
    ['members', 'users/'],
  ] as const)('puts %s under the group page', (sub, path) => {
    expect(groupPageUrl(page, sub)).toBe(`${page}${path}`)
  })

  it('keeps the group path when the page has no trailing slash, and stays on the same origin for every sub-page', () => {
    expect(groupPageUrl('https://acme.bitrix24.com/extranet/workgroups/group/7', 'tasks')).toBe(
      'https://acme.bitrix24.com/extranet/workgroups/group/7/tasks/',
    )
    for (const sub of GROUP_PAGES) expect(new URL(groupPageUrl(page, sub)).origin).toBe('https://acme.bitrix24.com')
  })
})

describe('groupOpenUrl', () => {
  const page = 'https://acme.bitrix24.com/workgroups/group/7/'

  it('opens a collab on its chat when no page is asked for, since collabs are chat-first', () => {
    expect(groupOpenUrl(page, 'collab')).toBe(`${page}chat/`)
  })

  it('opens any other group, or one whose type is unknown, on its front page', () => {
    for (const type of ['group', 'project', 'scrum', null, undefined] as const) {
      expect(groupOpenUrl(page, type)).toBe(page)
    }
  })

  it('opens the asked page whatever the type', () => {
    expect(groupOpenUrl(page, 'collab', 'tasks')).toBe(`${page}tasks/`)
    expect(groupOpenUrl(page, 'group', 'members')).toBe(`${page}users/`)
  })
})

describe('groupTypeIn', () => {
  it("reads a group's type from the state's details, undefined while they are not known", () => {
    const collab: GroupDetails = {
      type: 'collab',
      archived: false,
      memberCount: null,
      activityAt: null,
      projectStart: null,
      projectFinish: null,
      pendingRequests: null,
    }
    const state = { groupDetails: { 'a/1': { '7': collab } } }
    expect(groupTypeIn(state, 'a/1', '7')).toBe('collab')
    expect(groupTypeIn(state, 'a/1', '8')).toBeUndefined()
    expect(groupTypeIn(state, 'b/1', '7')).toBeUndefined()
  })
})
