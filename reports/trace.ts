import type { GridDefinition, GridEvent, Observation } from '../model/index.js';
import type { RunOutcome, TraceStep } from '../properties/index.js';
// Straight from the formatter module: validate and verify must not load the planner.
import { formatMinutes } from '../planner/quantityFormat.js';

/**
 * Counterexample traces as numbered steps a storage administrator can read:
 * "3. both grid links C0-C1 fail", "5. host PROD writes A00001 through C1 ...".
 */

function clusterName(definition: GridDefinition, id: number): string {
  const cluster = definition.clusters.find((candidate) => candidate.id === id);
  return cluster === undefined ? `C${id}` : `C${id} (${cluster.name})`;
}

function list(ids: readonly number[]): string {
  return ids.map((id) => `C${id}`).join(', ');
}

function refusalText(observation: Extract<Observation, { kind: 'refused' }>): string {
  const reasons: Partial<Record<string, string>> = {
    'owner-unreachable': 'the owner does not answer',
    'no-scratch-owned': 'no scratch volume it owns or can get',
    'write-protected': 'write-protected',
    'read-only-takeover': 'held under read-only takeover',
    'no-valid-copy': 'no valid copy reachable',
    'expire-hold': 'in expire hold',
    'volume-in-use': 'volume in use',
    'cache-full': 'out of cache',
    'cluster-down': 'cluster down',
    'cannot-rejoin': 'it cannot reach the cluster that took over',
    'sync-point-unreachable': 'a Sync point cannot be written',
    'grid-not-connected': 'the grid is not connected',
    'host-site-lost': 'the host went with its site',
    'device-offline': 'the devices are offline at that host',
  };
  return `refused (${reasons[observation.reason] ?? observation.reason})`;
}

/** The notable consequences of a step, in words. */
function consequences(observations: readonly Observation[]): string[] {
  const notes: string[] = [];
  for (const observation of observations) {
    switch (observation.kind) {
      case 'job-failed':
        notes.push(`the job on ${observation.volser} through C${observation.cluster} fails (${observation.reason})`);
        break;
      case 'ownership-reconciled':
        notes.push(`C${observation.cluster} learns that C${observation.holder} took ${observation.volser} over and gives up its ownership`);
        break;
      case 'ownership-takeover':
        notes.push(`C${observation.to} takes ${observation.access === 'full' ? 'write' : 'read-only'} ownership of ${observation.volser} from C${observation.from}`);
        break;
      case 'aotm-takeover':
        notes.push(
          `AOTM on C${observation.at} ${observation.ownerActuallyDown ? 'finds C' + observation.of + ' down' : 'gets no reply over the grid-shared TSSC path'} and enables ${observation.mode} takeover of C${observation.of}${observation.ownerActuallyDown ? '' : ' (C' + observation.of + ' is alive)'}`,
        );
        break;
      case 'aotm-grace-started':
        notes.push(`C${observation.at} detects that it lost C${observation.of}: AOTM's grace period runs to t=${formatMinutes(observation.checkAt)}`);
        break;
      case 'aotm-no-takeover':
        notes.push(observation.message);
        break;
      case 'stale-read':
        notes.push(`stale data: version ${observation.readVersion} of ${observation.volser}, newest is ${observation.newestVersion} (OWN-12)`);
        break;
      case 'copy':
        notes.push(`copy of ${observation.volser} to C${observation.to} completes (${formatMinutes(observation.ageMinutes)} after it was written)`);
        break;
      case 'auto-removed':
        notes.push(`C${observation.cluster} auto-removes ${observation.volser}`);
        break;
      case 'warning':
        notes.push(`warning ${observation.rule}: ${observation.message}`);
        break;
      default:
        break;
    }
  }
  return notes;
}

