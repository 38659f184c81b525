import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every rule of the sections the model implements must have a test whose name carries its id.
 * Rule ids come from docs/DOMAIN.md (the project's rule catalogue).
 */

const root = join(import.meta.dirname, '..');

function ruleIds(): string[] {
  const domain = readFileSync(join(root, 'docs', 'DOMAIN.md'), 'utf8');
  return [...domain.matchAll(/^- ([A-Z]+-\d+) /gm)].map((match) => match[1] as string);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Names of `it(...)` and `test(...)` cases in the test suite. */
function testNames(): string[] {
  return testFiles(join(root, 'test')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/\b(?:it|test)\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((match) => match[2] as string);
  });
}

/** The model's sections: TOP, OWN, CCP, TVC-1/2, CAT, WP, GS, and Copy Export (CE, CER). */
const modelRule = /^(TOP|OWN|CCP|CAT|WP|GS|CE|CER)-\d+$|^TVC-[12]$/;

describe('rule coverage', () => {
  it('docs/DOMAIN.md lists the rules of every model section', () => {
    const ids = ruleIds().filter((id) => modelRule.test(id));
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(ids).toContain('OWN-12');
    expect(ids).toContain('TVC-2');
  });

  it('every rule of TOP, OWN, CCP, TVC-1/2, CAT, WP, GS, CE and CER has a test whose name carries its id', () => {
    const names = testNames();
    const missing = ruleIds()
      .filter((id) => modelRule.test(id))
      .filter((id) => !names.some((name) => new RegExp(`(^|[ (,])${id}([:,)]|$)`).test(name)));
    expect(missing, `rules without a named test: ${missing.join(', ')}`).toEqual([]);
  });
});
