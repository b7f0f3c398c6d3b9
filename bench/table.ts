// The figures as a plain-text table for the terminal: one line per figure, columns padded to the widest cell.
import type { Figure } from './figures'

const HEADERS = ['Figure', 'Value', 'Budget', 'Result', 'Against'] as const

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—'
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3
  const number = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return unit ? `${number} ${unit}` : number
}

function verdict(pass: boolean | null): string {
  return pass === null ? '' : pass ? 'pass' : 'FAIL'
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.figure,
    formatValue(figure.value, figure.unit),
    figure.budget ?? '',
    verdict(figure.pass),
    figure.reference ?? '',
  ])
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  // Values line up on the right (digits under digits); text columns on the left.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [line(HEADERS), rule, ...rows.map(line)].join('\n')
}

/** One line for the end of a run: how many budgets passed, and which failed. */
export function formatVerdict(figures: readonly Figure[]): string {
  const judged = figures.filter((figure) => figure.pass !== null)
  const failed = judged.filter((figure) => figure.pass === false)
  if (failed.length === 0) return `All ${judged.length} budgets pass.`
  return `${failed.length} of ${judged.length} budgets FAIL: ${failed.map((figure) => figure.figure).join('; ')}`
}
