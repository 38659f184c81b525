import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../config/index.js';
import { decodeActions, encodeActions, verify, type VerifySetup } from '../../properties/index.js';
import { renderTrace } from '../../reports/index.js';

const root = join(import.meta.dirname, '..', '..');

async function unsafeSetup(): Promise<VerifySetup> {
  const loaded = await loadConfig(join(root, 'examples', 'unsafe', 'aotm-write-shared-tssc.yaml'));
  if (!loaded.ok) throw new Error('example does not validate');
  return buildVerifySetup(loaded);
}

const strip = (text: string): string => text.replace(/"(elapsedMs|peakHeapBytes)":[\d.e+]+/g, '');

describe('reproducible verification', () => {
  it('the same seed gives the same verdicts and the same traces (exhaustive and random)', async () => {
    const setup = await unsafeSetup();
    const options = { exhaustive: { volumesPerHost: 1, maxDepth: 6, maxStates: 3000, maxFailures: 2, symmetry: true }, runs: 60, seed: 99, maxSteps: 40 };
    const first = verify(setup, options);
    const second = verify(setup, options);
    expect(strip(JSON.stringify(second))).toBe(strip(JSON.stringify(first)));
    expect(first.verdicts.some((verdict) => verdict.status === 'violated')).toBe(true);
  });

  it('--replay of a random find, with the printed seed and path, reproduces exactly the shrunk trace', async () => {
    const setup = await unsafeSetup();
    const found = verify(setup, { exhaustive: false, runs: 100, seed: 5, maxSteps: 40 });
    const violation = found.verdicts.find((verdict) => verdict.status === 'violated');
    if (violation?.status !== 'violated') throw new Error('expected a violation');
    expect(violation.foundBy).toBe('random');
    const replayed = verify(setup, { exhaustive: false, runs: 100, seed: 5, maxSteps: 40, replay: violation.replay });
    expect(replayed.verdicts).toHaveLength(1);
    const again = replayed.verdicts[0];
    if (again?.status !== 'violated') throw new Error('replay did not reproduce the violation');
    expect(renderTrace(setup.definition, again.counterexample)).toEqual(renderTrace(setup.definition, violation.counterexample));
  });

  it('replay strings of the exhaustive search round-trip their actions', () => {
    const actions = [
      { kind: 'cluster-fail', cluster: 1 },
      { kind: 'takeover', at: 0, of: 1, mode: 'write' },
      { kind: 'scratch-mount', host: 0, cluster: 1, managementClass: 0, choice: 2 },
      { kind: 'advance-to-deadline' },
    ] as const;
    expect(decodeActions(encodeActions(actions))).toEqual(actions);
    expect(decodeActions('takeover.0.1.sideways')).toMatch(/read or write/);
  });
});
