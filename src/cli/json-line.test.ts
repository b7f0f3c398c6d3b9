import { jsonLine } from './json-line'

describe('JSON lines', () => {
  it('keep the exact text once parsed, with nothing raw that a terminal acts on', () => {
    const value = { name: 'a\u001b[2J\u009b\u202e\u2028\u2066\nb', plain: 'Ops 🚀 مرحبا' }
    const line = jsonLine(value)
    expect(JSON.parse(line)).toEqual(value)
    expect(line).not.toMatch(/[\p{Cc}\u2028\u2029\u202e\u2066]/u)
    expect(line).toContain('Ops 🚀 مرحبا')
  })
})
