import type { Group, MembershipChange } from '@shared/types'
import { changeEvent, errorEvent, errorJson, groupJson, syncedEvent } from './output'
import { BitrixError, toErrorView } from '../core/bitrix'

const group: Group = {
  url: 'https://acme.bitrix24.com/workgroups/group/77/',
  imageUrl: null,
  extranet: false,
  role: 'member',
  roleCode: 'K',
  name: 'New Project Title',
  id: '77',
}

describe('JSON output contract', () => {
  it('prints a group with the documented keys in the documented order', () => {
    expect(JSON.stringify(groupJson(group))).toBe(
      '{"id":"77","name":"New Project Title","role":"member","roleCode":"K","extranet":false,"imageUrl":null,"url":"https://acme.bitrix24.com/workgroups/group/77/"}',
    )
  })

  it('prints a change event line', () => {
    const change: MembershipChange = {
      id: 'c1',
      accountId: 'acme.bitrix24.com/1',
      kind: 'role_changed',
      group,
      from: 'K',
      to: 'E',
      whileAway: true,
      at: '2026-11-27T10:00:00.000Z',
      seen: false,
    }
    expect(changeEvent(change)).toEqual({
      type: 'change',
      account: 'acme.bitrix24.com/1',
      kind: 'role_changed',
      group: groupJson(group),
      from: 'K',
      to: 'E',
      whileAway: true,
      at: '2026-11-27T10:00:00.000Z',
    })
  })

  it('prints synced and error event lines', () => {
    expect(syncedEvent('a/1', 3, true, new Date('2026-11-27T10:00:00Z'))).toEqual({
      type: 'synced',
      account: 'a/1',
      groupCount: 3,
      baseline: true,
      at: '2026-11-27T10:00:00.000Z',
    })
    expect(
      errorEvent('a/1', {
        code: 'QUERY_LIMIT_EXCEEDED',
        kind: 'rate_limit',
        messageKey: 'errors:x',
        message: 'Too many requests',
        retryAt: null,
      }),
    ).toEqual({
      type: 'error',
      account: 'a/1',
      code: 'QUERY_LIMIT_EXCEEDED',
      kind: 'rate_limit',
      message: 'Too many requests',
      retryAt: null,
      movedTo: null,
    })
  })

  it('gives the new origin of a moved portal in error objects, and only an origin', () => {
    const moved = {
      code: 'PORTAL_MOVED',
      kind: 'moved' as const,
      messageKey: 'errors:portalMoved',
      message: 'Moved',
      retryAt: null,
    }
    expect(errorJson({ ...moved, movedTo: 'https://new.example.com' })).toEqual({
      code: 'PORTAL_MOVED',
      kind: 'moved',
      message: 'Moved',
      movedTo: 'https://new.example.com',
    })
    expect(errorEvent('a/1', { ...moved, movedTo: 'https://new.example.com' }).movedTo).toBe('https://new.example.com')
    // The view is made by toErrorView, which keeps nothing but a bare origin.
    const withPath = new BitrixError({ code: 'PORTAL_MOVED', movedTo: 'https://new.example.com/rest/1/fake_code_x/' })
    expect(errorJson(toErrorView(withPath)).movedTo).toBeNull()
    expect(errorJson(moved).movedTo).toBeNull()
  })
})
