import { inert, jsonLine } from './terminal-text'

describe('inert terminal text', () => {
  it.each([
    ['an ESC sequence that clears the screen', 'x\u001b[2Jy', 'x\\x1B[2Jy'],
    [
      'an OSC 8 link',
      '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
      '\\x1B]8;;https://evil.example\\x07click\\x1B]8;;\\x07',
    ],
    ['a C1 CSI', 'a\u009b31mb', 'a\\x9B31mb'],
    [
      'a newline that would forge a line',
      'Ops\n12:00:00  host/1  you were removed',
      'Ops\\n12:00:00  host/1  you were removed',
    ],
    ['a carriage return', 'safe\rforged', 'safe\\rforged'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['DEL', 'a\u007fb', 'a\\x7Fb'],
    ['a right-to-left override', 'abc\u202edcba', 'abc\\u202Edcba'],
    [
      'isolates and marks',
      '\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
      '\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C',
    ],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ])('shows %s as visible escapes', (_, text, shown) => {
    expect(inert(text)).toBe(shown)
  })

  it('leaves ordinary text of any script alone, emoji joiners included', () => {
    for (const text of [
      'Marketing',
      'Отдел продаж: Москва',
      '製品開発チーム 🚀',
      '👩‍👩‍👧',
      'Ideas <b>bold</b> & "quoted"',
    ]) {
      expect(inert(text)).toBe(text)
    }
  })
})

describe('JSON lines', () => {
  it('keep the exact text once parsed, with nothing raw that a terminal acts on', () => {
    const value = { name: 'a\u001b[2J\u009b\u202e\u2028\nb', plain: 'Ops 🚀' }
    const line = jsonLine(value)
    expect(JSON.parse(line)).toEqual(value)
    expect(line).not.toMatch(/[\p{Cc}\u2028\u2029\u202e]/u)
    expect(line).toContain('Ops 🚀')
  })
})
