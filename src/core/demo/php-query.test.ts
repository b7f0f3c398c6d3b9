import { parsePhpQuery } from './php-query'

describe('parsePhpQuery', () => {
  it('reads plain, nested and list parameters the way PHP does', () => {
    const params = new URLSearchParams('halt=1&cmd[a]=profile&cmd[b]=x?y=1&ids[]=3&ids[]=4&deep[x][y]=z')
    expect(parsePhpQuery(params)).toEqual({
      halt: '1',
      cmd: { a: 'profile', b: 'x?y=1' },
      ids: ['3', '4'],
      deep: { x: { y: 'z' } },
    })
  })

  it('ignores keys that would reach object prototypes', () => {
    const parsed = parsePhpQuery(new URLSearchParams('__proto__[polluted]=1&constructor[prototype][x]=1&ok=1'))
    expect(parsed).toEqual({ ok: '1' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
