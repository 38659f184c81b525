import type { ClusterId } from './definition.js';
import type { GridState } from './state.js';

/**
 * Copy Export (CE-1..13, seed 11.5 and 11.6): the physical side of a tape-attached cluster (pools,
 * stacked volumes, drives, I/O station, the exported count) and a pure run of one export against a
 * grid state. The grid model decides which logical volumes are valid where; this module decides what
 * an export of one secondary pool takes offsite, and what the host sees (E00xx, CBR3855I/CBR3856I).
 */

/** A physical volume pool of the exporting cluster. */
export interface PoolDefinition {
  readonly id: number;
  readonly role: 'primary' | 'secondary';
  /** Where reclaimed data goes (CE-9: a Copy Export pool must reclaim into itself). */
  readonly reclaimPool: number;
}

/** The physical side of a tape-attached cluster. */
export interface TapeLibraryDefinition {
  readonly cluster: ClusterId;
  readonly libraryName: string;
  readonly drives: number;
  readonly ioStation: boolean;
  readonly pools: readonly PoolDefinition[];
  readonly copyExportPools: readonly number[];
  /** Usable MB per stacked volume (native capacity x fill). */
  readonly cartridgeMB: number;
  /** CE-6: 2,000 by default, up to 10,000. */
  readonly exportedLimit: number;
  /** Management class -> secondary pool on this cluster. */
  readonly secondaryPools: Readonly<Record<string, number>>;
}

/** A stacked (physical) volume. */
export interface StackedVolume {
  readonly volser: string;
  readonly pool: number;
  state: 'filling' | 'full' | 'scratch' | 'copy-exported' | 'export-hold' | 'ejected';
  /** Logical volumes (and the data version) whose copy is on it; `primary` when it is a primary copy. */
  logical: { volser: string; version: number; primary: boolean; sizeMB: number }[];
  usedMB: number;
  hasDatabaseBackup: boolean;
  /** Minutes of the export that took it offsite. */
  exportedAt: number | null;
}

/** The physical state across exports: what is offsite, and what has been exported at which version. */
export interface ExportLibraryState {
  readonly definition: TapeLibraryDefinition;
  stacked: StackedVolume[];
  /** Scratch cartridges available to the export pool (borrowing included). */
  scratchAvailable: number;
  exportedCount: number;
  /** Logical volume -> the version of it that is offsite. */
  exported: Record<string, number>;
  nextSerial: number;
}

/** What the operator asks for (LIBRARY EXPORT,listvolser with the list file's options). */
export interface ExportRequest {
  readonly listVolser: string;
  readonly pool: number;
  readonly lmtdbpvl: boolean;
  readonly action: 'eject' | 'hold';
  /** Hours needed to copy cache-only volumes to the pool (CE-7: over 10 h terminates). */
  readonly cacheCopyHours?: number;
  /** Scratch cartridges that become available after waiting this many minutes (CE-7). */
  readonly scratchArrivesAfterMinutes?: number;
  /** Cancel after this many stacked volumes were exported (CE-11). */
  readonly cancelAfterStacked?: number;
}

/** Statistics of the completion message (CE-12). */
export interface ExportStatistics {
  readonly requested: number;
  readonly exportable: number;
  readonly exported: number;
  readonly stackedVolumes: number;
  readonly mbytesExported: number;
}

/** The result of an export. */
export type ExportResult =
  | { readonly kind: 'rejected'; readonly code: number | null; readonly reason: string; readonly rule: string; readonly messages: readonly string[] }
  | {
      readonly kind: 'completed' | 'completed-with-exceptions' | 'terminated' | 'cancelled';
      readonly cluster: ClusterId;
      readonly statistics: ExportStatistics;
      readonly exportedVolumes: readonly string[];
      readonly excluded: readonly { readonly volser: string; readonly reason: 'mounted' | 'not-copied-to-exporting-cluster' | 'primary-on-stacked-volume' | 'not-exported-terminated' }[];
      readonly stackedExported: readonly string[];
      readonly databaseBackupOn: readonly string[];
      readonly messages: readonly string[];
      readonly completion: string;
    };

