// Every benchmark by name, in the order a run takes them. Each runs in a process of its own (see child.ts), so that
// one benchmark's heap, JIT state and open sockets cannot colour another's figures.
import type { Figure } from './figures'

export interface Benchmark {
  title: string
  /** Needs `npm run build` and `npm run harness` output. */
  needsBuild?: boolean
  load(): Promise<{ run(): Promise<Figure[]> }>
}

export const BENCHMARKS = {
  'poll-cycle': {
    title: '1. Poll cycle, durable write awaited, and first poll of a fresh core vs a static server + JSON.parse',
    load: () => import('./figures/poll-cycle'),
  },
  sdk: {
    title: '2. Our client vs @bitrix24/b24jssdk over HTTPS from a static portal',
    load: () => import('./figures/sdk'),
  },
  diff: {
    title: '3. Diff of 10,000 groups with 1% changed',
    load: () => import('./figures/diff'),
  },
  renderer: {
    title: '4. Window in Chromium at 5k, 20k, 50k groups: data to paint, search keystroke; bundle size',
    needsBuild: true,
    load: () => import('./figures/renderer'),
  },
  requests: {
    title: '5. Requests made by an engine with 3 accounts over 10 simulated minutes',
    load: () => import('./figures/requests'),
  },
  memory: {
    title: '6. Memory of a watch process over 10,000 polls of 5,000 groups with 1% churn',
    load: () => import('./figures/memory'),
  },
  cli: {
    title: '7. The built command line: list CPU vs a bare node fetch, table vs --json at 50,000 groups',
    load: () => import('./figures/cli'),
  },
  traffic: {
    title: '8. What main sends the window per poll with nothing changed, 5,000 groups',
    load: () => import('./figures/window-traffic'),
  },
} satisfies Record<string, Benchmark>

export type BenchmarkName = keyof typeof BENCHMARKS

export const BENCHMARK_NAMES = Object.keys(BENCHMARKS) as BenchmarkName[]
