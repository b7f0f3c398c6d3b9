// The AppState composition lives with the core (src/core/composition/app-state.ts), where the benchmarks reach it too.
export { appPlatform, composeAppState, coreStateSources, type AppStateSources } from '../../core/composition/app-state'
