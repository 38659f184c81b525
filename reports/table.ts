/**
 * Plain-text tables for terminal output: columns padded to their widest cell, a rule under the header.
 * Cells may carry ANSI colour; widths are measured without it.
 */

import { displayWidth } from './style.js';

/** Visible width of a cell (colour codes take no space; control characters count as they will be shown). */
export function visibleWidth(text: string): number {
  return displayWidth(text);
}

/**
 * Renders rows under a header as aligned text, indented by `indent` spaces, within `maxWidth` columns
 * (issue 18 item 5): while the table is wider, its widest column is narrowed a column at a time and its cells wrap at word
 * boundaries onto lines of their own row. A column never narrows below 12 or its longest word.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], indent = 2, maxWidth = terminalColumns): string {
  // A loop, not Math.max(...rows): a spread of 100,000 rows overflows the call stack.
  const widths = header.map((title, column) => rows.reduce((widest, row) => Math.max(widest, visibleWidth(row[column] ?? '')), visibleWidth(title)));
  const longestWord = header.map((title, column) => rows.reduce((widest, row) => Math.max(widest, ...(row[column] ?? '').split(/\s+/).map(visibleWidth)), Math.max(...title.split(/\s+/).map(visibleWidth))));
  const total = (): number => indent + widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  // First only columns wider than 24 give way (short columns such as a kind or a name stay on one line),
  // then any column down to 12 or its longest word; one column at a time, so widths stay balanced.
  for (const keep of [24, 0]) {
    while (total() > maxWidth) {
      const narrowable = widths.map((width, column) => ({ width, column, floor: Math.max(12, keep, longestWord[column] ?? 0) })).filter((entry) => entry.width > entry.floor);
      const widest = narrowable.sort((a, b) => b.width - a.width)[0];
      if (widest === undefined) break;
      widths[widest.column] = widest.width - 1;
    }
  }
  const layout = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((cell, column) => (visibleWidth(cell) <= (widths[column] ?? 0) ? [cell] : wrapText(cell, widths[column] ?? 0, 0)));
    const height = Math.max(1, ...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) =>
      (
        ' '.repeat(indent) +
        wrapped
          .map((lines, column) => {
            const cell = lines[line] ?? '';
            return column === wrapped.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - visibleWidth(cell)));
          })
          .join('  ')
      ).trimEnd(),
    );
  };
  const rule = ' '.repeat(indent) + widths.map((width) => '-'.repeat(width)).join('  ');
  return [...layout(header), rule, ...rows.flatMap(layout)].join('\n');
}

/** Terminal width the text reports keep to (issue 18: readable in a 100-column terminal). */
export const terminalColumns = 100;

/**
 * Wraps `text` at word boundaries so that no line is wider than `width` with `indent` spaces before
 * each line (`firstIndent` before the first). A word longer than a line stays whole.
 */
export function wrapText(text: string, width: number, indent: number, firstIndent = indent): string[] {
  const lines: string[] = [];
  let current = '';
  let lead = firstIndent;
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && lead + visibleWidth(candidate) > width) {
      lines.push(' '.repeat(lead) + current);
      current = word;
      lead = indent;
    } else current = candidate;
  }
  if (current !== '') lines.push(' '.repeat(lead) + current);
  return lines;
}

/**
 * A line of free text wrapped to `width` columns, continuation lines indented under its text: under
 * the `= ` of a formula line, under the title of a verdict line ("  meets    title"), else two spaces
 * deeper than the line itself, unless `continuationIndent` says where (a label column). Lines that fit
 * are returned as they are.
 */
export function wrapLongLine(line: string, width = terminalColumns, continuationIndent?: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  const own = plain.length - plain.trimStart().length;
  const formula = /^\s*= /.exec(plain);
  const verdict = /^ {2}(?:meets|FAILS|fails|at risk|info) +/.exec(plain);
  const indent = continuationIndent ?? (formula !== null ? formula[0].length : verdict !== null ? verdict[0].length : own + 2);
  // Split on single spaces so runs of spaces inside the first line (column alignment) survive.
  const [first = '', ...words] = line.split(' ');
  const lines: string[] = [];
  let current = first;
  for (const word of words) {
    const candidate = `${current} ${word}`;
    if (visibleWidth(candidate) > width && current.trim() !== '' && word !== '') {
      lines.push(current);
      current = ' '.repeat(indent) + word;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}
