import { inertText } from './inert-text'

describe('inertText: portal text shown on any surface', () => {
  it('leaves ordinary names alone, markup, quotes, emoji and right-to-left text included', () => {
    for (const name of [
      'Marketing',
      'Ideas <b>bold</b> & "quoted"',
      '製品開発チーム 🚀',
      '👨‍👩‍👧‍👦',
      'مرحبا\u200f',
      'e\u0301',
    ])
      expect(inertText(name)).toBe(name)
  })

  it('shows terminal escape sequences instead of letting them act', () => {
    expect(inertText('\u001b[2J\u001b]0;owned\u0007')).toBe('\\x1B[2J\\x1B]0;owned\\x07')
    expect(inertText('\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\')).not.toContain('\u001b')
  })

  it('shows one-byte C1 sequences and DEL as escapes', () => {
    expect(inertText('a\u009b2Jb\u009d0;x\u007f')).toBe('a\\x9B2Jb\\x9D0;x\\x7F')
  })

  it('keeps a forged second line on the first one', () => {
    const forged = 'Ads\n12:00:00  host/1  you were removed from “Payroll”'
    expect(inertText(forged)).toBe('Ads\\x0A12:00:00  host/1  you were removed from “Payroll”')
    expect(inertText('a\r\nb\tc\u2028d\u2029e')).toBe('a\\x0D\\x0Ab\\x09c\\u2028d\\u2029e')
  })

  it('neutralises bidi overrides and isolates, which would reorder or close the text around them', () => {
    expect(inertText('\u202egnp.exe')).toBe('\\u202Egnp.exe')
    expect(inertText('a\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069b')).toBe(
      'a\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069b',
    )
  })

  it('replaces a lone surrogate and keeps a paired one', () => {
    expect(inertText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz')
    expect(inertText('\ud83d\ude80')).toBe('🚀')
  })
})
