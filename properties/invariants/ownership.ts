import { dualOwnedVolumes, hasDiverged } from '../../model/index.js';
import { observed, type Invariant } from '../invariant.js';

/**
 * OWN-1, OWN-11: at no point do two clusters that are up both hold write-capable ownership of one
 * volume, and no volume's copies diverge (two versions that both descend from one: split brain).
 */
export const noDualOwnership: Invariant = {
  id: 'no-dual-ownership',
  title: 'No dual ownership, no split brain',
  rules: ['OWN-1', 'OWN-2', 'OWN-3', 'OWN-11'],
  // Put to the test whenever ownership changes hands (a transfer or a takeover).
  situation: ({ observations }) => observations.some((observation) => observation.kind === 'ownership-transfer' || observation.kind === 'ownership-takeover'),
  check: ({ after }) => {
    const dual = dualOwnedVolumes(after)[0];
    if (dual !== undefined) return `${dual.volser} is owned for writing by ${dual.owners.map((id) => `C${id}`).join(' and ')} at once`;
    const operational = after.clusters.flatMap((status, id) => (status === 'up' || status === 'service-prep' ? [id] : []));
    const split = Object.values(after.volumes).find((volume) => hasDiverged(volume, operational));
    return split === undefined ? null : `${split.volser} has diverged: two working clusters hold versions changed independently`;
  },
};

/**
 * OWN-3, OWN-9, TOP-4: write ownership takeover is enabled only for a cluster that is really down
 * (by an operator who confirmed it, or by AOTM that could see it).
 */
export const noWriteTakeoverOfLiveCluster: Invariant = {
  id: 'no-write-takeover-of-live-cluster',
  title: 'Write takeover only of a cluster that is really down',
  rules: ['OWN-3', 'OWN-5', 'OWN-8', 'OWN-9', 'TOP-4'],
  // Only a takeover mode being enabled (by an operator or AOTM) puts this to the test.
  situation: ({ observations }) => observations.some((observation) => observation.kind === 'takeover-set' || observation.kind === 'aotm-takeover'),
  check: ({ observations }) => {
    const manual = observed(observations, 'takeover-set').find((setting) => setting.mode === 'write' && !setting.ownerActuallyDown);
    if (manual !== undefined) return `write ownership takeover of C${manual.of} set at C${manual.at} while C${manual.of} is alive`;
    const automatic = observed(observations, 'aotm-takeover').find((setting) => setting.mode === 'write' && !setting.ownerActuallyDown);
    return automatic === undefined ? null : `AOTM at C${automatic.at} enabled write takeover of C${automatic.of}, which is alive`;
  },
};
