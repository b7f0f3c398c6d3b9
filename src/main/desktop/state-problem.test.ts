import { createTranslator } from '@shared/i18n'
import type { LeaseOwner, StoreProblem } from '../../core/sync'
import { stateProblemView, watchStateDirectory } from './state-problem'

const en = createTranslator('en')
const ru = createTranslator('ru')
const watch: LeaseOwner = {
  kind: 'cli',
  command: 'b24-groups watch',
  pid: 123,
  host: 'box',
  since: '2026-12-01T20:00:00.000Z',
  heartbeatAt: '2026-12-01T20:00:10.000Z',
  token: 't',
}
const holderText = 'b24-groups watch (pid 123 on box, since 2026-12-01T20:00:00.000Z)'
const none = () => null

describe('the state directory problem the window shows', () => {
  it('says who saves to the directory while the app waits, in the user language', () => {
    expect(stateProblemView(en.t, { waiting: { dir: '/data', holder: watch }, store: null, holderOf: none })).toEqual({
      kind: 'lease_held',
      dir: '/data',
      holder: holderText,
      message: `Another copy of Bitrix24 Groups (${holderText}) is saving to /data; this window shows what was saved and takes over when it stops.`,
    })
    const unknown = stateProblemView(ru.t, { waiting: { dir: '/data', holder: null }, store: null, holderOf: none })
    expect(unknown?.message).toBe(
      'Другая копия Bitrix24 Groups сохраняет в /data; это окно показывает сохранённое и продолжит работу, когда она остановится.',
    )
  })

  it('gives a disk problem its whole sentence, and a lost lease the new holder', () => {
    const disk: StoreProblem = { kind: 'disk', dir: '/data', code: 'ENOSPC' }
    expect(stateProblemView(en.t, { waiting: null, store: disk, holderOf: none })).toEqual({
      kind: 'disk',
      dir: '/data',
      holder: null,
      message: 'Cannot save to /data: the disk is full. Free some space; changes are kept until they can be saved.',
    })
    const lost = stateProblemView(en.t, {
      waiting: null,
      store: { kind: 'newer', dir: '/data' },
      holderOf: () => watch,
    })
    expect(lost).toMatchObject({ kind: 'lease_lost', holder: holderText })
    expect(stateProblemView(en.t, { waiting: null, store: null, holderOf: none })).toBeNull()
  })

  it('waiting outranks what the store says (it writes nothing meanwhile)', () => {
    const view = stateProblemView(en.t, {
      waiting: { dir: '/data', holder: watch },
      store: { kind: 'lease_lost', dir: '/data' },
      holderOf: none,
    })
    expect(view?.kind).toBe('lease_held')
  })

  it('reports a lease file the disk refuses as a disk problem of the directory', async () => {
    const changed = vi.fn()
    const directory = watchStateDirectory({
      dir: '/data',
      startWhenFree: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES', syscall: 'open' })),
      store: () => ({ problem: () => null, onProblem: () => () => {} }),
      changed,
    })
    await directory.started
    expect(directory.problem(en.t)).toMatchObject({ kind: 'disk', dir: '/data' })
    expect(changed).toHaveBeenCalled()
  })
})
