import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../config/index.js';
import { invariants, verify, type VerifyResult } from '../../properties/index.js';
import { renderTrace } from '../../reports/index.js';

const root = join(import.meta.dirname, '..', '..');
const seed = 1;

async function verifyFile(path: string, runs: number): Promise<{ result: VerifyResult; text: string }> {
  const loaded = await loadConfig(path);
  if (!loaded.ok) throw new Error(`${path} does not validate: ${JSON.stringify(loaded.problems)}`);
  const result = verify(buildVerifySetup(loaded.config, loaded.definition), { runs, seed, maxSteps: 40 });
  const text = result.verdicts
    .map((verdict) => (verdict.status === 'violated' ? `${verdict.id}\n${renderTrace(loaded.definition, verdict.counterexample).join('\n')}` : ''))
    .join('\n');
  return { result, text };
}

/** Invariant ids named on the "# Caught by:" line of an unsafe example. */
function caughtBy(path: string): string[] {
  const line = readFileSync(path, 'utf8').split('\n').find((candidate) => candidate.startsWith('# Caught by:')) ?? '';
  return invariants.map((invariant) => invariant.id).filter((id) => line.includes(id));
}

describe('bundled examples', () => {
  const safe = [
    ...readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.yaml')),
    ...readdirSync(join(root, 'examples', 'drtest')).filter((name) => name.endsWith('.yaml')).map((name) => `drtest/${name}`),
  ];
  const unsafe = readdirSync(join(root, 'examples', 'unsafe')).filter((name) => name.endsWith('.yaml'));

  it.each(safe)('safe example %s verifies clean', async (name) => {
    const { result, text } = await verifyFile(join(root, 'examples', name), Number(process.env.TAPEGRID_VERIFY_RUNS ?? 60));
    expect(result.verdicts.filter((verdict) => verdict.status === 'violated').map((verdict) => verdict.id), text).toEqual([]);
    expect(result.verdicts).toHaveLength(invariants.length);
  });

  it('there are at least six unsafe examples, each saying what is wrong and which invariant catches it', () => {
    expect(unsafe.length).toBeGreaterThanOrEqual(6);
    for (const name of unsafe) {
      const text = readFileSync(join(root, 'examples', 'unsafe', name), 'utf8');
      expect(text, name).toMatch(/^# UNSAFE: /m);
      expect(text, name).toMatch(/^# What is wrong: /m);
      expect(caughtBy(join(root, 'examples', 'unsafe', name)).length, name).toBeGreaterThan(0);
    }
  });

  it.each(unsafe)('unsafe example %s is caught by the invariants its comment names, with a trace of at most 12 steps', async (name) => {
    const path = join(root, 'examples', 'unsafe', name);
    const { result } = await verifyFile(path, 200);
    const violated = result.verdicts.filter((verdict) => verdict.status === 'violated');
    expect(violated.map((verdict) => verdict.id)).toEqual(expect.arrayContaining(caughtBy(path)));
    for (const verdict of violated) {
      if (verdict.status === 'violated') expect(verdict.counterexample.steps.length, verdict.id).toBeLessThanOrEqual(12);
    }
  });
});
