// A storage team's CI check of its grid configurations, with tapegrid's vitest matchers.
// Run it with `npx vitest run --root examples/vitest-project` (the suite runs it: test/api/vitestProject.test.ts).
// In a project of your own: `npm install --save-dev tapegrid vitest`, then the same imports.
import { expect, it } from 'vitest';
import 'tapegrid/vitest';

const grid = (name: string) => new URL(`../${name}`, import.meta.url);

it('the two-cluster DR grid is proven safe (no invariant violated within its scope)', async () => {
  await expect(grid('two-cluster-dr.yaml')).toBeProvenSafe({ runs: 20 });
});

it('the two-cluster DR grid meets its planning targets', async () => {
  await expect(grid('two-cluster-dr.yaml')).toMeetTargets();
});

it('a class kept on one cluster only, where the targets promise it survives a cluster loss, is caught', async () => {
  await expect(grid('unsafe/single-copy-class.yaml')).not.toBeProvenSafe({ runs: 0 });
});
