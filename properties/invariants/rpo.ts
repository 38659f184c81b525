import { gridStates, pairKey, readabilityThrough, runEvents, type ClusterId, type GridEvent, type GridState, type VolumeState } from '../../model/index.js';
import { drTestEndEvents, runbookAllows } from '../actions.js';
import { observed, type Invariant } from '../invariant.js';
import type { VerifySetup } from '../setup.js';

/**
 * CCP-1, CCP-4..6: when rewind-unload completes, the volume has a valid copy on every RUN and Sync
 * cluster of its class, unless that copy could not be made and the grid raised GS-4 for it. Copy
 * Policy Override reporting RUN complete with fewer copies (CCP-5) is a violation of the promise.
 */
export const runCopiesMade: Invariant = {
  id: 'run-copies-made',
  title: 'RUN and Sync copies exist when the job ends (or GS-4 says why not)',
  rules: ['CCP-1', 'CCP-4', 'CCP-5', 'CCP-6', 'GS-4'],
  // Put to the test when a job that wrote ends with a RUN or Sync point on another cluster.
  situation: ({ before, observations }) =>
    observed(observations, 'rewind-unload').some((unload) => {
      if (unload.dataVersion === null) return false;
      const mount = before.volumes[unload.volser]?.mounts.find((candidate) => candidate.writtenVersion === unload.dataVersion);
      return mount !== undefined && mount.copyPoints.some((point, cluster) => (point === 'R' || point === 'S') && cluster !== mount.ioCluster);
    }),
  check: ({ before, after, observations }) => {
    for (const unload of observed(observations, 'rewind-unload')) {
      if (unload.dataVersion === null) continue;
      if (unload.overrideDeferred.length > 0) {
        return `rewind-unload of ${unload.volser} reported RUN complete without the RUN copy on ${unload.overrideDeferred.map((id) => `C${id}`).join(', ')} (Copy Policy Override)`;
      }
      const mount = Object.values(before.volumes)
        .find((volume) => volume.volser === unload.volser)
        ?.mounts.find((candidate) => candidate.writtenVersion === unload.dataVersion);
      if (mount === undefined) continue;
      const volume = after.volumes[unload.volser];
      for (const [cluster, point] of mount.copyPoints.entries()) {
        if ((point !== 'R' && point !== 'S') || cluster === mount.ioCluster) continue;
        const copied = volume?.copies[cluster]?.dataVersion === unload.dataVersion;
        const deferredWithGs4 = unload.immediateDeferred.includes(cluster) && gridStates(after).includes('GS-4');
        if (!copied && !deferredWithGs4) return `${unload.volser} finished with ${point === 'R' ? 'RUN' : 'Sync'} point C${cluster} but has no copy there and no GS-4`;
      }
    }
    return null;
  },
};

/** Non-N copy points of the class as defined on a cluster. */
function copyPointCount(setup: VerifySetup, managementClass: string, definedAt: ClusterId): number {
  const modes = setup.definition.managementClasses.find((mc) => mc.name === managementClass)?.copyModes[definedAt];
  return modes === undefined ? 1 : modes.filter((point) => point !== 'N').length;
}

/** Volumes whose copies are all made: data written, nothing queued, at least two clusters hold it. */
function protectedVolumes(state: GridState): VolumeState[] {
  return Object.values(state.volumes).filter((volume) => {
    const newest = volume.dataParent.length - 1;
    if (newest === 0 || volume.mounts.length > 0) return false;
    if (state.copyQueue.some((queued) => queued.volser === volume.volser)) return false;
    return Object.values(volume.copies).filter((copy) => copy.dataVersion === newest).length >= 2;
  });
}

/** Events that repair every failed link and cluster and end service modes (links first, so clusters can rejoin). */
export function repairEvents(state: GridState): GridEvent[] {
  const events: GridEvent[] = [];
  for (const link of state.definition.links) {
    (state.links[pairKey(link.between[0], link.between[1])] ?? []).forEach((up, position) => {
      if (!up) events.push({ type: 'link-restore', between: link.between, link: position });
    });
  }
  state.clusters.forEach((status, cluster) => {
    if (status === 'down') events.push({ type: 'cluster-restore', cluster });
    if (status === 'service' || status === 'service-prep') events.push({ type: 'end-service', cluster });
  });
  return events;
}

/** What the runbook lets operators do after `lost` fails: a takeover at each survivor (write first). */
function runbookTakeovers(setup: VerifySetup, state: GridState, lost: ClusterId): GridEvent[] {
  const events: GridEvent[] = [];
  // The runbook never allows a cluster to take over itself, so the lost cluster gets no event.
  for (const survivor of setup.definition.clusters) {
    const mode = runbookAllows(setup, state, survivor.id, lost, 'write') ? 'write' : runbookAllows(setup, state, survivor.id, lost, 'read') ? 'read' : null;
    if (mode !== null) events.push({ type: 'set-takeover', at: survivor.id, of: lost, mode });
  }
  return events;
}

