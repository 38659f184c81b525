import type { GridConfigFile } from '../config/index.js';
import { configDefaults } from '../config/definition.js';
import type { ClusterId, GridDefinition } from '../model/index.js';
import type { Style } from './style.js';
import { renderTable, wrapLongLine } from './table.js';
// Straight from the formatter module: validate and verify must not load the planner.
import { formatByteRate, formatMinutes } from '../planner/quantityFormat.js';
import { configDataNotation } from '../config/planInputs.js';

/** Letters of the copy points with their seed names, for the legend. */
const pointNames: Readonly<Record<string, string>> = { R: 'rewind-unload', S: 'synchronous', D: 'deferred', N: 'no copy' };

function clusterLabel(definition: GridDefinition, id: ClusterId): string {
  const cluster = definition.clusters.find((candidate) => candidate.id === id);
  return cluster === undefined ? `C${id}` : `C${id} ${cluster.name}`;
}

function colourPoint(letter: string, style: Style): string {
  if (letter === 'R' || letter === 'S') return style.green(letter);
  if (letter === 'D') return style.yellow(letter);
  return style.dim(letter);
}

/**
 * The readable summary `tapegrid validate` prints: clusters, links, hosts, copy policies as a matrix
 * (rows: class as defined on a cluster; columns: where copies land), categories and the runbook.
 * Quantities are shown as the user wrote them; defaults applied are named.
 */
export function renderGridSummary(file: string, config: GridConfigFile, definition: GridDefinition, style: Style): string {
  const out: string[] = [];
  const ids = definition.clusters.map((cluster) => cluster.id);
  const sites = [...new Set(definition.clusters.map((cluster) => cluster.site))];
  const notation = configDataNotation(config);
  out.push(
    `${style.bold(`Grid "${definition.name}"`)} (${file}): ${ids.length === 1 ? 'stand-alone cluster' : `${ids.length} clusters`} at ${sites.length} site${sites.length === 1 ? '' : 's'}`,
  );
  if (config.grid.description !== undefined) out.push(`  ${config.grid.description}`);

  // Two tables, so that each fits 100 columns: what a cluster is, then how it is taken over and protected.
  const clusters = [...config.clusters].sort((a, b) => a.id - b.id);
  out.push('', style.bold('Clusters'));
  out.push(
    renderTable(
      ['cluster', 'site', 'kind', 'drives', 'cache', 'devices'],
      clusters.map((cluster) => [
        `C${cluster.id} ${cluster.name}`,
        cluster.site,
        cluster.kind,
        cluster.physical === undefined ? '-' : `${cluster.physical.drives} x ${cluster.physical.driveType}`,
        cluster.cache,
        String(cluster.virtualDevices ?? `${configDefaults.virtualDevices}`),
      ]),
    ),
  );
  out.push('', style.bold('Takeover and protection'));
  out.push(
    renderTable(
      ['cluster', 'AOTM', 'write protect'],
      clusters.map((cluster) => {
        const aotm = cluster.aotm?.enabled === true
          ? `${cluster.aotm.mode} after ${cluster.aotm.gracePeriod ?? `${configDefaults.aotmGracePeriod} (default)`}, TSSC ${cluster.aotm.tsscNetwork === 'shared-with-grid-links' ? style.red(cluster.aotm.tsscNetwork) : cluster.aotm.tsscNetwork}`
          : 'off';
        const excluded = [...new Set([...(cluster.writeProtect?.excludedCategories ?? []), definition.categories.insert])];
        const protect = cluster.writeProtect === undefined
          ? 'off'
          : `${cluster.writeProtect.enabled === true ? 'on' : 'configured, off'}; excludes ${excluded.join(' ')}${cluster.writeProtect.ignoreFastReady === true ? '; ignore fast ready' : ''}`;
        return [`C${cluster.id} ${cluster.name}`, aotm, protect];
      }),
    ),
  );

  if (ids.length > 1) {
    out.push('', style.bold('Grid links'));
    out.push(
      renderTable(
        ['pair', 'links', 'distance', 'efficiency', 'model copy rate'],
        (config.gridLinks ?? []).map((link, index) => [
          `C${link.between[0]}-C${link.between[1]}`,
          link.links,
          link.distance,
          link.efficiency === undefined ? `${configDefaults.linkEfficiency} (default)` : String(link.efficiency),
          formatByteRate(((definition.links[index]?.copyRateMBPerMinute ?? 0) * 1e6) / 60, notation),
        ]),
      ),
    );
  }

  out.push('', style.bold('Hosts'));
  if (definition.hosts.length === 0) out.push('  (none: verification and what-if runs need at least one host)');
  else {
    out.push(
      renderTable(
        ['host', 'site', 'devices online', 'paths', 'scratch', 'private'],
        definition.hosts.map((host) => {
          const devices = host.online.reduce((total, id) => total + (definition.clusters.find((cluster) => cluster.id === id)?.virtualDevices ?? 0), 0);
          return [host.name, host.site, `${host.online.map((id) => `C${id}`).join(', ')} (${devices} devices)`, String(host.pathsPerCluster), host.scratchCategory, host.privateCategory];
        }),
      ),
    );
  }

  out.push('', style.bold('Copy policies') + style.dim('  (row: class as defined on a cluster; column: copy point at each cluster)'));
  const rows: string[][] = [];
  for (const mc of definition.managementClasses) {
    for (const id of ids) {
      const points = mc.copyModes[id];
      rows.push([
        rows.some((row) => row[0] === mc.name) ? '' : mc.name,
        `on C${id}`,
        ...ids.map((target) => (points === undefined ? style.dim('-') : colourPoint(points[target] ?? '?', style))),
      ]);
    }
  }
  out.push(renderTable(['class', 'defined', ...ids.map((id) => `C${id}`)], rows));
  out.push(style.dim(`  ${Object.entries(pointNames).map(([letter, name]) => `${letter} ${name}`).join(', ')}; - not defined there`));

  out.push('', style.bold('Categories'));
  out.push(
    `  insert ${definition.categories.insert}; scratch ${definition.categories.scratch
      .map((scratch) => `${scratch.id}${scratch.expireHoldMinutes > 0 ? ` (expire hold ${formatMinutes(scratch.expireHoldMinutes)})` : ' (no expire hold)'}`)
      .join(', ')}; private ${definition.categories.private.join(', ') || '-'}; error ${definition.categories.error.join(', ') || '-'}`,
  );

  out.push('', style.bold('Runbook'));
  const rules = config.runbook?.takeover ?? [];
  if (rules.length === 0) out.push('  no takeover modes allowed to operators');
  for (const rule of rules) {
    const where = rule.at === undefined ? 'any cluster' : rule.at.map((id) => clusterLabel(definition, id)).join(', ');
    const of = rule.of === undefined ? 'any cluster' : rule.of.map((id) => `C${id}`).join(', ');
    const when = rule.when === 'cluster-confirmed-down' ? 'once the cluster is confirmed down' : 'as soon as the owner does not answer';
    out.push(`  ${rule.mode === 'write' ? 'write (WOT)' : 'read (ROT)'} at ${where} for ${of}, ${when}${rule.duringDrTest === true ? ', also during DR tests' : ''}`);
  }
  // Free-text lines (title, categories, runbook) wrap like the tables, to 100 columns (issue 18 item 5).
  return out.flatMap((line) => line.split('\n')).flatMap((line) => wrapLongLine(line)).join('\n');
}
