import { actionForError } from './error-action'

describe('actionForError', () => {
  it.each(['auth', 'permission', 'moved'] as const)('asks for new credentials on %s', (kind) => {
    expect(actionForError(kind)).toBe('updateCredentials')
  })

  it('explains how to add the scope on a scope error', () => {
    expect(actionForError('scope')).toBe('scopeHelp')
  })

  it.each(['network', 'server', 'rate_limit', 'overload', 'method_time', 'protocol', 'plan', 'not_found'] as const)(
    'offers a retry on %s',
    (kind) => {
      expect(actionForError(kind)).toBe('retry')
    },
  )
})
