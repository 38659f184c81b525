import { describe, expect, it } from 'vitest';
import {
  completionMegabytes,
  exportingCluster,
  initialLibraryState,
  reclaimExported,
  recoverFromExport,
  runExport,
  type ExportLibraryState,
  type GridEvent,
  type GridSketch,
} from '../../model/index.js';
import { after, continueFrom, refusal, seedExportLibrary } from './helpers.js';

/**
 * The seed's example (11.5.2): cluster 1 exports pool 8. MCCEDATA is RUN on both clusters with
 * secondary pool 8 on cluster 1; MCELFVOL (No Copy on C0, RUN on C1) keeps the export list volume
 * on cluster 1 only.
 */
const seedGrid: GridSketch = {
  clusters: [{ name: 'C0' }, { name: 'C1' }],
  classes: { MCCEDATA: { 0: 'RR', 1: 'RR' }, MCELFVOL: { 0: 'NR', 1: 'NR' } },
  hosts: [{ name: 'PROD', online: [0, 1] }],
};
const library = seedExportLibrary;

function write(volser: string, managementClass: string, cluster = 0, sizeMB = 3_000): GridEvent[] {
  return [
    { type: 'insert', cluster, volsers: [volser], category: '0002' },
    { type: 'scratch-mount', host: 'PROD', cluster, managementClass },
    { type: 'write', cluster, volser, sizeMB },
    { type: 'rewind-unload', cluster, volser },
  ];
}

const data = ['D00001', 'D00002', 'D00003', 'D00004', 'D00005'];
const seedWorkload: GridEvent[] = [...data.flatMap((volser) => write(volser, 'MCCEDATA')), ...write('EXP000', 'MCELFVOL', 0, 1)];
const request = { listVolser: 'EXP000', pool: 8, lmtdbpvl: false, action: 'eject' as const };

function exportOnce(events: readonly GridEvent[], state: ExportLibraryState = initialLibraryState(library, 20), changes: Partial<typeof request> & Record<string, unknown> = {}) {
  const grid = after(seedGrid, events).state;
  return { grid, ...runExport(grid, state, { ...request, ...changes }) };
}

