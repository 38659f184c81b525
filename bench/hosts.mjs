// Verify time against the number of hosts (issue 16: "verify stays near-linear in the number of
// hosts"): the two-cluster DR example with 8 to 64 production hosts, a fixed exhaustive budget and
// 200 random runs, in-process. Figures are printed, never asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildVerifySetup, validateConfigText } from '../dist/config/index.js';
import { verify } from '../dist/properties/index.js';

const root = join(import.meta.dirname, '..');
const base = readFileSync(join(root, 'examples', 'two-cluster-dr.yaml'), 'utf8').replace(/^\$schema:.*$/m, '');
const [before, rest] = base.split('hosts:\n');
const after = `categories:${rest.split('categories:')[1]}`;
console.log('hosts | seconds | seconds per host | ratio to 8 hosts');
let first = 0;
for (const count of [8, 16, 32, 64]) {
  const hosts = Array.from({ length: count }, (_, index) => `  - { name: H${index}, site: A, role: production, online: [0], scratchCategory: "0002", privateCategory: "000F" }\n`).join('');
  const loaded = await validateConfigText(`${before}hosts:\n${hosts}${after}`, `hosts-${count}.yaml`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const setup = buildVerifySetup(loaded);
  const start = performance.now();
  verify(setup, { exhaustive: { volumesPerHost: 1, maxDepth: 12, maxStates: 500, maxFailures: 2, symmetry: true }, runs: 200, seed: 1, maxSteps: 40 });
  const seconds = (performance.now() - start) / 1000;
  if (first === 0) first = seconds;
  console.log([count, seconds.toFixed(2), (seconds / count).toFixed(3), (seconds / first).toFixed(2)].join(' | '));
}
