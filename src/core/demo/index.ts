// The demo portal's public surface: a local server that speaks the Bitrix24 REST dialect, and the demo's accounts.
export type * from './types'
export { startDemoPortal } from './server'
export {
  CLUB_SCENARIO,
  COMPANY_SCENARIO,
  PARTNER_SCENARIO,
  demoScenarioGroups,
  nextScenarioChange,
  seededRandom,
} from './scenario'
export { DEMO_ACCOUNTS, startDemoSet } from './demo-set'
export type { DemoAccountSpec, DemoSet, DemoSetMember, DemoSetOptions } from './demo-set'
export { connectDemoControl } from './control-client'
export type { RemoteDemoControl } from './control-client'