describe('Copy Export (CE)', () => {
  it('CE-1, CE-12: the seed\'s export of pool 8 from cluster 1 completes with CBR3855I and its statistics', () => {
    const { result, grid } = exportOnce(seedWorkload);
    expect(exportingCluster(grid, 'EXP000')).toBe(1);
    expect(result.kind).toBe('completed');
    if (result.kind === 'rejected') return;
    // 5 volumes of 3,000 MB on 8,000 MB cartridges: 2 per cartridge, 3 cartridges.
    expect(result.statistics).toEqual({ requested: 5, exportable: 5, exported: 5, stackedVolumes: 3, mbytesExported: completionMegabytes(6000) * 2 + completionMegabytes(3000) });
    expect(result.completion).toMatch(/^CBR3855I Export operation for logical list volume 'EXP000' in library 'LIB1' completed successfully\. Requested: 5 Exportable: 5 Exported: 5 Stacked volumes: 3/);
    expect(result.messages[0]).toBe('E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME EXP000');
    expect(result.messages).toContain('E0026 DB BACKUP WRITTEN TO ALL OF STACKED VOLUMES');
    expect(result.messages.filter((message) => message.startsWith('E0006 STACKED VOLUME')).length).toBe(3);
    // Copies go offsite; the primaries stay in the grid.
    expect(grid.volumes.D00001?.copies[1]?.dataVersion).toBe(1);
  });

  it('CE-12: MBytes are bytes / 1,048,576 per stacked volume, truncated, at least 1', () => {
    // 6,000 MB = 6e9 B = 5722.04 MiB -> 5722; 0.5 MB -> 1.
    expect(completionMegabytes(6_000)).toBe(5722);
    expect(completionMegabytes(0.5)).toBe(1);
  });

  // Ambiguity AMB-6 (README): 11.5.2 step c says C0 and C1, step d C0 and C2; the example uses C0 and C2.
  it('CE-8: the seed\'s C0/C2 example: copy policy override at C0 makes a second copy of the list volume, and the export fails with error code 32', () => {
    const sketch: GridSketch = {
      clusters: [{ override: { preferLocalForScratchMounts: false, preferLocalForPrivateMounts: false, forceLocalCopy: true } }, {}, {}],
      classes: { MCELFVOL: { 0: 'NND', 1: 'NND', 2: 'NND' } },
      hosts: [{ name: 'PROD', online: [0] }],
    };
    const grid = after(sketch, [...write('EXP000', 'MCELFVOL', 0, 1).slice(0, 4), { type: 'deferred-copy' }]).state;
    expect(exportingCluster(grid, 'EXP000')).toBeNull();
    const result = runExport(grid, initialLibraryState({ ...library, cluster: 2, libraryName: 'LIB2' }, 20), request).result;
    expect(result).toEqual(expect.objectContaining({ kind: 'rejected', code: 0x32, rule: 'CE-8' }));
    expect(result.messages).toEqual(['CBR3726I FUNCTION INCOMPATIBLE ERROR CODE 32 FROM LIBRARY LIB2 FOR VOLUME EXP000']);
  });

  it('CE-8: the export list volume must not be in the exported pool', () => {
    const { result } = exportOnce([...data.flatMap((volser) => write(volser, 'MCCEDATA')), ...write('EXP000', 'MCELFVOL', 0, 1)], initialLibraryState({ ...library, secondaryPools: { MCCEDATA: 8, MCELFVOL: 8 } }, 20));
    expect(result).toEqual(expect.objectContaining({ kind: 'rejected', rule: 'CE-8' }));
  });

  it('CE-2: after the first export only volumes new or changed since it began are exported', () => {
    const first = exportOnce(seedWorkload);
    const grid = continueFrom(first.grid, [
      ...write('D00006', 'MCCEDATA'),
      { type: 'specific-mount', host: 'PROD', cluster: 0, volser: 'D00001' },
      { type: 'write', cluster: 0, volser: 'D00001', sizeMB: 3_000 },
      { type: 'rewind-unload', cluster: 0, volser: 'D00001' },
    ]).state;
    const second = runExport(grid, first.library, request).result;
    expect(second.kind !== 'rejected' && second.exportedVolumes).toEqual(['D00001', 'D00006']);
  });

  it('CE-3: volumes mounted at the start, and volumes not yet copied to the exporting cluster, are excluded', () => {
    const deferredGrid: GridSketch = { ...seedGrid, classes: { ...seedGrid.classes, MCCEDATA: { 0: 'RD', 1: 'RR' } } };
    const grid = after(deferredGrid, [...write('D00001', 'MCCEDATA'), ...write('D00002', 'MCCEDATA'), ...write('EXP000', 'MCELFVOL', 0, 1), { type: 'insert', cluster: 1, volsers: ['D00003'], category: '0002' }, { type: 'scratch-mount', host: 'PROD', cluster: 1, managementClass: 'MCCEDATA' }, { type: 'write', cluster: 1, volser: 'D00003' }]).state;
    const result = runExport(grid, initialLibraryState(library, 20), request).result;
    if (result.kind === 'rejected') throw new Error(result.reason);
    expect(result.excluded).toEqual(expect.arrayContaining([{ volser: 'D00001', reason: 'not-copied-to-exporting-cluster' }, { volser: 'D00003', reason: 'mounted' }]));
    expect(result.messages.some((message) => message.startsWith('E0024 000002 LOGICAL VOLUME WITH INVALID COPY ON LIB1'))).toBe(true);
    expect(result.completion).toMatch(/^CBR3856I/);
  });

  it('CE-3, CE-9: when the export pool reclaims into a primary pool, a cartridge holding primary copies stays home', () => {
    const mixed = { ...library, pools: [{ id: 1, role: 'primary' as const, reclaimPool: 1 }, { id: 8, role: 'secondary' as const, reclaimPool: 1 }] };
    const { result } = exportOnce(seedWorkload, initialLibraryState(mixed, 20));
    if (result.kind === 'rejected') throw new Error(result.reason);
    expect(result.statistics.stackedVolumes).toBe(2);
    expect(result.excluded.filter((entry) => entry.reason === 'primary-on-stacked-volume').map((entry) => entry.volser)).toEqual(['D00001', 'D00002']);
  });

  it('CE-4: one export at a time in the grid; insertion is refused anywhere while one runs, and allowed again after it', () => {
    const begin: GridEvent = { type: 'copy-export-begin', cluster: 1, listVolser: 'EXP999' };
    const running = exportOnce([...seedWorkload, begin]);
    expect(running.result).toEqual(expect.objectContaining({ kind: 'rejected', rule: 'CE-4' }));
    // Insertion through either cluster is refused while the export runs (not only at the exporting one).
    for (const cluster of [0, 1]) {
      expect(refusal(continueFrom(running.grid, [{ type: 'insert', cluster, volsers: ['NEW001'], category: '0002' }]).last)).toBe('copy-export-running');
    }
    expect(refusal(continueFrom(running.grid, [{ type: 'copy-export-begin', cluster: 0, listVolser: 'EXP998' }]).last)).toBe('copy-export-running');
    const ended = continueFrom(running.grid, [{ type: 'copy-export-end' }, { type: 'insert', cluster: 0, volsers: ['NEW001'], category: '0002' }]);
    expect(ended.state.volumes.NEW001).toBeDefined();
    expect(exportOnce([...seedWorkload, begin, { type: 'copy-export-end' }]).result.kind).toBe('completed');
  });

  it('CE-5: fewer than four drives terminate the export; no I/O station is rejected', () => {
    expect(exportOnce(seedWorkload, initialLibraryState({ ...library, drives: 3 }, 20)).result.kind).toBe('terminated');
    expect(exportOnce(seedWorkload, initialLibraryState({ ...library, ioStation: false }, 20)).result).toEqual(expect.objectContaining({ kind: 'rejected', rule: 'CE-5' }));
  });

  it('CE-6: an export that would pass the exported-volume limit is terminated', () => {
    const result = exportOnce(seedWorkload, { ...initialLibraryState({ ...library, exportedLimit: 2002 }, 20), exportedCount: 2000 }).result;
    expect(result.kind).toBe('terminated');
  });

  it('CE-7: without scratch cartridges the export waits 60 minutes, a message every 5, then terminates; 10 hours of cache copies terminate it too', () => {
    const waiting = exportOnce(seedWorkload, initialLibraryState(library, 0)).result;
    expect(waiting.kind).toBe('terminated');
    expect(waiting.messages.filter((message) => message.startsWith('E0013')).length).toBe(12);
    expect(waiting.messages).toContain('E0015 EXPORT PROCESSING TERMINATED, WAITING FOR SCRATCH VOLUME');
    const resumed = exportOnce(seedWorkload, initialLibraryState(library, 0), { scratchArrivesAfterMinutes: 15 }).result;
    expect(resumed.kind).toBe('completed');
    expect(resumed.messages).toContain('E0014 EXPORT PROCESSING RESUMED, SCRATCH VOLUME MADE AVAILABLE');
    expect(exportOnce(seedWorkload, undefined, { cacheCopyHours: 11 }).result.messages).toContain('E0018 EXPORT TERMINATED, EXCESSIVE TIME FOR COPY TO STACKED VOLUMES');
  });

  it('CE-10: with LMTDBPVL the database backup goes to the first two and last two cartridges in VOLSER order', () => {
    const many = [...Array.from({ length: 12 }, (_, index) => `D${String(index + 1).padStart(5, '0')}`).flatMap((volser) => write(volser, 'MCCEDATA')), ...write('EXP000', 'MCELFVOL', 0, 1)];
    const { result } = exportOnce(many, undefined, { lmtdbpvl: true });
    if (result.kind === 'rejected') throw new Error(result.reason);
    expect(result.stackedExported).toHaveLength(6);
    expect(result.databaseBackupOn).toEqual(['CE0001', 'CE0002', 'CE0005', 'CE0006']);
    expect(result.messages).toContain('E0021 DB BACKUP WRITTEN TO STACKED VOLUMES, CE0001, CE0002, CE0005, CE0006');
  });

  it('CE-11: a cancelled export keeps what was already exported and frees the rest', () => {
    const { result } = exportOnce(seedWorkload, undefined, { cancelAfterStacked: 1 });
    if (result.kind === 'rejected') throw new Error(result.reason);
    expect(result.kind).toBe('cancelled');
    expect(result.statistics.stackedVolumes).toBe(1);
    expect(result.exportedVolumes).toEqual(['D00001', 'D00002']);
  });

  it('CE-13: exported cartridges whose data was all replaced are reclaimed and come home as scratch', () => {
    const first = exportOnce(seedWorkload);
    const grid = continueFrom(first.grid, ['D00005'].flatMap((volser) => [
      { type: 'specific-mount', host: 'PROD', cluster: 0, volser } as GridEvent,
      { type: 'write', cluster: 0, volser } as GridEvent,
      { type: 'rewind-unload', cluster: 0, volser } as GridEvent,
    ])).state;
    const reclaimed = reclaimExported(grid, first.library);
    expect(reclaimed.returned).toEqual(['CE0003']);
    expect(reclaimed.library.exportedCount).toBe(2);
  });
});

