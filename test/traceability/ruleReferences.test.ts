import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDomainRules, readRuleReferences } from '../../traceability/index.js';
import { scanSources } from '../../traceability/sourceIndex.js';

/**
 * The traceability map ships with the package (issue 18 item 3): the build writes it from the
 * sources with ts-morph, and reports read it. It must be what the sources say now, every rule id it
 * names must be a rule of docs/DOMAIN.md, and ts-morph must not be a run-time dependency.
 */
const root = join(import.meta.dirname, '..', '..');

describe('the shipped traceability map', () => {
  const shipped = readRuleReferences(root);

  it('is what the sources name now (rebuild with npm run build when this fails)', () => {
    expect(shipped.length).toBeGreaterThan(100);
    expect(shipped).toEqual(scanSources(root));
  });

  it('names only rule ids that docs/DOMAIN.md defines', () => {
    const defined = new Set(parseDomainRules(readFileSync(join(root, 'docs', 'DOMAIN.md'), 'utf8')).map((rule) => rule.id));
    expect(defined.size).toBeGreaterThan(60);
    expect([...new Set(shipped.map((reference) => reference.rule).filter((rule) => !defined.has(rule)))]).toEqual([]);
  });

  it('keeps ts-morph a development dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('ts-morph');
    expect(Object.keys(manifest.devDependencies)).toContain('ts-morph');
  });
});
