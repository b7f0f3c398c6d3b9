// A state directory of its own for each test of a file, said once: made before the test, removed after it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** Before each test, makes a temporary directory named from `prefix` and hands it to `take`; after it, removes it. */
export function tempDirEachTest(prefix: string, take: (dir: string) => void): void {
  let dir: string | undefined
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix))
    take(dir)
  })
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })
}