describe('what an export tells the operator (CE-1, CE-4, CE-5, CE-7, CE-8)', () => {
  const rejection = (result: ReturnType<typeof exportOnce>['result']) => (result.kind === 'rejected' ? { reason: result.reason, rule: result.rule, messages: result.messages } : result.kind);

  it('each rejection names its cause; only a code from the library gives a CBR3726I message', () => {
    expect(rejection(exportOnce(seedWorkload, undefined, { listVolser: 'NOLIST' }).result)).toEqual({ reason: 'export list volume NOLIST has no valid copy in the grid', rule: 'CE-8', messages: [] });
    expect(rejection(exportOnce(seedWorkload, initialLibraryState({ ...library, cluster: 0 }, 20)).result)).toEqual({ reason: 'the export list volume is valid on C1, not on the exporting cluster C0', rule: 'CE-8', messages: [] });
    expect(rejection(exportOnce(seedWorkload, initialLibraryState({ ...library, secondaryPools: { MCCEDATA: 8, MCELFVOL: 8 } }, 20)).result)).toEqual({ reason: 'the export list volume is assigned to pool 8, the pool being exported', rule: 'CE-8', messages: [] });
    expect(rejection(exportOnce(seedWorkload, undefined, { pool: 9 }).result)).toEqual({ reason: 'pool 9 is not defined as a Copy Export pool on C1', rule: 'CE-1', messages: [] });
    expect(rejection(exportOnce([...seedWorkload, { type: 'copy-export-begin', cluster: 0, listVolser: 'EXP999' }]).result)).toEqual({ reason: 'a Copy Export is already running in the grid (list volume EXP999 at C0)', rule: 'CE-4', messages: [] });
    expect(rejection(exportOnce(seedWorkload, initialLibraryState({ ...library, ioStation: false }, 20)).result)).toEqual({ reason: 'the library has no I/O station', rule: 'CE-5', messages: [] });
  });

  it('CE-5: four drives are enough; with three the export stops at once, saying how many it has', () => {
    expect(exportOnce(seedWorkload, initialLibraryState({ ...library, drives: 4 }, 20)).result.kind).toBe('completed');
    const three = exportOnce(seedWorkload, initialLibraryState({ ...library, drives: 3 }, 20)).result;
    expect(three.messages).toEqual(['E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME EXP000', 'EXPORT TERMINATED: 3 physical drives available, at least 4 are needed']);
    expect(three.kind !== 'rejected' && three.completion).toMatch(/^CBR3856I/);
  });

  it('CE-7: copying from cache is announced and completed when needed; exactly 10 hours is still allowed, over 10 terminates and exports nothing', () => {
    const messages = (hours: number) => exportOnce(seedWorkload, undefined, { cacheCopyHours: hours }).result.messages.filter((message) => /^E001[678]/.test(message));
    expect(messages(0)).toEqual([]);
    expect(messages(10)).toEqual(['E0016 COPYING LOGICAL EXPORT VOLUMES FROM CACHE TO STACKED VOLUMES', 'E0017 COMPLETED COPY OF LOGICAL EXPORT VOLUMES TO STACKED VOLUMES']);
    const over = exportOnce(seedWorkload, undefined, { cacheCopyHours: 11 }).result;
    if (over.kind === 'rejected') throw new Error(over.reason);
    expect(over.kind).toBe('terminated');
    expect(over.statistics).toEqual({ requested: 5, exportable: 5, exported: 0, stackedVolumes: 0, mbytesExported: 0 });
    expect(over.excluded.map((entry) => entry.reason)).toEqual(Array.from({ length: 5 }, () => 'not-exported-terminated'));
  });

  it('CE-7: scratch cartridges arriving after 30 minutes: six waiting messages, then the export resumes; arriving at 60 minutes is too late', () => {
    const resumed = exportOnce(seedWorkload, initialLibraryState(library, 0), { scratchArrivesAfterMinutes: 30 }).result;
    expect(resumed.kind).toBe('completed');
    expect(resumed.messages.filter((message) => message.startsWith('E0013')).length).toBe(6);
    const late = exportOnce(seedWorkload, initialLibraryState(library, 0), { scratchArrivesAfterMinutes: 60 }).result;
    expect(late.kind).toBe('terminated');
    expect(late.messages.filter((message) => message.startsWith('E0013')).length).toBe(12);
  });
});

