/**
 * Rendering of results for people and machines: text tables, problem lists, grid summaries.
 * Results arrive as plain data; nothing here computes them.
 */
export { formatPath, renderProblems } from './problems.js';
export { renderGridSummary } from './gridSummary.js';
export { renderTable, visibleWidth } from './table.js';
export { createStyle, type Style } from './style.js';
export { describeStep, renderTrace } from './trace.js';
export { renderVerify, verifySentence } from './verify.js';
export { planSentence, renderPlan } from './plan.js';
export { renderScenario } from './scenario.js';
export { checklistSteps, renderChecklist, type ChecklistStep } from './checklist.js';
export { renderDrTest } from './drtest.js';
export { renderRunbook, runbookMarkdown } from './runbook.js';
