import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable, visibleWidth, wrapLongLine, wrapText } from '../../reports/table.js';
import { tapegridInProcess } from '../cli/run.js';

/** Terminal output fits 100 columns (issue 18 item 5): free text wraps under its own text. */
describe('wrapping terminal text at 100 columns', () => {
  it('keeps a line that fits, wraps a formula under its "= " and a verdict line under its title, keeping the column alignment of the first line', () => {
    expect(wrapLongLine('  meets    short')).toEqual(['  meets    short']);
    const formula = `           = ${'word '.repeat(30).trim()}`;
    const wrapped = wrapLongLine(formula);
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.every((line) => visibleWidth(line) <= 100)).toBe(true);
    expect(wrapped.slice(1).every((line) => line.startsWith(' '.repeat(13)) && !line.startsWith(' '.repeat(14)))).toBe(true);
    const verdict = wrapLongLine(`  meets    RPO of MCPROD C0->C1: 49 s  (target at most 4.00 h) ${'x'.repeat(5)} ${'long words here '.repeat(5)}`);
    expect(verdict[0]?.startsWith('  meets    RPO of MCPROD C0->C1: 49 s  (target')).toBe(true);
    expect(verdict[1]?.startsWith(' '.repeat(11))).toBe(true);
    expect(wrapText('a b c', 3, 2, 0)).toEqual(['a b', '  c']);
  });

  it('every bundled example\'s plan fits 100 columns', async () => {
    const examples = readdirSync(join(import.meta.dirname, '..', '..', 'examples')).filter((name) => name.endsWith('.yaml'));
    for (const name of examples) {
      const { code, stdout } = await tapegridInProcess(['plan', `examples/${name}`]);
      if (code === 2) continue; // no workload to plan
      expect(stdout.split('\n').filter((line) => visibleWidth(line) > 100), name).toEqual([]);
    }
  });

  it('a table wider than 100 columns narrows its widest column and wraps that column\'s cells on lines of their own row', () => {
    const rows = [['C0', 'write after 20 min, TSSC independent', 'configured, off; excludes 0012 001F 001E FF00; ignore fast ready']];
    const table = renderTable(['cluster', 'AOTM', 'write protect'], rows, 2, 60).split('\n');
    expect(table.every((line) => visibleWidth(line) <= 60)).toBe(true);
    // Every word of every cell is still there (the lines interleave the columns).
    const body = table.slice(table.findIndex((line) => /^ +-+ /.test(line)) + 1);
    expect(body.length).toBeGreaterThan(1);
    expect(body.join(' ').split(/\s+/).filter((word) => word !== '').sort()).toEqual(rows[0]?.join(' ').split(' ').sort());
    // A narrow table is as before: one line per row.
    expect(renderTable(['a', 'b'], [['1', '2']]).split('\n')).toEqual(['  a  b', '  -  -', '  1  2']);
  });

  it('every bundled example\'s validate summary fits 100 columns (problem lines keep the one-line file:line:column form editors read)', async () => {
    const examples = readdirSync(join(import.meta.dirname, '..', '..', 'examples')).filter((name) => name.endsWith('.yaml'));
    for (const name of examples) {
      const { stdout } = await tapegridInProcess(['validate', `examples/${name}`]);
      const summary = stdout.split('\n').filter((line) => !/^\S+:\d+:\d+ +(warning|error) /.test(line));
      expect(summary.filter((line) => visibleWidth(line) > 100), name).toEqual([]);
    }
  });
});