describe('Copy Export Recovery (CER)', () => {
  // Made inside each test (not once for the block) so that mutation testing sees which test runs it.
  const exportedSeed = () => exportOnce(seedWorkload);
  const target = { cluster: 0, kind: 'tape-attached' as const, standAlone: true, empty: true };

  it('CER-1: the target must be a stand-alone, empty, tape-attached cluster 0', () => {
    const exported = exportedSeed();
    const sources = [exported.library];
    expect(recoverFromExport({ ...target, cluster: 1 }, { sources, databaseFrom: 'CE0001', testMode: true }, null)).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-1' }));
    expect(recoverFromExport({ ...target, standAlone: false }, { sources, databaseFrom: 'CE0001', testMode: true }, null)).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-1' }));
    expect(recoverFromExport({ ...target, empty: false }, { sources, databaseFrom: 'CE0001', testMode: true }, null)).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-1' }));
    expect(recoverFromExport({ ...target, kind: 'disk-only' }, { sources, databaseFrom: 'CE0001', testMode: true }, null)).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-1' }));
  });

  it('CER-1: same or later code, drives that read the cartridges, the key manager for encrypted ones, enough slots; what is not given is reported unchecked', () => {
    const exported = exportedSeed();
    const request = { sources: [exported.library], databaseFrom: 'CE0001', testMode: true };
    const source = { codeLevel: '8.21.0.100', drive: { type: 'E07', generation: 3 }, encrypted: true };
    const good = { ...target, codeLevel: '8.30', drive: { type: 'E08', generation: 4 }, keyManagerAccess: true, slots: 10 };
    expect(recoverFromExport(good, request, null, source)).toEqual(expect.objectContaining({ kind: 'recovered', notChecked: [] }));
    const refusedFor = (change: Record<string, unknown>) => recoverFromExport({ ...good, ...change }, request, null, source);
    expect(refusedFor({ codeLevel: '8.20.9' })).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-1', reason: expect.stringContaining('older than the source') }));
    expect(refusedFor({ codeLevel: '8.21.0.100' }).kind).toBe('recovered');
    expect(refusedFor({ drive: { type: 'E06', generation: 2 } })).toEqual(expect.objectContaining({ kind: 'refused', reason: expect.stringContaining('cannot read') }));
    expect(refusedFor({ drive: { type: '60F', generation: 6 } })).toEqual(expect.objectContaining({ kind: 'refused', reason: expect.stringContaining('3 generations newer') }));
    expect(refusedFor({ keyManagerAccess: false })).toEqual(expect.objectContaining({ kind: 'refused', reason: expect.stringContaining('key manager') }));
    expect(refusedFor({ slots: 0 })).toEqual(expect.objectContaining({ kind: 'refused', reason: expect.stringContaining('free slots') }));
    const unknown = recoverFromExport(target, request, null, {});
    expect(unknown.kind === 'recovered' ? unknown.notChecked : []).toEqual(['code level (give both the source cluster\'s and the target\'s)', 'drive compatibility (give both drive types)', 'free library slots']);
  });

  it('CER-2: cartridges of two source clusters cannot be merged', () => {
    const exported = exportedSeed();
    const other = exportOnce(seedWorkload, initialLibraryState({ ...library, libraryName: 'OTHER' }, 20)).library;
    expect(recoverFromExport(target, { sources: [exported.library, other], databaseFrom: 'CE0001', testMode: true }, null)).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-2' }));
  });

  it('CER-3: the database backup must come from the latest export, and with LMTDBPVL from a cartridge that has one', () => {
    const lmt = exportOnce([...Array.from({ length: 12 }, (_, index) => `D${String(index + 1).padStart(5, '0')}`).flatMap((volser) => write(volser, 'MCCEDATA')), ...write('EXP000', 'MCELFVOL', 0, 1)], undefined, { lmtdbpvl: true });
    expect(recoverFromExport(target, { sources: [lmt.library], databaseFrom: 'CE0003', testMode: true }, null)).toEqual(expect.objectContaining({ kind: 'refused', rule: 'CER-3' }));
    expect(recoverFromExport(target, { sources: [lmt.library], databaseFrom: 'CE0002', testMode: true }, null).kind).toBe('recovered');
  });

  it('CER-4, CER-5: the recovered cluster owns every exported volume; volumes changed after the export are reported', () => {
    const exported = exportedSeed();
    const grid = continueFrom(exported.grid, [
      { type: 'specific-mount', host: 'PROD', cluster: 0, volser: 'D00002' },
      { type: 'write', cluster: 0, volser: 'D00002' },
      { type: 'rewind-unload', cluster: 0, volser: 'D00002' },
    ]).state;
    const result = recoverFromExport(target, { sources: [exported.library], databaseFrom: 'CE0001', testMode: false }, grid);
    if (result.kind !== 'recovered') throw new Error(result.reason);
    expect(result.owner).toBe(0);
    expect(Object.keys(result.volumes).sort()).toEqual(data);
    expect(result.notRecoverable).toEqual([{ volser: 'D00002', reason: 'changed after the export: version 1 comes back, not 2' }]);
  });

  it('CER-6: after recovery two scratch cartridges per active pool are needed; DR test mode does no reclamation, a real recovery does', () => {
    const exported = exportedSeed();
    const test = recoverFromExport(target, { sources: [exported.library], databaseFrom: 'CE0001', testMode: true }, null);
    expect(test).toEqual(expect.objectContaining({ kind: 'recovered', scratchNeededPerPool: 2, testMode: true, reclamation: 'off (DR test mode)' }));
    const real = recoverFromExport(target, { sources: [exported.library], databaseFrom: 'CE0001', testMode: false }, null);
    expect(real).toEqual(expect.objectContaining({ kind: 'recovered', testMode: false, reclamation: 'on' }));
  });
});

