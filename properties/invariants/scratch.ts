import { canCommunicate } from '../../model/index.js';
import type { GridState, Observation } from '../../model/index.js';
import { observed, type Invariant } from '../invariant.js';

/**
 * Whether `host` is a DR test host whose test has run its planned length (11.9.7): its catalog
 * snapshot is about to be destaged and no longer needs anything. Without a stated length a test
 * needs its volumes until it ends.
 */
function testOver(state: GridState, host: string): boolean {
  const role = state.definition.hosts.find((candidate) => candidate.name === host)?.role;
  return role === 'dr-test' && state.drTestEndsAt !== null && state.time >= state.drTestEndsAt;
}

/** Specific mounts refused because Delete Expire had deleted the data everywhere the mount could read it (CAT-5). */
function deletedDataMounts(observations: readonly Observation[]): { host: string; volser: string; cluster: number; category: string }[] {
  return observed(observations, 'refused').flatMap((refusal) =>
    refusal.operation === 'specific-mount' && refusal.reason === 'data-deleted' && refusal.host !== undefined && refusal.volser !== undefined && refusal.cluster !== undefined
      ? [{ host: refusal.host, volser: refusal.volser, cluster: refusal.cluster, category: refusal.detail ?? '?' }]
      : [],
  );
}

/**
 * CAT-1, CAT-2, CAT-4, CAT-5: no mount shows a host an empty volume where its catalog still records
 * data (private), no scratch mount reuses a volume that another host still records as private, and
 * Delete Expire never deletes the data of a volume a host still records as private.
 */
export const scratchSafety: Invariant = {
  id: 'scratch-safety',
  title: 'No volume a host still needs is surfaced empty, reused or deleted',
  rules: ['CAT-1', 'CAT-2', 'CAT-4', 'CAT-5', 'WP-3'],
  // Put to the test by a mount while some host's catalog records a volume that is in a scratch category somewhere.
  situation: ({ before, observations }) =>
    (observed(observations, 'mount').length > 0 || deletedDataMounts(observations).length > 0) &&
    Object.values(before.catalogs).some((catalog) =>
      Object.entries(catalog).some(([volser, entry]) => entry === 'private' && Object.values(before.volumes[volser]?.copies ?? {}).some((copy) => before.definition.categories.scratch.some((scratch) => scratch.id === copy.category))),
    ),
  check: ({ before, observations }) => {
    for (const lost of deletedDataMounts(observations)) {
      if (before.catalogs[lost.host]?.[lost.volser] === 'private') {
        return `${lost.host} mounted ${lost.volser}, private in its catalog, through C${lost.cluster}: Delete Expire had deleted its data (it was returned to scratch category ${lost.category} elsewhere and its expire time passed)`;
      }
    }
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
            !testOver(before, host) &&
            catalog[mount.volser] === 'private' &&
            (before.definition.hosts.find((candidate) => candidate.name === host)?.online ?? []).some((cluster) => canCommunicate(before, cluster, mount.cluster)),
        );
        if (needing !== undefined) return `${mount.host} reused ${mount.volser} as scratch while ${needing[0]} still records it as private`;
      }
    }
    return null;
  },
};
