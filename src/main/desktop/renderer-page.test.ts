import { loadRendererPage } from './renderer-page'

function fakeWindow(outcome: 'load' | 'fail') {
  const loaded: string[] = []
  const load = async (target: string) => {
    loaded.push(target)
    if (outcome === 'fail')
      throw Object.assign(new Error('ERR_FILE_NOT_FOUND (-6) loading file:///x'), { code: 'ERR_FILE_NOT_FOUND' })
  }
  return { loaded, window: { loadURL: load, loadFile: load } }
}

describe('loading the renderer page', () => {
  it('loads the dev server when there is one, the built file otherwise', async () => {
    const dev = fakeWindow('load')
    const built = fakeWindow('load')
    const log = { error: () => {} }
    await loadRendererPage(dev.window, { devServerUrl: 'http://localhost:5173', file: '/app/index.html' }, log)
    await loadRendererPage(built.window, { devServerUrl: undefined, file: '/app/index.html' }, log)
    expect(dev.loaded).toEqual(['http://localhost:5173'])
    expect(built.loaded).toEqual(['/app/index.html'])
  })

  it('logs a page that fails to load instead of rejecting', async () => {
    const { window } = fakeWindow('fail')
    const errors: unknown[][] = []
    await expect(
      loadRendererPage(
        window,
        { devServerUrl: undefined, file: '/app/index.html' },
        { error: (...args) => void errors.push(args) },
      ),
    ).resolves.toBeUndefined()
    expect(errors).toEqual([[{ code: 'ERR_FILE_NOT_FOUND' }, 'Window page did not load']])
  })
})
