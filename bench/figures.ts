// One measured figure as `bench/results.json` stores it, and the budgets it is judged by.
import { z } from 'zod'

export const figureSchema = z.object({
  figure: z.string().min(1),
  /** null when the figure could not be measured. */
  value: z.number().finite().nullable(),
  unit: z.string(),
  /**
   * What the value is measured against: the reference run interleaved with ours in the same process (a ratio's
   * denominator), or null for a figure that is a count or a size in itself.
   */
  reference: z.string().min(1).nullable(),
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
export function info(figure: string, value: number, unit: string, reference: string | null = null): Figure {
  return { figure, value: rounded(value), unit, reference, budget: null, pass: null }
}

/** A figure with a budget: `budget` says it, `pass` is whether `value` meets it. */
function budgeted(
  figure: string,
  value: number,
  unit: string,
  reference: string | null,
  budget: string,
  pass: boolean,
): Figure {
  return { figure, value: rounded(value), unit, reference, budget, pass }
}

export function atMost(
  figure: string,
  value: number,
  unit: string,
  limit: number,
  reference: string | null = null,
): Figure {
  return budgeted(figure, value, unit, reference, `<= ${rounded(limit)}`, value <= limit)
}

/**
 * Ours against a reference run beside it: `ours / reference` in times, at most `limit`. Both are medians (or
 * whatever the caller summarised alike) of runs interleaved in one process.
 */
export function ratioAtMost(
  figure: string,
  ours: number,
  reference: { name: string; value: number },
  limit: number,
): Figure {
  if (!(reference.value > 0)) throw new RangeError(`the reference ${reference.name} measured ${reference.value}`)
  return atMost(figure, ours / reference.value, 'x', limit, reference.name)
}

export function lessThan(
  figure: string,
  value: number,
  unit: string,
  limit: number,
  reference: string | null = null,
): Figure {
  return budgeted(figure, value, unit, reference, `< ${rounded(limit)}`, value < limit)
}

export function exactly(
  figure: string,
  value: number,
  unit: string,
  expected: number,
  reference: string | null = null,
): Figure {
  return budgeted(figure, value, unit, reference, `= ${rounded(expected)}`, value === expected)
}

/** A figure that could not be measured (say the browser is missing): it fails its budget and says why. */
export function missing(figure: string, unit: string, budget: string | null, why: string): Figure {
  return {
    figure: `${figure} (not measured: ${why})`,
    value: null,
    unit,
    reference: null,
    budget,
    pass: budget === null ? null : false,
  }
}
