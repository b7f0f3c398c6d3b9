// `npm run demo` and `npm start` without the Electron binary: one sentence with the one fix and what works here,
// instead of Electron's download attempt and two stack traces.
import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { MISSING_ELECTRON_MESSAGE } from '../scripts/electron-binary.mjs'
import { electronBinary } from './electron-binary'

for (const mode of ['demo', 'start']) {
  test(`without the Electron binary, the ${mode} script prints the one fix and exits 1`, () => {
    test.skip(electronBinary() !== null, 'SKIPPED: this machine has the Electron binary, so the script starts the app')
    const run = spawnSync(process.execPath, ['scripts/electron-app.mjs', mode], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`${MISSING_ELECTRON_MESSAGE}\n`)
    expect(MISSING_ELECTRON_MESSAGE).toContain('npx install-electron')
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run --silent cli -- list --demo')
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run headless')
  })
}
