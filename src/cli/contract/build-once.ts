// Vitest global setup of the contract suite: makes sure the command line is built before any test runs it, the way
// the bin itself does on a clone (a build under its lock when out/cli is missing or stale, else nothing), so tests run
// the bundle users run and no test, in this project or another, races a build.
import { spawnSync } from 'node:child_process'
import { BIN, ROOT } from './bin'

export default function setup(): void {
  const result = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the CLI did not build or start:\n${result.stdout}\n${result.stderr}`)
}
