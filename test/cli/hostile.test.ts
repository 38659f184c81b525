import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { createStyle } from '../../reports/style.js';
import { tapegrid } from './run.js';

/**
 * The adversarial set in test/fixtures/hostile/ (issue 16): every command runs against every file;
 * each ends in exit 0, 1 or 2 with no stack trace, and a refusal names the file.
 */
const root = join(import.meta.dirname, '..', '..');
const fixtures = readdirSync(join(root, 'test', 'fixtures', 'hostile')).filter((name) => name.endsWith('.yaml')).sort();

const commands = (file: string): string[][] => [
  ['validate', file],
  ['validate', file, '--json'],
  ['verify', file, '--max-states', '300', '--runs', '5'],
  ['verify', file, '--max-states', '300', '--runs', '5', '--json'],
  ['plan', file],
  ['whatif', file, '--fail', 'C0', '--takeover', 'write'],
  ['drtest', file],
  ['export', file, '--pool', '8'],
  ['recover', file, '--from', '1'],
  ['report', file, '--out', mkdtempSync(join(tmpdir(), 'tapegrid-hostile-')), '--force', '--runs', '5'],
];

describe('hostile configurations (test/fixtures/hostile)', () => {
  it.each(fixtures)('%s: every command ends in exit 0, 1 or 2, names the file when it refuses, and prints no stack trace', { timeout: 240_000 }, async (name) => {
    const file = join(root, 'test', 'fixtures', 'hostile', name);
    for (const args of commands(file)) {
      let out = '';
      let err = '';
      const code = await main(args, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), style: createStyle(false) });
      expect([0, 1, 2], args.join(' ')).toContain(code);
      expect(err, args.join(' ')).not.toMatch(/\n\s+at .+:\d+:\d+/);
      if (code === 2) expect(`${out}${err}`, args.join(' ')).toContain(file);
    }
  });

  it('escape sequences in names reach the terminal as visible text, with and without colour; JSON keeps them exact', () => {
    const file = 'test/fixtures/hostile/escape-names.yaml';
    for (const env of [{ NO_COLOR: '1' }, { NO_COLOR: '', FORCE_COLOR: '1' }]) {
      for (const args of [['validate', file], ['verify', file, '--max-states', '300', '--runs', '5'], ['whatif', file, '--fail', 'C0']]) {
        const { stdout, stderr } = tapegrid(args, env);
        const text = `${stdout}${stderr}`;
        expect(text, `${args.join(' ')} ${JSON.stringify(env)}`).toContain('\\x1b]0;title\\x07');
        // No escape but colour codes (SGR), no bell, no carriage return reach the terminal.
        expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        if (env.NO_COLOR === '1') expect(text).not.toContain('\u001b');
      }
    }
    const json = tapegrid(['validate', file, '--json', '--no-color']);
    expect(json.stdout).not.toContain('\u001b');
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b]0;title\\u0007');
  });

  it('EPIPE: a reader that stops early (tapegrid ... | head) ends the command quietly with exit 0', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(join(root, 'bin', 'tapegrid.js'))} schema | head -c 10 > /dev/null`], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
