import { parseLaunchArgs } from './launch-args'

describe('launch arguments', () => {
  it('reads the demo and show switches among Electron and Chromium arguments', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--no-sandbox', '--demo', '--show'])).toEqual({
      demo: true,
      show: true,
      userDataDir: null,
    })
  })

  it('takes a user-data directory in either form', () => {
    expect(parseLaunchArgs(['app', '--user-data-dir=/tmp/b24']).userDataDir).toBe('/tmp/b24')
    expect(parseLaunchArgs(['app', '--user-data-dir', '/tmp/b24']).userDataDir).toBe('/tmp/b24')
  })

  it('refuses a relative or missing user-data directory with a clear message', () => {
    expect(() => parseLaunchArgs(['app', '--user-data-dir=data'])).toThrow('--user-data-dir must be an absolute path')
    expect(() => parseLaunchArgs(['app', '--user-data-dir'])).toThrow()
  })

  it('starts hidden and on the default directory when nothing is given', () => {
    expect(parseLaunchArgs(['app'])).toEqual({ demo: false, show: false, userDataDir: null })
  })
})
