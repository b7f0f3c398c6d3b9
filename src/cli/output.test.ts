import type { Group, MembershipChange } from '@shared/types'
import stringWidth from 'string-width'
import {
  changeEvent,
  columns,
  errorEvent,
  errorJson,
  groupJson,
  SIMPLE_TEXT,
  TWO_COLUMN_CHARACTER,
  renderTable,
  syncedEvent,
  truncate,
} from './output'
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

describe('human output', () => {
  it('pads columns to the widest cell in terminal columns, an emoji taking two', () => {
    expect(
      renderTable(
        ['ROLE', 'NAME'],
        [
          ['owner', '🚀 Launch'],
          ['member', 'Ops'],
        ],
      ),
    ).toEqual(['ROLE    NAME', 'owner   🚀 Launch', 'member  Ops'])
    expect(
      renderTable(
        ['NAME', 'ROLE'],
        [
          ['🚀', 'owner'],
          ['ab', 'member'],
        ],
      ),
    ).toEqual(['NAME  ROLE', '🚀    owner', 'ab    member'])
  })

  it('truncates long names with an ellipsis to the width in columns, ASCII, accented, CJK or emoji', () => {
    expect(truncate('a'.repeat(10), 5)).toBe('aaaa…')
    expect(truncate('ä'.repeat(10), 5)).toBe('ääää…')
    expect(truncate('🚀'.repeat(2), 5)).toBe('🚀🚀')
    expect(truncate('🚀'.repeat(3), 5)).toBe('🚀🚀…')
    expect(truncate('製品開発チーム', 8)).toBe('製品開…')
    expect(columns(truncate('製品開発チーム', 8))).toBeLessThanOrEqual(8)
  })

  it('keeps every row on one line and measures a cell as it prints, escapes included', () => {
    expect(
      renderTable(
        ['ID', 'NAME', 'X'],
        [
          ['1', 'a\nb', 'x'],
          ['22', 'ok', 'y'],
        ],
      ),
    ).toEqual(['ID  NAME    X', '1   a\\x0Ab  x', '22  ok      y'])
  })
})

describe('terminal columns', () => {
  it('counts by character only what string-width gives one or two columns each, and combining characters not', () => {
    let inClass = 0
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code)
      if (!SIMPLE_TEXT.test(character)) continue
      inClass++
      const wide = TWO_COLUMN_CHARACTER.test(character)
      expect(stringWidth(character), code.toString(16)).toBe(wide ? 2 : 1)
    }
    expect(inClass).toBeGreaterThan(40_000)
    // Soft hyphen, combining marks (Latin, Cyrillic), variation selectors and jamo are not simple text.
    for (const text of [
      'co\u00adop',
      'e\u0301',
      '\u0418\u0306',
      '\u0430\u0483',
      '\u845b\udb40\udd00',
      '\uac00\u11a8',
    ]) {
      expect(SIMPLE_TEXT.test(text), text).toBe(false)
      expect(columns(text)).toBe(stringWidth(text))
    }
    expect(columns('販売 Team Süd — “plan”')).toBe(stringWidth('販売 Team Süd — “plan”'))
    // Cut the same way with or without the segmenter: simple text is cut by counting characters.
    for (const text of ['Проект Север — planning and reporting', '販売チーム 北京 Süd office', 'plain ascii name']) {
      for (let width = 2; width < 30; width++) {
        const cut = truncate(text, width)
        expect(columns(cut), `${text} @ ${width}`).toBeLessThanOrEqual(width)
        expect(cut === text || columns(cut) >= width - 2, `${text} @ ${width}`).toBe(true)
        expect(truncate(`${text}\u0301`, width).startsWith(cut.slice(0, -1)), `${text} @ ${width}`).toBe(true)
      }
    }
  })

  it('counts wide characters and emoji as two columns, what joins into one character once', () => {
    const samples: [string, number][] = [
      ['Проект Süd 12', 13],
      ['販売 🚀', 7],
      ['e\u0301te\u0301', 3],
      ['👩‍👩‍👧 family', 9],
      ['🇩🇪🇫🇷', 4],
      ['👍🏽 ok', 5],
      ['한국어', 6],
      ['\u1100\u1161\u11a8', 2],
    ]
    for (const [text, width] of samples) {
      expect(columns(text), text).toBe(width)
      expect(
        renderTable(
          ['X', 'Y'],
          [
            ['x'.repeat(width), '|'],
            [text, '|'],
          ],
        )[2],
      ).toBe(`${text}  |`)
    }
  })
})
