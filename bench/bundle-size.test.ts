import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { bundleSize } from './bundle-size'

describe('bundleSize', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'b24-bundle-size-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('adds up the raw and gzipped sizes of the JS and CSS files and ignores everything else', () => {
    const js = 'export const answer = 42;\n'.repeat(50)
    const css = '.row { display: flex }\n'.repeat(20)
    writeFileSync(path.join(dir, 'index-abc.js'), js)
    writeFileSync(path.join(dir, 'index-abc.css'), css)
    writeFileSync(path.join(dir, 'logo.svg'), '<svg/>')
    writeFileSync(path.join(dir, 'index-abc.js.map'), '{}')
    const size = bundleSize(dir)
    expect(size.assets.map((asset) => asset.name)).toEqual(['index-abc.css', 'index-abc.js'])
    expect(size.bytes).toBe(js.length + css.length)
    expect(size.gzipBytes).toBe(gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length)
  })

  it('refuses a folder without a build in it rather than reporting zero bytes', () => {
    expect(() => bundleSize(dir)).toThrow('no .js or .css files')
  })
})
