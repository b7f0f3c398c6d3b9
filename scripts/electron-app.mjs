#!/usr/bin/env node
// `npm run demo` (build, then the app on its demo portal) and `npm start` (electron-vite preview). Without the Electron
// binary both say so in one sentence with the one fix, instead of Electron's download attempt and stack traces.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const mode = process.argv[2]
if (mode !== 'demo' && mode !== 'start') {
  console.error('usage: electron-app.mjs demo|start')
  process.exit(2)
}
const binary = electronBinary()
if (!binary) {
  console.error(MISSING_ELECTRON_MESSAGE)
  process.exit(1)
}
const electronVite = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js')
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1
if (mode === 'start') process.exit(run(process.execPath, [electronVite, 'preview']))
const built = run(process.execPath, [electronVite, 'build'])
process.exit(built === 0 ? run(binary, ['.', '--demo']) : built)
