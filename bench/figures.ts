// One measured figure as `bench/results.json` stores it, and the budgets it is judged by.
import { z } from 'zod'

export const figureSchema = z.object({
  figure: z.string().min(1),
  /** null when the figure could not be measured. */
  value: z.number().finite().nullable(),
  unit: z.string(),
  /** e.g. "<= 1.25"; null for a figure reported for context only. */
  budget: z.string().nullable(),
  /** null when there is no budget. */
  pass: z.boolean().nullable(),
})

export type Figure = z.infer<typeof figureSchema>

export const figureListSchema = z.array(figureSchema)

/** Keeps three decimals: enough for milliseconds and ratios, without float noise in the results file. */
export function rounded(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** A figure without a budget: context for the budgeted ones. */
export function info(figure: string, value: number, unit: string): Figure {
  return { figure, value: rounded(value), unit, budget: null, pass: null }
}

export function atMost(figure: string, value: number, unit: string, limit: number): Figure {
  return { figure, value: rounded(value), unit, budget: `<= ${rounded(limit)}`, pass: value <= limit }
}

export function lessThan(figure: string, value: number, unit: string, limit: number): Figure {
  return { figure, value: rounded(value), unit, budget: `< ${rounded(limit)}`, pass: value < limit }
}

export function exactly(figure: string, value: number, unit: string, expected: number): Figure {
  return { figure, value: rounded(value), unit, budget: `= ${rounded(expected)}`, pass: value === expected }
}

/** A figure that could not be measured (say the browser is missing): it fails its budget and says why. */
export function missing(figure: string, unit: string, budget: string | null, why: string): Figure {
  return { figure: `${figure} (not measured: ${why})`, value: null, unit, budget, pass: budget === null ? null : false }
}
