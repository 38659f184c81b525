import { writeCapableOwners, type ClusterId, type GridState, type VolumeState } from '../model/index.js';
import { observed, type Invariant } from './invariant.js';
import { invariantIdPattern } from './invariantIds.js';
import { hostVolsers, type VerifySetup } from './setup.js';

/**
 * Requirements a team states about its own grid, checked like the built-in invariants in both layers
 * of `verify` (issue 19): the declarative `requirements:` entries of a configuration, and invariants
 * written in code over the grid state with the same queries the built-in ones use.
 */

/** A declarative requirement, as a configuration's `requirements:` entry states it. */
export type Requirement =
  | {
      /** Every volume of the class has a consistent copy (the newest data) at a cluster of the site at most `withinMinutes` after its job ended (rewind-unload). */
      readonly kind: 'copy-at-site';
      readonly name: string;
      readonly managementClass: string;
      readonly site: string;
      readonly withinMinutes: number;
    }
  | {
      /** The cluster never takes write ownership of a production volume, nor holds write takeover, while a DR test runs (OWN-9). */
      readonly kind: 'no-write-takeover-during-dr-test';
      readonly name: string;
      readonly cluster: ClusterId;
    };

/** The questions invariants ask of a grid state, for invariants written in code. */
export interface GridQueries {
  /** Clusters that can change the volume now (full ownership at an operational cluster; two is a split brain, OWN-11). */
  writeOwners(volser: string): ClusterId[];
  /** Clusters holding the newest data of the volume (a consistent copy). */
  consistentCopies(volser: string): ClusterId[];
  /** The management class a volume was last written with, or null before its first write. */
  managementClassOf(volser: string): string | null;
  /** The site a cluster stands at. */
  siteOf(cluster: ClusterId): string;
  /** Takeover modes set now: at which cluster, of which, read or write (OWN-4 to OWN-7). */
  takeovers(): readonly { readonly at: ClusterId; readonly of: ClusterId; readonly mode: 'read' | 'write' }[];
  /** Whether write protect is on at a cluster (WP-1). */
  writeProtected(cluster: ClusterId): boolean;
  /** Whether a DR test is running. */
  drTestRunning(): boolean;
  /** Serials of the volumes that exist. */
  volsers(): string[];
}

/** The queries over one state. */
export function gridQueries(state: GridState): GridQueries {
  const volume = (volser: string): VolumeState | undefined => state.volumes[volser];
  const newest = (entry: VolumeState): number => entry.dataParent.length - 1;
  return {
    writeOwners: (volser) => {
      const entry = volume(volser);
      return entry === undefined ? [] : writeCapableOwners(state, entry);
    },
    consistentCopies: (volser) => {
      const entry = volume(volser);
      if (entry === undefined) return [];
      return Object.entries(entry.copies)
        .filter(([, copy]) => copy.dataVersion === newest(entry))
        .map(([cluster]) => Number(cluster));
    },
    managementClassOf: (volser) => {
      const entry = volume(volser);
      if (entry === undefined || newest(entry) === 0) return null;
      const holder = Object.values(entry.copies).find((copy) => copy.dataVersion === newest(entry));
      return holder?.managementClass ?? null;
    },
    siteOf: (cluster) => state.definition.clusters.find((candidate) => candidate.id === cluster)?.site ?? '',
    takeovers: () => state.takeovers.map((setting) => ({ at: setting.at, of: setting.of, mode: setting.mode })),
    writeProtected: (cluster) => state.writeProtect[cluster] === true,
    drTestRunning: () => state.drTestActive,
    volsers: () => Object.keys(state.volumes).sort(),
  };
}

/** An invariant written in code: a function of the grid state, with the queries above. */
export interface UserInvariant {
  /** Stable id, lower-case words joined by "-" (it appears in replay strings). */
  readonly id: string;
  readonly title: string;
  /** Rule ids of DOMAIN.md the invariant stands for, if any. */
  readonly rules?: readonly string[];
  /** A violation message for this state, or null when it holds. */
  readonly holds: (state: GridState, queries: GridQueries) => string | null;
  /** Whether this state puts the question (default: always); never asked, the verdict is "not exercised". */
  readonly appliesTo?: (state: GridState, queries: GridQueries) => boolean;
}

/** Turns an invariant written in code into one `verify` explores; throws on an id replay strings cannot carry. */
export function defineInvariant(user: UserInvariant): Invariant {
  if (!invariantIdPattern.test(user.id)) throw new Error(`invariant id "${user.id}" must be lower-case words joined by "-", such as "payroll-at-vault"`);
  const appliesTo = user.appliesTo;
  return {
    id: user.id,
    title: user.title,
    rules: user.rules ?? [],
    check: ({ after }) => user.holds(after, gridQueries(after)),
    ...(appliesTo === undefined ? {} : { situation: ({ after }: { after: GridState }) => appliesTo(after, gridQueries(after)) }),
  };
}

