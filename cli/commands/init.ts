import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Document, isMap, isScalar } from 'yaml';
import { starterConfig, validateConfigText, type StarterAnswers } from '../../config/index.js';
import { renderProblems } from '../../reports/index.js';
import { exitCodes, type CommandIO } from '../io.js';
import { outputFileProblem, writeFilesSafely } from '../safeWrite.js';
import { packageRoot } from '../packageRoot.js';

/** Help text of `tapegrid init`. */
export const initHelp = `Usage: tapegrid init --out <file> [--sites a,a,b] [--kinds tape-attached,disk-only,...] [--cache "100 TB"]
                     [--links "2 x 10 Gb/s"] [--local-distance "10 km"] [--remote-distance "800 km"]
                     [--daily "10 TB/day"] [--rpo "4 h"] [--local-copy R|D|N] [--remote-copy R|D|N] [--force]

Writes a starting configuration that validates: one cluster per entry of --sites (the site of
cluster 0 is production; the others are DR), links between every pair, a production host, a DR test
host with its own categories, one management class (same-site copies --local-copy, other sites
--remote-copy; DR clusters copy nothing to production), a runbook that takes over only clusters
confirmed down, and a workload for the planner. Without flags on a terminal it asks.

Examples:
  tapegrid init --out my-grid.yaml --sites prod,prod,dr --remote-distance "1000 km"
  tapegrid init --out ha.yaml --sites east,west --local-copy R --remote-copy R

Exit codes: 0 written, 2 bad input (the file exists without --force, or the answers do not validate).`;

/** Flags of `tapegrid init`. */
export interface InitFlags {
  readonly out?: string;
  readonly force: boolean;
  readonly sites?: string;
  readonly kinds?: string;
  readonly cache?: string;
  readonly links?: string;
  readonly localDistance?: string;
  readonly remoteDistance?: string;
  readonly daily?: string;
  readonly rpo?: string;
  readonly localCopy?: string;
  readonly remoteCopy?: string;
  readonly interactive: boolean;
  readonly json?: boolean;
}

const defaults = { sites: 'production,production,dr', kinds: 'tape-attached', cache: '100 TB', links: '2 x 10 Gb/s', localDistance: '10 km', remoteDistance: '800 km', daily: '10 TB/day', rpo: '4 h', localCopy: 'R', remoteCopy: 'D' };

async function ask(flags: InitFlags): Promise<InitFlags> {
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  const question = async (text: string, fallback: string): Promise<string> => ((await reader.question(`${text} [${fallback}]: `)).trim() || fallback);
  try {
    return {
      ...flags,
      sites: await question('Site of each cluster, comma separated (cluster 0 first; its site is production)', defaults.sites),
      kinds: await question('Kind of each cluster (tape-attached or disk-only; one value for all)', defaults.kinds),
      cache: await question('Cache per cluster', defaults.cache),
      links: await question('Grid links per pair (count x speed)', defaults.links),
      localDistance: await question('Distance between clusters at one site', defaults.localDistance),
      remoteDistance: await question('Distance between sites', defaults.remoteDistance),
      daily: await question('Host data written per day per production cluster', defaults.daily),
      rpo: await question('Recovery point objective', defaults.rpo),
      localCopy: await question('Copy point toward the same site (R = rewind-unload, D = deferred, N = none)', defaults.localCopy),
      remoteCopy: await question('Copy point toward other sites', defaults.remoteCopy),
    };
  } finally {
    reader.close();
  }
}

function copyPoint(value: string): 'R' | 'D' | 'N' | null {
  return value === 'R' || value === 'D' || value === 'N' ? value : null;
}

