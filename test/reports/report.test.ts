import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, tapegrid } from '../cli/run.js';
import { beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'tapegrid-report-'));
const first = join(work, 'first');
const second = join(work, 'second');

describe('tapegrid report', () => {
  beforeAll(() => {
    // Exit 1: safe, but growth breaks days resident on C0 in month 17 (a target not met, as in `plan`).
    expect(tapegrid(['report', 'examples/three-cluster-ha-dr.yaml', '--out', first, '--runs', '40']).code).toBe(1);
    expect(tapegrid(['report', 'examples/three-cluster-ha-dr.yaml', '--out', second, '--runs', '40']).code).toBe(1);
  });

  it('writes report.html, report.md and report.json and nothing else', () => {
    for (const name of ['report.html', 'report.md', 'report.json']) expect(existsSync(join(first, name)), name).toBe(true);
  });

  it('is deterministic: the same configuration and seed give byte-identical Markdown and JSON', () => {
    expect(readFileSync(join(second, 'report.md'), 'utf8')).toBe(readFileSync(join(first, 'report.md'), 'utf8'));
    expect(readFileSync(join(second, 'report.json'), 'utf8')).toBe(readFileSync(join(first, 'report.json'), 'utf8'));
    // Only the HTML carries a timestamp, in its marked header.
    const html = readFileSync(join(first, 'report.html'), 'utf8');
    expect(html).toMatch(/<header class="generated" id="generated">Generated \d{4}-\d{2}-\d{2}T/);
  });

  it('report.json has its format, version and every section as data', () => {
    const data = JSON.parse(readFileSync(join(first, 'report.json'), 'utf8')) as Record<string, unknown> & { version: number; summary: { safe: boolean }; traceability: { id: string; status: string }[]; whatIfs: unknown[] };
    expect(data.format).toBe('tapegrid-report');
    expect(data.version).toBe(1);
    for (const key of ['grid', 'verification', 'traces', 'whatIfs', 'runbooks', 'plan', 'traceability', 'summary']) expect(data, key).toHaveProperty(key);
    expect(data.summary.safe).toBe(true);
    // Three clusters and two sites: a what-if for each cluster and each site lost.
    expect(data.whatIfs).toHaveLength(5);
    // A runbook for each cluster (3), each site (2) and each pair's links (3), in that order (issue 14).
    const runbooks = (data as unknown as { runbooks: { failure: string; steps: { rules: string[] }[] }[] }).runbooks;
    expect(runbooks.map((runbook) => runbook.failure)).toEqual([
      'cluster C0 (PROD0) lost',
      'cluster C1 (PROD1) lost',
      'cluster C2 (DR2) lost',
      'site production lost (C0, C1 and the TSSC there)',
      'site dr lost (C2 and the TSSC there)',
      'all grid links C0-C1 down',
      'all grid links C0-C2 down',
      'all grid links C1-C2 down',
    ]);
    expect(runbooks[3]?.steps.flatMap((step) => step.rules)).toContain('GDPS-3');
    expect(readFileSync(join(first, 'report.md'), 'utf8')).toContain('## Failure runbooks');
    const schema = JSON.parse(readFileSync(join(root, 'schema', 'report.schema.json'), 'utf8')) as { required: string[] };
    for (const key of schema.required) expect(data, key).toHaveProperty(key);
  });

  it('the traceability matrix lists every rule of DOMAIN.md with its seed section and a status; gaps show as not covered', () => {
    const data = JSON.parse(readFileSync(join(first, 'report.json'), 'utf8')) as { traceability: { id: string; sections: string[]; status: string; properties: string[] }[] };
    const domain = readFileSync(join(root, 'docs', 'DOMAIN.md'), 'utf8');
    const ids = [...domain.matchAll(/^- ([A-Z]+-\d+) /gm)].map((match) => match[1]);
    for (const id of ids) expect(data.traceability.map((row) => row.id), id).toContain(id);
    const own11 = data.traceability.find((row) => row.id === 'OWN-11');
    expect(own11?.status).toBe('proven-within-scope');
    expect(own11?.properties).toContain('no-dual-ownership');
    expect(data.traceability.find((row) => row.id === 'TVC-5')?.status).toBe('checked');
    // A cluster lost (FS-5) is shown by the report's own what-if of that loss, when nothing stronger covers it.
    expect(data.traceability.find((row) => row.id === 'FS-5')?.status).toBe('scenario');
    // Encryption at the DR site (PLN-5) is nowhere in the model, planner or tests: a gap, shown as such.
    expect(data.traceability.find((row) => row.id === 'PLN-5')?.status).toBe('not-covered');
    expect(data.traceability.find((row) => row.id === 'GDPS-2')?.status).toBe('tested');
    expect(data.traceability.find((row) => row.id === 'FS-3')?.sections).toEqual(['11.2.4']);
    // The auditor reads the rule's own text beside its id, its seed section and how it was shown.
    expect(readFileSync(join(first, 'report.md'), 'utf8')).toMatch(/\| PLN-5 \| [^|]*encrypt[^|]* \| 11\.3\.2 \| not covered \|/i);
    // GDPS-1 is checked by validate's GDPS checks and their tests now.
    expect(data.traceability.find((row) => row.id === 'GDPS-1')?.status).toBe('tested');
  });

  it('does not overwrite an existing report directory without --force, and --force leaves other files alone', () => {
    const target = join(work, 'existing');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'mine');
    const refused = tapegrid(['report', 'examples/two-cluster-ha.yaml', '--out', target, '--runs', '5']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('nothing was written');
    expect(existsSync(join(target, 'report.md'))).toBe(false);
    const forced = tapegrid(['report', 'examples/two-cluster-ha.yaml', '--out', target, '--runs', '5', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('escapes every name from the configuration: hostile names cannot inject markup or script', () => {
    const target = join(work, 'hostile');
    const result = tapegrid(['report', 'test/fixtures/hostile-names.yaml', '--out', target, '--runs', '5']);
    expect(result.stderr).toBe('');
    const html = readFileSync(join(target, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toContain('<b>prod</b>');
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).toContain('&lt;script&gt;alert(0)&lt;/script&gt;');
    const markdown = readFileSync(join(target, 'report.md'), 'utf8');
    expect(markdown).not.toMatch(/<script|<img|<iframe/i);
  });
});
