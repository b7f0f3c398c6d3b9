import { actionForError, movedHost } from './error-action'

describe('actionForError', () => {
  it.each(['auth', 'permission', 'moved'] as const)('asks for new credentials on %s', (kind) => {
    expect(actionForError({ kind })).toBe('updateCredentials')
  })

  it('offers the new address of a moved portal that named one', () => {
    expect(actionForError({ kind: 'moved', movedTo: 'https://groups.acme.example' })).toBe('acceptMove')
    expect(actionForError({ kind: 'moved', movedTo: 'not a url' })).toBe('updateCredentials')
    expect(actionForError({ kind: 'network', movedTo: 'https://groups.acme.example' })).toBe('retry')
  })

  it('reads the host of the new address, port included', () => {
    expect(movedHost({ kind: 'moved', movedTo: 'https://groups.acme.example:8443' })).toBe('groups.acme.example:8443')
    expect(movedHost({ kind: 'moved' })).toBeNull()
  })

  it('explains how to add the scope on a scope error', () => {
    expect(actionForError({ kind: 'scope' })).toBe('scopeHelp')
  })

  it.each(['network', 'server', 'rate_limit', 'overload', 'method_time', 'protocol', 'plan', 'not_found'] as const)(
    'offers a retry on %s',
    (kind) => {
      expect(actionForError({ kind })).toBe('retry')
    },
  )
})
