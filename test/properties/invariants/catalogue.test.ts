import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invariants } from '../../../properties/index.js';

const domain = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'DOMAIN.md'), 'utf8');
const ruleIds = new Set([...domain.matchAll(/^- ([A-Z]+-\d+) /gm)].map((match) => match[1]));

describe('the invariant catalogue', () => {
  it('each invariant has its own id and title, and names the rules it proves, every one a rule of DOMAIN.md', () => {
    expect(new Set(invariants.map((invariant) => invariant.id)).size).toBe(invariants.length);
    expect(new Set(invariants.map((invariant) => invariant.title)).size).toBe(invariants.length);
    for (const invariant of invariants) {
      expect(invariant.title.length, invariant.id).toBeGreaterThan(10);
      expect(invariant.rules.length, invariant.id).toBeGreaterThan(0);
      for (const rule of invariant.rules) expect(ruleIds, `${invariant.id} names ${rule}`).toContain(rule);
    }
  });

  it('the rules that make tapegrid worth running are each proven by some invariant', () => {
    const covered = new Set(invariants.flatMap((invariant) => invariant.rules));
    for (const rule of ['OWN-1', 'OWN-3', 'OWN-4', 'OWN-11', 'WP-1', 'WP-3', 'CCP-1', 'CCP-5', 'GS-4', 'DRT-2', 'DRT-3', 'DRT-7', 'CAT-1', 'CAT-2', 'CAT-5']) expect(covered, rule).toContain(rule);
  });
});