/** Initial physical state: nothing exported yet. */
export function initialLibraryState(definition: TapeLibraryDefinition, scratchAvailable: number): ExportLibraryState {
  return { definition, stacked: [], scratchAvailable, exportedCount: 0, exported: {}, nextSerial: 1 };
}

/** MB as the completion message counts them: bytes / 1,048,576, truncated, at least 1 (CE-12). */
export function completionMegabytes(megabytesDecimal: number): number {
  const mebibytes = Math.floor((megabytesDecimal * 1e6) / 1_048_576);
  return Math.max(1, mebibytes);
}

/** Clusters holding a valid copy of the newest version of a volume. */
function validHolders(grid: GridState, volser: string): ClusterId[] {
  const volume = grid.volumes[volser];
  if (volume === undefined) return [];
  const newest = volume.dataParent.length - 1;
  return Object.entries(volume.copies)
    .filter(([, copy]) => copy.dataVersion === newest)
    .map(([id]) => Number(id));
}

/**
 * Assumption ASM-18 (README): an export runs atomically on the grid state at its start.
 * Runs one Copy Export against the grid as it is now (CE-1..12): the request is routed to the cluster
 * holding the export list volume; the export takes the valid secondary copies of the pool not yet
 * offsite at that version, excluding mounted volumes and volumes not yet copied to the exporting
 * cluster; cartridges that also hold primary copies stay home; the database backup goes to all
 * exported cartridges, or with LMTDBPVL to the first two and last two in VOLSER order.
 */
