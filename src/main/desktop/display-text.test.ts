import { displayName, escapeMarkup, escapeMenuLabel, isolate, singleLine, truncate } from './display-text'

describe('display text of portal-supplied names', () => {
  it('leaves a short name alone', () => {
    expect(truncate('Marketing', 10)).toBe('Marketing')
  })

  it('cuts a long name to the limit with an ellipsis', () => {
    expect(truncate('x'.repeat(300), 10)).toBe('xxxxxxxxx…')
  })

  it('never splits an emoji or a combining mark', () => {
    const family = '👨‍👩‍👧‍👦'
    expect(truncate(family.repeat(5), 3)).toBe(`${family}${family}…`)
    expect(truncate('e\u0301'.repeat(5), 2)).toBe('e\u0301…')
  })

  it('isolates right-to-left text so the surrounding text keeps its order', () => {
    expect(isolate('مرحبا')).toBe('\u2068مرحبا\u2069')
  })

  it('shows line breaks, control and bidi characters as visible escapes, on one line', () => {
    expect(singleLine(' a\r\nb\tc\u0007d\u2028e\u202ef ')).toBe('a\\x0D\\x0Ab\\x09c\\x07d\\u2028e\\u202Ef')
  })

  it('keeps a stray pop-isolate in the name from closing the isolate around it', () => {
    expect(displayName('x\u2069 · Owner', 60)).toBe('\u2068x\\u2069 · Owner\u2069')
  })

  it('escapes markup that notification servers would interpret', () => {
    expect(escapeMarkup('<b>R&D</b> "q" \'a\'')).toBe('&lt;b&gt;R&amp;D&lt;/b&gt; "q" \'a\'')
  })

  it('doubles ampersands so Electron shows them instead of making a mnemonic', () => {
    expect(escapeMenuLabel('R&D && more')).toBe('R&&D &&&& more')
  })

  it('combines the three for display', () => {
    expect(displayName('  Long name here ', 6)).toBe('\u2068Long…\u2069')
  })
})
