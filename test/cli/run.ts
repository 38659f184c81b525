import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root (tests run the command line from it). */
export const root = join(import.meta.dirname, '..', '..');

/** Runs the built `tapegrid` as a user would, without colour; stdin is empty (not a terminal). */
export function tapegrid(args: readonly string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'tapegrid.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
