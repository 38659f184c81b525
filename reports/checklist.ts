import type { GridDefinition } from '../model/index.js';
import type { DrTestSetup } from '../properties/index.js';

/** One operator step. */
export interface ChecklistStep {
  readonly phase: 'before' | 'during' | 'after';
  readonly text: string;
  /** The guarantee it establishes, with rule ids. */
  readonly guarantee: string;
  readonly safeguard?: string;
}

const procedures: Readonly<Record<NonNullable<DrTestSetup['procedure']>, string>> = {
  'two-cluster-swp': '11.10.1 TS7700 two-cluster grid using Selective Write Protect',
  'two-cluster-links-kept': '11.10.2 TS7700 two-cluster grid not using Selective Write Protect (links kept)',
  'two-cluster-links-broken': '11.10.3 TS7700 two-cluster grid not using Selective Write Protect (links broken)',
  'three-cluster-links-kept': '11.10.4 TS7700 three-cluster grid not using Selective Write Protect',
};

/** The ordered operator checklist for this grid and plan, in the seed's order and terms (DRT-6). */
export function checklistSteps(definition: GridDefinition, test: DrTestSetup): ChecklistStep[] {
  const host = definition.hosts.find((candidate) => candidate.name === test.host);
  const dr = test.clusters.map((id) => `C${id}`).join(', ');
  const production = definition.clusters.filter((cluster) => !test.clusters.includes(cluster.id)).map((cluster) => `C${cluster.id}`).join(', ');
  const range = test.testRangePrefix === null ? 'the test VOLSER range' : `the ${test.testRangePrefix}* VOLSER range`;
  const drCluster = definition.clusters.find((cluster) => test.clusters.includes(cluster.id));
  const steps: ChecklistStep[] = [];
  const add = (step: ChecklistStep): void => {
    steps.push(step);
  };
  add({ phase: 'before', text: `Vary all virtual drives of the DR cluster (${dr}) offline to the production hosts; production keeps using ${production}.`, guarantee: 'production never works through the test cluster (TOP-3, DRT-1)' });
  add({ phase: 'before', text: `Choose the DR host's categories and confirm no host uses them: scratch ${host?.scratchCategory ?? '?'}, private ${host?.privateCategory ?? '?'} (MEDIA1, MEDIA2, ERROR, PRIVATE).`, guarantee: 'test and production categories never mix (WP-5)' });
  add({ phase: 'before', text: `Plan ${range} for the test's writes.`, guarantee: 'test data lives on volumes production never uses (DRT-2)' });
  if (test.productionRejectAnyUse.length > 0) add({ phase: 'before', text: `Production RMM (EDGRMMxx): REJECT ANYUSE(${test.productionRejectAnyUse.join(', ')}).`, guarantee: 'production never uses or accepts the test range (DRT-3)', safeguard: 'reject-anyuse' });
  if (test.removeFastReady.length > 0) add({ phase: 'before', text: `At the DR cluster's MI, remove the Fast Ready attribute of production scratch category ${test.removeFastReady.join(', ')} for the duration of the test; set it again afterwards.`, guarantee: 'production volumes scratched during the test still show their data to the DR host (CAT-1)', safeguard: 'remove-fast-ready' });
  if (test.productionReturnToScratch === 'suspended') add({ phase: 'before', text: 'Insert enough additional scratch volumes at production to last the test with return-to-scratch suspended (see the plan\'s scratch pool figure).', guarantee: 'production does not run short of scratch while it keeps the test\'s volumes (CAT-4, DRT-4)' });
  if (test.testManagementClass !== null) add({ phase: 'before', text: `Define the management class ${test.testManagementClass} with No Copy toward the production clusters (${production}) at the DR cluster.`, guarantee: 'no test data is copied to production (DRT-2, 11.9.6)', safeguard: 'no-copy-class' });
  if (test.writeProtect) {
    add({ phase: 'before', text: `On the MI of ${dr}: Configuration > Write Protect Mode > Enable Write Protect Mode${drCluster?.writeProtect.ignoreFastReady === true ? ', leaving "Ignore fast ready characteristics of write protected categories" selected' : ''}.`, guarantee: 'the test cannot change production volumes (WP-1); scratched production volumes stay readable (WP-3)', safeguard: 'selective-write-protect' });
    add({ phase: 'before', text: `Exclude the DR categories from write protect: ${drCluster?.writeProtect.excludedCategories.join(', ') || '(none configured!)'}; the insert category is always excluded.`, guarantee: 'the test can write its own volumes (WP-2, WP-5)', safeguard: 'write-protect-exclusions' });
  }
  add({ phase: 'before', text: `Insert ${range} through the MI of the DR cluster${test.links === 'broken' ? ', before breaking the links' : ''}, and check Volume Insert Processing assigned them to the DR scratch category.`, guarantee: 'the DR cluster owns the test volumes (OWN-10); insertion needs the grid', safeguard: 'insert-before-break' });
  if (test.links === 'broken') {
    add({ phase: 'before', text: `Break the grid links between ${dr} and ${production}.`, guarantee: 'only data already copied is tested; test data cannot reach production (DRT-1)' });
    if (test.takeoverWhenBroken !== 'none') add({ phase: 'before', text: `On the MI of ${dr}: enable ${test.takeoverWhenBroken === 'read' ? 'Read' : 'WRITE'} Ownership Takeover for ${production}. Never enable Write Ownership Takeover for a test.`, guarantee: 'the test reads production volumes but cannot modify them; no dual ownership (OWN-4, OWN-9, OWN-11)', safeguard: 'read-not-write-takeover' });
  }
  add({ phase: 'during', text: 'On the DR host, restore the DR system; change DEVSUPxx (and DEVSERV QLIB,CATS) to the DR categories.', guarantee: 'the DR host mounts from its own categories (WP-5)' });
  if (test.testRejectOutput.length > 0) add({ phase: 'during', text: `DR host RMM (EDGRMMxx): REJECT OUTPUT(${test.testRejectOutput.join(', ')}); remove REJECT ANYUSE of the test range there.`, guarantee: 'the test only reads production cartridges (DRT-3)', safeguard: 'reject-output' });
  if (test.testManagementClass !== null) add({ phase: 'during', text: `Change the DR host's ACS routines so every write goes to ${test.testManagementClass}; restart SMS.`, guarantee: 'no test data is copied to production (DRT-2)', safeguard: 'no-copy-class' });
  add({ phase: 'during', text: 'Make sure RMM housekeeping (EXPROC) and short-on-scratch procedures do not run on the DR host.', guarantee: 'the test host does not return production volumes to scratch (DRT-4, CAT-4)', safeguard: 'no-housekeeping-on-test-host' });
  if (test.productionReturnToScratch === 'suspended') add({ phase: 'during', text: 'Keep return-to-scratch (EXPROC) suspended on production, or limited to volumes the test does not need (RMM VRS).', guarantee: 'production does not scratch or reuse volumes the test still needs (CAT-4)', safeguard: 'suspend-return-to-scratch' });
  add({ phase: 'during', text: `Vary online the virtual drives of ${dr} on the DR host and start the test.`, guarantee: 'the test runs on the DR cluster only (DRT-1)' });
  add({ phase: 'after', text: 'Return the test cartridges to scratch at the DR site (or keep them for the next test and make sure they are defined to RMM and VOLCAT next time).', guarantee: 'the test range stays separate and reusable (DRT-2)' });
  if (test.writeProtect) add({ phase: 'after', text: `Disable Write Protect Mode on ${dr}.`, guarantee: 'the DR cluster is ready for a real disaster (DRT-7)' });
  if (test.links === 'broken') add({ phase: 'after', text: `Clear the takeover mode and repair the links; let the copy backlog catch up (see the plan's catch-up figure).`, guarantee: 'production copies reach the DR site again; nothing written meanwhile is lost (CCP-7, DRT-5)' });
  if (test.productionReturnToScratch === 'suspended') add({ phase: 'after', text: 'Resume return-to-scratch on production.', guarantee: 'normal scratch processing resumes (CAT-2)' });
  return steps;
}

/** The checklist as printable Markdown. */
export function renderChecklist(definition: GridDefinition, test: DrTestSetup): string {
  const steps = checklistSteps(definition, test);
  const lines = [`# DR test checklist: ${definition.name}`, '', test.procedure === null ? 'Procedure: as configured (drTest in the configuration).' : `Procedure: ${procedures[test.procedure]}.`, ''];
  let number = 0;
  for (const phase of ['before', 'during', 'after'] as const) {
    lines.push(`## ${phase === 'before' ? 'Before the test' : phase === 'during' ? 'During the test' : 'After the test'}`, '');
    for (const step of steps.filter((candidate) => candidate.phase === phase)) {
      number += 1;
      lines.push(`${number}. [ ] ${step.text.replace(/[<>]/g, '')}`, `   - guarantees: ${step.guarantee}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
