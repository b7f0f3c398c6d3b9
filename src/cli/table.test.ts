import fc from 'fast-check'
import stringWidth from 'string-width'
import { columns, PIECES_KEPT, renderTable, SIMPLE_TEXT, truncate, TWO_COLUMN_CHARACTER } from './table'

// string-width as it is, watched: the table asks it only about pieces it has not measured yet.
vi.mock('string-width', async (original) => {
  const actual = await original<{ default: typeof stringWidth }>()
  return { default: vi.fn(actual.default) }
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

  it('measures any mix of simple and other characters as string-width measures the whole text', () => {
    // Characters that join with their neighbours in every way Unicode's grapheme rules allow, beside simple ones.
    const pieces = [
      ...['a', 'Z', '5', '#', '*', ' ', '-', 'é', 'Ж', 'Ω', '—', '製', 'ア', '가', '각', '©', '®', '‼'],
      ...['\u0301', '\u0483', '\u200d', '\ufe0f', '\ufe0e', '\u20e3', '\u00ad', '\u200b', '\u2060', '\u0007'],
      ...['🚀', '👩', '👧', '❤', '🏽', '🇩', '🇪', '\u1100', '\u1161', '\u11a8', '\u0600', 'क', '\u094d', 'ष'],
      ...['\udb40\udd00', '\ud83d', '\x1b', '[31m', '\u009b', '\t', '\n'],
    ]
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((chosen) => chosen.join(''))
    fc.assert(
      fc.property(texts, (text) => columns(text) === stringWidth(text)),
      { numRuns: 3000 },
    )
  })

  it('asks string-width once about a piece that recurs, and keeps a bounded number of pieces', () => {
    const width = vi.mocked(stringWidth)
    width.mockClear()
    expect([columns('Team 🚀 Nord 1'), columns('Projekt 🚀 Süd 22'), columns('Team 🚀 Nord 1')]).toEqual([14, 17, 14])
    expect(width.mock.calls).toEqual([[' 🚀 ']])
    // Pieces beyond the bound empty the memory: the first piece is measured again.
    for (let index = 0; index < PIECES_KEPT; index++) columns(`a${String.fromCodePoint(0x1f300 + index)}b`)
    width.mockClear()
    columns('Team 🚀 Nord 1')
    expect(width.mock.calls).toEqual([[' 🚀 ']])
  })
})
