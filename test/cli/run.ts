import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root (tests run the command line from it). */
export const root = join(import.meta.dirname, '..', '..');

/** Runs the built `tapegrid` as a user would, without colour; stdin is empty (not a terminal). */
export function tapegrid(args: readonly string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'tapegrid.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the command line in this process (the TypeScript sources, no build, no process start) with its
 * output captured and no colour: the way most command tests run. A few tests keep `tapegrid` above
 * for what only a real process shows (exit codes of the launcher, pipes, signals).
 */
export async function tapegridInProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../cli/main.js');
  const { createStyle } = await import('../../reports/style.js');
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`), style: createStyle(false) });
  return { code, stdout, stderr };
}
