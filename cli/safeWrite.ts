import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Writing output without losing what the user had (issue 16): the location is checked before any
 * long work; each file is written under a temporary name in its folder and moved into place, so a
 * signal leaves the old file or the new one, never a truncated one; nothing is written through a
 * symbolic link; without `--force` nothing is replaced, even if a file appeared during the work.
 */

/** Why the files cannot be written to `folder`, or null when they can (checked before the long work). */
export function outputFolderProblem(folder: string, names: readonly string[], force: boolean): string | null {
  const existing = kindOf(folder);
  if (existing === 'missing') {
    // The nearest existing ancestor must be a folder; mkdir creates the rest.
    let parent = dirname(resolve(folder));
    while (kindOf(parent) === 'missing' && dirname(parent) !== parent) parent = dirname(parent);
    return kindOf(parent) === 'folder' ? null : `${folder}: cannot create it, ${parent} is not a folder`;
  }
  if (existing !== 'folder') return `${folder} is ${existing === 'file' ? 'a file' : 'a symbolic link to something that is not a folder'}; --out expects a folder`;
  for (const name of names) {
    const kind = kindOf(join(folder, name), false);
    if (kind === 'link') return `${join(folder, name)} is a symbolic link; tapegrid does not write through links (remove it or choose another --out)`;
    if (kind === 'folder') return `${join(folder, name)} is a folder; tapegrid writes a file there`;
  }
  if (!force) {
    const present = readdirSync(folder);
    if (present.length > 0) {
      const replaced = names.filter((name) => present.includes(name));
      return `${folder} already exists and is not empty; nothing was written. ${replaced.length > 0 ? `--force would replace ${replaced.join(', ')}` : `--force writes ${names.join(', ')} beside the ${present.length} file(s) there`}.`;
    }
  }
  return null;
}

/** Why one output file cannot be written, or null (for `init --out FILE`). */
export function outputFileProblem(file: string, force: boolean): string | null {
  const kind = kindOf(file, false);
  if (kind === 'link') return `${file} is a symbolic link${kindOf(file) === 'missing' ? ' to nothing' : ''}; tapegrid does not write through links; nothing was written`;
  if (kind === 'folder') return `${file} is a folder; give a file name`;
  if (kind === 'file' && !force) return `${file} exists; nothing was written (use --force to replace it)`;
  const parent = dirname(resolve(file));
  if (kindOf(parent) !== 'folder') return `${file}: the folder ${parent} does not exist`;
  return null;
}

/**
 * Writes every file to a temporary name first, then moves them all into place. Without `force` a
 * file that exists by then is not replaced (the move fails instead). SIGINT and SIGTERM wait until
 * the moves are done and the temporary files removed, so a report is the old set or the new one.
 */
export async function writeFilesSafely(folder: string, files: readonly { readonly name: string; readonly content: string }[], force: boolean): Promise<void> {
  await mkdir(folder, { recursive: true });
  const suffix = `.tapegrid-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const temporary = files.map((file) => ({ ...file, temp: join(folder, `.${file.name}${suffix}`), final: join(folder, file.name) }));
  // Signals wait until the files are in place and the temporary ones are gone (a second or so).
  await withSignalsDeferred(async () => {
    try {
      // 'wx': a new file, never an existing one or a link.
      for (const file of temporary) await writeFile(file.temp, file.content, { flag: 'wx' });
      const problem = force ? temporary.find((file) => kindOf(file.final, false) === 'link' || kindOf(file.final, false) === 'folder') : undefined;
      if (problem !== undefined) throw new Error(`${problem.final} became a symbolic link or folder during the run; nothing was written`);
      for (const file of temporary) {
        if (force) await rename(file.temp, file.final);
        else {
          // link() fails if the name exists: a file that appeared meanwhile is never replaced.
          await link(file.temp, file.final);
          await unlink(file.temp);
        }
      }
    } finally {
      for (const file of temporary) await unlink(file.temp).catch(() => undefined);
    }
  });
}

/** Runs `work` with SIGINT and SIGTERM held back until it is done, then lets them act. */
async function withSignalsDeferred(work: () => Promise<void>): Promise<void> {
  const received: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => received.push(signal);
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  try {
    await work();
  } finally {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    const first = received[0];
    if (first !== undefined) process.kill(process.pid, first);
  }
}

function kindOf(path: string, follow = true): 'missing' | 'file' | 'folder' | 'link' | 'other' {
  try {
    const stats = follow ? statSync(path) : lstatSync(path);
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}
