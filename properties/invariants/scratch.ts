import { canCommunicate } from '../../model/index.js';
import { observed, type Invariant } from '../invariant.js';

/**
 * CAT-1, CAT-2, CAT-4: no mount shows a host an empty volume where its catalog still records data
 * (private), and no scratch mount reuses a volume that another host still records as private.
 */
export const scratchSafety: Invariant = {
  id: 'scratch-safety',
  title: 'No volume a host still needs is surfaced empty or reused',
  rules: ['CAT-1', 'CAT-2', 'CAT-4', 'WP-3'],
  // Put to the test by a mount while some host's catalog records a volume that is in a scratch category somewhere.
  situation: ({ before, observations }) =>
    observed(observations, 'mount').length > 0 &&
    Object.values(before.catalogs).some((catalog) =>
      Object.entries(catalog).some(([volser, entry]) => entry === 'private' && Object.values(before.volumes[volser]?.copies ?? {}).some((copy) => before.definition.categories.scratch.some((scratch) => scratch.id === copy.category))),
    ),
  check: ({ before, observations }) => {
    for (const mount of observed(observations, 'mount')) {
      // A record that is merely stale (the mount cluster missed a later category change while cut off,
      // then took the volume over) is OWN-12's stale read, which the model observes, not a return to scratch.
      const stale = observed(observations, 'stale-read').some((read) => read.volser === mount.volser && read.cluster === mount.cluster);
      if (mount.mountKind === 'specific' && mount.surfaced === 'empty' && !stale && before.catalogs[mount.host]?.[mount.volser] === 'private') {
        return `${mount.host} mounted ${mount.volser}, private in its catalog, and was shown an empty volume (it was returned to scratch elsewhere)`;
      }
      if (mount.mountKind === 'scratch') {
        // Reuse matters to a host whose clusters see the change; behind broken links the other side keeps the old copy (11.9.7).
        const needing = Object.entries(before.catalogs).find(
          ([host, catalog]) =>
            host !== mount.host &&
            catalog[mount.volser] === 'private' &&
            (before.definition.hosts.find((candidate) => candidate.name === host)?.online ?? []).some((cluster) => canCommunicate(before, cluster, mount.cluster)),
        );
        if (needing !== undefined) return `${mount.host} reused ${mount.volser} as scratch while ${needing[0]} still records it as private`;
      }
    }
    return null;
  },
};
