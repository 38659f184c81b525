import { buildTapeLibraries, driveTypes, type LoadedConfig } from '../../config/index.js';
import { loadCatalogOrReport, loadConfigOrReport } from '../load.js';
import {
  exportingCluster,
  initialLibraryState,
  initialState,
  recoverFromExport,
  runEvents,
  runExport,
  type ExportLibraryState,
  type ExportResult,
  type GridEvent,
  type GridState,
  type RecoverySource,
  type RecoveryTarget,
  type TapeLibraryDefinition,
} from '../../model/index.js';
import { exitCodes, toJson, type CommandIO } from '../io.js';

/** Help text of `tapegrid export` and `tapegrid recover`. */
export const copyExportHelp = `Usage: tapegrid export <config> --pool N [--lmtdbpvl] [--eject|--hold] [--volumes N] [--json]
       tapegrid recover <config> --from <cluster> [--lmtdbpvl] [--volumes N] [--json]

export simulates a Copy Export of secondary pool N on your grid (CE-1..13): production writes
--volumes volumes (default 6) in every class with that secondary pool, the export list volume is
written with the class that keeps it on the exporting cluster only, and the export runs. It prints the
completion statistics, the E00xx messages, CBR3855I or CBR3856I, and what was excluded and why.

recover runs the same export from <cluster>, then a Copy Export Recovery onto the configuration's
recoveryTarget (CER-1: stand-alone, empty, tape-attached, cluster 0, same or later code, drives that
read the cartridges, key manager access, enough slots; refused with the reason otherwise, and facts
not given are listed as not checked) using the database backup of the first cartridge that carries
one (CER-3), and lists what comes back and what does not (CER-4..6).

Examples:
  tapegrid export examples/copy-export.yaml --pool 8
  tapegrid export examples/copy-export.yaml --pool 8 --lmtdbpvl --hold
  tapegrid recover examples/copy-export.yaml --from 1

Exit codes: 0 completed, 1 rejected, terminated or completed with exceptions, 2 bad input.`;

/** The class of the export list volume: no secondary pool, a copy point on the exporting cluster only. */
function listClass(loaded: LoadedConfig, library: TapeLibraryDefinition): string | null {
  for (const mc of loaded.definition.managementClasses) {
    if (library.secondaryPools[mc.name] !== undefined) continue;
    const definitions = Object.values(mc.copyModes);
    if (definitions.length > 0 && definitions.every((points) => points.every((point, id) => (id === library.cluster ? point !== 'N' : point === 'N')))) return mc.name;
  }
  return null;
}

interface Simulation {
  readonly grid: GridState;
  readonly library: ExportLibraryState;
  readonly result: ExportResult;
  readonly listVolser: string;
}

function simulate(loaded: LoadedConfig, library: TapeLibraryDefinition, pool: number, volumes: number, lmtdbpvl: boolean, action: 'eject' | 'hold'): Simulation | string {
  const host = loaded.definition.hosts.find((candidate) => candidate.role === 'production') ?? loaded.definition.hosts[0];
  if (host === undefined) return 'the configuration has no host to write data';
  const classes = Object.entries(library.secondaryPools).filter(([, secondary]) => secondary === pool).map(([name]) => name);
  if (classes.length === 0) return `no management class has secondary pool ${pool} on C${library.cluster} (managementClasses[].secondaryPool)`;
  const list = listClass(loaded, library);
  if (list === null) return `no management class keeps the export list volume on C${library.cluster} only (copy point there, No Copy elsewhere; CE-8)`;
  const cluster = host.online[0] ?? 0;
  const events: GridEvent[] = [];
  classes.forEach((mc, classIndex) => {
    const names = Array.from({ length: volumes }, (_, index) => `X${classIndex}${String(index + 1).padStart(4, '0')}`);
    events.push({ type: 'insert', cluster, volsers: names, category: host.scratchCategory });
    for (const volser of names) events.push({ type: 'scratch-mount', host: host.name, cluster, managementClass: mc }, { type: 'write', cluster, volser, sizeMB: 4_000 }, { type: 'rewind-unload', cluster, volser });
  });
  for (let index = 0; index < volumes * classes.length * loaded.definition.clusters.length; index += 1) events.push({ type: 'deferred-copy' });
  const listVolser = 'EXP000';
  events.push({ type: 'insert', cluster, volsers: [listVolser], category: host.scratchCategory }, { type: 'scratch-mount', host: host.name, cluster, managementClass: list }, { type: 'write', cluster, volser: listVolser, sizeMB: 1 }, { type: 'rewind-unload', cluster, volser: listVolser });
  const grid = runEvents(initialState(loaded.definition), events).state;
  const start = initialLibraryState(library, 50);
  const { result, library: after } = runExport(grid, start, { listVolser, pool, lmtdbpvl, action });
  return { grid, library: after, result, listVolser };
}

