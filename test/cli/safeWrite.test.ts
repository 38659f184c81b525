import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesSafely } from '../../cli/safeWrite.js';
import { tapegrid } from './run.js';

/** Writes that never lose what the user had (issue 16): links, the overwrite window, signals. */
const root = join(import.meta.dirname, '..', '..');
const scratch = () => mkdtempSync(join(tmpdir(), 'tapegrid-write-'));

describe('safe output writes', () => {
  it('report --force refuses a symbolic link inside --out; the file it points to is untouched', () => {
    const out = scratch();
    const outside = join(scratch(), 'precious.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(out, 'report.html'));
    const { code, stderr } = tapegrid(['report', 'examples/two-cluster-dr.yaml', '--out', out, '--force']);
    expect(code).toBe(2);
    expect(stderr).toContain('is a symbolic link; tapegrid does not write through links');
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });

  it('init refuses a dangling link and creates nothing at its target', () => {
    const folder = scratch();
    const target = join(folder, 'elsewhere.yaml');
    symlinkSync(target, join(folder, 'grid.yaml'));
    const { code, stderr } = tapegrid(['init', '--out', join(folder, 'grid.yaml'), '--sites', 'a,b', '--force']);
    expect(code).toBe(2);
    expect(stderr).toContain('is a symbolic link to nothing');
    expect(existsSync(target)).toBe(false);
  });

  it('--out that is a file, or under a file, is exit 2 before any work', () => {
    const folder = scratch();
    writeFileSync(join(folder, 'plain'), 'x');
    expect(tapegrid(['report', 'examples/two-cluster-dr.yaml', '--out', join(folder, 'plain')]).stderr).toContain('--out expects a folder');
    const under = tapegrid(['report', 'examples/two-cluster-dr.yaml', '--out', join(folder, 'plain', 'sub')]);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain('is not a folder');
    expect(tapegrid(['init', '--out', join(folder, 'missing', 'grid.yaml'), '--sites', 'a']).stderr).toContain('does not exist');
  });

  it('without --force a file that appears during the work is not replaced (the overwrite window)', async () => {
    const out = scratch();
    writeFileSync(join(out, 'report.md'), 'written by another run meanwhile');
    await expect(writeFilesSafely(out, [{ name: 'report.json', content: '{}' }, { name: 'report.md', content: 'mine' }], false)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('written by another run meanwhile');
    // No temporary files are left behind.
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a SIGTERM while a report set is written leaves the old set or the new one, never a mix or a truncated file', { timeout: 120_000 }, async () => {
    const big = 'n'.repeat(20_000_000);
    let sawOld = false;
    let sawNew = false;
    for (const delay of [0, 1, 15, 40, 80, 150, 400]) {
      const out = scratch();
      mkdirSync(out, { recursive: true });
      for (const name of ['report.md', 'report.json', 'report.html']) writeFileSync(join(out, name), 'old');
      const script = `import { writeFilesSafely } from ${JSON.stringify(join(root, 'dist', 'cli', 'safeWrite.js'))};
        const big = 'n'.repeat(20000000);
        process.stdout.write('ready\\n');
        await writeFilesSafely(${JSON.stringify(out)}, ['report.md', 'report.json', 'report.html'].map((name) => ({ name, content: big })), true);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
      const exited = new Promise((done) => child.once('exit', done));
      // Delay 0: killed before it starts writing; the others land during the write.
      if (delay > 0) await new Promise<void>((done) => child.stdout.once('data', () => done()));
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGTERM');
      await exited;
      const contents = ['report.md', 'report.json', 'report.html'].map((name) => readFileSync(join(out, name), 'utf8'));
      const allOld = contents.every((text) => text === 'old');
      const allNew = contents.every((text) => text === big);
      expect(allOld || allNew, `after SIGTERM at ${delay} ms: ${contents.map((text) => text.length).join(', ')} characters`).toBe(true);
      sawOld ||= allOld;
      sawNew ||= allNew;
    }
    // The first kill lands before the write (old set); the later ones wait for it (new set).
    expect(sawOld).toBe(true);
    expect(sawNew).toBe(true);
  });

  it('tapegrid report killed by SIGTERM at any moment leaves the previous report or a whole new one', { timeout: 180_000 }, async () => {
    const out = scratch();
    for (const name of ['report.md', 'report.json', 'report.html']) writeFileSync(join(out, name), 'old');
    for (const delay of [300, 1500, 4000]) {
      const child = spawn(process.execPath, [join(root, 'bin', 'tapegrid.js'), 'report', 'examples/two-cluster-dr.yaml', '--out', out, '--force', '--runs', '20'], { cwd: root, stdio: 'ignore' });
      const exited = new Promise((done) => child.once('exit', done));
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGTERM');
      await exited;
      const contents = ['report.md', 'report.json', 'report.html'].map((name) => readFileSync(join(out, name), 'utf8'));
      const allOld = contents.every((text) => text === 'old');
      const allNew = contents.every((text) => text !== 'old') && (JSON.parse(contents[1] ?? '') as { format: string }).format === 'tapegrid-report' && (contents[2] ?? '').trimEnd().endsWith('</html>');
      expect(allOld || allNew, `after SIGTERM at ${delay} ms`).toBe(true);
    }
    // Let one run finish: the new set replaces the old one whole.
    expect(tapegrid(['report', 'examples/two-cluster-dr.yaml', '--out', out, '--force', '--runs', '20']).code).not.toBe(2);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toBe('old');
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
