import { describe, expect, it } from 'vitest';
import { compareCodeLevels, recoverFromExport, type ExportLibraryState, type GridEvent, type GridSketch, type RecoveryTarget, type StackedVolume } from '../../model/index.js';
import { after, seedExportLibrary } from './helpers.js';

/**
 * Copy Export Recovery (CER-1..6, seed 11.7) on exported sets written out by hand: which cartridges
 * count as loaded, which database backup may be used, which volumes come back at which version, and
 * what the operator is told when a recovery is refused.
 */


/** A cartridge of pool 8 holding `logical` as [volser, version] secondary copies. */
function cartridge(volser: string, exportedAt: number | null, logical: [string, number][], changes: Partial<StackedVolume> = {}): StackedVolume {
  return { volser, pool: 8, state: 'ejected', logical: logical.map(([name, version]) => ({ volser: name, version, primary: false, sizeMB: 100 })), usedMB: 100 * logical.length, hasDatabaseBackup: true, exportedAt, ...changes };
}

function loaded(stacked: StackedVolume[], libraryName = 'LIB1'): ExportLibraryState {
  return { definition: { ...seedExportLibrary, libraryName }, stacked, scratchAvailable: 0, exportedCount: 0, exported: {}, nextSerial: 1 };
}

const target: RecoveryTarget = { cluster: 0, kind: 'tape-attached', standAlone: true, empty: true };
const request = (sources: ExportLibraryState[], databaseFrom = 'CE0001') => ({ sources, databaseFrom, testMode: true });
const reasonOf = (result: ReturnType<typeof recoverFromExport>) => (result.kind === 'refused' ? `${result.rule}: ${result.reason}` : 'recovered');

describe('code levels (CER-1)', () => {
  it('compares number by number, missing parts as 0, every part counted', () => {
    expect(compareCodeLevels('8.21.0.100', '8.21')).toBeGreaterThan(0);
    expect(compareCodeLevels('8.21', '8.21.0.100')).toBeLessThan(0);
    expect(compareCodeLevels('8.21', '8.21.0.0')).toBe(0);
    expect(compareCodeLevels('8.3', '8.21')).toBeLessThan(0);
    expect(compareCodeLevels('9', '8.99.99')).toBeGreaterThan(0);
  });
});

describe('what the recovery cluster must be (CER-1)', () => {
  const set = () => loaded([cartridge('CE0001', 60, [['D00001', 1]])]);

  it('each refusal says what is wrong', () => {
    expect(reasonOf(recoverFromExport({ ...target, kind: 'disk-only' }, request([set()]), null))).toBe('CER-1: the recovery cluster must be tape-attached (it reads the cartridges)');
    expect(reasonOf(recoverFromExport({ ...target, cluster: 2 }, request([set()]), null))).toBe('CER-1: the recovery cluster must be configured as cluster 0, not 2');
    expect(reasonOf(recoverFromExport({ ...target, standAlone: false }, request([set()]), null))).toBe('CER-1: the recovery cluster must be stand-alone, not a grid member');
    expect(reasonOf(recoverFromExport({ ...target, empty: false }, request([set()]), null))).toBe('CER-1: the recovery cluster holds data: erase it before loading the exported cartridges');
  });

  it('drives read their own generation and the two before it (ASM-20), and the refusal names both drives', () => {
    const source = { drive: { type: 'E07', generation: 3 } };
    const withDrive = (type: string, generation: number) => reasonOf(recoverFromExport({ ...target, drive: { type, generation } }, request([set()]), null, source));
    expect(withDrive('E07', 3)).toBe('recovered');
    expect(withDrive('60F', 5)).toBe('recovered');
    expect(withDrive('70F', 6)).toBe('CER-1: 70F drives cannot read cartridges written by E07 drives (3 generations newer)');
    expect(withDrive('E06', 2)).toBe('CER-1: E06 drives cannot read cartridges written by E07 drives (an older generation)');
  });

  it('every exported cartridge needs a free slot: as many slots as cartridges is enough', () => {
    const two = loaded([cartridge('CE0001', 60, [['D00001', 1]]), cartridge('CE0002', 60, [['D00002', 1]])]);
    expect(reasonOf(recoverFromExport({ ...target, slots: 2 }, request([two]), null))).toBe('recovered');
    expect(reasonOf(recoverFromExport({ ...target, slots: 1 }, request([two]), null))).toBe('CER-1: 2 exported cartridges need 2 free slots; the recovery library has 1');
  });

  it('the key manager matters only for encrypted cartridges; unknown access is reported as not checked', () => {
    const notChecked = (source: { encrypted?: boolean }, keyManagerAccess?: boolean) => {
      const result = recoverFromExport({ ...target, codeLevel: '8.30', drive: { type: 'E08', generation: 4 }, slots: 10, ...(keyManagerAccess === undefined ? {} : { keyManagerAccess }) }, request([set()]), null, { codeLevel: '8.30', drive: { type: 'E08', generation: 4 }, ...source });
      return result.kind === 'recovered' ? result.notChecked : [reasonOf(result)];
    };
    expect(notChecked({ encrypted: true })).toEqual(['key manager access for the encrypted cartridges']);
    expect(notChecked({ encrypted: false })).toEqual([]);
    expect(notChecked({}, false)).toEqual([]);
    expect(notChecked({ encrypted: true }, false)).toEqual(['CER-1: the exported cartridges are encrypted and the recovery cluster has no access to the key manager']);
  });
});

