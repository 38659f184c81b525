import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { root, tapegrid, tapegridInProcess } from './run.js';
import { describe, expect, it } from 'vitest';
import { validateConfigText } from '../../config/index.js';

const work = mkdtempSync(join(tmpdir(), 'tapegrid-init-'));

describe('tapegrid init', () => {
  it.each([
    ['stand-alone', ['--sites', 'prod']],
    ['HA pair', ['--sites', 'east,west', '--local-copy', 'R', '--remote-copy', 'R']],
    ['HA + DR', ['--sites', 'prod,prod,dr', '--remote-distance', '1000 km']],
    ['hybrid', ['--sites', 'prod,prod,remote,remote', '--kinds', 'disk-only,disk-only,tape-attached,tape-attached', '--cache', '200 TB']],
    ['eight clusters', ['--sites', 'a,a,a,a,b,b,b,b', '--links', '4 x 1 Gb/s']],
  ])('writes a %s configuration that validates', async (name, flags) => {
    const out = join(work, `${name.replace(/\W+/g, '-')}.yaml`);
    const result = tapegrid(['init', '--out', out, ...flags]);
    expect(result.code, result.stderr).toBe(0);
    const checked = await validateConfigText(readFileSync(out, 'utf8'), out);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('never overwrites an existing file without --force; rejects bad answers with exit 2', () => {
    const out = join(work, 'mine.yaml');
    writeFileSync(out, 'my own grid\n');
    expect(tapegrid(['init', '--out', out]).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('my own grid\n');
    expect(tapegrid(['init', '--out', join(work, 'bad.yaml'), '--kinds', 'floppy']).code).toBe(2);
    expect(tapegrid(['init', '--out', join(work, 'bad2.yaml'), '--cache', 'lots']).stderr).toContain('nothing was written');
    expect(tapegrid(['init', '--out', out, '--force']).code).toBe(0);
  });

  it('the default grid validates, verifies and plans cleanly; $schema points at the shipped schema (issue 17 item 3)', { timeout: 120_000 }, async () => {
    mkdirSync(join(work, 'sub'));
    const out = join(work, 'sub', 'default.yaml');
    const written = await tapegridInProcess(['init', '--out', out, '--json']);
    expect(written.code, written.stderr).toBe(0);
    const reply = JSON.parse(written.stdout) as { written: string; schema: string; next: string[] };
    expect(reply.written).toBe(out);
    const text = readFileSync(out, 'utf8');
    const schema = /^\$schema: (.+)$/m.exec(text)?.[1] ?? '';
    expect(schema).toBe(reply.schema);
    // Relative to the file, as editors resolve it, and the very schema the package ships.
    expect(readFileSync(resolve(dirname(out), schema), 'utf8')).toBe(readFileSync(join(root, 'schema', 'tapegrid.schema.json'), 'utf8'));
    expect(text).toMatch(/driveType: E08/);
    expect(text).toMatch(/# A DR test with the links kept and Selective Write Protect[\s\S]*\ndrTest:\n  host: DRHOST/);
    // Small bounds keep the test short; the default scope and \`drtest\` were run by hand (all exit 0).
    for (const command of ['validate', 'verify', 'plan']) {
      const result = await tapegridInProcess([command, out, ...(command === 'verify' ? ['--runs', '10', '--max-states', '1500', '--failures', '1'] : [])]);
      expect(result.code, `${command}: ${result.stdout.slice(-400)}${result.stderr}`).toBe(0);
    }
  });
});
