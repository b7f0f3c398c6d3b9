#!/usr/bin/env node
// The `b24-groups` command. It runs the TypeScript sources through tsx (a dependency), so a fresh clone needs no
// build step; tsx reads tsconfig.node.json for the `@shared/*` alias.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) })
const { main } = await import('../src/cli/index.ts')
process.exitCode = await main(process.argv.slice(2))