describe('what is loaded (CER-2, CER-3)', () => {
  it('only cartridges that went offsite count: ejected or held for export, not those still filling, full or scratch at home', () => {
    const set = loaded([
      cartridge('CE0001', 60, [['D00001', 1]]),
      cartridge('CE0002', 60, [['D00002', 1]], { state: 'export-hold' }),
      cartridge('CE0003', null, [['D00003', 1]], { state: 'full' }),
      cartridge('CE0004', null, [['D00004', 1]], { state: 'filling' }),
      cartridge('CE0005', null, [], { state: 'scratch' }),
    ]);
    const result = recoverFromExport(target, request([set]), null);
    expect(result).toEqual(expect.objectContaining({ kind: 'recovered', cartridgesLoaded: 2, volumes: { D00001: 1, D00002: 1 } }));
    expect(reasonOf(recoverFromExport(target, request([set], 'CE0003'), null))).toBe('CER-3: CE0003 is not one of the exported cartridges loaded');
  });

  it('a library with nothing exported is not a second source; none at all is refused, and two sources are', () => {
    const exported = loaded([cartridge('CE0001', 60, [['D00001', 1]])]);
    const nothing = loaded([cartridge('CE0009', null, [['D00009', 1]], { state: 'full' })], 'LIB2');
    expect(reasonOf(recoverFromExport(target, request([nothing, exported]), null))).toBe('recovered');
    expect(reasonOf(recoverFromExport(target, request([nothing]), null))).toBe('CER-2: no exported cartridges loaded');
    expect(reasonOf(recoverFromExport(target, request([exported, loaded([cartridge('CE0001', 60, [['D00001', 1]])], 'LIB2')]), null))).toBe('CER-2: cartridges of 2 source clusters loaded; volumes of one source only can be recovered');
  });

  it('the database comes from a cartridge of the latest export that carries a backup; each volume comes back at its newest exported version', () => {
    // Export at minute 60 took D00001 v1 and D00002 v1; the export at minute 600 took D00001 v2 and D00003 v1.
    const set = loaded([
      cartridge('CE0001', 60, [['D00001', 1], ['D00002', 1]]),
      cartridge('CE0002', 600, [['D00001', 2], ['D00003', 1]]),
      cartridge('CE0003', 600, [['D00003', 1]], { hasDatabaseBackup: false }),
    ]);
    expect(reasonOf(recoverFromExport(target, request([set], 'CE0001'), null))).toBe('CER-3: CE0001 is from an earlier export; use a cartridge of the latest export');
    expect(reasonOf(recoverFromExport(target, request([set], 'CE0003'), null))).toBe('CER-3: CE0003 carries no database backup (LMTDBPVL puts it on the first two and last two cartridges only)');
    const result = recoverFromExport(target, request([set], 'CE0002'), null);
    expect(result).toEqual(expect.objectContaining({ kind: 'recovered', volumes: { D00001: 2, D00002: 1, D00003: 1 }, cartridgesLoaded: 3 }));
    // The newest version wins whichever cartridge is listed first.
    const reversed = loaded([...set.stacked].reverse());
    expect(recoverFromExport(target, request([reversed], 'CE0002'), null)).toEqual(expect.objectContaining({ volumes: { D00001: 2, D00002: 1, D00003: 1 } }));
  });

  it('a primary copy on an exported cartridge is not what the database recovers', () => {
    const set = loaded([cartridge('CE0001', 60, [['D00001', 1]]), { ...cartridge('CE0002', 60, []), logical: [{ volser: 'P00001', version: 1, primary: true, sizeMB: 100 }] }]);
    expect(recoverFromExport(target, request([set]), null)).toEqual(expect.objectContaining({ volumes: { D00001: 1 } }));
  });
});

describe('volumes that do not come back as they are now (CER-4)', () => {
  const grid: GridSketch = { clusters: [{ name: 'C0' }, { name: 'C1' }], classes: { MCCEDATA: { 0: 'RR', 1: 'RR' }, MCLOCAL: { 0: 'RR', 1: 'RR' } }, hosts: [{ name: 'PROD', online: [0, 1] }] };
  const write = (volser: string, managementClass: string, times = 1): GridEvent[] => [
    { type: 'insert', cluster: 0, volsers: [volser], category: '0002' },
    { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass },
    { type: 'write', cluster: 0, volser },
    { type: 'rewind-unload', cluster: 0, volser },
    ...Array.from({ length: times - 1 }, (): GridEvent[] => [
      { type: 'specific-mount', host: 'PROD', cluster: 0, volser },
      { type: 'write', cluster: 0, volser },
      { type: 'rewind-unload', cluster: 0, volser },
    ]).flat(),
  ];

  it('changed after the export, never exported, in volser order; volumes of other pools and never-written ones are not listed', () => {
    const now = after(grid, [
      ...write('D00003', 'MCCEDATA', 2),
      ...write('D00002', 'MCCEDATA'),
      ...write('D00001', 'MCCEDATA', 3),
      ...write('L00001', 'MCLOCAL'),
      { type: 'insert', cluster: 0, volsers: ['E00001'], category: '0002' },
      { type: 'scratch-mount', host: 'PROD', cluster: 0, managementClass: 'MCCEDATA' },
      { type: 'rewind-unload', cluster: 0, volser: 'E00001' },
    ]).state;
    const set = loaded([cartridge('CE0001', 60, [['D00001', 1], ['D00002', 1]])]);
    const result = recoverFromExport(target, request([set]), now);
    expect(result.kind === 'recovered' ? result.notRecoverable : reasonOf(result)).toEqual([
      { volser: 'D00001', reason: 'changed after the export: version 1 comes back, not 3' },
      { volser: 'D00003', reason: 'never exported (not copied to the exporting cluster, mounted, or written after the export started)' },
    ]);
  });
});