describe('Copy Export invariant', () => {
  it('every volume reported exported is recoverable from the exported set, and nothing else is', async () => {
    const fc = (await import('fast-check')).default;
    const property =
      fc.property(fc.array(fc.record({ volume: fc.integer({ min: 1, max: 8 }), sizeMB: fc.integer({ min: 100, max: 7_000 }), mounted: fc.boolean() }), { minLength: 1, maxLength: 20 }), fc.boolean(), (writes, lmtdbpvl) => {
        const events: GridEvent[] = [{ type: 'insert', cluster: 0, volsers: Array.from({ length: 8 }, (_, index) => `V0000${index + 1}`), category: '000F' }];
        for (const entry of writes) {
          const volser = `V0000${entry.volume}`;
          events.push({ type: 'specific-mount', host: 'PROD', cluster: 0, volser }, { type: 'change-constructs', host: 'PROD', cluster: 0, volser, managementClass: 'MCCEDATA' });
          events.push({ type: 'write', cluster: 0, volser, sizeMB: entry.sizeMB });
          if (!entry.mounted) events.push({ type: 'rewind-unload', cluster: 0, volser });
        }
        const grid = after({ ...seedGrid, categories: { scratch: [{ id: '0002', expireHoldMinutes: 0 }], private: ['000F'] } }, [...events, ...write('EXP000', 'MCELFVOL', 1, 1)]).state;
        const { result, library: next } = runExport(grid, initialLibraryState(library, 100), { ...request, lmtdbpvl });
        if (result.kind === 'rejected') return false;
        if (result.stackedExported.length === 0) return result.exportedVolumes.length === 0;
        const recovered = recoverFromExport({ cluster: 0, kind: 'tape-attached', standAlone: true, empty: true }, { sources: [next], databaseFrom: result.databaseBackupOn[0] ?? '', testMode: true }, null);
        return recovered.kind === 'recovered' && JSON.stringify(Object.keys(recovered.volumes).sort()) === JSON.stringify(result.exportedVolumes);
      });
    expect(() => fc.assert(property, { numRuns: 60, seed: 7 })).not.toThrow();
  });
});
