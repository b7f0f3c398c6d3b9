// Vitest global setup of the contract suite: builds the command line once (as `npm run build` does), so every test
// runs the bundle users run and none races another to build it.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from './bin'

export default function setup(): void {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js')
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (build.status !== 0) throw new Error(`the CLI build failed:\n${build.stdout}\n${build.stderr}`)
}