function linkCountText(events: readonly GridEvent[], verb: string): string {
  const first = events[0];
  if (first === undefined || (first.type !== 'link-fail' && first.type !== 'link-restore')) return '';
  const pair = `C${first.between[0]}-C${first.between[1]}`;
  if (events.length === 1) return `grid link ${first.link + 1} of ${pair} ${verb === 'fail' ? 'fails' : 'is repaired'}`;
  const count = events.length === 2 ? 'both' : `all ${events.length}`;
  return `${count} grid links ${pair} ${verb === 'fail' ? 'fail' : 'are repaired'}`;
}

/** One trace step as a sentence (without its number). */
export function describeStep(definition: GridDefinition, step: TraceStep): string {
  const event = step.events[0];
  const observations = step.observations;
  const refused = observations.find((observation): observation is Extract<Observation, { kind: 'refused' }> => observation.kind === 'refused');
  const mount = observations.find((observation): observation is Extract<Observation, { kind: 'mount' }> => observation.kind === 'mount');
  let text: string;
  if (step.action.kind === 'dr-test-end') return 'the DR test ends: protection off, links repaired, takeovers cleared';
  if (step.action.kind === 'declare-disaster') {
    const hosts = step.events.flatMap((candidate) => (candidate.type === 'declare-disaster' ? [candidate.host] : []));
    return `a disaster is declared: ${hosts.join(', ')} now run${hosts.length === 1 ? 's' : ''} production from a copy of the production catalog (DRT-7)`;
  }
  switch (event?.type) {
    case 'scratch-mount':
      text = `host ${event.host} asks C${event.cluster} for a scratch volume (class ${event.managementClass})${mount === undefined ? '' : `: gets ${mount.volser}, I/O cache C${mount.ioCluster}`}`;
      break;
    case 'specific-mount':
      text = `host ${event.host} mounts ${event.volser} through C${event.cluster}${
        mount === undefined ? '' : `${mount.surfaced === 'empty' ? ', shown an EMPTY volume' : ''}${mount.writable ? '' : ', read-only'}${mount.ioCluster === event.cluster ? '' : `, I/O cache C${mount.ioCluster}`}`
      }`;
      break;
    case 'write': {
      const write = observations.find((observation): observation is Extract<Observation, { kind: 'write' }> => observation.kind === 'write');
      text = `host ${write?.host ?? ''} writes ${event.volser} through C${event.cluster}`.replace('host  ', 'the job ');
      break;
    }
    case 'rewind-unload': {
      const unload = observations.find((observation): observation is Extract<Observation, { kind: 'rewind-unload' }> => observation.kind === 'rewind-unload');
      const parts: string[] = [];
      if (unload !== undefined) {
        if (unload.runCopies.length > 0) parts.push(`RUN copy on ${list(unload.runCopies)}`);
        if (unload.immediateDeferred.length > 0) parts.push(`RUN copy to ${list(unload.immediateDeferred)} deferred (GS-4)`);
        if (unload.overrideDeferred.length > 0) parts.push(`RUN reported complete without ${list(unload.overrideDeferred)} (copy policy override)`);
        if (unload.deferred.length > 0) parts.push(`deferred copy queued for ${list(unload.deferred)}`);
      }
      text = `the job on ${event.volser} through C${event.cluster} ends${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`;
      break;
    }
    case 'return-to-scratch':
      text = `host ${event.host} returns ${event.volser} to scratch through C${event.cluster}`;
      break;
    case 'link-fail':
      text = linkCountText(step.events, 'fail');
      break;
    case 'link-restore':
      text = linkCountText(step.events, 'restore');
      break;
    case 'cluster-fail':
      text = `cluster ${clusterName(definition, event.cluster)} fails`;
      break;
    case 'cluster-restore':
      text = `cluster C${event.cluster} is repaired and rejoins`;
      break;
    case 'site-fail':
      text = `site ${event.site} is lost with every cluster and the TSSC there`;
      break;
    case 'site-restore':
      text = `site ${event.site} is back and its clusters rejoin`;
      break;
    case 'host-link-fail':
      text = `a host link from ${event.host} to C${event.cluster} fails`;
      break;
    case 'set-takeover': {
      const set = observations.find((observation): observation is Extract<Observation, { kind: 'takeover-set' }> => observation.kind === 'takeover-set');
      text = `the operator sets ${event.mode === 'write' ? 'write' : 'read'} ownership takeover at C${event.at} for C${event.of}${set !== undefined && !set.ownerActuallyDown ? ` while C${event.of} is alive` : ''}`;
      break;
    }
    case 'clear-takeover':
      text = `the operator clears the takeover at C${event.at} for C${event.of}`;
      break;
    case 'advance':
      text = `${formatMinutes(event.minutes)} pass`;
      break;
    case 'deferred-copy':
      text = 'the copy queue moves';
      break;
    case 'begin-dr-test':
      text = `the DR test begins (${step.events
        .slice(1)
        .map((inner) => (inner.type === 'set-write-protect' ? `write protect on at C${inner.cluster}` : inner.type === 'snapshot-catalog' ? `${inner.to} gets a catalog snapshot of ${inner.from}` : inner.type === 'link-fail' ? `link C${inner.between[0]}-C${inner.between[1]} broken` : inner.type === 'set-takeover' ? `${inner.mode} takeover at C${inner.at} for C${inner.of}` : inner.type))
        .filter((part, index, all) => all.indexOf(part) === index)
        .join('; ')})`;
      break;
    case 'end-dr-test':
      text = 'the DR test ends';
      break;
    case 'gdps-site-switch':
      text = `GDPS moves production to site ${event.site}; its hosts mount through their local cluster and ownership follows the mounts (GDPS-2)`;
      break;
    case 'vary-devices':
      text = `the operator varies ${event.online ? 'online' : 'offline'} at ${event.host} the devices of C${event.cluster}${event.online ? ' (its own cluster is down, GDPS-4)' : ''}`;
      break;
    default:
      text = step.events.map((inner) => inner.type).join(', ');
  }
  if (refused !== undefined && mount === undefined) text += `: ${refusalText(refused)}`;
  const notes = consequences(observations);
  return notes.length === 0 ? text : `${text}; ${notes.join('; ')}`;
}

