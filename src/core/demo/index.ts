// The demo portal's public surface: a local server that speaks the Bitrix24 REST dialect.
export type * from './types'
export { startDemoPortal } from './server'
export { demoScenarioGroups, nextScenarioChange, seededRandom, DEMO_PROFILE } from './scenario'
export { connectDemoControl } from './control-client'
export type { RemoteDemoControl } from './control-client'
