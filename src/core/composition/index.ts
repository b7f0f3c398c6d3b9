// The composition of the core that every shell runs: the app, the command line and the benchmarks.
export { createCore } from './core'
export type { AccountCommands, Core, CoreOptions, SettingsCommands, SyncCommands } from './core'
export type { KnownSecrets } from './known-secrets'
export { appPlatform, composeAppState, coreStateSources } from './app-state'
export type { AppStateSources, CoreStateSources } from './app-state'
