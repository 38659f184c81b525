/**
 * Plain-text tables for terminal output: columns padded to their widest cell, a rule under the header.
 * Cells may carry ANSI colour; widths are measured without it.
 */

// eslint-disable-next-line no-control-regex
const ansiPattern = /\u001b\[[0-9;]*m/g;

/** Visible width of a cell (ANSI colour codes take no space). */
export function visibleWidth(text: string): number {
  return text.replace(ansiPattern, '').length;
}

/** Renders rows under a header as aligned text, indented by `indent` spaces. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], indent = 2): string {
  const widths = header.map((title, column) => Math.max(visibleWidth(title), ...rows.map((row) => visibleWidth(row[column] ?? ''))));
  const pad = (cells: readonly string[]): string =>
    ' '.repeat(indent) +
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - visibleWidth(cell))))
      .join('  ')
      .trimEnd();
  const rule = ' '.repeat(indent) + widths.map((width) => '-'.repeat(width)).join('  ');
  return [pad(header), rule, ...rows.map(pad)].join('\n');
}
