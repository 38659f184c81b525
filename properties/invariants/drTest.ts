import { observed, type Invariant } from '../invariant.js';
import { hostVolsers, type VerifySetup } from '../setup.js';

function productionVolsers(setup: VerifySetup): Set<string> {
  const names = new Set<string>();
  setup.definition.hosts.forEach((host, index) => {
    if (host.role === 'production') for (const volser of hostVolsers(setup, index)) names.add(volser);
  });
  return names;
}

function testVolsers(setup: VerifySetup): Set<string> {
  const index = setup.definition.hosts.findIndex((host) => host.name === setup.drTest?.host);
  return new Set(index < 0 ? [] : hostVolsers(setup, index));
}

/**
 * DRT-2, DRT-3, WP-5, OWN-9: a DR test never changes a production volume (data, category or
 * constructs), and its data is not copied to production clusters (11.9.6).
 */
export const drTestIsolation: Invariant = {
  id: 'dr-test-isolation',
  title: 'The DR test never touches production volumes',
  rules: ['DRT-2', 'DRT-3', 'WP-5', 'OWN-9'],
  // Only a running DR test puts this to the test.
  situation: ({ setup, before, after }) => setup.drTest !== null && (before.drTestActive || after.drTestActive),
  check: ({ setup, before, observations }) => {
    const test = setup.drTest;
    // After a declared disaster the DR host runs production: its writes to production volumes are the point (DRT-7).
    if (test === null || before.disasterHosts.length > 0) return null;
    const production = productionVolsers(setup);
    const changes = [
      ...observed(observations, 'write').map((write) => ({ host: write.host, volser: write.volser, cluster: write.cluster, what: 'wrote' })),
      ...observed(observations, 'attributes-changed').map((change) => ({ host: change.host, volser: change.volser, cluster: change.cluster, what: `changed the category (${change.previousCategory} -> ${change.category}) of` })),
    ];
    const touched = changes.find((change) => change.host === test.host && production.has(change.volser));
    if (touched !== undefined) return `DR test host ${touched.host} ${touched.what} production volume ${touched.volser} through C${touched.cluster}`;
    const testVolumes = testVolsers(setup);
    const used = changes.find((change) => change.host !== test.host && testVolumes.has(change.volser));
    if (used !== undefined) return `production host ${used.host} ${used.what} test volume ${used.volser} through C${used.cluster}`;
    const copies = [
      ...observed(observations, 'copy').map((copy) => ({ volser: copy.volser, to: copy.to })),
      ...observed(observations, 'rewind-unload').flatMap((unload) => unload.runCopies.map((to) => ({ volser: unload.volser, to }))),
    ];
    // Every cluster outside the test is production, even one at the DR site (11.9.6).
    for (const copy of copies) {
      if (production.has(copy.volser) || test.clusters.includes(copy.to)) continue;
      return `test volume ${copy.volser} was copied to production cluster C${copy.to}`;
    }
    return null;
  },
};
