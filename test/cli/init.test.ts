import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tapegrid } from './run.js';
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
});