/** The whole counterexample: setup line, numbered steps with times, and the violation. */
export function renderTrace(definition: GridDefinition, outcome: RunOutcome): string[] {
  const lines: string[] = [];
  const inserted = outcome.preamble.filter((event): event is Extract<GridEvent, { type: 'insert' }> => event.type === 'insert');
  const written = outcome.preamble.filter((event): event is Extract<GridEvent, { type: 'write' }> => event.type === 'write');
  const mounts = outcome.preamble.filter((event): event is Extract<GridEvent, { type: 'scratch-mount' }> => event.type === 'scratch-mount');
  lines.push(`0. setup: ${inserted.map((event) => `${event.volsers.join(', ')} inserted at C${event.cluster} (category ${event.category ?? definition.categories.insert})`).join('; ')}`);
  if (outcome.preamble.some((event) => event.type === 'begin-dr-test')) lines.push('   and the DR test has begun (catalog snapshot, its protection and link settings in place)');
  if (written.length > 0) {
    lines.push(`   and production wrote ${written.map((event, index) => `${event.volser} (${mounts[index]?.host ?? 'host'}, class ${mounts[index]?.managementClass ?? '?'}, through C${event.cluster})`).join(', ')}`);
  }
  outcome.steps.forEach((step, index) => {
    lines.push(`${index + 1}. [t=${formatMinutes(step.time)}] ${describeStep(definition, step)}`);
  });
  if (outcome.violation !== null) {
    const where = outcome.violation.atStep >= outcome.steps.length ? 'at the end of the run' : `after step ${outcome.violation.atStep + 1}`;
    lines.push(`=> ${outcome.violation.message} (${where})`);
  }
  return lines;
}