async function loadLibraries(file: string, io: CommandIO): Promise<{ loaded: LoadedConfig; libraries: TapeLibraryDefinition[] } | null> {
  const loaded = await loadConfigOrReport(file, io);
  if (loaded === null) return null;
  const catalog = await loadCatalogOrReport(loaded, io);
  if (catalog === null) return null;
  return { loaded, libraries: buildTapeLibraries(loaded.config, catalog.catalog) };
}

function renderExport(simulation: Simulation, style: CommandIO['style']): string {
  const result = simulation.result;
  if (result.kind === 'rejected') return [style.red(`export rejected (${result.rule}): ${result.reason}`), ...result.messages].join('\n');
  const lines = [style.bold(`Copy Export from C${result.cluster}: ${result.kind}`), ...result.messages.map((message) => `  ${message}`), '', result.kind === 'completed' ? style.green(result.completion) : style.yellow(result.completion)];
  lines.push('', `exported stacked volumes: ${result.stackedExported.join(', ') || 'none'}; database backup on: ${result.databaseBackupOn.join(', ') || 'none'}`);
  if (result.excluded.length > 0) lines.push(`excluded: ${result.excluded.map((entry) => `${entry.volser} (${entry.reason})`).join(', ')}`);
  return lines.join('\n');
}

/** `tapegrid export`. */
export async function runExportCommand(file: string, options: { pool?: string; lmtdbpvl: boolean; hold: boolean; volumes?: string; json: boolean }, io: CommandIO): Promise<number> {
  const pool = Number(options.pool);
  if (options.pool === undefined || !Number.isInteger(pool) || pool < 1 || pool > 32) {
    io.err(`tapegrid export: --pool expects a pool number 1 to 32\n\n${copyExportHelp}`);
    return exitCodes.badInput;
  }
  const volumes = options.volumes === undefined ? 6 : Number(options.volumes);
  if (!Number.isInteger(volumes) || volumes < 1 || volumes > 500) {
    io.err('tapegrid export: --volumes expects 1 to 500');
    return exitCodes.badInput;
  }
  const context = await loadLibraries(file, io);
  if (context === null) return exitCodes.badInput;
  const library = context.libraries.find((candidate) => candidate.copyExportPools.includes(pool));
  if (library === undefined) {
    io.err(`${file}: no tape-attached cluster has pool ${pool} in copyExport.pools`);
    return exitCodes.badInput;
  }
  const simulation = simulate(context.loaded, library, pool, volumes, options.lmtdbpvl, options.hold ? 'hold' : 'eject');
  if (typeof simulation === 'string') {
    io.err(`${file}: ${simulation}`);
    return exitCodes.badInput;
  }
  if (options.json) io.out(toJson({ file, exportingCluster: exportingCluster(simulation.grid, simulation.listVolser), result: simulation.result }));
  else io.out(renderExport(simulation, io.style));
  return simulation.result.kind === 'completed' ? exitCodes.ok : exitCodes.failed;
}

