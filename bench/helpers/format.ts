export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`
export const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`
export const ratio = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)}×`

export function bytes(value: number): string {
  if (value < 1024) return `${value} B`
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KiB`
  return `${(value / 1024 / 1024).toFixed(2)} MiB`
}

/** Rows as aligned columns: the first row is the header, text left and figures right. */
export function table(rows: string[][], indent = '  '): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => (r[column] ?? '').length)))
  const isFigure = (text: string) => /^[-\d.,]+ ?[a-zA-Z×/%]*$/.test(text)
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          isFigure(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => indent + line)
    .join('\n')
}
