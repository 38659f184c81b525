import { describe, expect, it } from 'vitest';
import { tapegridInProcess } from './run.js';

describe('tapegrid runbook', async () => {
  it('prints the steps of a site loss with their rules, as text, a Markdown checklist and JSON', async () => {
    const text = await tapegridInProcess(['runbook', 'examples/gdps-two-site.yaml', '--fail', 'site:east']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Recovery runbook: site east lost (C0 and the TSSC there)');
    expect(text.stdout).toContain('[GDPS-3, OWN-5, OWN-13; 11.8.1]');
    const markdown = await tapegridInProcess(['runbook', 'examples/gdps-two-site.yaml', '--fail', 'site:east', '--markdown']);
    expect(markdown.stdout).toMatch(/^# Recovery runbook: site east lost/);
    expect(markdown.stdout).toContain('- [ ] **1.** GDPS moves production to site west (SYSW)');
    expect(markdown.stdout).toContain('- [ ] **2.** Confirm that C0 is down');
    const json = JSON.parse((await tapegridInProcess(['runbook', 'examples/gdps-two-site.yaml', '--fail', 'C0', '--json'])).stdout);
    expect(json.steps.map((step: { rules: string[] }) => step.rules).flat()).toContain('GDPS-4');
  });

  it('a missing or unknown failure is exit 2 with the reason', async () => {
    expect((await tapegridInProcess(['runbook', 'examples/gdps-two-site.yaml'])).stderr).toContain('--fail is required');
    const unknown = await tapegridInProcess(['runbook', 'examples/gdps-two-site.yaml', '--fail', 'site:north']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no cluster at site "north" (sites: east, west)');
  });
});
