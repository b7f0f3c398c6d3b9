// Runs a benchmark TypeScript file through tsx with tsconfig.node.json (for the `@shared/*` alias), so the
// benchmarks need no build step: `node --expose-gc bench/tsx-entry.mjs bench/run.ts`.
import { register } from 'tsx/esm/api'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

const [script] = process.argv.slice(2)
if (!script) {
  console.error('usage: node bench/tsx-entry.mjs FILE.ts [args]')
  process.exit(2)
}
register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) })
await import(pathToFileURL(resolve(script)).href)
