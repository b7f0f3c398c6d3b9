import { createQuitSequence, QUIT_DEADLINE_MS } from './quit'

function setup(cleanup: () => Promise<void>) {
  const calls: string[] = []
  let deadline: () => void = () => {}
  const onBeforeQuit = createQuitSequence({
    cleanup: () => (calls.push('cleanup'), cleanup()),
    exit: () => void calls.push('exit'),
    setTimeout: (callback, ms) => {
      expect(ms).toBe(QUIT_DEADLINE_MS)
      deadline = callback
      return {}
    },
    log: { warn: (_fields, message) => void calls.push(`warn ${message}`) },
  })
  const prevented: number[] = []
  const quit = () => onBeforeQuit({ preventDefault: () => void prevented.push(1) })
  return { quit, calls, prevented, deadline: () => deadline() }
}

describe('clean quit', () => {
  it('holds the quit until cleanup is done, then exits once', async () => {
    let finish: () => void = () => {}
    const { quit, calls, prevented } = setup(() => new Promise<void>((resolve) => (finish = resolve)))
    quit()
    quit()
    expect(calls).toEqual(['cleanup'])
    expect(prevented).toHaveLength(2)
    finish()
    await Promise.resolve()
    expect(calls).toEqual(['cleanup', 'exit'])
  })

  it('exits after a failed cleanup too', async () => {
    const { quit, calls } = setup(() => Promise.reject(new TypeError('disk full')))
    quit()
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toEqual(['cleanup', 'warn Cleanup failed while quitting', 'exit'])
  })

  it('exits at the deadline when cleanup hangs, and not again when it ends later', async () => {
    let finish: () => void = () => {}
    const { quit, calls, deadline } = setup(() => new Promise<void>((resolve) => (finish = resolve)))
    quit()
    deadline()
    finish()
    await Promise.resolve()
    expect(calls).toEqual(['cleanup', 'warn Cleanup did not finish; quitting anyway', 'exit'])
  })
})
