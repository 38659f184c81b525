import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { createStyle } from '../../reports/style.js';

/**
 * Hostile input never crashes the command line (issue 16): fast-check mutates the bundled example
 * configurations and command lines; every run must end in exit 0, 1 or 2 (never a thrown error, which
 * the launcher turns into exit 3), and a refusal (2) must say what was wrong and where, without a
 * stack trace. `npm run fuzz:deep` runs many more cases (TAPEGRID_FUZZ_RUNS).
 */

const root = join(import.meta.dirname, '..', '..');
const runs = Number(process.env.TAPEGRID_FUZZ_RUNS ?? 300);
// About 20 ms a case on 2 cores; the deep run needs its own budget.
const timeout = Math.max(120_000, runs * 60);
const folder = mkdtempSync(join(tmpdir(), 'tapegrid-fuzz-'));
const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(join(root, 'examples', name), 'utf8').replace(/^\$schema:.*$/m, ''));

/** Values that have broken parsers before: prototype keys, aliases, odd numbers and units, control characters. */
const hostileValues = [
  '__proto__', 'toString', 'valueOf', 'constructor', 'hasOwnProperty', '*undefinedAlias', '&a [*a, *a]', '!!binary aGVsbG8=', '!!js/function "x"',
  '-1', '0', '1e309', 'NaN', '.nan', '-.inf', '99999999999999999999', '"5 parsecs"', '"-4 TB/day"', '"0 MB/s"', '"1e9 years"', '"\u001b[31mred\u001b]0;title\u0007"',
  '[]', '{}', 'null', '~', 'true', '"' + 'x'.repeat(5000) + '"', '{ __proto__: { polluted: 1 } }', '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]', '"C0"', '"\u0000"',
];
const hostileKeys = ['__proto__', 'toString', 'valueOf', 'constructor', 'prototype', 'hasOwnProperty', 'clusters', 'x'.repeat(300)];

type Mutation =
  | { readonly kind: 'replace-value'; readonly line: number; readonly value: number }
  | { readonly kind: 'replace-key'; readonly line: number; readonly key: number }
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'duplicate-line'; readonly line: number }
  | { readonly kind: 'flip-char'; readonly offset: number; readonly char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace-value' as const), line: fc.nat(), value: fc.nat({ max: hostileValues.length - 1 }) }),
  fc.record({ kind: fc.constant('replace-key' as const), line: fc.nat(), key: fc.nat({ max: hostileKeys.length - 1 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('flip-char' as const), offset: fc.nat(), char: fc.constantFrom(':', '-', '[', '{', '"', "'", '&', '*', '!', '|', '>', '#', '\t', ' ', '\n', '%', '@', '`') }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const change of mutations) {
    const index = change.kind === 'flip-char' ? 0 : change.line % Math.max(1, lines.length);
    const line = lines[index] ?? '';
    switch (change.kind) {
      case 'replace-value':
        lines[index] = line.includes(':') ? line.replace(/:\s*[^:,}\]]*$/, `: ${hostileValues[change.value] ?? ''}`).replace(/:\s*"[^"]*"/, `: ${hostileValues[change.value] ?? ''}`) : line;
        break;
      case 'replace-key':
        lines[index] = line.replace(/([A-Za-z]+)(\s*:)/, `${hostileKeys[change.key] ?? ''}$2`);
        break;
      case 'delete-line':
        lines.splice(index, 1);
        break;
      case 'duplicate-line':
        lines.splice(index, 0, line);
        break;
      case 'flip-char': {
        const joined = lines.join('\n');
        const offset = change.offset % Math.max(1, joined.length);
        lines = (joined.slice(0, offset) + change.char + joined.slice(offset + 1)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

const commands: readonly (readonly string[])[] = [['validate'], ['validate', '--json'], ['plan'], ['plan', '--json'], ['whatif', '--fail', 'C0'], ['drtest'], ['export', '--pool', '8'], ['recover', '--from', '1']];

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), style: createStyle(false) });
  return { code, out, err };
}

describe('hostile input never crashes the command line (fuzz)', () => {
  it('mutated example configurations: exit 0, 1 or 2; a refusal names what is wrong; no stack trace', { timeout }, async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: examples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat({ max: commands.length - 1 }), async (example, mutations, command) => {
        const file = join(folder, `case-${(index += 1)}.yaml`);
        writeFileSync(file, mutate(examples[example] ?? '', mutations));
        const [name, ...options] = commands[command] ?? ['validate'];
        const { code, out, err } = await run([name ?? 'validate', file, ...options]);
        expect([0, 1, 2]).toContain(code);
        expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
        // --json reports the problems on stdout, text on stderr: either way the file is named.
        if (code === 2) expect(`${out}${err}`).toContain(file);
      }),
      { numRuns: runs, seed: Number(process.env.TAPEGRID_FUZZ_SEED ?? 16) },
    );
  });

  it('random command lines: exit 0, 1 or 2 and no stack trace', { timeout }, async () => {
    const words = ['validate', 'verify', 'plan', 'whatif', 'drtest', 'export', 'recover', 'scenario', 'schema', 'init', 'report', 'list', 'run', '5', 'nope', 'examples/two-cluster-dr.yaml', 'examples/copy-export.yaml', 'missing.yaml', '/', '--json', '--no-color', '--help', '--version', '--runs', '--seed', '--max-steps', '--depth', '--max-states', '--failures', '--volumes', '--replay', '--fail', '--takeover', '--after', '--backlog', '--pool', '--from', '--out', '--force', '--catalog', '--unknown', '-x', '0', '-1', '1e9', 'NaN', 'C9', 'site:x', 'links:0-1', 'write', 'no-dual-ownership:x1:cluster-fail.0', '__proto__', ''];
    // Commands that run long (report writes, large verify budgets) or ask questions are kept out.
    const slow = (args: readonly string[]) => args.includes('report') || args.includes('init') || (args.includes('verify') && !args.includes('--help'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 6 }), async (args) => {
        fc.pre(!slow(args));
        const { code, err } = await run(args);
        expect([0, 1, 2]).toContain(code);
        expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }),
      { numRuns: runs, seed: Number(process.env.TAPEGRID_FUZZ_SEED ?? 16) },
    );
  });
});