export function runExport(grid: GridState, library: ExportLibraryState, request: ExportRequest): { result: ExportResult; library: ExportLibraryState } {
  const definition = library.definition;
  const name = definition.libraryName;
  const reject = (code: number | null, reason: string, rule: string): { result: ExportResult; library: ExportLibraryState } => ({
    result: { kind: 'rejected', code, reason, rule, messages: code === null ? [] : [`CBR3726I FUNCTION INCOMPATIBLE ERROR CODE ${code.toString(16).toUpperCase()} FROM LIBRARY ${name} FOR VOLUME ${request.listVolser}`] },
    library,
  });
  const holders = validHolders(grid, request.listVolser);
  if (holders.length === 0) return reject(null, `export list volume ${request.listVolser} has no valid copy in the grid`, 'CE-8');
  if (holders.length > 1) return reject(0x32, `there is more than one valid copy of the export list volume ${request.listVolser} (on ${holders.map((id) => `C${id}`).join(' and ')})`, 'CE-8');
  if (holders[0] !== definition.cluster) return reject(null, `the export list volume is valid on C${holders[0] ?? '?'}, not on the exporting cluster C${definition.cluster}`, 'CE-8');
  const listClass = grid.volumes[request.listVolser]?.copies[definition.cluster]?.managementClass ?? '';
  if (definition.secondaryPools[listClass] === request.pool) return reject(null, `the export list volume is assigned to pool ${request.pool}, the pool being exported`, 'CE-8');
  if (!definition.copyExportPools.includes(request.pool)) return reject(null, `pool ${request.pool} is not defined as a Copy Export pool on C${definition.cluster}`, 'CE-1');
  if (grid.copyExportRunning !== null) return reject(null, `a Copy Export is already running in the grid (list volume ${grid.copyExportRunning.listVolser} at C${grid.copyExportRunning.cluster})`, 'CE-4');
  if (!definition.ioStation) return reject(null, 'the library has no I/O station', 'CE-5');
  const messages: string[] = [`E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME ${request.listVolser}`];
  if (definition.drives < 4) {
    messages.push(`EXPORT TERMINATED: ${definition.drives} physical drives available, at least 4 are needed`);
    return {
      result: { kind: 'terminated', cluster: definition.cluster, statistics: { requested: 0, exportable: 0, exported: 0, stackedVolumes: 0, mbytesExported: 0 }, exportedVolumes: [], excluded: [], stackedExported: [], databaseBackupOn: [], messages, completion: completionMessage(false, request.listVolser, name, { requested: 0, exportable: 0, exported: 0, stackedVolumes: 0, mbytesExported: 0 }) },
      library,
    };
  }
  messages.push(`E0019 EXPORT PROCESSING STARTED FOR POOL ${String(request.pool).padStart(2, '0')}`);
  const next: ExportLibraryState = structuredClone({ ...library, definition: undefined }) as unknown as ExportLibraryState;
  Object.assign(next, { definition });
  // CE-2: requested = volumes of the pool not offsite at their current version.
  const requested = Object.values(grid.volumes).filter((volume) => {
    const mc = volume.copies[definition.cluster]?.managementClass ?? '';
    const version = volume.dataParent.length - 1;
    return definition.secondaryPools[mc] === request.pool && version > 0 && next.exported[volume.volser] !== version;
  });
  const excluded: { volser: string; reason: 'mounted' | 'not-copied-to-exporting-cluster' | 'primary-on-stacked-volume' | 'not-exported-terminated' }[] = [];
  const exportable = requested.filter((volume) => {
    const valid = validHolders(grid, volume.volser).includes(definition.cluster);
    if (!valid) excluded.push({ volser: volume.volser, reason: 'not-copied-to-exporting-cluster' });
    return valid;
  });
  const notCopied = excluded.length;
  if (notCopied > 0) messages.push(`E0024 ${String(notCopied).padStart(6, '0')} LOGICAL VOLUME WITH INVALID COPY ON ${name}`);
  const candidates = exportable.filter((volume) => {
    if (volume.mounts.length > 0) {
      excluded.push({ volser: volume.volser, reason: 'mounted' });
      return false;
    }
    return true;
  });
  if ((request.cacheCopyHours ?? 0) > 0) messages.push('E0016 COPYING LOGICAL EXPORT VOLUMES FROM CACHE TO STACKED VOLUMES');
  if ((request.cacheCopyHours ?? 0) > 10) {
    messages.push('E0018 EXPORT TERMINATED, EXCESSIVE TIME FOR COPY TO STACKED VOLUMES');
    for (const volume of candidates) excluded.push({ volser: volume.volser, reason: 'not-exported-terminated' });
    const statistics = { requested: requested.length, exportable: exportable.length, exported: 0, stackedVolumes: 0, mbytesExported: 0 };
    return { result: { kind: 'terminated', cluster: definition.cluster, statistics, exportedVolumes: [], excluded, stackedExported: [], databaseBackupOn: [], messages, completion: completionMessage(false, request.listVolser, name, statistics) }, library };
  }
  if ((request.cacheCopyHours ?? 0) > 0) messages.push('E0017 COMPLETED COPY OF LOGICAL EXPORT VOLUMES TO STACKED VOLUMES');
  // Place the secondary copies on stacked volumes of the pool, in VOLSER order.
  const pool = definition.pools.find((candidate) => candidate.id === request.pool);
  const reclaimMixesPrimary = pool !== undefined && pool.reclaimPool !== pool.id && definition.pools.some((candidate) => candidate.role === 'primary' && (candidate.id === pool.reclaimPool || candidate.reclaimPool === pool.reclaimPool));
  const cartridges: StackedVolume[] = [];
  let waited = 0;
  let terminatedForScratch = false;
  for (const volume of [...candidates].sort((a, b) => a.volser.localeCompare(b.volser))) {
    let current = cartridges.at(-1);
    if (current === undefined || current.usedMB + volume.sizeMB > definition.cartridgeMB) {
      if (next.scratchAvailable <= 0) {
        const arrives = request.scratchArrivesAfterMinutes;
        for (let minute = 0; minute < 60 && (arrives === undefined || minute < arrives); minute += 5) messages.push('E0013 EXPORT PROCESSING SUSPENDED, WAITING FOR SCRATCH VOLUME');
        if (arrives === undefined || arrives >= 60) {
          messages.push('E0015 EXPORT PROCESSING TERMINATED, WAITING FOR SCRATCH VOLUME');
          terminatedForScratch = true;
          break;
        }
        waited += arrives;
        next.scratchAvailable += 10;
        messages.push('E0014 EXPORT PROCESSING RESUMED, SCRATCH VOLUME MADE AVAILABLE');
      }
      next.scratchAvailable -= 1;
      current = { volser: `CE${String(next.nextSerial).padStart(4, '0')}`, pool: request.pool, state: 'filling', logical: [], usedMB: 0, hasDatabaseBackup: false, exportedAt: null };
      next.nextSerial += 1;
      cartridges.push(current);
    }
    current.logical.push({ volser: volume.volser, version: volume.dataParent.length - 1, primary: false, sizeMB: volume.sizeMB });
    current.usedMB += volume.sizeMB;
  }
  // CE-9, CE-3: with a reclaim pool shared with primary data, the first cartridge also holds primary copies and stays home.
  if (reclaimMixesPrimary && cartridges[0] !== undefined) {
    cartridges[0].logical.push({ volser: '(primary copies)', version: 0, primary: true, sizeMB: 0 });
  }
  let exportedCartridges = cartridges.filter((cartridge) => !cartridge.logical.some((entry) => entry.primary));
  for (const cartridge of cartridges.filter((candidate) => candidate.logical.some((entry) => entry.primary))) {
    for (const entry of cartridge.logical) if (!entry.primary) excluded.push({ volser: entry.volser, reason: 'primary-on-stacked-volume' });
    messages.push(`PHYSICAL VOLUME ${cartridge.volser} NOT EXPORTED: IT HOLDS PRIMARY COPIES (pool ${request.pool} reclaims into pool ${pool?.reclaimPool ?? '?'})`);
  }
  let cancelled = false;
  if (request.cancelAfterStacked !== undefined && request.cancelAfterStacked < exportedCartridges.length) {
    // CE-11: volumes already exported count as exported; the rest are freed.
    for (const cartridge of exportedCartridges.slice(request.cancelAfterStacked)) for (const entry of cartridge.logical) excluded.push({ volser: entry.volser, reason: 'not-exported-terminated' });
    exportedCartridges = exportedCartridges.slice(0, request.cancelAfterStacked);
    cancelled = true;
  }
  if (terminatedForScratch) {
    for (const volume of candidates) if (!cartridges.some((cartridge) => cartridge.logical.some((entry) => entry.volser === volume.volser))) excluded.push({ volser: volume.volser, reason: 'not-exported-terminated' });
  }
  if (next.exportedCount + exportedCartridges.length > definition.exportedLimit) {
    messages.push(`EXPORT TERMINATED: ${next.exportedCount} + ${exportedCartridges.length} exported physical volumes would exceed the limit of ${definition.exportedLimit}`);
    for (const cartridge of exportedCartridges) for (const entry of cartridge.logical) excluded.push({ volser: entry.volser, reason: 'not-exported-terminated' });
    exportedCartridges = [];
    terminatedForScratch = true;
  }
  // CE-10: the database backup on every exported cartridge, or the first two and last two (alphabetical).
  const ordered = [...exportedCartridges].sort((a, b) => a.volser.localeCompare(b.volser));
  const withBackup = request.lmtdbpvl ? [...new Set([...ordered.slice(0, 2), ...ordered.slice(-2)])] : ordered;
  for (const cartridge of withBackup) cartridge.hasDatabaseBackup = true;
  if (ordered.length > 0) messages.push(request.lmtdbpvl ? `E0021 DB BACKUP WRITTEN TO STACKED VOLUMES, ${withBackup.map((cartridge) => cartridge.volser).join(', ')}` : 'E0026 DB BACKUP WRITTEN TO ALL OF STACKED VOLUMES');
  for (const cartridge of ordered) {
    cartridge.state = request.action === 'eject' ? 'ejected' : 'export-hold';
    cartridge.exportedAt = grid.time + waited;
    messages.push(`E0006 STACKED VOLUME ${cartridge.volser} FROM ${name} IN ${request.action === 'eject' ? 'EJECT' : 'EXPORT-HOLD'}`);
    for (const entry of cartridge.logical) next.exported[entry.volser] = entry.version;
  }
  for (const cartridge of cartridges) if (!ordered.includes(cartridge)) cartridge.state = cartridge.logical.length > 0 ? 'full' : 'scratch';
  next.stacked.push(...cartridges);
  next.exportedCount += ordered.length;
  const exportedVolumes = ordered.flatMap((cartridge) => cartridge.logical.map((entry) => entry.volser)).sort();
  const statistics: ExportStatistics = {
    requested: requested.length,
    exportable: exportable.length,
    exported: exportedVolumes.length,
    stackedVolumes: ordered.length,
    mbytesExported: ordered.reduce((total, cartridge) => total + completionMegabytes(cartridge.usedMB), 0),
  };
  messages.push(`E0020 EXPORT PROCESSING COMPLETED FOR POOL ${String(request.pool).padStart(2, '0')}`, `E0005 ALL EXPORT PROCESSING COMPLETED FOR EXPORT LIST VOLUME ${request.listVolser}`);
  const clean = excluded.length === 0 && !cancelled && !terminatedForScratch;
  const kind = cancelled ? 'cancelled' : terminatedForScratch ? 'terminated' : clean ? 'completed' : 'completed-with-exceptions';
  return {
    result: { kind, cluster: definition.cluster, statistics, exportedVolumes, excluded, stackedExported: ordered.map((cartridge) => cartridge.volser), databaseBackupOn: withBackup.map((cartridge) => cartridge.volser), messages, completion: completionMessage(clean, request.listVolser, name, statistics) },
    library: next,
  };
}

