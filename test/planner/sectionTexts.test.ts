import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWan, type Figure, type PlanInputs } from '../../planner/index.js';
import { cacheFigures } from '../../planner/cache.js';
import { scratchFigures } from '../../planner/scratch.js';
import { wanFigures } from '../../planner/wan.js';
import { link, twoSites, workload } from './helpers.js';

/**
 * Every figure explains itself (docs/PLANNING.md "What a plan reports"), section by section: a title
 * naming what it is about, the value as people read it, the formula in words, the inputs it used, its
 * unit and the rules it implements. figureTexts.test.ts checks the same on the bundled examples' whole
 * plans; this file builds grids that raise every kind of figure of the WAN, cache and scratch sections
 * and calls the sections directly, in milliseconds.
 */
const ruleIds = new Set([...readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'DOMAIN.md'), 'utf8').matchAll(/^(?:- |\| )([A-Z]+-\d+) /gm)].map((match) => match[1]));

type PlanCluster = PlanInputs['clusters'][number];
const base = twoSites();
/** C0 writes RUN and Deferred data; C1 is disk-only and writes too; C2, at a site of its own, is a tape-attached DR cluster that exports; a DR test and a peak are given. */
const everyKind: PlanInputs = {
  ...base,
  clusters: [
    { ...(base.clusters[0] as PlanCluster), driveType: null },
    { ...(base.clusters[1] as PlanCluster), kind: 'disk-only' },
    { ...(base.clusters[1] as PlanCluster), id: 2, name: 'C2', site: 'vault', copyExportPools: [8] },
  ],
  links: [link({ efficiencyDefaulted: true, streamsDefaulted: true, tcpWindowBytes: 1e6, distanceKind: 'site-to-site', routeFactor: 1.3 }), link({ between: [0, 2] }), link({ between: [1, 2], roundTripSeconds: 0.001 })],
  workloads: [workload({ classShares: { MCDEF: 0.5, MCRUN: 0.5 }, peakConcurrentMounts: 100 }), workload({ cluster: 1, hostBytesPerDay: 1e12, classShares: { MCDEF: 1 } })],
  classes: [
    { name: 'MCDEF', copyModes: { 0: ['R', 'D', 'D'], 1: ['D', 'R', 'D'] } },
    { name: 'MCRUN', copyModes: { 0: ['R', 'R', 'R'] } },
  ],
  targets: { rpoSeconds: { MCDEF: 4 * 3600, MCRUN: 0 }, drTestSeconds: null, daysResident: 5 },
  drTest: { clusters: [2], seconds: 2 * 86400, writesBytesPerDay: null, linksBroken: false },
};
const flooded = twoSites({ links: [link({ bytesPerSecondEach: 125e6 })], workloads: [workload({ hostBytesPerDay: 100e12 })] });
// Figures computed only from other figures name no inputs of their own.
const derivedOnly = /^(wan\.rpo\.\d+-\d+\.MCRUN|media\.copy-export-drives)\./;

/** What a figure's id says it is about, as its title must name it: a pair, a cluster, a site or a class. */
function subjects(id: string): string[] {
  return id
    .split('.')
    .slice(2)
    .map((part) => {
      const pair = /^(\d+)-(\d+)$/.exec(part);
      if (pair !== null) return `C${pair[1]}->C${pair[2]}`;
      return /^\d+$/.test(part) ? `C${part}` : part;
    });
}

function sections(inputs: PlanInputs): Figure[] {
  const directions = analyseWan(inputs, inputs.catalog.referenceVolumeBytes.value);
  return [...wanFigures(inputs, directions), ...cacheFigures(inputs, directions), ...scratchFigures(inputs, directions)];
}

describe('figure texts of the WAN, cache and scratch sections', () => {
  const figures = [...sections(everyKind), ...sections(flooded)];

  it('the grids raise every kind of figure of the three sections', () => {
    const kinds = new Set(figures.map((figure) => figure.id.split('.').slice(0, 2).join('.')));
    expect([...kinds].sort()).toEqual(
      [
        'cache.days-resident',
        'cache.disk-only-fill',
        'cache.effective',
        'cache.recall-exposure',
        'devices.dr-site',
        'media.cartridges',
        'media.copy-export',
        'media.copy-export-drives',
        'media.copy-export-rpo',
        'scratch.dr-test-range',
        'scratch.per-day',
        'scratch.pool',
        'wan.backlog',
        'wan.capacity',
        'wan.elongation',
        'wan.rpo',
        'wan.run-utilisation',
      ].sort(),
    );
  });

  it.each(figures.map((figure) => [figure.id, figure] as const))('%s: title, value as read, formula in words, named inputs, unit, rules of the catalogue, a target for every verdict', (id, figure) => {
    expect(figure.title.trim().length, id).toBeGreaterThan(8);
    for (const subject of subjects(id)) expect(figure.title, id).toContain(subject);
    expect(figure.display, id).toMatch(/\d|unbounded|no inflow/);
    expect(figure.formula.trim().length, id).toBeGreaterThan(10);
    expect(figure.unit.trim(), id).not.toBe('');
    expect(figure.rules.length, id).toBeGreaterThan(0);
    for (const rule of figure.rules) expect(ruleIds, `${id} names ${rule}`).toContain(rule);
    for (const input of figure.inputs) {
      expect(input.name.trim(), id).not.toBe('');
      expect(input.value.trim(), `${id} ${input.name}`).not.toBe('');
      if (input.defaultSource !== undefined) expect(input.defaultSource.trim(), `${id} ${input.name}`).not.toBe('');
    }
    if (!derivedOnly.test(`${id}.`)) expect(figure.inputs.length, id).toBeGreaterThan(0);
    if (figure.verdict !== 'info') expect(figure.target ?? '', id).not.toBe('');
  });
});
