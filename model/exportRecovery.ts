import type { ClusterId } from './definition.js';
import type { ExportLibraryState, StackedVolume } from './copyExport.js';
import type { GridState } from './state.js';

/**
 * Copy Export Recovery (CER-1..6, seed 11.7): a stand-alone, empty, tape-attached cluster 0 loads
 * every exported cartridge of one source cluster and the database backup of a cartridge from the
 * latest export; the result is the set of logical volumes that come back, all owned by it.
 */

/** A drive generation: its name and its place in the order of generations (newer is larger). */
export interface DriveGeneration {
  readonly type: string;
  readonly generation: number;
}

/** The cluster recovery runs on (CER-1). Optional facts not given are reported as not checked. */
export interface RecoveryTarget {
  readonly cluster: ClusterId;
  readonly kind: 'disk-only' | 'tape-attached';
  readonly standAlone: boolean;
  readonly empty: boolean;
  /** Microcode level, dotted numbers such as "8.21.0.100": the same as the source's or later. */
  readonly codeLevel?: string;
  /** The target's drives: they must read the source's cartridges. */
  readonly drive?: DriveGeneration;
  /** Whether the target reaches the key manager of encrypted cartridges. */
  readonly keyManagerAccess?: boolean;
  /** Free cartridge slots in the target library: every exported cartridge must fit. */
  readonly slots?: number;
}

/** What is known of the source cluster for CER-1: its code level, drives and encryption. */
export interface RecoverySource {
  readonly codeLevel?: string;
  readonly drive?: DriveGeneration;
  readonly encrypted?: boolean;
}

/**
 * Compares dotted code levels number by number ("8.21.0.100" < "8.30"); missing parts count as 0.
 * Negative when `a` is older than `b`.
 */
export function compareCodeLevels(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Generations a drive reads back (Assumption ASM-20, README: the seed says only "compatible drives";
 * tape drives read their own generation and the two before it).
 */
const readBackGenerations = 2;

/**
 * CER-1's checks that depend on optional facts: each refusal, or the facts it could not check.
 */
function compatibility(target: RecoveryTarget, source: RecoverySource, cartridges: number): { refusal: string | null; notChecked: string[] } {
  const notChecked: string[] = [];
  if (target.codeLevel === undefined || source.codeLevel === undefined) notChecked.push('code level (give both the source cluster\'s and the target\'s)');
  else if (compareCodeLevels(target.codeLevel, source.codeLevel) < 0) return { refusal: `the recovery cluster runs code ${target.codeLevel}, older than the source's ${source.codeLevel}: it must be the same level or later`, notChecked };
  if (target.drive === undefined || source.drive === undefined) notChecked.push('drive compatibility (give both drive types)');
  else {
    const newer = target.drive.generation - source.drive.generation;
    if (newer < 0 || newer > readBackGenerations) {
      return { refusal: `${target.drive.type} drives cannot read cartridges written by ${source.drive.type} drives (${newer < 0 ? 'an older generation' : `${newer} generations newer`})`, notChecked };
    }
  }
  if (source.encrypted === true) {
    if (target.keyManagerAccess === undefined) notChecked.push('key manager access for the encrypted cartridges');
    else if (!target.keyManagerAccess) return { refusal: 'the exported cartridges are encrypted and the recovery cluster has no access to the key manager', notChecked };
  }
  if (target.slots === undefined) notChecked.push('free library slots');
  else if (target.slots < cartridges) return { refusal: `${cartridges} exported cartridges need ${cartridges} free slots; the recovery library has ${target.slots}`, notChecked };
  return { refusal: null, notChecked };
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
      /** CER-1 requirements that could not be checked because the configuration does not give the facts. */
      readonly notChecked: readonly string[];
      readonly testMode: boolean;
      readonly reclamation: 'off (DR test mode)' | 'on';
      /** CER-6: scratch cartridges to add per active pool after the recovery. */
      readonly scratchNeededPerPool: number;
    };

function exportedCartridges(source: ExportLibraryState): StackedVolume[] {
  return source.stacked.filter((cartridge) => cartridge.state === 'ejected' || cartridge.state === 'export-hold');
}

/** Runs a recovery. `grid` is the source grid as it is now, to report volumes that changed elsewhere (CER-4). */
export function recoverFromExport(target: RecoveryTarget, request: RecoveryRequest, grid: GridState | null, source: RecoverySource = {}): RecoveryResult {
  if (target.kind !== 'tape-attached') return { kind: 'refused', reason: 'the recovery cluster must be tape-attached (it reads the cartridges)', rule: 'CER-1' };
  if (target.cluster !== 0) return { kind: 'refused', reason: `the recovery cluster must be configured as cluster 0, not ${target.cluster}`, rule: 'CER-1' };
  if (!target.standAlone) return { kind: 'refused', reason: 'the recovery cluster must be stand-alone, not a grid member', rule: 'CER-1' };
  if (!target.empty) return { kind: 'refused', reason: 'the recovery cluster holds data: erase it before loading the exported cartridges', rule: 'CER-1' };
  const sources = request.sources.filter((source) => exportedCartridges(source).length > 0);
  if (sources.length !== 1) return { kind: 'refused', reason: sources.length === 0 ? 'no exported cartridges loaded' : `cartridges of ${sources.length} source clusters loaded; volumes of one source only can be recovered`, rule: 'CER-2' };
  const loaded = sources[0] as ExportLibraryState;
  const cartridges = exportedCartridges(loaded);
  const { refusal, notChecked } = compatibility(target, source, cartridges.length);
  if (refusal !== null) return { kind: 'refused', reason: refusal, rule: 'CER-1' };
  const chosen = cartridges.find((cartridge) => cartridge.volser === request.databaseFrom);
  if (chosen === undefined) return { kind: 'refused', reason: `${request.databaseFrom} is not one of the exported cartridges loaded`, rule: 'CER-3' };
  const latest = Math.max(...cartridges.map((cartridge) => cartridge.exportedAt ?? 0));
  if ((chosen.exportedAt ?? 0) !== latest) return { kind: 'refused', reason: `${chosen.volser} is from an earlier export; use a cartridge of the latest export`, rule: 'CER-3' };
  if (!chosen.hasDatabaseBackup) return { kind: 'refused', reason: `${chosen.volser} carries no database backup (LMTDBPVL puts it on the first two and last two cartridges only)`, rule: 'CER-3' };
  // The database of the latest export knows everything offsite, every earlier export included: the
  // newest exported version of each volume.
  const volumes: Record<string, number> = {};
  for (const cartridge of cartridges) {
    for (const entry of cartridge.logical) {
      if (entry.primary) continue;
      if ((volumes[entry.volser] ?? -1) < entry.version) volumes[entry.volser] = entry.version;
    }
  }
  const notRecoverable: { volser: string; reason: string }[] = [];
  if (grid !== null) {
    for (const volume of Object.values(grid.volumes)) {
      const secondaryPool = loaded.definition.secondaryPools[volume.copies[loaded.definition.cluster]?.managementClass ?? ''];
      if (secondaryPool === undefined || !loaded.definition.copyExportPools.includes(secondaryPool)) continue;
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
    notChecked,
    testMode: request.testMode,
    reclamation: request.testMode ? 'off (DR test mode)' : 'on',
    scratchNeededPerPool: 2,
  };
}