function completionMessage(clean: boolean, listVolser: string, library: string, statistics: ExportStatistics): string {
  const numbers = `Requested: ${statistics.requested} Exportable: ${statistics.exportable} Exported: ${statistics.exported} Stacked volumes: ${statistics.stackedVolumes} MBytes Exported: ${statistics.mbytesExported} MBytes Moved: 0`;
  return clean
    ? `CBR3855I Export operation for logical list volume '${listVolser}' in library '${library}' completed successfully. ${numbers}`
    : `CBR3856I Export operation for logical list volume '${listVolser}' in library '${library}' completed with exceptions or errors. ${numbers}`;
}

/**
 * CE-4, CE-8: an export may be started through any cluster; it is routed to the cluster holding the
 * export list volume. Returns that cluster, or null when the list volume is valid on none or on several.
 */
export function exportingCluster(grid: GridState, listVolser: string): ClusterId | null {
  const holders = validHolders(grid, listVolser);
  return holders.length === 1 ? (holders[0] ?? null) : null;
}

/** CE-13: reclaim of exported volumes: cartridges whose data is all superseded come home as scratch. */
export function reclaimExported(grid: GridState, library: ExportLibraryState): { library: ExportLibraryState; returned: string[] } {
  const next = structuredClone({ ...library, definition: undefined }) as unknown as ExportLibraryState;
  Object.assign(next, { definition: library.definition });
  const returned: string[] = [];
  for (const cartridge of next.stacked) {
    if (cartridge.state !== 'ejected' && cartridge.state !== 'export-hold') continue;
    const active = cartridge.logical.filter((entry) => {
      const volume = grid.volumes[entry.volser];
      return volume !== undefined && volume.dataParent.length - 1 === entry.version;
    });
    if (active.length === 0) {
      cartridge.state = 'scratch';
      cartridge.logical = [];
      cartridge.usedMB = 0;
      next.exportedCount -= 1;
      next.scratchAvailable += 1;
      returned.push(cartridge.volser);
    }
  }
  return { library: next, returned };
}
