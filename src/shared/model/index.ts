// The model: each domain fact stated once, zod first, and everything else derived from it (see docs/decisions.md).
// Main, the core and the CLI import it from here; the window imports only values.ts and types (src/shared/types.ts),
// since its bundle cannot carry zod.
export * from './values'
export * from './group'
export * from './details'
export * from './settings'
export * from './credentials'