/** `tapegrid recover`. */
export async function runRecoverCommand(file: string, options: { from?: string; lmtdbpvl: boolean; volumes?: string; json: boolean }, io: CommandIO): Promise<number> {
  const from = Number(options.from);
  if (options.from === undefined || !Number.isInteger(from)) {
    io.err(`tapegrid recover: --from expects the source cluster number\n\n${copyExportHelp}`);
    return exitCodes.badInput;
  }
  const context = await loadLibraries(file, io);
  if (context === null) return exitCodes.badInput;
  const library = context.libraries.find((candidate) => candidate.cluster === from);
  const pool = library?.copyExportPools[0];
  if (library === undefined || pool === undefined) {
    io.err(`${file}: cluster ${from} has no Copy Export pool`);
    return exitCodes.badInput;
  }
  const simulation = simulate(context.loaded, library, pool, options.volumes === undefined ? 6 : Number(options.volumes), options.lmtdbpvl, 'eject');
  if (typeof simulation === 'string') {
    io.err(`${file}: ${simulation}`);
    return exitCodes.badInput;
  }
  const databaseFrom = simulation.result.kind === 'rejected' ? '' : (simulation.result.databaseBackupOn[0] ?? '');
  const given = context.loaded.config.recoveryTarget;
  const sourceCluster = context.loaded.config.clusters.find((cluster) => cluster.id === from);
  const generation = (type: string | undefined) => (type === undefined ? undefined : { type, generation: driveTypes.indexOf(type as (typeof driveTypes)[number]) });
  const targetDrive = generation(given?.driveType);
  const sourceDrive = generation(sourceCluster?.physical?.driveType);
  const target: RecoveryTarget = {
    cluster: given?.cluster ?? 0,
    kind: given?.kind ?? 'tape-attached',
    standAlone: given?.standAlone ?? true,
    empty: given?.empty ?? true,
    ...(given?.codeLevel === undefined ? {} : { codeLevel: given.codeLevel }),
    ...(targetDrive === undefined ? {} : { drive: targetDrive }),
    ...(given?.keyManagerAccess === undefined ? {} : { keyManagerAccess: given.keyManagerAccess }),
    ...(given?.slots === undefined ? {} : { slots: given.slots }),
  };
  const source: RecoverySource = {
    ...(sourceCluster?.physical?.codeLevel === undefined ? {} : { codeLevel: sourceCluster.physical.codeLevel }),
    ...(sourceDrive === undefined ? {} : { drive: sourceDrive }),
    ...(sourceCluster?.physical?.encrypted === undefined ? {} : { encrypted: sourceCluster.physical.encrypted }),
  };
  const recovery = recoverFromExport(target, { sources: [simulation.library], databaseFrom, testMode: true }, simulation.grid, source);
  if (options.json) io.out(toJson({ file, export: simulation.result, recoveryTarget: target, recoveryTargetGiven: given !== undefined, recovery }));
  else {
    io.out(renderExport(simulation, io.style));
    io.out('');
    if (recovery.kind === 'refused') io.out(io.style.red(`recovery refused (${recovery.rule}): ${recovery.reason}`));
    else {
      io.out(io.style.bold(`Copy Export Recovery onto ${given === undefined ? 'an assumed empty, stand-alone, tape-attached cluster 0 (no recoveryTarget in the configuration)' : `the configured target, cluster ${target.cluster}`} (database backup from ${databaseFrom}, DR test mode)`));
      io.out(`  ${Object.keys(recovery.volumes).length} logical volumes come back, all owned by C${recovery.owner}: ${Object.keys(recovery.volumes).sort().join(', ')}`);
      io.out(`  ${recovery.cartridgesLoaded} cartridges loaded; reclamation ${recovery.reclamation}; add ${recovery.scratchNeededPerPool} scratch cartridges per active pool before writing (CER-6)`);
      for (const entry of recovery.notRecoverable) io.out(`  not recoverable: ${entry.volser}: ${entry.reason}`);
      if (recovery.notChecked.length > 0) io.out(io.style.yellow(`  not checked (CER-1): ${recovery.notChecked.join('; ')}`));
    }
  }
  return recovery.kind === 'recovered' ? exitCodes.ok : exitCodes.failed;
}
