// What the renderer costs to load: its JS and CSS, gzipped at level 9 (as bundle-size tools report it).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export interface AssetSize {
  name: string
  bytes: number
  gzipBytes: number
}

export interface BundleSize {
  assets: AssetSize[]
  bytes: number
  gzipBytes: number
}

const COUNTED = /\.(m?js|css)$/

/** Every .js and .css file directly in `dir` (a build's assets folder); throws when there is none. */
export function bundleSize(dir: string): BundleSize {
  const assets = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && COUNTED.test(entry.name))
    .map((entry) => {
      const content = readFileSync(path.join(dir, entry.name))
      return { name: entry.name, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
  if (assets.length === 0) throw new Error(`no .js or .css files in ${dir}`)
  return {
    assets,
    bytes: assets.reduce((sum, asset) => sum + asset.bytes, 0),
    gzipBytes: assets.reduce((sum, asset) => sum + asset.gzipBytes, 0),
  }
}
