import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVerifySetup, loadConfig } from '../../config/index.js';
import { verify, type VerifySetup } from '../../properties/index.js';
import { renderTrace } from '../../reports/index.js';

const root = join(import.meta.dirname, '..', '..');

async function unsafeSetup(): Promise<VerifySetup> {
  const loaded = await loadConfig(join(root, 'examples', 'unsafe', 'aotm-write-shared-tssc.yaml'));
  if (!loaded.ok) throw new Error('example does not validate');
  return buildVerifySetup(loaded.config, loaded.definition);
}

describe('reproducible verification', () => {
  it('the same seed gives the same verdicts and the same traces', async () => {
    const setup = await unsafeSetup();
    const first = verify(setup, { runs: 100, seed: 99, maxSteps: 40 });
    const second = verify(setup, { runs: 100, seed: 99, maxSteps: 40 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.verdicts.some((verdict) => verdict.status === 'violated')).toBe(true);
  });

  it('--replay with the printed seed and path reproduces exactly the shrunk trace', async () => {
    const setup = await unsafeSetup();
    const found = verify(setup, { runs: 100, seed: 5, maxSteps: 40 });
    const violation = found.verdicts.find((verdict) => verdict.status === 'violated');
    if (violation?.status !== 'violated') throw new Error('expected a violation');
    const replayed = verify(setup, { runs: 100, seed: 5, maxSteps: 40, replay: violation.replay });
    expect(replayed.verdicts).toHaveLength(1);
    const again = replayed.verdicts[0];
    if (again?.status !== 'violated') throw new Error('replay did not reproduce the violation');
    expect(renderTrace(setup.definition, again.counterexample)).toEqual(renderTrace(setup.definition, violation.counterexample));
  });
});
