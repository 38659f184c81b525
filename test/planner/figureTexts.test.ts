import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, plan, type LoadedConfig, type Plan } from '../../api/index.js';

/**
 * What a plan reports for each figure (docs/PLANNING.md): its value as people read it, the formula in
 * words, the inputs and defaults it used, and, when it carries a verdict, the target it was judged
 * against. Checked on every figure of every bundled example, so a figure that loses its explanation
 * (an emptied formula, a dropped input list, a verdict without a target) fails here.
 */
const examples = join(import.meta.dirname, '..', '..', 'examples');
const loadedExamples: { example: string; loaded: LoadedConfig }[] = [];
for (const example of readdirSync(examples).filter((name) => name.endsWith('.yaml'))) {
  const loaded = (await loadConfig(join(examples, example))) as LoadedConfig;
  if (loaded.ok) loadedExamples.push({ example, loaded });
}

/** Each test plans the examples itself (milliseconds each), so mutation testing sees which test runs the planner. */
async function examplePlans(): Promise<{ example: string; plan: Plan }[]> {
  const plans: { example: string; plan: Plan }[] = [];
  for (const { example, loaded } of loadedExamples) {
    const outcome = await plan(loaded);
    if (outcome.ok) plans.push({ example, plan: outcome.plan });
  }
  return plans;
}

// Rules are listed as "- OWN-2 ..." and the failover scenarios as table rows "| FS-8 | ...".
const ruleIds = new Set([...readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'DOMAIN.md'), 'utf8').matchAll(/^(?:- |\| )([A-Z]+-\d+) /gm)].map((match) => match[1]));

// Figures computed from other figures only (a class's RPO from its direction, catch-up from the
// backlog, export drives from the catalog minimum) name no inputs of their own.
const derivedOnly = /^(wan\.rpo|outage\.catch-up|media\.copy-export-drives)\./;

describe('every figure explains itself', () => {
  it('there are plans to look at', async () => {
    expect((await examplePlans()).length).toBeGreaterThanOrEqual(8);
  });

  it.each(['wan', 'outage', 'cache', 'scratch'] as const)('%s figures: value as read, formula in words, named inputs, and a target for every verdict', async (section) => {
    let seen = 0;
    for (const { example, plan } of await examplePlans()) {
      for (const figure of plan.sections.find((entry) => entry.id === section)?.figures ?? []) {
        seen += 1;
        const where = `${example} ${figure.id}`;
        expect(figure.title.trim().length, where).toBeGreaterThan(8);
        expect(figure.display, where).toMatch(/\d|unbounded|never|does not start|no inflow/);
        expect(figure.formula.trim().length, where).toBeGreaterThan(10);
        expect(figure.rules.length, where).toBeGreaterThan(0);
        for (const rule of figure.rules) expect(ruleIds, `${where} names ${rule}`).toContain(rule);
        expect(figure.unit.trim(), where).not.toBe('');
        for (const input of figure.inputs) {
          expect(input.name.trim(), where).not.toBe('');
          expect(input.value.trim(), where).not.toBe('');
        }
        if (!derivedOnly.test(figure.id)) expect(figure.inputs.length, where).toBeGreaterThan(0);
        if (figure.verdict !== 'info') expect(figure.target ?? '', where).not.toBe('');
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