/** The invariant a declarative requirement stands for. */
export function requirementInvariant(requirement: Requirement): Invariant {
  if (requirement.kind === 'copy-at-site') {
    const { managementClass, site, withinMinutes } = requirement;
    const atSite = (queries: GridQueries, clusters: readonly ClusterId[]): boolean => clusters.some((cluster) => queries.siteOf(cluster) === site);
    return {
      id: requirement.name,
      title: `${managementClass} has a consistent copy at site ${site} within ${withinMinutes} min of the job's end`,
      rules: ['CCP-1', 'CCP-2'],
      // Judged from the job's end (rewind-unload; a job that fails wrote nothing anyone relies on, CCP-1):
      // at that moment the class must name a copy at the site, and with no time allowed it must be there;
      // later, a copy to the site still queued longer than allowed is a violation.
      check: ({ before, after, observations }) => {
        const queries = gridQueries(after);
        for (const unload of observed(observations, 'rewind-unload')) {
          if (unload.dataVersion === null || queries.managementClassOf(unload.volser) !== managementClass) continue;
          const mount = before.volumes[unload.volser]?.mounts.find((candidate) => candidate.writtenVersion === unload.dataVersion);
          const pointsAtSite = mount?.copyPoints.some((point, cluster) => point !== 'N' && queries.siteOf(cluster) === site) ?? true;
          if (!pointsAtSite) return `${unload.volser} (${managementClass}) was written through C${mount?.ioCluster ?? '?'}, where the class makes no copy at site ${site} (requirement ${requirement.name})`;
          if (withinMinutes === 0 && !atSite(queries, queries.consistentCopies(unload.volser))) {
            return `${unload.volser} (${managementClass}) has no consistent copy at site ${site} when its job ends (requirement ${requirement.name})`;
          }
        }
        for (const queued of after.copyQueue) {
          if (queries.managementClassOf(queued.volser) !== managementClass || queries.siteOf(queued.to) !== site) continue;
          const waited = after.time - queued.enqueuedAt;
          if (waited > withinMinutes && !atSite(queries, queries.consistentCopies(queued.volser))) {
            return `${queued.volser} (${managementClass}) still has no consistent copy at site ${site} ${waited} min after its job ended; allowed ${withinMinutes} min (requirement ${requirement.name})`;
          }
        }
        return null;
      },
      situation: ({ after, observations }) => {
        const queries = gridQueries(after);
        return observed(observations, 'rewind-unload').some((unload) => unload.dataVersion !== null && queries.managementClassOf(unload.volser) === managementClass) || after.copyQueue.some((queued) => queries.managementClassOf(queued.volser) === managementClass);
      },
    };
  }
  const { cluster } = requirement;
  // Production volumes: those inserted for production hosts. A DR cluster may own them by a mount
  // while the links are up (ownership follows the mount, write protect stops changes); what must not
  // happen is the DR side taking one over with write access, or holding write takeover (OWN-9).
  const productionVolsers = (setup: VerifySetup): Set<string> =>
    new Set(setup.definition.hosts.flatMap((host, index) => (host.role === 'production' ? hostVolsers(setup, index) : [])));
  return {
    id: requirement.name,
    title: `C${cluster} never takes write ownership of a production volume during a DR test`,
    rules: ['OWN-9'],
    // Judged on steps taken while the test runs: what the DR side held before the test began is the
    // real disaster's business (a takeover set then, OWN-5), not the test's.
    check: ({ setup, before, after }) => {
      if (!before.drTestActive || !after.drTestActive) return null;
      const newWriteTakeover = after.takeovers.find((setting) => setting.at === cluster && setting.mode === 'write' && !before.takeovers.some((earlier) => earlier.at === cluster && earlier.of === setting.of && earlier.mode === 'write'));
      if (newWriteTakeover !== undefined) return `C${cluster} got write takeover of C${newWriteTakeover.of} during the DR test (requirement ${requirement.name})`;
      const production = productionVolsers(setup);
      const takenAt = (volume: VolumeState | undefined): boolean => volume?.ownership.some((token) => token.cluster === cluster && token.access === 'full' && token.takenFrom !== undefined) ?? false;
      const taken = Object.values(after.volumes).find((volume) => production.has(volume.volser) && takenAt(volume) && !takenAt(before.volumes[volume.volser]));
      return taken === undefined ? null : `C${cluster} took write ownership of production volume ${taken.volser} during the DR test (requirement ${requirement.name})`;
    },
    situation: ({ before, after }) => before.drTestActive && after.drTestActive,
  };
}

/** The invariants of a setup's requirements. */
export function requirementInvariants(setup: VerifySetup): Invariant[] {
  return (setup.requirements ?? []).map(requirementInvariant);
}