/** `tapegrid init`. */
export async function runInit(initial: InitFlags, io: CommandIO): Promise<number> {
  if (initial.out === undefined) {
    io.err(`tapegrid init: --out <file> is required\n\n${initHelp}`);
    return exitCodes.badInput;
  }
  const outProblem = outputFileProblem(initial.out, initial.force);
  if (outProblem !== null) {
    io.err(`tapegrid init: ${outProblem}`);
    return exitCodes.badInput;
  }
  const noAnswers = [initial.sites, initial.kinds, initial.cache, initial.links, initial.daily, initial.rpo].every((value) => value === undefined);
  const flags = noAnswers && initial.interactive ? await ask(initial) : initial;
  const sites = (flags.sites ?? defaults.sites).split(',').map((site) => site.trim()).filter((site) => site !== '');
  const kinds = (flags.kinds ?? defaults.kinds).split(',').map((kind) => kind.trim());
  const localCopy = copyPoint(flags.localCopy ?? defaults.localCopy);
  const remoteCopy = copyPoint(flags.remoteCopy ?? defaults.remoteCopy);
  const problems: string[] = [];
  if (sites.length < 1 || sites.length > 8) problems.push(`--sites gives one site per cluster, 1 to 8 clusters; found ${sites.length}`);
  if (kinds.some((kind) => kind !== 'tape-attached' && kind !== 'disk-only')) problems.push(`--kinds expects tape-attached or disk-only, found "${kinds.join(',')}"`);
  if (localCopy === null || remoteCopy === null) problems.push('--local-copy and --remote-copy expect R, D or N');
  if (problems.length > 0 || localCopy === null || remoteCopy === null) {
    io.err(`tapegrid init: ${problems.join('\n')}`);
    return exitCodes.badInput;
  }
  const answers: StarterAnswers = {
    name: initial.out.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '') || 'my-grid',
    sites,
    kinds: kinds.length === 1 ? sites.map(() => kinds[0] as 'tape-attached' | 'disk-only') : (kinds as ('tape-attached' | 'disk-only')[]),
    cache: flags.cache ?? defaults.cache,
    links: flags.links ?? defaults.links,
    localDistance: flags.localDistance ?? defaults.localDistance,
    remoteDistance: flags.remoteDistance ?? defaults.remoteDistance,
    dailyWrite: flags.daily ?? defaults.daily,
    rpo: flags.rpo ?? defaults.rpo,
    localCopy,
    remoteCopy,
  };
  const text = starterText(answers, initial.out);
  const checked = await validateConfigText(text, initial.out);
  if (!checked.ok) {
    io.err(`tapegrid init: these answers do not make a valid grid; nothing was written\n${renderProblems(initial.out, checked.problems, io.style)}`);
    return exitCodes.badInput;
  }
  try {
    await writeFilesSafely(dirname(resolve(initial.out)), [{ name: basename(initial.out), content: text }], initial.force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`tapegrid init: ${code === 'EEXIST' ? `${initial.out} appeared meanwhile; nothing was replaced (use --force)` : error instanceof Error ? error.message : String(error)}`);
    return exitCodes.badInput;
  }
  if (initial.json === true) io.out(JSON.stringify({ written: initial.out, clusters: sites.length, sites: [...new Set(sites)], schema: schemaReference(initial.out), next: [`tapegrid validate ${initial.out}`, `tapegrid verify ${initial.out}`, `tapegrid plan ${initial.out}`] }, null, 2));
  else io.out(`wrote ${initial.out} (${sites.length} clusters at ${[...new Set(sites)].join(', ')}); next: tapegrid validate ${initial.out}, then verify and plan`);
  return exitCodes.ok;
}

/**
 * Where the written file finds the JSON Schema shipped with tapegrid, relative to the file, so that
 * editors resolve it from the file's own folder (YAML and JSON language servers read \`$schema\`).
 */
function schemaReference(out: string): string {
  const reference = relative(dirname(resolve(out)), join(packageRoot, 'schema', 'tapegrid.schema.json')).split(sep).join('/');
  return reference.startsWith('.') ? reference : `./${reference}`;
}

/** The starting configuration as YAML, with the comments that say what each section is for. */
function starterText(answers: StarterAnswers, out: string): string {
  const document = new Document({ $schema: schemaReference(out), ...starterConfig(answers) });
  const comments: Readonly<Record<string, string>> = {
    clusters: ' One entry per cluster; tape-attached clusters have 8 drives of the latest generation (physical). Adjust the cache and drives to what is installed.',
    runbook: ' Ownership takeover only of a cluster the operators have confirmed down (OWN-3, OWN-11).',
    workload: ' What the production host writes through each cluster, for the planner (plan).',
    drTest: [
      ' A DR test with the links kept and Selective Write Protect at the DR clusters (11.10.1, DRT-1 to DRT-4):',
      ' the test host writes TST volumes with MCTEST (No Copy toward production), production refuses TST*,',
      ' and production return-to-scratch is suspended while the test runs. Delete this section if you do',
      " not run DR tests; 'tapegrid drtest' checks it and prints the operator checklist.",
    ].join('\n'),
  };
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const comment = comments[key];
      if (comment !== undefined && isScalar(pair.key)) pair.key.commentBefore = comment;
    }
  }
  return `# Written by tapegrid init. Check it with: tapegrid validate ${out}\n${document.toString({ lineWidth: 0 })}`;
}