/**
 * CCP-1..3, DRT-7, PLN-1: data the policy copied to two or more clusters stays readable from a
 * survivor after the loss of any one cluster, once the runbook's takeover is set; and a class the
 * targets require to survive such a loss must have two copy points (checked when its job ends).
 */
export const survivesLossOfOneCluster: Invariant = {
  id: 'survives-loss-of-one-cluster',
  title: 'Copied data survives the loss of any one cluster',
  rules: ['CCP-1', 'CCP-2', 'CCP-3', 'OWN-5', 'DRT-7'],
  // Put to the test by a state holding copied data (or a job ending in a class that must survive).
  endSituation: (_setup, state) => protectedVolumes(state).length > 0,
  situation: ({ setup, observations }) =>
    setup.survivesLossOfOneCluster.length > 0 && observed(observations, 'rewind-unload').some((unload) => unload.dataVersion !== null),
  check: ({ setup, before, observations }) => {
    for (const unload of observed(observations, 'rewind-unload')) {
      if (unload.dataVersion === null) continue;
      const mount = before.volumes[unload.volser]?.mounts.find((candidate) => candidate.writtenVersion === unload.dataVersion);
      const mc = before.volumes[unload.volser]?.copies[mount?.cluster ?? -1]?.managementClass;
      if (mount === undefined || mc === undefined || !setup.survivesLossOfOneCluster.includes(mc)) continue;
      if (copyPointCount(setup, mc, mount.cluster) < 2) {
        return `${unload.volser} was written in ${mc}, which must survive the loss of one cluster, but ${mc} as defined on C${mount.cluster} keeps a single copy`;
      }
    }
    return null;
  },
  atEnd: (setup, damaged) => {
    // The promise is about a single loss. First as the test plan has it: end a running DR test,
    // repair what the run broke, then lose one cluster.
    const ended = damaged.drTestActive ? runEvents(damaged, drTestEndEvents(setup)).state : damaged;
    const afterTest = lossOfOneCluster(setup, runEvents(ended, repairEvents(ended)).state, '');
    if (afterTest !== null) return afterTest;
    // Then the real disaster that strikes while a test with broken links runs (DRT-7, 11.9.2): the
    // links stay broken, the backlog of copies to the DR site is at its largest, and the operators
    // end the test and take over at the DR site with what it holds.
    const test = setup.drTest;
    if (!damaged.drTestActive || test === null || test.links !== 'broken') return null;
    const repaired = runEvents(damaged, repairEvents(damaged).filter((event) => !(event.type === 'link-restore' && test.clusters.includes(event.between[0]) !== test.clusters.includes(event.between[1])))).state;
    // A cluster that cannot rejoin across the test's broken links would make this a second loss.
    if (repaired.clusters.some((status) => status !== 'up')) return null;
    return lossOfOneCluster(setup, repaired, ' during the DR test with its links broken', (lost) => !test.clusters.includes(lost));
  },
};

/**
 * Loses each operational cluster in turn (those `which` picks), sets the runbook's takeovers at the
 * survivors, and returns how a protected volume became unreadable from every survivor, if one did.
 * A running DR test is ended by the disaster (DRT-7) without repairing what it broke.
 */
function lossOfOneCluster(setup: VerifySetup, state: GridState, when: string, which: (lost: ClusterId) => boolean = () => true): string | null {
  const volumes = protectedVolumes(state);
  if (volumes.length === 0) return null;
  for (const lost of setup.definition.clusters) {
    if (state.clusters[lost.id] !== 'up' || !which(lost.id)) continue;
    const failed = runEvents(state, [{ type: 'cluster-fail', cluster: lost.id }, ...(state.drTestActive ? [{ type: 'end-dr-test' } as GridEvent] : [])]).state;
    const afterTakeover = runEvents(failed, runbookTakeovers(setup, failed, lost.id)).state;
    for (const volume of volumes) {
      const readable = setup.definition.clusters.some((survivor) => survivor.id !== lost.id && readabilityThrough(afterTakeover, volume.volser, survivor.id).kind === 'readable');
      if (!readable) return `after the loss of C${lost.id}${when}, ${volume.volser} (held by ${Object.entries(volume.copies).filter(([, copy]) => copy.dataVersion === volume.dataParent.length - 1).map(([id]) => `C${id}`).join(', ')}) cannot be read from any survivor, even with the runbook's takeover`;
    }
  }
  return null;
}
