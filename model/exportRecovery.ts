import type { ClusterId } from './definition.js';
import type { ExportLibraryState, StackedVolume } from './copyExport.js';
import type { GridState } from './state.js';

/**
 * Copy Export Recovery (CER-1..6, seed 11.7): a stand-alone, empty, tape-attached cluster 0 loads
 * every exported cartridge of one source cluster and the database backup of a cartridge from the
 * latest export; the result is the set of logical volumes that come back, all owned by it.
 */

/** The cluster recovery runs on. */
export interface RecoveryTarget {
  readonly cluster: ClusterId;
  readonly kind: 'disk-only' | 'tape-attached';
  readonly standAlone: boolean;
  readonly empty: boolean;
}

/** What the operator loads and chooses. */
export interface RecoveryRequest {
  /** The exported sets loaded into the library, one per source cluster (CER-2 allows one). */
  readonly sources: readonly ExportLibraryState[];
  /** Cartridge whose database backup is used (CER-3). */
  readonly databaseFrom: string;
  /** DR test mode: no reclamation, no re-copy on construct change (CER-6). */
  readonly testMode: boolean;
}

/** The recovery result. */
export type RecoveryResult =
  | { readonly kind: 'refused'; readonly reason: string; readonly rule: string }
  | {
      readonly kind: 'recovered';
      readonly owner: ClusterId;
      /** Logical volume -> recovered version. */
      readonly volumes: Readonly<Record<string, number>>;
      /** Volumes of the pool that changed elsewhere and were not copied before the export (CER-4). */
      readonly notRecoverable: readonly { readonly volser: string; readonly reason: string }[];
      readonly cartridgesLoaded: number;
      readonly testMode: boolean;
      readonly reclamation: 'off (DR test mode)' | 'on';
      /** CER-6: scratch cartridges to add per active pool after the recovery. */
      readonly scratchNeededPerPool: number;
    };

function exportedCartridges(source: ExportLibraryState): StackedVolume[] {
  return source.stacked.filter((cartridge) => cartridge.state === 'ejected' || cartridge.state === 'export-hold');
}

/** Runs a recovery. `grid` is the source grid as it is now, to report volumes that changed elsewhere (CER-4). */
export function recoverFromExport(target: RecoveryTarget, request: RecoveryRequest, grid: GridState | null): RecoveryResult {
  if (target.kind !== 'tape-attached') return { kind: 'refused', reason: 'the recovery cluster must be tape-attached (it reads the cartridges)', rule: 'CER-1' };
  if (target.cluster !== 0) return { kind: 'refused', reason: `the recovery cluster must be configured as cluster 0, not ${target.cluster}`, rule: 'CER-1' };
  if (!target.standAlone) return { kind: 'refused', reason: 'the recovery cluster must be stand-alone, not a grid member', rule: 'CER-1' };
  if (!target.empty) return { kind: 'refused', reason: 'the recovery cluster holds data: erase it before loading the exported cartridges', rule: 'CER-1' };
  const sources = request.sources.filter((source) => exportedCartridges(source).length > 0);
  if (sources.length !== 1) return { kind: 'refused', reason: sources.length === 0 ? 'no exported cartridges loaded' : `cartridges of ${sources.length} source clusters loaded; volumes of one source only can be recovered`, rule: 'CER-2' };
  const source = sources[0] as ExportLibraryState;
  const cartridges = exportedCartridges(source);
  const chosen = cartridges.find((cartridge) => cartridge.volser === request.databaseFrom);
  if (chosen === undefined) return { kind: 'refused', reason: `${request.databaseFrom} is not one of the exported cartridges loaded`, rule: 'CER-3' };
  const latest = Math.max(...cartridges.map((cartridge) => cartridge.exportedAt ?? 0));
  if ((chosen.exportedAt ?? 0) !== latest) return { kind: 'refused', reason: `${chosen.volser} is from an earlier export; use a cartridge of the latest export`, rule: 'CER-3' };
  if (!chosen.hasDatabaseBackup) return { kind: 'refused', reason: `${chosen.volser} carries no database backup (LMTDBPVL puts it on the first two and last two cartridges only)`, rule: 'CER-3' };
  // The database knows what was offsite at the chosen export: the newest exported version of each volume.
  const volumes: Record<string, number> = {};
  for (const cartridge of cartridges) {
    for (const entry of cartridge.logical) {
      if (entry.primary) continue;
      if ((cartridge.exportedAt ?? 0) <= latest && (volumes[entry.volser] ?? -1) < entry.version) volumes[entry.volser] = entry.version;
    }
  }
  const notRecoverable: { volser: string; reason: string }[] = [];
  if (grid !== null) {
    for (const volume of Object.values(grid.volumes)) {
      const secondaryPool = source.definition.secondaryPools[volume.copies[source.definition.cluster]?.managementClass ?? ''];
      if (secondaryPool === undefined || !source.definition.copyExportPools.includes(secondaryPool)) continue;
      const newest = volume.dataParent.length - 1;
      if (newest === 0) continue;
      const recovered = volumes[volume.volser];
      if (recovered === undefined) notRecoverable.push({ volser: volume.volser, reason: 'never exported (not copied to the exporting cluster, mounted, or written after the export started)' });
      else if (recovered !== newest) notRecoverable.push({ volser: volume.volser, reason: `changed after the export: version ${recovered} comes back, not ${newest}` });
    }
  }
  return {
    kind: 'recovered',
    owner: target.cluster,
    volumes,
    notRecoverable: notRecoverable.sort((a, b) => a.volser.localeCompare(b.volser)),
    cartridgesLoaded: cartridges.length,
    testMode: request.testMode,
    reclamation: request.testMode ? 'off (DR test mode)' : 'on',
    scratchNeededPerPool: 2,
  };
}
