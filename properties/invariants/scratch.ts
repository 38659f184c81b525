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
  check: ({ before, observations }) => {
    for (const mount of observed(observations, 'mount')) {
      if (mount.mountKind === 'specific' && mount.surfaced === 'empty' && before.catalogs[mount.host]?.[mount.volser] === 'private') {
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
